import { memo } from 'react';
import type { RoundRecap, TeamRecap } from '@/shared/game/recap';
import { clockFace, seconds } from './look';

const round = (ms: number) => seconds(Math.round(ms / 1000) * 1000);

/**
 * The card that ends a round (issue 8): who led when, how many elections, the time with
 * no leader, messages lost, refusals by rule, and the story's lesson. Figures come from
 * the log's fold (shared/game/recap.ts); this only draws them.
 */
export const RecapCard = memo(function RecapCard({ recap, large }: { recap: RoundRecap; large: boolean }) {
  const one = recap.teams.length === 1 ? recap.teams[0]! : null;
  return (
    <section data-testid="round-recap" aria-label="Round recap" className={`flex min-h-0 flex-col rounded-2xl border-4 border-brass bg-navy/95 ${large ? 'gap-3 p-4' : 'gap-2 p-3'}`}>
      <h2 className={`font-black text-brass ${large ? 'text-4xl' : 'text-xl'}`}>Round recap · {round(recap.durationMs)}</h2>
      {recap.lesson ? <p data-testid="recap-lesson" className={`rounded-xl bg-brass/15 px-3 py-2 font-black text-foam ${large ? 'text-3xl' : 'text-base'}`}>{recap.lesson}</p> : null}
      {one ? <TeamFigures team={one} large={large} /> : <TeamsTable teams={recap.teams} large={large} />}
    </section>
  );
});

function TeamFigures({ team, large }: { team: TeamRecap; large: boolean }) {
  const text = large ? 'text-3xl' : 'text-base';
  const figures = [
    { id: 'elections', label: team.electionsWord, value: String(team.elections) },
    { id: 'leaderless', label: 'Without a leader', value: round(team.leaderlessMs) },
    { id: 'lost', label: 'Messages lost', value: `${team.messagesLost} of ${team.messagesSent}` },
    ...(team.splitBrainMs > 0 ? [{ id: 'split', label: 'Two leaders at once', value: round(team.splitBrainMs) }] : []),
  ];
  return (
    <>
      <div>
        <h3 className={`font-black tracking-widest text-mist uppercase ${large ? 'text-[28px]' : 'text-sm'}`}>Who led</h3>
        <ol data-testid="recap-timeline" className={`flex flex-wrap items-center gap-x-2 gap-y-1 font-bold ${text}`}>
          {team.timeline.map((spell, i) => (
            <li key={i} className="flex items-center gap-2">
              {i > 0 ? <span aria-hidden className="text-mist">→</span> : null}
              <span className={spell.leaders.length === 0 ? 'text-mist' : spell.leaders.length > 1 ? 'text-coral' : 'text-brass'}>
                {spell.leaders.length === 0 ? 'nobody' : spell.leaders.join(' + ')}
              </span>
              <span className="font-mono text-mist tabular-nums">from {clockFace(spell.from)}</span>
            </li>
          ))}
        </ol>
      </div>
      <dl className={`grid grid-cols-2 ${large ? 'gap-3' : 'gap-1.5'}`}>
        {figures.map((f) => (
          <div key={f.id} data-testid={`recap-${f.id}`} className="flex flex-col rounded-xl bg-abyss/60 px-3 py-2">
            <dt className={`order-2 font-bold text-mist ${large ? 'text-[28px]' : 'text-sm'}`}>{f.label}</dt>
            <dd className={`order-1 font-black text-foam tabular-nums ${large ? 'text-3xl' : 'text-xl'}`}>{f.value}</dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className={`font-black tracking-widest text-mist uppercase ${large ? 'text-[28px]' : 'text-sm'}`}>Refused moves by rule</h3>
        <p data-testid="recap-refusals" className={`font-bold text-foam ${text}`}>
          {team.refusals.length === 0 ? 'None: every click kept the rules.' : team.refusals.map((r) => `${r.rule} × ${r.count}`).join(' · ')}
        </p>
      </div>
    </>
  );
}

/**
 * On the projector the table keeps to a few rows at 28 px (issue 8: a crowded screen says
 * less, not smaller), the teams that had the longest time without a leader first: those are
 * the ones the class talks about; the report lists every team.
 */
const PROJECTOR_ROWS = 5;

function TeamsTable({ teams: all, large }: { teams: TeamRecap[]; large: boolean }) {
  const teams = large && all.length > PROJECTOR_ROWS ? [...all].sort((a, b) => b.leaderlessMs - a.leaderlessMs || a.team - b.team).slice(0, PROJECTOR_ROWS) : all;
  const more = all.length - teams.length;
  return (
    <>
    <table data-testid="recap-teams" className={`w-full text-left ${large ? 'text-[28px]' : 'text-sm'}`}>
      <thead className="text-mist">
        <tr><th>Team</th><th>Led by</th><th>{teams[0]?.electionsWord ?? 'Elections'}</th><th>No leader</th><th>Lost</th><th>Refused</th></tr>
      </thead>
      <tbody className="font-bold">
        {teams.map((t) => (
          <tr key={t.team}>
            <td>{t.team + 1}</td>
            <td className="text-brass">{t.timeline.slice(-4).map((s) => (s.leaders.length === 0 ? '–' : s.leaders.join('+'))).join(' → ')}</td>
            <td>{t.elections}</td>
            <td>{round(t.leaderlessMs)}</td>
            <td>{t.messagesLost}</td>
            <td>{t.refusals.reduce((n, r) => n + r.count, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {more > 0 ? <p data-testid="recap-more" className="text-[28px] font-bold text-mist">The {teams.length} teams longest without a leader; {more} more in the class report.</p> : null}
    </>
  );
}
