import { memo, useCallback, useMemo } from 'react';
import type { TruthTeam } from '@/shared/game/screen-view';
import { MessageFlight } from './MessageFlight';
import { NodeGlyph, type Detail } from './NodeGlyph';
import { NodeWords } from './NodeWords';
import { PALETTE, seconds, skewText, type ScreenLook } from './look';
import { floorFont, fitRing, pillFontFor, type RingFit } from './ring-fit';
import { arcPath, placeService, ringLayout, type Point } from './ring-layout';
import { useElementSize } from './use-element-size';
import { LockService } from './LockService';

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
  /**
   * The projector's floor (28 px at 1920x1080, issue 8): the ring measures its room and
   * shows the richest detail whose every word is drawn at least this big (ring-fit.ts).
   * Unset (the host's panel): the detail follows the node count.
   */
  minTextPx?: number;
};

/** The cluster as a ring: links, the partition, the lock service, nodes and messages in flight. */
export function ClusterRing({ team, look, now, viewAt, compact, label, minTextPx, onSelectNode, selectedNode, onSelectMessage }: Props) {
  const count = team.nodes.length;
  const room = useElementSize<SVGSVGElement>(minTextPx !== undefined);
  // Room for the longest role word (a prefix, "PAUSED", "STALE", goes on its own line: NodeWords).
  // (the roles of the legend: the ones the projector draws; the phone's own may be longer).
  const roleChars = Math.max(0, ...look.words.legend.map((role) => look.roles[role]?.word.length ?? 0));
  const labelChars = Math.max(1, ...team.nodes.map((node) => node.label.length));
  // Room kept for the longest clock-skew badge, in steps of 4 characters: a drifting clock's badge
  // ("+0.6 s", "+12 s") does not move the ring at every view.
  const badgeChars = roundUp(Math.max(0, ...team.nodes.map((node) => skewText(node.clock)?.length ?? 0)), 4);
  // The layout changes only with the partition, the badges (and the room): the 50 ms clock re-render reuses it (issue 12).
  const partitionKey = JSON.stringify(team.partition);
  const width = room.size?.width ?? 0;
  const height = room.size?.height ?? 0;
  const { layout, detail, fit } = useMemo(() => {
    const partition = JSON.parse(partitionKey) as number[][] | null;
    if (minTextPx !== undefined && width > 0 && height > 0) {
      const fitted: RingFit = fitRing({ count, partition, service: look.words.service, roleChars, labelChars, width, height, minPx: minTextPx, badgeChars });
      return { layout: fitted.layout, detail: fitted.detail, fit: fitted };
    }
    const byCount: Detail = count > 16 ? 'dots' : compact ? 'compact' : count > 9 ? 'medium' : 'full';
    return { layout: ringLayout(count, partition, byCount, look.words.service, roleChars, 1, 'under', badgeChars), detail: byCount, fit: null };
  }, [count, partitionKey, compact, look.words.service, roleChars, labelChars, minTextPx, width, height, badgeChars]);
  const floor = minTextPx ?? 0;
  const hasService = look.words.service;
  const service = useMemo(() => (hasService ? placeService(layout, JSON.parse(partitionKey) as number[][] | null) : layout.centre), [hasService, layout, partitionKey]);
  const where = useCallback((i: number): Point => (i === -1 ? service : (layout.positions[i] ?? layout.centre)), [service, layout]);
  const nameOf = (i: number) => (i === -1 ? `the ${(look.words.serviceName ?? 'service').toLowerCase()}` : (team.nodes[i]?.label ?? '?'));
  const pillFont = fit ? pillFontFor(fit, team.messages.length, floor) : count > 16 || team.messages.length > 40 ? 0 : compact ? 30 : 34;
  const partitionFont = floorFont(compact ? 40 : 36, fit, floor);

  // Until the projector's ring has measured its room, draw nothing: a first paint at the
  // screen-independent layout would make nodes and words glide 600 ms into the fitted one,
  // and the words crossed the header on their way (seen at a round's 00:00).
  if (minTextPx !== undefined && !room.size) {
    return <svg ref={room.ref} className="h-full w-full" role="img" aria-label={label} data-testid="cluster-ring" data-detail="measuring" />;
  }

  return (
    <svg ref={room.ref} viewBox={`${layout.box.x} ${layout.box.y} ${layout.box.width} ${layout.box.height}`} className="h-full w-full overflow-visible" role="img" aria-label={label} data-testid="cluster-ring" data-detail={detail}>
      {layout.sides.map((side, i) => (
        <path key={i} transform={`translate(${side.shift.x} ${side.shift.y})`} d={arcPath(layout.centre, layout.radius, side.startAngle, side.endAngle, layout.stretch)} fill="none" stroke={i % 2 === 0 ? '#1f7fb833' : '#f5b82e2b'} strokeWidth={layout.nodeSize * 3.4} strokeLinecap="round" />
      ))}
      {layout.sides.length === 0 ? <ellipse cx={layout.centre.x} cy={layout.centre.y} rx={layout.radius * layout.stretch} ry={layout.radius} fill="none" stroke="#ffffff14" strokeWidth={4} /> : null}
      <Links team={team} service={look.words.service} where={where} sideOf={layout.sideOf} fontSize={floorFont(34, fit, floor)} />
      {layout.cuts.map((cut, i) => {
        const low = cut.to.y >= cut.from.y ? cut.to : cut.from;
        return (
        <g key={i}>
          <line x1={cut.from.x} y1={cut.from.y} x2={cut.to.x} y2={cut.to.y} stroke={PALETTE.coral} strokeWidth={8} strokeDasharray="22 16" strokeLinecap="round" />
          {i === 0 && partitionFont > 0 ? (
            <text x={low.x} y={low.y + partitionFont * 1.1} fontSize={partitionFont} fontWeight={900} letterSpacing={3} textAnchor="middle" fill={PALETTE.coral}>
              PARTITION
            </text>
          ) : null}
        </g>
        );
      })}
      {look.words.service && team.lease ? <LockService at={service} lease={team.lease} now={now} compact={!!compact} scale={fit?.scale ?? null} floor={floor} /> : null}
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
            letters={fit?.letters ?? true}
            mirror={layout.labelSides[node.index] === 'right'}
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
          labels={layout.labels}
          names={{ from: nameOf(message.from), to: nameOf(message.to) }}
          onSelect={onSelectMessage ? () => onSelectMessage(message.id) : undefined}
        />
      ))}
      {/* The words last: above the messages, so a pill or dot never hides them (issue 8). */}
      {team.nodes.map((node) => {
        const box = layout.labels[node.index];
        return box ? <NodeWords key={node.index} node={node} roles={look.roles} detail={detail} box={box} side={layout.labelSides[node.index] ?? 'below'} at={where(node.index)} stale={node.stale} /> : null;
      })}
    </svg>
  );
}

const quantize = (ms: number, step: number) => Math.ceil(ms / step) * step;
const roundUp = (n: number, step: number) => Math.ceil(n / step) * step;

/** Faint lines along which messages travel; slow or lossy links drawn dashed with their setting. */
const Links = memo(function Links({ team, service, where, sideOf, fontSize }: { team: TruthTeam; service: boolean; where: (i: number) => Point; sideOf: number[]; fontSize: number }) {
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
            {text && fontSize > 0 ? (
              <text x={mid.x} y={mid.y} fontSize={fontSize} fontWeight={800} textAnchor="middle" fill={PALETTE.amber} stroke={PALETTE.abyss} strokeWidth={8} paintOrder="stroke">
                {text}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
