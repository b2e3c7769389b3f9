'use client';

import { useMemo, type MouseEvent } from 'react';
import type { DiagramBand, DiagramData, DiagramMessage } from '@/shared/replay/diagram';
import { clockFace, PALETTE } from '../game/look';

type Lane = { index: number; label: string; name: string };
/** `compact`: a phone's diagram: lane letters without names, no labels on arrows, bigger type (it is drawn small). */
type Props = { diagram: DiagramData; team: number; lanes: Lane[]; t: number; windowMs: number; onSeek: (t: number) => void; width?: number; compact?: boolean };

/** Room left of the lanes for the node's letter and name (compact: the letter only). */
const GUTTER = 130;
const COMPACT_GUTTER = 30;
const LANE = 44;
const TOP = 26;

const BAND_COLOURS: Record<DiagramBand['role'], string> = {
  leader: PALETTE.brass, candidate: PALETTE.amber, precandidate: PALETTE.violet, electing: PALETTE.amber, follower: PALETTE.wave, idle: PALETTE.grey,
};

/**
 * The space-time diagram (ShiViz-style): time runs across, one lane per node; each message
 * an arrow from its send to its delivery, a lost one ends in a cross; the band under each
 * lane is the node's role; crashes and pauses cover the lane; a partition tints the team.
 * Clicking a message seeks to its send; clicking elsewhere seeks to that time.
 */
export function SpaceTimeDiagram({ diagram, team, lanes, t, windowMs, onSeek, width: W = 1600, compact = false }: Props) {
  const gutter = compact ? COMPACT_GUTTER : GUTTER;
  const type = compact ? { tick: 16, lane: 20, fault: 15 } : { tick: 12, lane: 15, fault: 12 };
  const left = t - windowMs / 2;
  const right = t + windowMs / 2;
  const service = useMemo(() => diagram.messages.some((m) => m.team === team && (m.to === -1 || m.from === -1)), [diagram, team]);
  const allLanes = service ? [...lanes, { index: -1, label: 'S', name: 'lock service' }] : lanes;
  const y = (node: number) => TOP + (node === -1 ? lanes.length : node) * LANE + LANE / 2;
  const x = (time: number) => gutter + ((time - left) / windowMs) * (W - gutter);
  const height = TOP + allLanes.length * LANE + 6;
  const inWindow = (from: number, to: number | null) => from <= right && (to ?? Number.POSITIVE_INFINITY) >= left;
  const messages = diagram.messages.filter((m) => m.team === team && inWindow(m.sentAt, m.endAt));
  const bands = diagram.bands.filter((b) => b.team === team && inWindow(b.from, b.to));
  const faults = diagram.faults.filter((f) => f.team === team && inWindow(f.from, f.to));
  const clip = (time: number | null) => Math.min(W, Math.max(gutter, x(time ?? right)));
  const seekAtClick = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const ux = ((e.clientX - box.left) / box.width) * W;
    if (ux >= gutter) onSeek(left + ((ux - gutter) / (W - gutter)) * windowMs);
  };
  // No tick before room time 0 (the window is centred on t, so near the start half of it is before the round): clockFace would print 00:00 for each.
  const ticks = Array.from({ length: 4 }, (_, i) => left + (i * windowMs) / 4).filter((time) => time >= 0);

  return (
    <svg viewBox={`0 0 ${W} ${height}`} className="w-full select-none" data-testid="space-time" onClick={seekAtClick} role="img" aria-label={`Space-time diagram around ${clockFace(t)}`}>
      <rect x={gutter} y={0} width={W - gutter} height={height} fill={PALETTE.navy} rx={6} />
      {ticks.map((time) => (
        <g key={time}>
          <line x1={x(time)} x2={x(time)} y1={TOP - 6} y2={height} stroke={PALETTE.deck} strokeWidth={1} />
          <text x={x(time)} y={compact ? 17 : 14} fill={PALETTE.mist} fontSize={type.tick} textAnchor="middle" className="font-mono">{clockFace(time)}</text>
        </g>
      ))}
      {faults.filter((f) => f.kind === 'partition').map((f, i) => (
        <rect key={`p${i}`} x={clip(f.from)} y={TOP} width={clip(f.to) - clip(f.from)} height={allLanes.length * LANE} fill={PALETTE.violet} opacity={0.16} data-testid="diagram-partition" />
      ))}
      {allLanes.map((lane) => (
        <g key={lane.index}>
          <line x1={gutter} x2={W} y1={y(lane.index)} y2={y(lane.index)} stroke={PALETTE.mist} strokeOpacity={0.35} strokeWidth={1.5} />
          <text x={compact ? 6 : 8} y={y(lane.index) + 6} fill={PALETTE.foam} fontSize={type.lane} fontWeight={800}>{lane.label}</text>
          {compact ? null : <text x={30} y={y(lane.index) + 5} fill={PALETTE.mist} fontSize={12}><title>{lane.name}</title>{cut(lane.name, 11)}</text>}
        </g>
      ))}
      {bands.map((b, i) => (
        <rect key={`b${i}`} x={clip(b.from)} y={y(b.node!) + 8} width={Math.max(0, clip(b.to) - clip(b.from))} height={6} fill={BAND_COLOURS[b.role]} opacity={0.85}>
          <title>{`${lanes[b.node!]?.label ?? ''} ${b.role} from ${clockFace(b.from)}`}</title>
        </rect>
      ))}
      {faults.filter((f) => f.kind !== 'partition').map((f, i) => (
        <g key={`f${i}`} data-testid={`diagram-${f.kind}`}>
          <rect x={clip(f.from)} y={y(f.node!) - LANE / 2 + 4} width={Math.max(2, clip(f.to) - clip(f.from))} height={LANE - 8}
            fill={f.kind === 'crashed' ? '#262f3b' : '#173b52'} stroke={f.kind === 'crashed' ? PALETTE.coral : PALETTE.ice} strokeDasharray="6 4" opacity={0.9} />
          <text x={clip(f.from) + 6} y={y(f.node!) + 4} fill={f.kind === 'crashed' ? PALETTE.coral : PALETTE.ice} fontSize={type.fault} fontWeight={800}>{f.kind === 'crashed' ? 'DOWN' : 'PAUSED'}</text>
        </g>
      ))}
      {messages.map((m) => <Arrow key={`${m.team}:${m.id}`} m={m} x={x} y={y} right={right} t={t} onSeek={onSeek} labelled={!compact} />)}
      <line x1={x(t)} x2={x(t)} y1={TOP - 8} y2={height} stroke={PALETTE.brass} strokeWidth={3} data-testid="diagram-cursor" />
    </svg>
  );
}

