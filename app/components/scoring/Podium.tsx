import type { ScreenScores } from '@/shared/scoring/views';

const MEDAL = ['text-brass', 'text-ice', 'text-amber'];
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** On the projector the team table keeps to the best few teams at 28 px (issue 8): 60 rows would push the recap off the screen. */
const PROJECTOR_TEAMS = 5;

/** Between rounds on the projector (SPEC S8): the podium, the team table and the class's totals. */
export function Podium({ scores, large }: { scores: ScreenScores; large: boolean }) {
  const t = scores.totals;
  const teams = large && scores.teams.length > PROJECTOR_TEAMS ? [...scores.teams].sort((a, b) => b.points - a.points || a.team - b.team).slice(0, PROJECTOR_TEAMS) : scores.teams;
  const more = scores.teams.length - teams.length;
  return (
    <section data-testid="podium" aria-label="Scores of the round" className={`flex flex-wrap items-center gap-4 rounded-2xl bg-white/5 ring-1 ring-white/10 ${large ? 'p-4' : 'p-2'}`}>
      <ol className="flex items-end gap-3">
        {scores.podium.length === 0 ? <li className={`text-mist ${large ? 'text-[28px]' : ''}`}>No points yet this round.</li> : null}
        {scores.podium.map((p) => (
          <li key={p.place} data-testid={`podium-${p.place}`} className="flex flex-col items-center rounded-xl bg-white/5 px-4 py-2">
            <span className={`font-black ${MEDAL[p.place - 1]} ${large ? 'text-3xl' : 'text-lg'}`}>#{p.place}</span>
            <span className={`font-bold ${large ? 'text-[28px]' : 'text-base'}`}>{p.nickname}</span>
            <span className={`text-mist ${large ? 'text-[28px]' : ''}`}>{p.points} pts</span>
          </li>
        ))}
      </ol>
      {scores.teams.length > 0 ? (
        <table data-testid="team-table" className={`${large ? 'text-[28px]' : 'text-sm'}`}>
          <thead><tr className="text-mist"><th className="px-2 text-left">Team</th><th className="px-2 text-right">Points</th></tr></thead>
          <tbody>
            {teams.map((team) => (
              <tr key={team.team}><td className="px-2">Team {team.team + 1} ({team.members})</td><td className="px-2 text-right font-bold">{team.points}</td></tr>
            ))}
          </tbody>
          {more > 0 ? <tfoot><tr><td colSpan={2} data-testid="team-table-more" className="px-2 text-mist">and {more} more teams</td></tr></tfoot> : null}
        </table>
      ) : null}
      <p data-testid="class-totals" className={`text-mist ${large ? 'text-[28px] leading-snug' : 'text-sm'}`}>
        Class: {count(t.movesAccepted, 'move', 'moves')} accepted · {count(t.dutiesDone, 'duty', 'duties')} done in time · {count(t.leads, 'lead', 'leads')} taken · {count(t.refused, 'refusal', 'refusals')} (lessons: see which rule held)
      </p>
    </section>
  );
}
