import type { RoundScores } from '@/shared/scoring/types';

const listed = (t: Record<string, number>) => Object.entries(t).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ×${n}`).join(', ') || '—';
const tally = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);

/** Per student: moves, accepted, refused by rule, duties missed, points (SPEC S9); the same numbers as the CSV. */
export function StudentTable({ scores, nickname, teams }: { scores: RoundScores; nickname: (id: number) => string; teams: number }) {
  return (
    <div className="report-card overflow-x-auto rounded-2xl bg-navy/60 p-4">
      <table className="w-full text-left" data-testid={`student-table-${scores.round}`}>
        <caption className="pb-2 text-left text-lg font-black">Round {scores.round}: every student</caption>
        <thead>
          <tr className="text-mist">
            <th scope="col" className="px-2 py-1">Student</th>
            {teams > 1 ? <th scope="col" className="px-2 py-1">Team</th> : null}
            <th scope="col" className="px-2 py-1 text-right">Moves</th>
            <th scope="col" className="px-2 py-1 text-right">Accepted</th>
            <th scope="col" className="px-2 py-1">Refused by rule</th>
            <th scope="col" className="px-2 py-1">Duties missed</th>
            <th scope="col" className="px-2 py-1 text-right">Points</th>
          </tr>
        </thead>
        <tbody>
          {[...scores.students].sort((a, b) => b.points - a.points || a.student - b.student).map((s) => (
            <tr key={s.student} className="border-t border-white/10">
              <th scope="row" className="px-2 py-1 font-bold">{nickname(s.student)}</th>
              {teams > 1 ? <td className="px-2 py-1">{s.team + 1}</td> : null}
              <td className="px-2 py-1 text-right tabular-nums">{s.movesAccepted + tally(s.refusedByRule)}</td>
              <td className="px-2 py-1 text-right tabular-nums">{s.movesAccepted}</td>
              <td className="px-2 py-1">{listed(s.refusedByRule)}</td>
              <td className="px-2 py-1">{listed(s.dutiesMissed)}</td>
              <td className="px-2 py-1 text-right font-black tabular-nums">{s.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
