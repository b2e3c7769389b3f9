'use client';

import { useState } from 'react';
import { useRoomTime } from '@/app/client/use-room-time';
import type { MoveOutcome } from '@/app/client/seat-moves';
import type { Move } from '@/shared/game/moves';
import type { GameSeatView } from '@/shared/game/seat-view';
import { FeedbackBanner } from './FeedbackBanner';
import { GameHeader } from './GameHeader';
import { Inbox } from './Inbox';
import { MovePad } from './MovePad';
import { MyScoreLine } from './MyScoreLine';
import { ChallengeLine } from '../../challenges/ChallengeLine';
import { NodeHero } from './NodeHero';
import { RoundOver } from './RoundOver';
import { TimerList } from './TimerList';
import { useMovePlayer } from './use-move-player';
import { useMovesClearOfAnswer } from './use-moves-clear-of-answer';
import { StoryCue } from '../../story/StoryCue';

type Props = {
  view: GameSeatView;
  receivedAt: number;
  play: (move: Move) => Promise<MoveOutcome>;
  /**
   * A phone shown inside another page (the replay's "through a student's eyes"): the answer
   * to a press shows under the moves, and the page around it is never scrolled to make room.
   */
  mirror?: boolean;
};

/** A student's phone during a round: their node as their node knows it, and their moves. */
export function GamePhone({ view, receivedAt, play, mirror = false }: Props) {
  const roomTime = useRoomTime(view.clock, receivedAt);
  const { pending, feedback, press, dismiss } = useMovePlayer(play);
  const clear = useMovesClearOfAnswer(mirror ? null : (feedback?.serial ?? null));
  const nickname = view.peers.find((p) => p.index === view.index)?.nickname ?? '';
  const [writes, setWrites] = useState(1);
  const [writeText, setWriteText] = useState<string | null>(null);
  const node = view.node;
  const summary = view.summary;
  if (!node || !summary || view.label === null) return null;

  // A paused node's clock stands still: its countdowns freeze with it.
  const elapsed = node.status === 'paused' ? 0 : Math.max(0, roomTime - view.computedAt);
  // Story mode: a cued write comes with the story's value ("a2").
  const cuedValue = view.story?.cue?.move?.value;
  const defaultText = typeof cuedValue === 'string' ? cuedValue : `${(nickname.trim()[0] ?? view.label).toUpperCase()}${writes}`;

  return (
    // A container: the layout follows the phone's own width, not the window's, so the same
    // phone fits the student's page and the replay's narrower "through a student's eyes" panel.
    // Room at the page's end for the answer's banner, from the first answer on (use-moves-clear-of-answer.ts).
    <div className="@container flex w-full flex-col gap-4" style={clear.room ? { paddingBottom: clear.room } : undefined} data-testid="game-phone">
      <GameHeader view={view} roomTime={roomTime} />
      {view.ended ? <RoundOver summary={summary} roleWord={view.roles[summary.role]?.word ?? summary.role} /> : null}
      {view.score ? <MyScoreLine score={view.score} /> : null}
      {view.challenge ? <ChallengeLine challenge={view.challenge} roomTime={roomTime} /> : null}
      {view.note ? (
        <p className="rounded-2xl bg-kelp/15 px-4 py-2.5 text-lg font-bold text-kelp ring-1 ring-kelp/40" data-testid="stand-in-note">
          {view.note}
        </p>
      ) : null}
      {view.story && !view.ended ? <StoryCue story={view.story} /> : null}
      {/* In a story the cue speaks instead: D and E stay calm while B and C stand. */}
      {summary.callout && !view.ended && !view.story && node.status === 'live' ? (
        <p className="rounded-2xl bg-brass/15 px-4 py-2.5 text-lg font-bold text-brass ring-1 ring-brass/40" data-testid="callout">
          {summary.callout}
        </p>
      ) : null}
      {/* Narrow: one column (node, moves, inbox). From 48rem wide (a laptop's page): the node and its inbox left, the moves right. */}
      <div className="grid w-full items-start gap-4 @3xl:grid-cols-2 @3xl:grid-rows-[auto_1fr] @3xl:gap-x-6">
        <div className="flex flex-col gap-3 @3xl:col-start-1 @3xl:row-start-1">
          <NodeHero summary={summary} roles={view.roles} label={view.label} nickname={nickname} status={node.status} />
          {view.ended ? null : <TimerList timers={summary.timers} elapsed={elapsed} />}
        </div>
        <div className="@3xl:col-start-2 @3xl:row-span-2 @3xl:row-start-1" ref={clear.pad}>
          <MovePad
            moves={view.moves} pending={pending} writeText={writeText ?? defaultText} onWriteText={setWriteText}
            onPress={(option, move, label) =>
              void press(option, move, label).then((outcome) => {
                // A fresh default for the next write, so two writes are told apart on the projector.
                if (outcome?.ok && option.layout.kind === 'write') {
                  setWrites((n) => n + 1);
                  setWriteText(null);
                }
              })
            }
          />
        </div>
        {/* Without moves (round over) the inbox takes the right-hand column. */}
        <div className={view.moves.length > 0 ? '@3xl:col-start-1 @3xl:row-start-2' : '@3xl:col-start-2 @3xl:row-start-1'}>
          <Inbox lines={view.inbox} roomTime={view.ended ? null : roomTime} />
        </div>
      </div>
      <FeedbackBanner feedback={feedback} onDismiss={dismiss} cardRef={clear.banner} pinned={!mirror} />
    </div>
  );
}