type ArrowProps = { m: DiagramMessage; x: (t: number) => number; y: (n: number) => number; right: number; t: number; onSeek: (t: number) => void; labelled: boolean };

function Arrow({ m, x, y, right, t, onSeek, labelled }: ArrowProps) {
  const lost = m.outcome !== 'delivered' && m.outcome !== 'in-flight';
  const x1 = x(m.sentAt);
  const y1 = y(m.from);
  const end = m.endAt ?? right;
  const x2 = x(end);
  const y2 = y(m.to);
  const colour = lost ? PALETTE.coral : PALETTE.ice;
  return (
    <g
      className="cursor-pointer" opacity={m.sentAt > t ? 0.35 : 1} data-testid="diagram-message" data-lost={lost} data-sent={m.sentAt} data-kind={m.kind}
      onClick={(e) => { e.stopPropagation(); onSeek(m.sentAt); }}
    >
      <title>{`${m.kind} ${m.from === -1 ? 'S' : m.from}→${m.to === -1 ? 'S' : m.to}, sent ${clockFace(m.sentAt)}, ${m.outcome}`}</title>
      <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="transparent" strokeWidth={12} />
      {/* Only the wide transparent line takes the click, so the arrow is easy to hit. */}
      <g pointerEvents="none">
      <line x1={x1} y1={y1} x2={x2} y2={y2} stroke={colour} strokeWidth={2} strokeDasharray={lost || m.outcome === 'in-flight' ? '5 4' : undefined} />
      <circle cx={x1} cy={y1} r={3} fill={colour} />
      {labelled && Math.abs(x2 - x1) > 60 ? <text x={(x1 + x2) / 2 + 4} y={(y1 + y2) / 2 - 4} fill={colour} fontSize={11} className="font-mono">{m.kind}</text> : null}
      {lost ? <path d={`M${x2 - 6} ${y2 - 6} L${x2 + 6} ${y2 + 6} M${x2 + 6} ${y2 - 6} L${x2 - 6} ${y2 + 6}`} stroke={PALETTE.coral} strokeWidth={3} /> : <circle cx={x2} cy={y2} r={4} fill={colour} />}
      </g>
    </g>
  );
}

/** A name that fits the lane's margin, cut with an ellipsis (not mid-word without a sign: "lock servic"). */
function cut(name: string, max: number): string {
  return name.length <= max ? name : `${name.slice(0, max - 1)}…`;
}
