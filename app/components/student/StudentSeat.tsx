'use client';

import { useSeat } from '@/app/client/use-seat';
import { formatRoomCode } from '@/shared/room/code';
import { Brand } from '../Anchor';
import { ConnectionBanner } from '../ConnectionBanner';
import { Notice } from '../Notice';
import { JoinForm } from './JoinForm';
import { NodeCard } from './NodeCard';

/** /join/CODE: the join form until the student has a seat, then their node card. */
export function StudentSeat({ code }: { code: string }) {
  const { state, join } = useSeat(code);

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

  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center gap-8 px-5 py-10">
      <ConnectionBanner />
      <Brand />
      {state.phase === 'checking' ? <p className="text-xl text-mist">Boarding…</p> : null}
      {state.phase === 'form' ? <JoinForm fixedCode={code} notice={state.notice} onJoin={(_code, nickname) => join(nickname)} /> : null}
      {state.phase === 'seated' ? <NodeCard view={state.view} /> : null}
    </main>
  );
}
