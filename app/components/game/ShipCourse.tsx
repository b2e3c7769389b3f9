import { memo } from 'react';
import { PALETTE } from './look';

const STEP: Record<string, { dx: number; dy: number; arrow: string }> = {
  N: { dx: 0, dy: -1, arrow: '↑' },
  E: { dx: 1, dy: 0, arrow: '→' },
  S: { dx: 0, dy: 1, arrow: '↓' },
  W: { dx: -1, dy: 0, arrow: '←' },
};

/**
 * Raft's committed log as the ship's course: each committed heading moves the ship one
 * step on a little chart, and the last entries are listed as arrows with their index.
 * Only committed entries appear: what a majority holds is where the ship really went.
 */
export const ShipCourse = memo(function ShipCourse({ course, commitIndex, heading, size = 'large' }: { course: string[]; commitIndex: number; heading: string | null; size?: 'large' | 'small' }) {
  const first = commitIndex - course.length + 1;
  const recent = course.slice(size === 'large' ? -8 : -5);
  return (
    <section aria-label="Ship's course" data-testid="ship-course" className="flex flex-col gap-2">
      <h3 className={`font-black tracking-widest text-mist uppercase ${size === 'large' ? 'text-[28px]' : 'text-sm'}`}>
        Ship&apos;s course <span className="font-bold normal-case tracking-normal">· {commitIndex} committed{heading ? ` · heading ${heading}` : ''}</span>
      </h3>
      {course.length === 0 ? (
        <p className={size === 'large' ? 'text-[28px] text-mist' : 'text-sm text-mist'}>
          {size === 'large' ? 'Nothing committed yet: the leader writes a heading, a majority stores it, then the ship turns.' : 'Nothing committed yet.'}
        </p>
      ) : (
        <div className="flex items-center gap-3">
          <Track course={course} className={size === 'large' ? 'h-24 w-32' : 'h-12 w-16'} />
          <ol className="flex min-w-0 flex-wrap gap-1.5">
            {recent.map((entry, i) => {
              const index = first + course.length - recent.length + i;
              const last = index === commitIndex;
              return (
                <li
                  key={index}
                  className={`flex items-baseline gap-1 rounded-lg px-2 py-0.5 font-black ${last ? 'bg-brass text-abyss' : 'bg-deck text-foam'} ${size === 'large' ? 'text-[28px]' : 'text-base'}`}
                  aria-label={`Entry ${index}: ${entry}`}
                >
                  <span className={`font-mono opacity-70 ${size === 'large' ? 'text-[28px]' : 'text-xs'}`}>{index}</span>
                  {STEP[entry]?.arrow ?? ''}
                  <span>{entry}</span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
});

/** The chart: the wake the ship left, and the ship where it is now. */
function Track({ course, className }: { course: string[]; className: string }) {
  const points: { x: number; y: number }[] = [{ x: 0, y: 0 }];
  for (const entry of course) {
    const step = STEP[entry];
    const last = points[points.length - 1]!;
    if (step) points.push({ x: last.x + step.dx, y: last.y + step.dy });
  }
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minX = Math.min(...xs) - 1;
  const minY = Math.min(...ys) - 1;
  const w = Math.max(4, Math.max(...xs) - minX + 1);
  const h = Math.max(3, Math.max(...ys) - minY + 1);
  const ship = points[points.length - 1]!;
  return (
    <svg viewBox={`${minX} ${minY} ${w} ${h}`} className={`shrink-0 rounded-xl bg-abyss/70 ${className}`} aria-hidden preserveAspectRatio="xMidYMid meet">
      <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke={PALETTE.ice} strokeWidth={0.16} strokeDasharray="0.25 0.15" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx={0} cy={0} r={0.18} fill={PALETTE.mist} />
      {/* The ship, drawn (no emoji font needed): a hull and a sail. */}
      <g transform={`translate(${ship.x} ${ship.y})`}>
        <path d="M -0.42 0.08 L 0.42 0.08 L 0.28 0.32 L -0.28 0.32 Z" fill={PALETTE.brass} />
        <path d="M 0 -0.5 L 0 0.02 L 0.34 0.02 Z" fill={PALETTE.foam} />
        <path d="M -0.04 -0.42 L -0.04 0.02 L -0.3 0.02 Z" fill={PALETTE.foam} opacity={0.75} />
      </g>
    </svg>
  );
}
