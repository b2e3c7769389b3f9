import { memo, useCallback, useMemo } from 'react';
import type { TruthTeam } from '@/shared/game/screen-view';
import { MessageFlight } from './MessageFlight';
import { NodeGlyph, type Detail } from './NodeGlyph';
import { PALETTE, seconds, type ScreenLook } from './look';
import { arcPath, placeService, ringLayout, type Point } from './ring-layout';

export type RingSelection = { onSelectNode?: (index: number) => void; selectedNode?: number | null; onSelectMessage?: (id: number) => void };

type Props = RingSelection & {
  team: TruthTeam;
  look: ScreenLook;
  /** Estimated room time now, and the room time the view was made at. */
  now: number;
  viewAt: number;
  /** 'compact' for a team in a grid: fewer, bigger words. */
  compact?: boolean;
  label: string;
};

/** The cluster as a ring: links, the partition, the lock service, nodes and messages in flight. */
export function ClusterRing({ team, look, now, viewAt, compact, label, onSelectNode, selectedNode, onSelectMessage }: Props) {
  const count = team.nodes.length;
  const detail: Detail = count > 16 ? 'dots' : compact ? 'compact' : count > 9 ? 'medium' : 'full';
  // Room for the longest role word with its prefix ("PAUSED ", "STALE "): ring-layout.ts.
  // (the roles of the legend: the ones the projector draws; the phone's own may be longer).
  const roleChars = Math.max(0, ...look.words.legend.map((role) => look.roles[role]?.word.length ?? 0)) + 7;
  // The layout changes only with the partition: the 50 ms clock re-render reuses it (issue 12).
  const partitionKey = JSON.stringify(team.partition);
  const layout = useMemo(() => ringLayout(count, JSON.parse(partitionKey) as number[][] | null, detail, look.words.service, roleChars), [count, partitionKey, detail, look.words.service, roleChars]);
  const hasService = look.words.service;
  const service = useMemo(() => (hasService ? placeService(layout, JSON.parse(partitionKey) as number[][] | null) : layout.centre), [hasService, layout, partitionKey]);
  const where = useCallback((i: number): Point => (i === -1 ? service : (layout.positions[i] ?? layout.centre)), [service, layout]);
  const nameOf = (i: number) => (i === -1 ? `the ${(look.words.serviceName ?? 'service').toLowerCase()}` : (team.nodes[i]?.label ?? '?'));
  const pillFont = count > 16 || team.messages.length > 40 ? 0 : compact ? 30 : 34;

  return (
    <svg viewBox={`${layout.box.x} ${layout.box.y} ${layout.box.width} ${layout.box.height}`} className="h-full w-full overflow-visible" role="img" aria-label={label} data-testid="cluster-ring">
      {layout.sides.map((side, i) => (
        <path key={i} transform={`translate(${side.shift.x} ${side.shift.y})`} d={arcPath(layout.centre, layout.radius, side.startAngle, side.endAngle)} fill="none" stroke={i % 2 === 0 ? '#1f7fb833' : '#f5b82e2b'} strokeWidth={layout.nodeSize * 3.4} strokeLinecap="round" />
      ))}
      {layout.sides.length === 0 ? <circle cx={layout.centre.x} cy={layout.centre.y} r={layout.radius} fill="none" stroke="#ffffff14" strokeWidth={4} /> : null}
      <Links team={team} service={look.words.service} where={where} sideOf={layout.sideOf} />
      {layout.cuts.map((cut, i) => {
        const low = cut.to.y >= cut.from.y ? cut.to : cut.from;
        return (
        <g key={i}>
          <line x1={cut.from.x} y1={cut.from.y} x2={cut.to.x} y2={cut.to.y} stroke={PALETTE.coral} strokeWidth={8} strokeDasharray="22 16" strokeLinecap="round" />
          {i === 0 ? (
            <text x={low.x} y={low.y + (compact ? 48 : 38)} fontSize={compact ? 40 : 36} fontWeight={900} letterSpacing={3} textAnchor="middle" fill={PALETTE.coral}>
              PARTITION
            </text>
          ) : null}
        </g>
        );
      })}
      {look.words.service && team.lease ? <LockService at={service} lease={team.lease} now={now} compact={!!compact} /> : null}
      {team.nodes.map((node) => {
        const running = node.status === 'live' && !node.clock.frozen;
        // Quantized, so a memoized glyph re-renders a few times a second, not at every clock frame (issue 12).
        const remaining = node.timer && detail !== 'dots' ? quantize(Math.max(0, node.timer.remainingMs - (running ? (now - viewAt) * node.clock.rate : 0)), detail === 'full' ? 100 : 250) : null;
        return (
          <NodeGlyph
            key={node.index}
            node={node}
            roles={look.roles}
            at={where(node.index)}
            size={layout.nodeSize}
            detail={detail}
            remainingMs={remaining}
            stale={node.stale}
            selected={selectedNode === node.index}
            onSelect={onSelectNode ? () => onSelectNode(node.index) : undefined}
          />
        );
      })}
      {team.messages.map((message) => (
        <MessageFlight
          key={message.id}
          message={message}
          from={where(message.from)}
          to={where(message.to)}
          now={now}
          fontSize={pillFont}
          trim={layout.nodeSize * 1.6}
          names={{ from: nameOf(message.from), to: nameOf(message.to) }}
          onSelect={onSelectMessage ? () => onSelectMessage(message.id) : undefined}
        />
      ))}
    </svg>
  );
}

