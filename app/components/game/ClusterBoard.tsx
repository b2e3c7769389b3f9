import type { TruthTeam } from '@/shared/game/screen-view';
import { ClusterRing } from './ClusterRing';
import { Legend } from './Legend';
import { ShipCourse } from './ShipCourse';
import type { ScreenLook } from './look';
import { PROJECTOR_MIN_PX, ringSelection, type TeamSelection } from './TeamCard';
import type { ReactNode } from 'react';
import type { RoundRecap } from '@/shared/game/recap';
import { RecapCard } from './RecapCard';
import { RefusalLines } from './RefusalLines';
import { BullyElection, LeaseWrites, TeamAlerts, TeamCounters } from './TeamPanels';
import { Ticker } from './Ticker';

type Props = TeamSelection & { team: TruthTeam; look: ScreenLook; now: number; viewAt: number; variant: 'projector' | 'host'; recap: RoundRecap | null; podium?: ReactNode };

/** One cluster, big: the ring on the left, the story of the round on the right. */
export function ClusterBoard({ team, look, now, viewAt, variant, recap, podium, ...selection }: Props) {
  const large = variant === 'projector';
  const size = large ? 'large' : 'small';
  return (
    // The projector's side panel is 38rem: beside the ring from `lg` up, under it below (a
    // projector window on a phone or a narrow laptop), where the ring takes a square.
    <div className={large ? 'grid min-h-0 flex-1 grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_38rem]' : 'grid min-h-0 grid-cols-1 gap-4 @4xl:grid-cols-[minmax(0,1fr)_22rem]'}>
      <div className="flex min-h-0 flex-col gap-2">
        <div className={large ? 'relative aspect-square w-full lg:aspect-auto lg:min-h-0 lg:flex-1' : 'relative aspect-square max-h-[34rem] w-full'}>
          <div className="absolute inset-0">
            <ClusterRing team={team} look={look} now={now} viewAt={viewAt} label={`Cluster: ${team.summary}`} minTextPx={large ? PROJECTOR_MIN_PX : undefined} {...ringSelection(team.team, selection)} />
          </div>
        </div>
        {large ? null : <Legend look={look} size={size} />}
      </div>
      <aside className={`flex min-h-0 min-w-0 flex-col ${large ? 'gap-5' : 'gap-3'}`}>
        <p className={`font-black text-brass ${large ? 'text-4xl' : 'text-xl'}`} data-testid="leader-line">
          {team.summary}
        </p>
        <TeamAlerts alerts={team.alerts} size={size} />
        {/* The legend makes room for the podium and the recap once the round is over. */}
        {large && !recap ? <Legend look={look} size={size} /> : null}
        {recap ? (
          // The round is over: the recap takes the place of the live panels (issue 8).
          <>
            {podium}
            <RecapCard recap={recap} large={large} />
          </>
        ) : (
          <>
            <TeamCounters team={team} look={look} size={size} columns={large ? 2 : 4} />
            {team.raft ? <ShipCourse course={team.raft.course} commitIndex={team.raft.commitIndex} heading={team.raft.heading} size={size} /> : null}
            {team.lease ? <LeaseWrites lease={team.lease} size={size} /> : null}
            {team.bully ? <BullyElection bully={team.bully} size={size} /> : null}
            <RefusalLines refusals={team.refusals} size={size} limit={large ? 3 : 2} />
            <div className="flex min-h-0 flex-1 flex-col gap-2 border-t-2 border-deck pt-3">
              <Ticker ticker={team.ticker} headline={team.headline} size={size} limit={large ? 6 : 6} fill />
            </div>
          </>
        )}
      </aside>
    </div>
  );
}
