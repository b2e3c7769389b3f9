'use client';

import { useGameView } from '@/app/client/use-game-view';
import { useHostRoom } from '@/app/client/use-host-room';
import { useClassDeleted } from '@/app/client/use-class-deleted';
import { ClassDeleted } from '../ClassDeleted';
import { DeleteClass } from './DeleteClass';
import { Brand } from '../Anchor';
import { ConnectionBanner } from '../ConnectionBanner';
import { GameStage } from '../game/GameStage';
import { Notice } from '../Notice';
import { RoomCode } from '../RoomCode';
import { RoundHistory } from '../replay/RoundHistory';
import { CrewSection } from './CrewSection';
import { HostRound } from './HostRound';
import { LobbyAside } from './LobbyAside';
import { RoundSetup } from './RoundSetup';
import { StoryPicker } from './StoryPicker';
import { ScoresSwitch } from '../challenges/ScoresSwitch';
import { BUTTON } from './controls';

/**
 * /host/CODE: the teacher's control panel. The host token comes from localStorage only.
 * Between rounds: the class (code, QR, crew) and the round setup. During a round: the
 * cluster and its controls, with the class folded away below.
 */
export function HostPanel({ code }: { code: string }) {
  const { state, kick, lock, unlock, remove, fillBots } = useHostRoom(code);
  const game = useGameView(code);
  const deleted = useClassDeleted(code);

  if (deleted) return <ClassDeleted message={deleted} />;
  if (state.phase === 'refused') return <Notice title="Cannot open this class">{state.refusal.message}</Notice>;
  const view = state.phase === 'ready' ? state.view : null;
  const crew = (
    <div className="flex min-w-0 flex-col gap-8">
      <CrewSection view={view} kick={kick} lock={lock} unlock={unlock} fillBots={fillBots} />
      {view ? <DeleteClass code={code} remove={remove} /> : null}
    </div>
  );

  if (game.phase === 'round' && !game.view.ended) {
    const header = (
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <ConnectionBanner />
        <Brand />
        <span className="flex items-baseline gap-2 text-mist">
          <span className="text-sm font-bold tracking-widest uppercase">Class</span>
          <RoomCode code={code} className="text-2xl" />
        </span>
        <span className="font-bold text-mist">
          <span className="text-foam">{view?.nodes.length ?? 0}</span> aboard{view?.locked ? ' · locked' : ''}
        </span>
      </div>
    );
    const lobby = (
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <LobbyAside code={code} compact />
        {crew}
      </div>
    );
    return <HostRound code={code} view={game.view} receivedAt={game.receivedAt} header={header} lobby={lobby} />;
  }

  return (
    <main className="mx-auto grid min-h-dvh max-w-7xl grid-cols-1 content-start gap-8 px-5 py-8 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <ConnectionBanner />
      <aside className="flex min-w-0 flex-col gap-5">
        <Brand />
        <LobbyAside code={code} />
      </aside>
      <div className="flex min-w-0 flex-col gap-8">
        {view ? <StoryPicker code={code} players={view.nodes.length} /> : null}
        {view ? <RoundSetup code={code} crewIds={view.nodes.map((n) => n.nodeId)} /> : null}
        {crew}
        {view ? (
          <div className="flex flex-wrap items-start gap-3" data-testid="after-class">
            <ScoresSwitch code={code} off={view.scoresOff} className={BUTTON} />
            {/* A plain link: the report page fetches its data with this browser's host key, never in the URL. */}
            <a href={`/report/${code}`} className={`${BUTTON} inline-flex items-center`} data-testid="report-link">
              Session report
            </a>
          </div>
        ) : null}
        <RoundHistory code={code} refreshKey={game.phase === 'round' ? game.view.round : 0} />
        {game.phase === 'round' ? (
          <details className="rounded-2xl bg-navy/60 p-4" data-testid="last-round">
            <summary className="min-h-11 cursor-pointer text-xl font-black">Round {game.view.round} is over: its final state</summary>
            <div className="mt-3 flex flex-col">
              <GameStage view={game.view} receivedAt={game.receivedAt} variant="host" />
            </div>
          </details>
        ) : null}
      </div>
    </main>
  );
}
