'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { openClass, tryAlone } from '@/app/client/actions';
import { hostedRoomCodes } from '@/app/client/storage';
import { formatRoomCode } from '@/shared/room/code';

export function LandingActions() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hosted, setHosted] = useState<string[]>([]);
  useEffect(() => setHosted(hostedRoomCodes()), []);

  const host = async () => {
    setBusy(true);
    setError(null);
    const outcome = await openClass();
    if (outcome.ok) router.push(`/host/${outcome.value.code}`);
    else {
      setError(outcome.refusal.message);
      setBusy(false);
    }
  };

  const alone = async () => {
    setBusy(true);
    setError(null);
    const outcome = await tryAlone();
    // A full load, not router.push: the student page is not a Next page (app/join/lean).
    if (outcome.ok) window.location.assign(`/join/${outcome.value.code}`);
    else {
      setError(outcome.refusal.message);
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <button type="button" onClick={host} disabled={busy} className="min-h-20 rounded-2xl bg-brass px-6 text-2xl font-black text-abyss shadow-lg transition hover:bg-brass-dark disabled:opacity-60">
          {busy ? 'Opening…' : 'Host a class'}
        </button>
        {/* A plain link: /join is the lean student page, outside Next's router (app/join/lean). */}
        <a href="/join" className="flex min-h-20 items-center justify-center rounded-2xl border-4 border-foam/80 px-6 text-2xl font-black text-foam transition hover:border-brass hover:text-brass">
          Join a class
        </a>
      </div>
      <button type="button" onClick={alone} disabled={busy} className="min-h-16 rounded-2xl border-4 border-kelp/80 px-6 text-xl font-black text-foam transition hover:border-brass hover:text-brass disabled:opacity-60">
        {busy ? 'Opening…' : 'Try it alone: you and four bots play Raft'}
      </button>
      {error ? <p role="alert" className="rounded-xl bg-coral/15 p-3 text-lg text-coral">{error}</p> : null}
      {hosted.length > 0 ? (
        <nav aria-label="Your classes" className="flex flex-wrap items-center gap-2 text-mist">
          <span>Your classes on this browser:</span>
          {hosted.map((code) => (
            <Link key={code} href={`/host/${code}`} className="rounded-lg bg-deck px-3 py-1 font-mono font-bold text-foam hover:text-brass">
              {formatRoomCode(code)}
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
