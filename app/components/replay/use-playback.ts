/**
 * The player's clock: room time t, play/pause at 0.25x-16x, steps to the previous/next
 * logged event and jumps to the previous/next marker. Keyboard as presenter remotes send
 * it: Space, arrows, Home/End, PageUp/PageDown.
 */
'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Timeline } from '@/shared/replay/timeline';
import { rowAt } from '@/shared/replay/timeline';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

export interface Playback {
  t: number;
  playing: boolean;
  speed: number;
  seek: (t: number) => void;
  toggle: () => void;
  setSpeed: (speed: number) => void;
  stepEvent: (direction: 1 | -1) => void;
  jumpMarker: (direction: 1 | -1) => void;
}

const clamp = (timeline: Timeline, t: number) => Math.min(timeline.endTime, Math.max(timeline.startTime, t));

export function usePlayback(timeline: Timeline, initialT: number | null): Playback {
  const [t, setT] = useState(() => clamp(timeline, initialT ?? timeline.startTime));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const tRef = useRef(t);
  tRef.current = t;

  const seek = useCallback((next: number) => setT(clamp(timeline, next)), [timeline]);
  const toggle = useCallback(() => setPlaying((p) => {
    // Play at the end starts the film again, as a video player does (it did nothing).
    if (!p && tRef.current >= timeline.endTime) {
      tRef.current = timeline.startTime;
      setT(timeline.startTime);
    }
    return !p;
  }), [timeline]);

  // Step to the next instant at which something was logged (rows sharing a time are one instant).
  const stepEvent = useCallback((direction: 1 | -1) => {
    const rows = timeline.rows;
    const now = tRef.current;
    if (direction > 0) {
      const next = rowAt(timeline, now) + 1;
      if (next < rows.length) seek(rows.time[next]!);
    } else {
      const index = rowAt(timeline, now - 1);
      seek(index >= 0 ? rows.time[index]! : timeline.startTime);
    }
    setPlaying(false);
  }, [timeline, seek]);

  const jumpMarker = useCallback((direction: 1 | -1) => {
    const now = tRef.current;
    const markers = timeline.markers;
    const target = direction > 0 ? markers.find((m) => m.at > now) : [...markers].reverse().find((m) => m.at < now);
    if (target) seek(target.at);
    setPlaying(false);
  }, [timeline, seek]);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const next = tRef.current + (now - last) * speed;
      last = now;
      if (next >= timeline.endTime) {
        setT(timeline.endTime);
        setPlaying(false);
        return;
      }
      setT(next);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, timeline]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'range'))) return;
      // Captured before the replayed phone's own shortcuts (window, bubble phase) hear it:
      // in a replay the keys drive the film, never a move.
      e.stopPropagation();
      const actions: Record<string, () => void> = {
        ' ': toggle,
        ArrowRight: () => stepEvent(1),
        ArrowLeft: () => stepEvent(-1),
        PageDown: () => jumpMarker(1),
        PageUp: () => jumpMarker(-1),
        Home: () => seek(timeline.startTime),
        End: () => seek(timeline.endTime),
      };
      const action = actions[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [toggle, stepEvent, jumpMarker, seek, timeline]);

  return { t, playing, speed, seek, toggle, setSpeed, stepEvent, jumpMarker };
}
