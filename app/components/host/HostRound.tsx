'use client';

import { useState, type ReactNode } from 'react';
import { injectFault, setClock } from '@/app/client/host-game-actions';
import { useRoomTime } from '@/app/client/use-room-time';
import type { GameScreenView } from '@/shared/game/screen-view';
import { GameStage } from '../game/GameStage';
import { BUTTON, BUTTON_ON } from './controls';
import { InFlightList } from './InFlightList';
import { NetworkControls } from './NetworkControls';
import { NodeControls } from './NodeControls';
import { RefusalNote } from './RefusalNote';
import { RoundBar } from './RoundBar';
import { StoryControls } from './StoryControls';
import { useHostCommand } from './use-host-command';
import { ChallengeControls } from '../challenges/ChallengeControls';
import { useHostHotkeys, type HotkeyHandlers } from './hotkeys';
import { HotkeysOverlay } from './HotkeysOverlay';

type Props = { code: string; view: GameScreenView; receivedAt: number; header: ReactNode; lobby: ReactNode };

/**
 * The host panel while a round runs: the clock and End round on top, the cluster (the
 * same view as the projector, smaller) with the controls of the chosen team beside it,
 * and the class (code, QR, crew) folded away underneath.
 */
export function HostRound({ code, view, receivedAt, header, lobby }: Props) {
  const [teamIndex, setTeamIndex] = useState(0);
  const [selectedNode, setSelectedNode] = useState<number | null>(null);
  const drop = useHostCommand();
  const now = useRoomTime(view.clock, receivedAt, 250);
  const team = view.teams[teamIndex] ?? view.teams[0];
  const [help, setHelp] = useState(false);
  const keys = useHostCommand();
  const hotkeys: HotkeyHandlers = view.ended
    ? { help: () => setHelp((open) => !open) }
    : {
        clock: () => void keys.run(() => setClock(code, { action: view.clock.running ? 'pause' : 'resume' })),
        step: () => void keys.run(() => setClock(code, { action: 'step', stepMs: 1000 })),
        // Every team's first acting leader: the lecture's "the captain is down" in one key.
        'crash-leader': () => {
          for (const t of view.teams) {
            const leader = t.leaders.find((i) => t.nodes[i]?.status === 'live');
            if (leader !== undefined) void keys.run(() => injectFault(code, t.team, { type: 'CrashNode', node: leader }));
          }
        },
        help: () => setHelp((open) => !open),
      };
  useHostHotkeys(hotkeys);

  const selectNode = (t: number, index: number) => {
    setTeamIndex(t);
    setSelectedNode(index);
  };
  const chooseTeam = (t: number) => {
    setTeamIndex(t);
    setSelectedNode(null);
  };

  return (
    <main className="mx-auto flex min-h-dvh max-w-[110rem] flex-col gap-3 px-3 py-3 sm:px-5">
      {header}
      <RoundBar code={code} view={view} onHelp={() => setHelp(true)} />
      <RefusalNote refusal={keys.refusal} onDismiss={keys.clear} />
      {help ? <HotkeysOverlay handlers={hotkeys} onClose={() => setHelp(false)} /> : null}
      <div className="grid min-w-0 gap-4 xl:grid-cols-[minmax(0,1fr)_28rem]">
        <div className="flex min-w-0 flex-col gap-2">
          <GameStage
            view={view}
            receivedAt={receivedAt}
            variant="host"
            selectedNode={team && selectedNode !== null ? { team: team.team, index: selectedNode } : null}
            onSelectNode={selectNode}
            onSelectMessage={(t, id) => void drop.run(() => injectFault(code, t, { type: 'DropMessage', id }))}
          />
          <RefusalNote refusal={drop.refusal} onDismiss={drop.clear} />
        </div>
        {team ? (
          <aside className="flex min-w-0 flex-col gap-3" aria-label="Round controls">
            {view.teams.length > 1 ? (
              <div role="group" aria-label="Team to control" className="flex flex-wrap gap-1.5">
                {view.teams.map((t) => (
                  <button key={t.team} type="button" aria-pressed={t.team === team.team} onClick={() => chooseTeam(t.team)} className={t.team === team.team ? BUTTON_ON : BUTTON}>
                    Team {t.team + 1}
                  </button>
                ))}
              </div>
            ) : null}
            {view.story ? <StoryControls code={code} story={view.story} /> : null}
            <NodeControls code={code} team={team} words={view.words} roles={view.roles} selected={selectedNode} onSelect={(i) => setSelectedNode(i)} />
            <InFlightList code={code} team={team} now={now} />
            <NetworkControls key={team.team} code={code} team={team} words={view.words} />
            <ChallengeControls code={code} view={view} />
          </aside>
        ) : null}
      </div>
      <details className="rounded-2xl bg-navy/60 p-4" data-testid="class-details">
        <summary className="min-h-11 cursor-pointer text-xl font-black">Class and crew: code, QR, students, lock</summary>
        <div className="mt-4">{lobby}</div>
      </details>
    </main>
  );
}
