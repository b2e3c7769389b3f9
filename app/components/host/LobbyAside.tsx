'use client';

import Link from 'next/link';
import { useIsLocalhost, useJoinUrl } from '@/app/client/use-join-url';
import { QrCode } from '../QrCode';
import { RoomCode } from '../RoomCode';

/** How students get aboard: the code, the QR, the link; and the way to the projector view. */
export function LobbyAside({ code, compact = false }: { code: string; compact?: boolean }) {
  const joinUrl = useJoinUrl(code);
  const onLocalhost = useIsLocalhost();
  return (
    <div className={`flex min-w-0 ${compact ? 'flex-wrap items-start gap-5' : 'flex-col gap-5'}`}>
      <div className="flex flex-col gap-1">
        <span className="text-sm font-bold tracking-widest text-mist uppercase">Class code</span>
        <RoomCode code={code} className="text-5xl" />
      </div>
      {joinUrl ? <QrCode url={joinUrl} className={compact ? 'w-40' : 'w-56'} /> : <div className={`aspect-square rounded-2xl bg-navy ${compact ? 'w-40' : 'w-56'}`} />}
      <div className="flex min-w-0 flex-col gap-1">
        <span className="text-sm font-bold tracking-widest text-mist uppercase">Join link</span>
        <a href={joinUrl ?? '#'} data-testid="join-link" className="break-all text-lg font-semibold text-foam underline decoration-brass underline-offset-4">
          {joinUrl ?? '…'}
        </a>
        {onLocalhost ? (
          <p className="max-w-sm text-sm text-brass">Phones cannot open “localhost”: open this page at the network address the server printed, so the QR points there.</p>
        ) : null}
      </div>
      <Link href={`/screen/${code}`} target="_blank" className="rounded-xl border-2 border-mist/40 px-4 py-3 text-center text-lg font-bold hover:border-brass">
        Open the projector view ↗
      </Link>
    </div>
  );
}
