'use client';

import { lazy, Suspense, useCallback, useEffect } from 'react';
import { playMove } from '@/app/client/seat-moves';
import { useGameSeat } from '@/app/client/use-game-seat';
import { useSeat } from '@/app/client/use-seat';
import { useClassDeleted } from '@/app/client/use-class-deleted';
import { forgetSeat } from '@/app/client/storage';
import { ClassDeleted } from '../ClassDeleted';
import type { Move } from '@/shared/game/moves';
import { formatRoomCode } from '@/shared/room/code';
import { Brand } from '../Anchor';
import { ConnectionBanner } from '../ConnectionBanner';
import { Notice } from '../Notice';
import { JoinForm } from './JoinForm';
import { NodeCard } from './NodeCard';

// The game screen comes with the round, not with the join form (issue 12: a phone's first
// load carries only what the join form needs); a seated student fetches it while waiting,
// so the round's first screen does not wait for it. React.lazy, not next/dynamic: the
// student page runs without Next's client runtime (app/join/lean/main.tsx).
const loadGamePhone = () => import('./game/GamePhone');
const GamePhone = lazy(() => loadGamePhone().then((m) => ({ default: m.GamePhone })));

/** /join/CODE: the join form until the student has a seat, then their node card, then their node in play. */
export function StudentSeat({ code }: { code: string }) {
  const { state, join } = useSeat(code);
  const game = useGameSeat(code);
  const play = useCallback((move: Move) => playMove(code, move), [code]);
  const deleted = useClassDeleted(code, () => forgetSeat(code));
  const seated = state.phase === 'seated';
  useEffect(() => {
    if (seated) void loadGamePhone();
  }, [seated]);

  if (deleted) return <ClassDeleted message={deleted} />;
  if (state.phase === 'kicked') {
    return (
      <Notice title="You have been removed from this class" tone="danger">
        The teacher removed this seat from class {formatRoomCode(code)}, so it cannot rejoin.
      </Notice>
    );
  }
  if (state.phase === 'refused') {
    return <Notice title="Cannot join this class">{state.refusal.message}</Notice>;
  }

  if (state.phase === 'seated' && game.phase === 'round' && game.view.inRound) {
    return (
      <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center gap-4 px-3 py-3 lg:max-w-6xl lg:px-8 lg:py-6">
        <ConnectionBanner />
        <Suspense fallback={<p className="text-xl text-mist">Boarding…</p>}>
          <GamePhone view={game.view} receivedAt={game.receivedAt} play={play} />
        </Suspense>
      </main>
    );
  }
  // Joined after the round started: they sit this one out and play the next.
  const waiting = game.phase === 'round' && !game.view.ended ? "A round is on: you'll play in the next round." : undefined;

  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center gap-8 px-5 py-10">
      <ConnectionBanner />
      <Brand />
      {state.phase === 'checking' ? <p className="text-xl text-mist">Boarding…</p> : null}
      {state.phase === 'form' ? <JoinForm fixedCode={code} notice={state.notice} onJoin={(_code, nickname) => join(nickname)} /> : null}
      {state.phase === 'seated' ? <NodeCard view={state.view} waiting={waiting} /> : null}
    </main>
  );
}
