import type { ChallengeScreenView } from '@/shared/challenges/outcome';

const secs = (ms: number) => `${Math.max(0, Math.ceil(ms / 1000))} s`;

/**
 * The challenge on the projector (SPEC K1..K5): its goal, the time left on the room clock,
 * the standing, the rules that held each attempt (K2) and, at the end, the winner.
 */
export function ChallengeBanner({ challenge, now, large }: { challenge: ChallengeScreenView; now: number; large: boolean }) {
  const left = challenge.endsAt - now;
  const text = large ? 'text-2xl' : 'text-base';
  return (
    <section data-testid="challenge" aria-label={`Challenge: ${challenge.title}`} aria-live="polite" className={`flex flex-col gap-2 rounded-2xl bg-violet-500/10 ring-2 ring-violet-300/50 ${large ? 'p-4' : 'p-3'}`}>
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 className={`font-black text-violet-200 ${large ? 'text-3xl' : 'text-xl'}`}>Challenge: {challenge.title}</h2>
        <span data-testid="challenge-timer" className={`rounded-full px-3 font-mono font-black tabular-nums ${challenge.ended ? 'bg-mist text-abyss' : 'bg-violet-300 text-abyss'} ${text}`}>
          {challenge.ended ? 'Over' : `${secs(left)} left`}
        </span>
      </div>
      <p data-testid="challenge-goal" className={`font-semibold ${text}`}>{challenge.goal}</p>
      {challenge.winner ? (
        <p data-testid="challenge-winner" className={`font-black text-brass ${large ? 'text-3xl' : 'text-lg'}`}>
          Winner: {challenge.winner}
        </p>
      ) : null}
      <p data-testid="challenge-detail" className={`text-mist ${text}`}>{challenge.detail}</p>
      {challenge.held.length > 0 ? (
        <ol data-testid="challenge-held" aria-label="Attempts the rules held" className={`flex flex-wrap gap-2 ${large ? 'text-xl' : 'text-sm'}`}>
          {challenge.held.slice(-6).map((h, i) => (
            <li key={`${h.at}-${i}`} className="rounded-lg bg-white/5 px-2 py-1">
              {h.who}{h.move ? ` · ${h.move}` : ''} → <strong className="text-kelp">held by {h.rule}</strong>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
