import type { RoundStory } from '@/shared/report/round-story';
import { replayAt, seconds } from './replay-link';

/** The round in words beside the charts: elections, messages, alerts (split brain), each linked to its replay moment. */
export function RoundFacts({ code, story }: { code: string; story: RoundStory }) {
  const multi = story.teams.length > 1;
  return (
    <div className="report-card grid gap-4 rounded-2xl bg-navy/60 p-4 md:grid-cols-3" data-testid="round-facts">
      {story.teams.map((team) => (
        <div key={team.team} className="flex flex-col gap-1">
          {multi ? <h3 className="font-black">Team {team.team + 1}</h3> : null}
          <p>
            <strong>{team.elections.length}</strong> election{team.elections.length === 1 ? '' : 's'}
            {team.elections.length > 0 ? `, ${seconds(Math.min(...team.elections.map((e) => e.ms)))} to ${seconds(Math.max(...team.elections.map((e) => e.ms)))}` : ''}
          </p>
          <p>
            <strong>{team.messages.sent}</strong> messages sent, <strong>{team.messages.lost}</strong> lost
          </p>
          {team.alerts.length === 0 ? <p className="text-mist">No split brain or stale leader.</p> : null}
          <ul className="flex flex-col gap-1" aria-label="Safety alerts">
            {team.alerts.map((alert) => (
              <li key={`${alert.at}-${alert.text}`}>
                <a className="text-coral underline" href={replayAt(code, story.round, alert.at)}>{seconds(alert.at)}: {alert.text}</a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
