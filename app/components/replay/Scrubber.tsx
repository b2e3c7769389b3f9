'use client';

import { useMemo } from 'react';
import type { Marker } from '@/shared/replay/markers';
import { MARKER_LOOKS, type MarkerKind } from '@/shared/replay/marker-kinds';
import { clockFace } from '../game/look';
import { MarkerGlyph } from './MarkerGlyph';

type Props = { start: number; end: number; t: number; markers: Marker[]; onSeek: (t: number) => void };

/** At most this many markers are drawn: an hour holds thousands; the list keeps them all. */
const MAX_DRAWN = 600;

/** The round's room time as a slider, with a strip of markers above it (colour and shape). */
export function Scrubber({ start, end, t, markers, onSeek }: Props) {
  const span = Math.max(1, end - start);
  const drawn = useMemo(() => thin(markers, MAX_DRAWN), [markers]);
  const kinds = useMemo(() => [...new Set(markers.map((m) => m.kind))], [markers]);
  return (
    <div className="flex flex-col gap-1" data-testid="scrubber">
      {/* Each marker its own square glyph placed by percent: its shape stays whole at any
          width (one stretched strip squeezed them into slivers on a phone). */}
      <div className="relative h-7 w-full" role="presentation">
        {drawn.map((m, i) => {
          const look = MARKER_LOOKS[m.kind];
          return (
            <svg
              key={i} viewBox="-10 -10 20 20" className="absolute top-0.5 size-6 -translate-x-1/2 cursor-pointer"
              style={{ left: `${((m.at - start) / span) * 100}%` }} onClick={() => onSeek(m.at)} data-testid="scrubber-marker" data-kind={m.kind}
            >
              <title>{`${clockFace(m.at)} ${m.text}`}</title>
              <MarkerGlyph shape={look.shape} colour={look.colour} size={18} />
            </svg>
          );
        })}
      </div>
      <input
        type="range" min={start} max={end} step={1} value={Math.min(end, Math.max(start, t))}
        onChange={(e) => onSeek(Number(e.target.value))}
        aria-label="Room time" aria-valuetext={clockFace(t)} data-testid="scrubber-range"
        className="h-3 w-full cursor-pointer accent-brass"
      />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-mist">
        <span className="font-mono tabular-nums">{clockFace(start)}</span>
        {kinds.map((kind) => <Key key={kind} kind={kind} />)}
        <span className="ml-auto font-mono tabular-nums">{clockFace(end)}</span>
      </div>
    </div>
  );
}

function Key({ kind }: { kind: MarkerKind }) {
  const look = MARKER_LOOKS[kind];
  return (
    <span className="flex items-center gap-1">
      <svg viewBox="-10 -10 20 20" className="size-4"><MarkerGlyph shape={look.shape} colour={look.colour} size={18} /></svg>
      {look.name}
    </span>
  );
}

/** Drawn last, so on top where markers meet: the alarms a teacher came for, then faults, then the rest. */
const ON_TOP: readonly MarkerKind[] = ['refused', 'commit', 'resume', 'heal', 'restart', 'leader', 'handover', 'leader-lost', 'pause', 'partition', 'crash', 'stale-leader', 'split-brain'];
const depth = (kind: MarkerKind) => ON_TOP.indexOf(kind);

/** Keeps every kind visible when there are too many (the common refusals and commits are thinned), alarms on top. */
function thin(markers: Marker[], max: number): Marker[] {
  const step = Math.ceil(markers.length / max);
  const kept = markers.length <= max ? markers : markers.filter((m, i) => m.kind !== 'refused' && m.kind !== 'commit' ? true : i % step === 0).slice(0, max * 2);
  return [...kept].sort((a, b) => depth(a.kind) - depth(b.kind));
}
