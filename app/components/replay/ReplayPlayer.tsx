'use client';

import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { frameAt } from '@/shared/replay/frame';
import type { Timeline } from '@/shared/replay/timeline';
import type { GameScreenView } from '@/shared/game/screen-view';
import { GameStage } from '../game/GameStage';
import { clockFace } from '../game/look';
import { PlayerControls } from './PlayerControls';
import { Scrubber } from './Scrubber';
import { SpaceTimeDiagram } from './SpaceTimeDiagram';
import { StudentEyes } from './StudentEyes';
import { usePlayback } from './use-playback';

type Props = { timeline: Timeline; title: string; initialT: number | null; actions?: React.ReactNode; onFork?: (t: number) => void };

/**
 * The film of a round: the projector's own cluster view at room time t (folded by the
 * live game's code), a scrubber with markers, controls, a student's phone at t and the
 * space-time diagram, all on one clock.
 */
export function ReplayPlayer({ timeline, title, initialT, actions, onFork }: Props) {
  const playback = usePlayback(timeline, initialT);
  const { t } = playback;
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [team, setTeam] = useState(0);
  const frame = useMemo(() => frameAt(timeline, t, nodeId), [timeline, t, nodeId]);
  // The stage animates on its own only while the film plays; paused, it shows exactly t.
  // The same for the replayed phone: its countdowns must stand still with the film.
  const view: GameScreenView = useMemo(
    () => ({ ...frame.screen, clock: { ...frame.screen.clock, running: playback.playing && frame.screen.clock.running } }),
    [frame, playback.playing],
  );
  const eyesFrame = useMemo(
    () => (frame.seat ? { ...frame, seat: { ...frame.seat, clock: { ...frame.seat.clock, running: playback.playing && frame.seat.clock.running } } } : frame),
    [frame, playback.playing],
  );
  const wide = useMedia('(min-width: 1280px)', true);
  const narrow = useMedia('(max-width: 639px)', false);
  const receivedAt = typeof performance === 'undefined' ? 0 : performance.now();
  useDeepLink(t, playback.playing);
  const teamView = frame.screen.teams[team] ?? frame.screen.teams[0]!;
  const selected = frame.seat?.team != null && frame.seat.index != null ? { team: frame.seat.team, index: frame.seat.index } : null;

  return (
    <main className="flex min-h-dvh flex-col gap-3 px-3 py-3 lg:px-6" data-testid="replay-player" data-t={Math.round(t)} data-index={frame.index}>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-xl font-black lg:text-2xl"><span className="text-brass">Replay</span> · {title}</h1>
        <span className="font-mono text-lg text-mist tabular-nums" data-testid="replay-time">{clockFace(t)}</span>
        <div className="ml-auto flex flex-wrap gap-2">{actions}</div>
      </header>
      <PlayerControls playback={playback} onFork={onFork} />
      <Scrubber start={timeline.startTime} end={timeline.endTime} t={t} markers={timeline.markers} onSeek={playback.seek} />
      {/* Wide: the row is as tall as the truth needs (podium, ring, ticker), never less than
          40rem; the student's phone beside it scrolls inside that height instead of setting it. */}
      <div className="grid min-h-0 gap-4 xl:min-h-[40rem] xl:grid-cols-[minmax(0,1fr)_44rem]">
        <div className="flex min-h-[30rem] min-w-0 flex-col xl:min-h-0">
          <GameStage
            view={view} receivedAt={receivedAt} variant="host" selectedNode={selected}
            onSelectNode={(tm, index) => { setTeam(tm); setNodeId(frame.screen.teams[tm]?.nodes[index]?.nodeId ?? null); }}
          />
        </div>
        <div className="min-w-0 xl:relative">
          <div className="flex xl:absolute xl:inset-0">
            <StudentEyes frame={eyesFrame} nodes={frame.screen.teams.flatMap((tm) => tm.nodes)} nodeId={nodeId} onPick={(id) => { setNodeId(id); const tm = frame.screen.teams.find((x) => x.nodes.some((n) => n.nodeId === id)); if (tm) setTeam(tm.team); }} receivedAt={receivedAt} />
          </div>
        </div>
      </div>
      {timeline.diagram ? (
        <section className="flex flex-col gap-1" aria-label="Space-time diagram">
          <h2 className="text-sm font-black tracking-widest text-mist uppercase">Space-time diagram{frame.screen.teams.length > 1 ? ` · team ${team + 1}` : ''} · click a message to go to it</h2>
          {/* A phone gets a compact diagram that fits its width (letters only, a shorter window), never a sideways scroll. */}
          <SpaceTimeDiagram
            width={wide ? 1600 : narrow ? 480 : 800} compact={narrow} diagram={timeline.diagram} team={teamView.team}
            lanes={teamView.nodes.map((n) => ({ index: n.index, label: n.label, name: n.nickname }))} t={t} windowMs={narrow ? 12_000 : 20_000} onSeek={playback.seek}
          />
        </section>
      ) : null}
    </main>
  );
}

/**
 * Keeps `?t=` (seconds) in the address while paused, so a teacher can link a moment.
 * Debounced: browsers cap replaceState (Safari throws past 100 calls in 30 s), and a
 * drag of the scrubber moves t many times a second.
 */
function useDeepLink(t: number, playing: boolean): void {
  useEffect(() => {
    if (playing) return;
    const id = window.setTimeout(() => {
      const url = new URL(window.location.href);
      // To the millisecond, rounded up: room time is fractional, and a link to a marker
      // must open at or just after it, never a fraction before (the moment without its event).
      url.searchParams.set('t', String(Math.ceil(t) / 1000));
      try {
        window.history.replaceState(null, '', url);
      } catch {
        // Over the browser's cap: the link updates on the next pause.
      }
    }, 250);
    return () => window.clearTimeout(id);
  }, [t, playing]);
}

/** Whether a media query matches (wide screens draw the diagram with more time per pixel, phones a compact one). */
function useMedia(query: string, onServer: boolean): boolean {
  return useSyncExternalStore(
    (change) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', change);
      return () => list.removeEventListener('change', change);
    },
    () => window.matchMedia(query).matches,
    () => onServer,
  );
}

/** `?t=12.5` -> 12,500 ms of room time (`?t=12.347` -> 12,347), or null. */
export function readDeepLink(): number | null {
  if (typeof window === 'undefined') return null;
  const raw = new URL(window.location.href).searchParams.get('t');
  const seconds = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
