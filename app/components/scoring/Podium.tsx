import type { ScreenScores } from '@/shared/scoring/views';

const MEDAL = ['text-brass', 'text-ice', 'text-amber'];
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Between rounds on the projector (SPEC S8): the podium, the team table and the class's totals. */
export function Podium({ scores, large }: { scores: ScreenScores; large: boolean }) {
  const t = scores.totals;
  return (
    <section data-testid="podium" aria-label="Scores of the round" className={`flex flex-wrap items-center gap-4 rounded-2xl bg-white/5 ring-1 ring-white/10 ${large ? 'p-4' : 'p-2'}`}>
      <ol className="flex items-end gap-3">
        {scores.podium.length === 0 ? <li className={`text-mist ${large ? 'text-[28px]' : ''}`}>No points yet this round.</li> : null}
        {scores.podium.map((p) => (
          <li key={p.place} data-testid={`podium-${p.place}`} className="flex flex-col items-center rounded-xl bg-white/5 px-4 py-2">
            <span className={`font-black ${MEDAL[p.place - 1]} ${large ? 'text-3xl' : 'text-lg'}`}>#{p.place}</span>
            <span className={`font-bold ${large ? 'text-2xl' : 'text-base'}`}>{p.nickname}</span>
            <span className={`text-mist ${large ? 'text-[28px]' : ''}`}>{p.points} pts</span>
          </li>
        ))}
      </ol>
      {scores.teams.length > 0 ? (
        <table data-testid="team-table" className={`${large ? 'text-[28px]' : 'text-sm'}`}>
          <thead><tr className="text-mist"><th className="px-2 text-left">Team</th><th className="px-2 text-right">Points</th></tr></thead>
          <tbody>
            {scores.teams.map((team) => (
              <tr key={team.team}><td className="px-2">Team {team.team + 1} ({team.members})</td><td className="px-2 text-right font-bold">{team.points}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p data-testid="class-totals" className={`text-mist ${large ? 'text-[28px] leading-snug' : 'text-sm'}`}>
        Class: {count(t.movesAccepted, 'move', 'moves')} accepted · {count(t.dutiesDone, 'duty', 'duties')} done in time · {count(t.leads, 'lead', 'leads')} taken · {count(t.refused, 'refusal', 'refusals')} (lessons: see which rule held)
      </p>
    </section>
  );
}
