'use client';

import { useState } from 'react';
import type { Ack, RoomView } from '@/shared/protocol';
import { CrewList } from './CrewList';

type Props = {
  view: RoomView | null;
  kick: (nodeId: number) => Promise<Ack<'host:kick'>>;
  lock: () => Promise<Ack<'host:lock'>>;
  unlock: () => Promise<Ack<'host:unlock'>>;
  /** Seats bots until the class has this many players (SPEC AP4). */
  fillBots?: (upTo: number) => Promise<Ack<'host:bots:fill'>>;
};

/** A class of two can still play a five-node cluster. */
const FILL_TO = 5;

/** The students aboard, with Lock/Unlock and Kick. */
export function CrewSection({ view, kick, lock, unlock, fillBots }: Props) {
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<Ack<'host:lock'>>) => {
    const ack = await action();
    setError(ack.ok ? null : ack.refusal.message);
  };
  return (
    <section className="flex min-w-0 flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-3xl font-black">
          Crew aboard <span data-testid="crew-count" className="text-brass">{view?.nodes.length ?? 0}</span>
        </h2>
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
      {view && fillBots && view.nodes.length < FILL_TO ? (
        <button type="button" onClick={() => void run(() => fillBots(FILL_TO))} className="min-h-12 self-start rounded-xl border-2 border-kelp/70 px-5 text-lg font-black text-kelp hover:border-brass hover:text-brass">
          Fill to {FILL_TO} with bots
        </button>
      ) : null}
      {view?.locked ? <p className="rounded-xl bg-deck p-3 text-lg font-bold text-brass">Locked: new students are turned away; students already aboard can reconnect.</p> : null}
      {error ? <p role="alert" className="rounded-xl bg-coral/15 p-3 text-lg text-coral">{error}</p> : null}
      {view ? <CrewList nodes={view.nodes} onKick={async (nodeId) => run(() => kick(nodeId))} /> : <p className="text-xl text-mist">Loading the class…</p>}
      {view && view.kickedCount > 0 ? <p className="text-mist">{view.kickedCount} removed from this class.</p> : null}
    </section>
  );
}
