import type { GameScreenView } from '@/shared/game/screen-view';
import { Legend } from './Legend';
import { TeamCard, tileDensity, type TeamSelection } from './TeamCard';

/**
 * Columns for n teams on a 16:9 screen: 2 -> 2x1, 4 -> 2x2, 6 -> 3x2, 8 -> 4x2, 12 -> 6x2,
 * 18 -> 6x3, 40 -> 8x5, 60 -> 9x7 (a tiny tile needs about 125 px of height for three
 * 28 px lines, and 180 px of width for "Team 60" and its pictogram: TeamCard).
 */
function columns(count: number): string {
  if (count <= 4) return 'grid-cols-1 md:grid-cols-2';
  if (count <= 6) return 'grid-cols-3';
  if (count <= 8) return 'grid-cols-4';
  if (count <= 10) return 'grid-cols-5';
  if (count <= 18) return 'grid-cols-6';
  if (count <= 40) return 'grid-cols-8';
  return 'grid-cols-9';
}

type Props = TeamSelection & { view: GameScreenView; now: number; variant: 'projector' | 'host' };

/** Teams mode: every team's cluster at once, each in its own card. */
export function TeamsGrid({ view, now, variant, ...selection }: Props) {
  const density = tileDensity(view.teams.length);
  const host = variant === 'host';
  // 3-4 teams on a 16:9 screen make wide, short cards: the story goes beside the ring.
  const shape = !host && view.teams.length >= 3 && view.teams.length <= 4 ? 'side' : 'stack';
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <div className={`grid min-h-0 flex-1 ${density === 'tiny' && !host ? 'gap-2' : 'gap-3'} ${host ? 'grid-cols-1 @3xl:grid-cols-2' : `${columns(view.teams.length)} auto-rows-fr`}`}>
        {view.teams.map((team) => (
          <div key={team.team} className={host ? 'flex h-[34rem]' : 'flex min-h-0'}>
            <TeamCard team={team} look={view} now={now} viewAt={view.clock.roomNow} density={density} shape={shape} variant={variant} {...selection} />
          </div>
        ))}
      </div>
      <Legend look={view} size={host ? 'small' : 'large'} />
    </div>
  );
}
