import type { TimerFact } from '@/shared/rules/module';
import { timeLeftText } from '@/shared/rules/words';

type Props = {
  timers: TimerFact[];
  /** Room ms passed since the view was computed (0 while the node or the clock is frozen). */
  elapsed: number;
};

/** The node's timers as live countdowns, each with a bar and what happens when it runs out. */
export function TimerList({ timers, elapsed }: Props) {
  if (timers.length === 0) return null;
  return (
    <ul className="grid w-full gap-2" aria-label="Your timers">
      {timers.map((timer) => {
        const left = Math.max(0, timer.remainingMs - elapsed);
        const total = Math.max(timer.totalMs ?? 0, timer.remainingMs, 1);
        const urgent = left < 3000;
        const near = timer.critical ? { text: 'text-coral', bar: 'bg-coral' } : { text: 'text-brass', bar: 'bg-brass' };
        return (
          <li key={timer.id} className="rounded-2xl bg-navy px-4 py-2.5 ring-1 ring-mist/20" data-testid={`timer-${timer.id}`}>
            <div className="flex items-baseline justify-between gap-3">
              <p className="min-w-0 text-base leading-snug font-bold text-foam">
                {timer.label}
                <span className="font-semibold text-mist"> · then {timer.then}</span>
              </p>
              <p className={`shrink-0 font-mono text-2xl font-black whitespace-nowrap tabular-nums ${urgent ? near.text : 'text-foam'}`}>{left === 0 ? 'now' : timeLeftText(left)}</p>
            </div>
            <div className="mt-1.5 h-2 overflow-hidden rounded-full bg-abyss" aria-hidden>
              <div className={`h-full rounded-full ${urgent ? near.bar : 'bg-sky-300'}`} style={{ width: `${(left / total) * 100}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
