'use client';

import type { ReactNode } from 'react';
import { useRoomTime } from '@/app/client/use-room-time';
import type { GameScreenView } from '@/shared/game/screen-view';
import { findPreset } from '@/shared/game/presets';
import { ClusterBoard } from './ClusterBoard';
import { clockFace } from './look';
import { PauseIcon } from './PauseIcon';
import { Podium } from '../scoring/Podium';
import { ChallengeBanner } from '../challenges/ChallengeBanner';
import { TeamsGrid } from './TeamsGrid';
import { RecapCard } from './RecapCard';
import type { TeamSelection } from './TeamCard';
import { StoryBanner } from '../story/StoryBanner';

type Props = TeamSelection & {
  view: GameScreenView;
  receivedAt: number;
  /** 'projector': the whole screen, back-row sizes. 'host': a panel inside the control page. */
  variant: 'projector' | 'host';
  /** Shown at the right of the header (the projector's join code). */
  corner?: ReactNode;
};

/** Above this many nodes the stage redraws less often. */
const BIG_CLASS = 100;

/** The round's truth: a header (round, algorithm, clock) over one cluster or every team. */
export function GameStage({ view, receivedAt, variant, corner, ...selection }: Props) {
  // 50 ms: messages glide instead of hopping; a paused clock stops the re-renders. A big
  // class (teams grid of 100+ nodes) redraws at 5 Hz: timers and messages still move, and
  // the projector keeps up (issue 12, bench/projector-fps.mjs).
  const nodeCount = view.teams.reduce((n, t) => n + t.nodes.length, 0);
  const now = useRoomTime(view.clock, receivedAt, nodeCount > BIG_CLASS ? 200 : 50);
  const preset = findPreset(view.preset);
  const large = variant === 'projector';
  return (
    <div data-testid="game-stage" data-algorithm={view.algorithm} className={`@container flex min-h-0 flex-1 flex-col ${large ? 'gap-3' : 'gap-2'}`}>
      <header className="flex flex-wrap items-center gap-x-5 gap-y-1">
        <h1 className={`font-black ${large ? 'text-4xl' : 'text-2xl'}`}>
          <span className="text-brass">{view.title}</span> · round {view.round}
        </h1>
        {preset ? <span className={`font-bold text-mist ${large ? 'text-3xl' : 'text-base'}`}>{preset.name.replace(/^\w+: /, '')}</span> : null}
        {view.teams.length > 1 ? <span className={`font-bold text-mist ${large ? 'text-3xl' : 'text-base'}`}>· {view.teams.length} teams</span> : null}
        <ClockBadge view={view} now={now} large={large} />
        {corner ? <div className="ml-auto">{corner}</div> : null}
      </header>
      {view.story ? <StoryBanner story={view.story} large={large} /> : null}
      {view.challenge ? <ChallengeBanner challenge={view.challenge} now={now} large={large} /> : null}
      {/* One cluster on the projector: the podium goes beside the ring, which keeps its height (28 px words). */}
      {view.scores && !(large && view.teams.length === 1) ? <Podium scores={view.scores} large={large} /> : null}
      {view.recap && view.teams.length > 1 ? <RecapCard recap={view.recap} large={large} /> : null}
      {/* A big class's recap on the projector takes the stage: the tiles left under it would be slivers. */}
      {large && view.recap && view.teams.length > RECAP_OVER_TILES ? null : view.teams.length === 1 ? (
        <ClusterBoard team={view.teams[0]!} look={view} now={now} viewAt={view.clock.roomNow} variant={variant} recap={view.recap} podium={large && view.scores ? <Podium scores={view.scores} large /> : null} {...selection} />
      ) : (
        <TeamsGrid view={view} now={now} variant={variant} {...selection} />
      )}
    </div>
  );
}

/** Above this many teams the projector's recap replaces the tiles (12 teams keep theirs beside it). */
const RECAP_OVER_TILES = 12;

function ClockBadge({ view, now, large }: { view: GameScreenView; now: number; large: boolean }) {
  const text = view.ended ? 'Round over' : view.clock.running ? `▶ ${view.clock.rate}x` : 'Paused';
  const tone = view.ended ? 'bg-mist text-abyss' : view.clock.running ? (view.clock.rate === 1 ? 'bg-kelp text-abyss' : 'bg-amber-400 text-abyss') : 'bg-coral text-abyss';
  return (
    <span data-testid="room-clock" className={`flex items-center gap-3 rounded-full font-black ${tone} ${large ? 'px-5 py-1.5 text-3xl' : 'px-3 py-1 text-base'}`}>
      {!view.ended && !view.clock.running ? <PauseIcon className={large ? 'size-6' : 'size-4'} /> : null}
      <span>{text}</span>
      <span className="font-mono tabular-nums">{clockFace(now)}</span>
    </span>
  );
}
