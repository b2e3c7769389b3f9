'use client';

import { useState } from 'react';
import type { Ack } from '@/shared/protocol';
import { formatRoomCode } from '@/shared/room/code';

/**
 * "Delete this class": erases the class's log and every round for good, and sends its
 * students and projectors away. Asks once more before doing it.
 */
export function DeleteClass({ code, remove }: { code: string; remove: () => Promise<Ack<'host:room:delete'>> }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    const ack = await remove();
    setError(ack.ok ? null : ack.refusal.message);
    if (!ack.ok) setConfirming(false);
  };
  return (
    <section aria-labelledby="delete-class-title" className="flex flex-col gap-3 rounded-2xl border-2 border-coral/40 p-4">
      <h2 id="delete-class-title" className="text-sm font-bold tracking-widest text-mist uppercase">
        When the class is over
      </h2>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="delete-class-question" className="flex flex-col gap-3">
          <p id="delete-class-question" className="text-lg font-bold text-foam">
            Delete class {formatRoomCode(code)} for good? Its log and every round are erased, and students and projectors are sent away. This cannot be undone.
          </p>
          <div className="flex flex-wrap gap-3">
            <button type="button" onClick={() => void run()} className="min-h-12 rounded-xl bg-coral px-5 text-lg font-black text-abyss">
              Yes, delete it for good
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="min-h-12 rounded-xl border-2 border-mist/40 px-5 text-lg font-bold">
              Keep the class
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="min-h-12 self-start rounded-xl border-2 border-coral px-5 text-lg font-bold text-coral">
          Delete this class…
        </button>
      )}
      {error ? <p role="alert" className="text-lg text-coral">{error}</p> : null}
    </section>
  );
}
