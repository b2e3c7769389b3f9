import type { SeatScore } from '@/shared/scoring/views';

/** Between rounds on the phone (SPEC S8): the student's own line, nobody else's. A refusal is told by its rule: a lesson. */
export function MyScoreLine({ score }: { score: SeatScore }) {
  return (
    <p data-testid="my-score-line" className="rounded-2xl bg-kelp/15 px-4 py-3 text-base font-semibold ring-1 ring-kelp/40">
      <span className="mr-2 font-black text-brass">{score.points} pts</span>
      {score.line.replace(/ \(\d+ points\)$/, '')}
    </p>
  );
}
