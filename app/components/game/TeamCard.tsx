import type { TruthTeam } from '@/shared/game/screen-view';
import { ClusterRing } from './ClusterRing';
import type { ScreenLook } from './look';
import { BullyElection, TeamAlerts, TeamCounters } from './TeamPanels';
import { RefusalLines } from './RefusalLines';
import { Ticker } from './Ticker';
import { ShipCourse } from './ShipCourse';

/** The host panel's hooks into the view: pick a node, drop a message. The projector has none. */
export type TeamSelection = {
  selectedNode?: { team: number; index: number } | null;
  onSelectNode?: (team: number, index: number) => void;
  onSelectMessage?: (team: number, id: number) => void;
};

export function ringSelection(team: number, selection: TeamSelection) {
  return {
    selectedNode: selection.selectedNode?.team === team ? selection.selectedNode.index : null,
    onSelectNode: selection.onSelectNode ? (index: number) => selection.onSelectNode!(team, index) : undefined,
    onSelectMessage: selection.onSelectMessage ? (id: number) => selection.onSelectMessage!(team, id) : undefined,
  };
}

/** side: ring and story side by side (a wide, short card); stack: story under the ring. */
export type CardShape = 'side' | 'stack';

/**
 * How much a projector tile says (issue 8: nothing under 28 px at 1920x1080, so a smaller
 * tile says less rather than smaller). roomy (up to 4 teams): counters, the newest refusal and the headline;
 * dense (up to 18): name, leader line, alerts and the ring; tiny (more): name, leader
 * line and a ring pictogram, an alert turning the whole tile coral. The recap card at the
 * end of the round carries every team's figures.
 */
export type TileDensity = 'roomy' | 'dense' | 'tiny';
export const tileDensity = (teams: number): TileDensity => (teams <= 4 ? 'roomy' : teams <= 18 ? 'dense' : 'tiny');

/** The projector opened on a phone-sized window: a tile keeps its name, leader line and ring, the story goes (28 px type has no room). */
const NARROW_HIDES = 'hidden md:flex';

/** The projector's floor for text the class reads (issue 8). */
export const PROJECTOR_MIN_PX = 28;

type Props = TeamSelection & { team: TruthTeam; look: ScreenLook; now: number; viewAt: number; density: TileDensity; shape: CardShape; variant: 'projector' | 'host' };

/**
 * One team in teams mode: its name and leader, alerts, the ring, and (room permitting)
 * counters and the latest news. Up to four teams on the projector, the ring and the story
 * sit side by side; more teams (or the host's narrower column) stack them.
 */
export function TeamCard({ team, look, now, viewAt, density, shape, variant, ...selection }: Props) {
  const projector = variant === 'projector';
  const dense = density !== 'roomy';
  const wide = shape === 'side';
  const ring = (
    <ClusterRing team={team} look={look} now={now} viewAt={viewAt} compact label={`Team ${team.team + 1} cluster`} minTextPx={projector ? PROJECTOR_MIN_PX : undefined} {...ringSelection(team.team, selection)} />
  );
  const ringBox = (
    <div className="relative min-h-0 flex-1">
      <div className="absolute inset-0">{ring}</div>
    </div>
  );
  if (projector && density === 'tiny') {
    const alarm = team.alerts.length > 0;
    return (
      <article aria-label={`Team ${team.team + 1}`} data-testid="team-card" title={alarm ? team.alerts.join(' ') : undefined} className={`flex min-h-0 w-full min-w-0 flex-col overflow-hidden rounded-xl border-2 px-1.5 py-0.5 ${alarm ? 'border-coral bg-coral/20' : 'border-deck bg-navy/60'}`}>
        <header className="flex items-center justify-between gap-1">
          <h2 className="shrink-0 text-[28px] leading-tight font-black">{alarm ? <span className="text-coral">⚠ </span> : null}Team {team.team + 1}</h2>
          <div className="relative size-9 shrink-0" aria-hidden>
            <div className="absolute inset-0">{ring}</div>
          </div>
        </header>
        <p data-testid="team-summary" className="line-clamp-2 text-[28px] leading-tight font-bold text-brass">{team.summary}</p>
      </article>
    );
  }
  const size = projector ? 'medium' : 'small';
  // The projector's dense tile: name, leader line, alerts and the ring; the host's panel keeps counters and the headline.
  const story = projector && dense ? (
    <TeamAlerts alerts={team.alerts} size="medium" />
  ) : (
    <>
      <TeamAlerts alerts={team.alerts} size={size} />
      <TeamCounters team={team} look={look} size={size} columns={wide || projector ? 2 : 4} />
      {/* The ship's course and the Bully tally are the host's (and one cluster's) detail: at 28 px a projector tile has no room for them. */}
      {team.raft && !dense && !projector ? <ShipCourse course={team.raft.course} commitIndex={team.raft.commitIndex} heading={team.raft.heading} size="small" /> : null}
      {team.bully && !dense && !projector ? <BullyElection bully={team.bully} size={size} /> : null}
      {dense ? null : <RefusalLines refusals={team.refusals} size={size} limit={1} />}
      <Ticker ticker={team.ticker} headline={team.headline} size={size} limit={dense || projector ? 0 : wide ? 2 : 1} />
    </>
  );
  return (
    <article aria-label={`Team ${team.team + 1}`} data-testid="team-card" className={`flex min-h-0 w-full min-w-0 flex-col rounded-2xl border-2 border-deck bg-navy/60 ${dense ? 'gap-1 p-2' : 'gap-2 p-3'}`}>
      <header className={projector && dense ? 'flex flex-col' : projector ? 'flex flex-wrap items-baseline justify-between gap-x-3' : 'flex items-baseline justify-between gap-3'}>
        <h2 className={`shrink-0 font-black ${projector ? 'text-[28px] leading-tight' : 'text-xl'}`}>Team {team.team + 1}</h2>
        <span data-testid="team-summary" className={`font-bold text-brass ${projector ? 'line-clamp-2 text-[28px] leading-tight' : 'truncate text-base'}`}>{team.summary}</span>
      </header>
      {wide ? (
        <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] gap-3">
          <div className="flex min-h-0 flex-col">{ringBox}</div>
          <div className={`min-h-0 flex-col gap-2 overflow-hidden ${projector ? NARROW_HIDES : 'flex'}`}>{story}</div>
        </div>
      ) : (
        <>
          {ringBox}
          {projector && !dense ? <div className={`min-h-0 flex-col gap-2 ${NARROW_HIDES}`}>{story}</div> : story}
        </>
      )}
    </article>
  );
}
