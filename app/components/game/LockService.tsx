import type { TruthTeam } from '@/shared/game/screen-view';
import { PALETTE, seconds } from './look';
import type { Point } from './ring-layout';

type Props = {
  at: Point;
  lease: NonNullable<TruthTeam['lease']>;
  now: number;
  compact: boolean;
  /** CSS pixels per ring unit on the projector (null: the host's panel, drawn as designed). */
  scale: number | null;
  /** The least size a word may be drawn at, in CSS pixels. */
  floor: number;
};

/**
 * Lease: the lock service in the middle, with who holds the lease and for how long. On a
 * projector ring drawn too small for its three lines at 28 px (a team tile), it says
 * only who holds the lease, in bigger type: less, not smaller (issue 8).
 */
export function LockService({ at, lease, now, compact, scale, floor }: Props) {
  const left = lease.expiresAt === null ? null : Math.max(0, lease.expiresAt - now);
  const w = compact ? 340 : 400;
  const h = compact ? 170 : 230;
  const big = compact ? 44 : 40;
  const small = compact ? 30 : 34;
  const holder = lease.holder ? `held by ${lease.holder}` : 'free';
  const frame = <rect x={-w / 2} y={-h / 2} width={w} height={h} rx={22} fill={PALETTE.navy} stroke={lease.holder ? PALETTE.brass : PALETTE.mist} strokeWidth={5} />;
  if (scale !== null && small * scale < floor) {
    const font = scale > 0 ? Math.max(big, floor / scale) : Infinity;
    const words = holder.length * font * 0.6 <= w * 0.92 ? holder : (lease.holder ?? 'free');
    return (
      <g transform={`translate(${at.x}, ${at.y})`} data-testid="lock-service" style={{ transition: 'transform 600ms ease' }}>
        <title>{`Lock service: ${holder}`}</title>
        {frame}
        {font <= h * 0.7 ? (
          <text fontSize={font} fontWeight={900} textAnchor="middle" dominantBaseline="central" fill={lease.holder ? PALETTE.brass : PALETTE.mist}>
            {words}
          </text>
        ) : null}
      </g>
    );
  }
  return (
    <g transform={`translate(${at.x}, ${at.y})`} data-testid="lock-service" style={{ transition: 'transform 600ms ease' }}>
      {frame}
      <text y={-h / 2 + small * 1.25} fontSize={small} fontWeight={800} letterSpacing={3} textAnchor="middle" fill={PALETTE.mist}>
        LOCK SERVICE
      </text>
      <text y={compact ? big * 0.45 : big * 0.2} fontSize={big} fontWeight={900} textAnchor="middle" fill={lease.holder ? PALETTE.brass : PALETTE.mist}>
        {holder}
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
