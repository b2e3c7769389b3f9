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

type Props = TeamSelection & { team: TruthTeam; look: ScreenLook; now: number; viewAt: number; dense: boolean; shape: CardShape; variant: 'projector' | 'host' };

/**
 * One team in teams mode: its name and leader, alerts, the ring, counters and the latest
 * news. Up to four teams on the projector, the ring and the story sit side by side; more
 * teams (or the host's narrower column) stack them.
 */
export function TeamCard({ team, look, now, viewAt, dense, shape, variant, ...selection }: Props) {
  const wide = shape === 'side';
  const big = variant === 'projector' && !dense;
  const ring = (
    <div className="relative min-h-0 flex-1">
      <div className="absolute inset-0">
        <ClusterRing team={team} look={look} now={now} viewAt={viewAt} compact label={`Team ${team.team + 1} cluster`} {...ringSelection(team.team, selection)} />
      </div>
    </div>
  );
  const story = (
    <>
      <TeamAlerts alerts={team.alerts} size="small" />
      <TeamCounters team={team} look={look} size={big ? 'medium' : 'small'} columns={wide ? 2 : 4} />
      {team.raft && !dense ? <ShipCourse course={team.raft.course} commitIndex={team.raft.commitIndex} heading={team.raft.heading} size="small" /> : null}
      {team.bully && !dense ? <BullyElection bully={team.bully} size={big ? 'medium' : 'small'} /> : null}
      {dense ? null : <RefusalLines refusals={team.refusals} size={big ? 'medium' : 'small'} limit={1} />}
      <Ticker ticker={team.ticker} headline={team.headline} size={big ? 'medium' : 'small'} limit={dense ? 0 : wide ? 2 : 1} />
    </>
  );
  return (
    <article aria-label={`Team ${team.team + 1}`} data-testid="team-card" className={`flex min-h-0 w-full min-w-0 flex-col rounded-2xl border-2 border-deck bg-navy/60 ${dense ? 'gap-1 p-2' : 'gap-2 p-3'}`}>
      <header className="flex items-baseline justify-between gap-3">
        <h2 className={`shrink-0 font-black ${big ? 'text-3xl' : 'text-xl'}`}>Team {team.team + 1}</h2>
        <span className={`truncate font-bold text-brass ${big ? 'text-2xl' : 'text-base'}`}>{team.summary}</span>
      </header>
      {wide ? (
        <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] gap-3">
          <div className="flex min-h-0 flex-col">{ring}</div>
          <div className="flex min-h-0 flex-col gap-2 overflow-hidden">{story}</div>
        </div>
      ) : (
        <>
          {ring}
          {story}
        </>
      )}
    </article>
  );
}
