import type { ChallengeView } from '@/shared/challenges/outcome';

/** The challenge on a phone (SPEC K1): the goal, the time left and the winner: class-wide facts only. */
export function ChallengeLine({ challenge, roomTime }: { challenge: ChallengeView; roomTime: number }) {
  const left = Math.max(0, Math.ceil((challenge.endsAt - roomTime) / 1000));
  return (
    <section data-testid="phone-challenge" aria-label={`Challenge: ${challenge.title}`} className="flex flex-col gap-1 rounded-2xl bg-violet-500/10 px-4 py-3 ring-1 ring-violet-300/50">
      <p className="flex items-baseline justify-between gap-2 text-lg font-black text-violet-200">
        <span>Challenge: {challenge.title}</span>
        <span className="font-mono tabular-nums">{challenge.ended ? 'over' : `${left} s`}</span>
      </p>
      <p className="text-base">{challenge.goal}</p>
      {challenge.winner ? <p data-testid="phone-challenge-winner" className="text-lg font-black text-brass">Winner: {challenge.winner}</p> : null}
    </section>
  );
}
