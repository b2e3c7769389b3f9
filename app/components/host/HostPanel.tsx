'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useHostRoom } from '@/app/client/use-host-room';
import { useIsLocalhost, useJoinUrl } from '@/app/client/use-join-url';
import type { Ack } from '@/shared/protocol';
import { Brand } from '../Anchor';
import { ConnectionBanner } from '../ConnectionBanner';
import { Notice } from '../Notice';
import { QrCode } from '../QrCode';
import { RoomCode } from '../RoomCode';
import { CrewList } from './CrewList';

/** /host/CODE: the teacher's control panel. The host token comes from localStorage only. */
export function HostPanel({ code }: { code: string }) {
  const { state, kick, lock, unlock } = useHostRoom(code);
  const joinUrl = useJoinUrl(code);
  const onLocalhost = useIsLocalhost();
  const [error, setError] = useState<string | null>(null);

  if (state.phase === 'refused') return <Notice title="Cannot open this class">{state.refusal.message}</Notice>;

  const run = async (action: () => Promise<Ack<'host:lock'>>) => {
    const ack = await action();
    setError(ack.ok ? null : ack.refusal.message);
  };
  const view = state.phase === 'ready' ? state.view : null;

  return (
    <main className="mx-auto grid min-h-dvh max-w-6xl grid-cols-1 content-start gap-8 px-5 py-8 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <ConnectionBanner />
      <aside className="flex min-w-0 flex-col gap-5">
        <Brand />
        <div className="flex flex-col gap-1">
          <span className="text-sm font-bold tracking-widest text-mist uppercase">Class code</span>
          <RoomCode code={code} className="text-5xl" />
        </div>
        {joinUrl ? <QrCode url={joinUrl} className="w-56" /> : <div className="aspect-square w-56 rounded-2xl bg-navy" />}
        <div className="flex flex-col gap-1">
          <span className="text-sm font-bold tracking-widest text-mist uppercase">Join link</span>
          <a href={joinUrl ?? '#'} data-testid="join-link" className="break-all text-lg font-semibold text-foam underline decoration-brass underline-offset-4">
            {joinUrl ?? '…'}
          </a>
          {onLocalhost ? (
            <p className="text-sm text-brass">Phones cannot open “localhost”: open this page at the network address the server printed, so the QR points there.</p>
          ) : null}
        </div>
        <Link href={`/screen/${code}`} target="_blank" className="rounded-xl border-2 border-mist/40 px-4 py-3 text-center text-lg font-bold hover:border-brass">
          Open the projector view ↗
        </Link>
      </aside>

      <section className="flex min-w-0 flex-col gap-5">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 className="text-3xl font-black">
            Crew aboard <span data-testid="crew-count" className="text-brass">{view?.nodes.length ?? 0}</span>
          </h1>
          {view ? (
            <button
              type="button"
              onClick={() => void run(view.locked ? unlock : lock)}
              className={`min-h-14 rounded-xl px-6 text-xl font-black ${view.locked ? 'bg-kelp text-abyss' : 'bg-brass text-abyss'}`}
            >
              {view.locked ? 'Unlock: let students join' : 'Lock: no new students'}
            </button>
          ) : null}
        </div>
        {view?.locked ? <p className="rounded-xl bg-deck p-3 text-lg font-bold text-brass">Locked: new students are turned away; students already aboard can reconnect.</p> : null}
        {error ? <p role="alert" className="rounded-xl bg-coral/15 p-3 text-lg text-coral">{error}</p> : null}
        {view ? (
          <CrewList nodes={view.nodes} onKick={async (nodeId) => run(() => kick(nodeId))} />
        ) : (
          <p className="text-xl text-mist">Loading the class…</p>
        )}
        {view && view.kickedCount > 0 ? <p className="text-mist">{view.kickedCount} removed from this class.</p> : null}
      </section>
    </main>
  );
}
