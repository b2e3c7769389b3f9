import { memo, type KeyboardEvent } from 'react';
import type { TruthNode } from '@/shared/game/screen-view';
import type { RoleTable } from '@/shared/rules/module';
import { lookOf, PALETTE, seconds, skewText } from './look';
import { ClockIcon, NodeShape } from './NodeShape';
import { badgeWidth, letterFont, type Detail, type Point, WORDS } from './ring-layout';

export type { Detail } from './ring-layout';

type Props = {
  node: TruthNode;
  /** The algorithm's role table (from the view). */
  roles: RoleTable;
  at: Point;
  size: number;
  detail: Detail;
  /** The node's main timer as it stands now (counted on from the view). */
  remainingMs: number | null;
  /** A leader of an older term than the newest one seen in this cluster. */
  stale: boolean;
  selected?: boolean;
  onSelect?: () => void;
  /** Draw the label inside the shape (off when even it would be drawn too small to read: ring-fit.ts). */
  letters?: boolean;
  /** The node's words are to its right: the timer and badges move to its left. */
  mirror?: boolean;
};

/** One node on the ring: its shape, label, timer ring and badges (its words are NodeWords, drawn above the messages). */
/** Memoized: between two views only a running timer (quantized by the ring) re-renders a node (issue 12). */
export const NodeGlyph = memo(function NodeGlyph({ node, roles, at, size: s, detail, remainingMs, stale, selected, onSelect, letters = true, mirror = false }: Props) {
  const look = lookOf(node, roles);
  const words = WORDS[detail];
  const ringR = s * 1.42;
  const skew = skewText(node.clock);
  const timer = node.timer && remainingMs !== null ? { fraction: Math.max(0, Math.min(1, remainingMs / node.timer.totalMs)), ms: remainingMs } : null;
  const circumference = 2 * Math.PI * ringR;
  const roleWord = stale ? `STALE ${look.word}` : look.word;
  const flip = mirror ? -1 : 1;
  const place = { transform: `translate(${at.x}px, ${at.y}px)`, transition: 'transform 600ms ease' };
  const select = onSelect
    ? {
        role: 'button',
        tabIndex: 0,
        'aria-label': `Select node ${node.label} (${node.nickname})`,
        'aria-pressed': selected ?? false,
        onClick: onSelect,
        onKeyDown: (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onSelect()),
        style: { ...place, cursor: 'pointer' },
      }
    : { style: place };
  const ringColour = timer && timer.fraction < 0.25 ? PALETTE.coral : PALETTE.foam;

  return (
    <g data-testid="truth-node" data-label={node.label} data-role={node.role} data-status={node.status} opacity={!node.online && words.word === 0 ? 0.5 : undefined} {...select}>
      <title>{`${node.label} ${node.nickname}: ${roleWord.toLowerCase()}`}</title>
      {selected ? <circle r={ringR + s * 0.32} fill="#e8f4fb14" stroke={PALETTE.foam} strokeWidth={6} strokeDasharray="12 9" /> : null}
      {detail !== 'dots' && node.status === 'live' ? <circle r={ringR} fill="none" stroke="#ffffff1f" strokeWidth={s * 0.12} /> : null}
      {timer && detail !== 'dots' ? (
        <circle r={ringR} fill="none" stroke={ringColour} strokeWidth={s * 0.12} strokeLinecap="round" strokeDasharray={`${circumference * timer.fraction} ${circumference}`} transform="rotate(-90)" />
      ) : null}
      {stale ? <circle r={ringR + s * 0.14} fill="none" stroke={PALETTE.coral} strokeWidth={s * 0.1} strokeDasharray={`${s * 0.2} ${s * 0.12}`} /> : null}
      <NodeShape look={look} size={s} crossed={node.status === 'crashed'} frozen={node.status === 'paused'} />
      {letters ? <text
        y={s * 0.05}
        fontSize={letterFont(s, node.label.length)}
        fontWeight={900}
        textAnchor="middle"
        dominantBaseline="central"
        fill={look.ink}
        stroke={node.status === 'crashed' ? '#262f3b' : 'none'}
        strokeWidth={s * 0.12}
        paintOrder="stroke"
      >
        {node.label}
      </text> : null}
      {timer && words.timer > 0 ? (
        <text x={flip * ringR * 0.8} y={ringR * 0.98} fontSize={words.timer} fontWeight={800} textAnchor={mirror ? 'end' : 'start'} fill={ringColour} stroke={PALETTE.abyss} strokeWidth={6} paintOrder="stroke">
          {timer.ms <= 0 ? 'due' : seconds(Math.ceil(timer.ms / 1000) * 1000)}
        </text>
      ) : null}
      {skew && words.badge > 0 ? <SkewBadge x={flip * ringR * 0.95} y={-ringR * 0.92} text={skew} size={words.badge} mirror={mirror} /> : null}
      {/* Offline is written with the node's words (NodeWords); a ring without words dims the node instead. */}
    </g>
  );
});

function SkewBadge({ x, y, text, size, mirror }: { x: number; y: number; text: string; size: number; mirror: boolean }) {
  const width = badgeWidth(text.length, size);
  return (
    <g data-testid="skew-badge" transform={`translate(${mirror ? x - width + size : x}, ${y})`}>
      <rect x={-size * 0.5} y={-size * 0.8} width={width} height={size * 1.6} rx={size * 0.8} fill={PALETTE.abyss} stroke={PALETTE.amber} strokeWidth={3} />
      <ClockIcon x={size * 0.35} y={0} r={size * 0.45} colour={PALETTE.amber} />
      <text x={size * 1.05} fontSize={size} fontWeight={800} dominantBaseline="central" fill={PALETTE.amber}>
        {text}
      </text>
    </g>
  );
}