const quantize = (ms: number, step: number) => Math.ceil(ms / step) * step;

/** Faint lines along which messages travel; slow or lossy links drawn dashed with their setting. */
const Links = memo(function Links({ team, service, where, sideOf }: { team: TruthTeam; service: boolean; where: (i: number) => Point; sideOf: number[] }) {
  const lines: { a: number; b: number }[] = [];
  const count = team.nodes.length;
  // A central service: every node talks to it, not to each other.
  if (service) for (let i = 0; i < count; i++) lines.push({ a: i, b: -1 });
  else if (count <= 12) for (let a = 0; a < count; a++) for (let b = a + 1; b < count; b++) if ((sideOf[a] ?? -1) === (sideOf[b] ?? -1)) lines.push({ a, b });
  return (
    <g>
      {lines.map(({ a, b }) => {
        const p = where(a);
        const q = where(b);
        return <line key={`${a}-${b}`} x1={p.x} y1={p.y} x2={q.x} y2={q.y} stroke="#ffffff" strokeOpacity={0.1} strokeWidth={3} />;
      })}
      {team.slowLinks.filter((link) => link.delayMs !== undefined || link.dropRate !== undefined).map((link) => {
        const p = where(link.from);
        const q = where(link.to);
        const mid = { x: p.x + (q.x - p.x) * 0.62, y: p.y + (q.y - p.y) * 0.62 };
        const text = [link.delayMs !== undefined ? `slow: ${seconds(link.delayMs)}` : '', link.dropRate ? `drops ${Math.round(link.dropRate * 100)}%` : ''].filter(Boolean).join(' · ');
        return (
          <g key={`${link.from}>${link.to}`}>
            <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} stroke={PALETTE.amber} strokeWidth={6} strokeDasharray="4 12" strokeLinecap="round" />
            {text ? (
              <text x={mid.x} y={mid.y} fontSize={34} fontWeight={800} textAnchor="middle" fill={PALETTE.amber} stroke={PALETTE.abyss} strokeWidth={8} paintOrder="stroke">
                {text}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});

/** Lease: the lock service in the middle, with who holds the lease and for how long. */
function LockService({ at, lease, now, compact }: { at: Point; lease: NonNullable<TruthTeam['lease']>; now: number; compact: boolean }) {
  const left = lease.expiresAt === null ? null : Math.max(0, lease.expiresAt - now);
  // The words the class reads from the back row: 28 px and up at 1920x1080 (issue 8).
  const w = compact ? 340 : 400;
  const h = compact ? 170 : 230;
  const big = compact ? 44 : 40;
  const small = compact ? big * 0.68 : 34;
  return (
    <g transform={`translate(${at.x}, ${at.y})`} data-testid="lock-service" style={{ transition: 'transform 600ms ease' }}>
      <rect x={-w / 2} y={-h / 2} width={w} height={h} rx={22} fill={PALETTE.navy} stroke={lease.holder ? PALETTE.brass : PALETTE.mist} strokeWidth={5} />
      <text y={-h / 2 + small * 1.25} fontSize={compact ? big * 0.6 : small} fontWeight={800} letterSpacing={3} textAnchor="middle" fill={PALETTE.mist}>
        LOCK SERVICE
      </text>
      <text y={compact ? big * 0.45 : big * 0.2} fontSize={big} fontWeight={900} textAnchor="middle" fill={lease.holder ? PALETTE.brass : PALETTE.mist}>
        {lease.holder ? `held by ${lease.holder}` : 'free'}
      </text>
      {left !== null ? (
        <text y={h / 2 - small * (compact ? 0.66 : 1.6)} fontSize={small} fontWeight={700} textAnchor="middle" fill={left < 2000 ? PALETTE.coral : PALETTE.foam}>
          {left > 0 ? `expires in ${seconds(Math.ceil(left / 100) * 100)}` : 'expired'}
          {compact ? ` · token ${lease.token ?? '–'}` : null}
        </text>
      ) : null}
      {left !== null && !compact ? (
        <text y={h / 2 - small * 0.5} fontSize={small} fontWeight={700} textAnchor="middle" fill={PALETTE.foam}>
          token {lease.token ?? '–'}
        </text>
      ) : null}
    </g>
  );
}
