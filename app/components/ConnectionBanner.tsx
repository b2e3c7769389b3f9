'use client';

import { useConnectionStatus } from '@/app/client/use-connection-status';

/** Tells the user when the live link is down; silent while all is well. */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  if (status === 'online') return null;
  const text = status === 'connecting' ? 'Connecting…' : 'Connection lost: reconnecting…';
  return (
    <div role="status" aria-live="polite" className="fixed inset-x-0 top-0 z-50 flex justify-center p-2">
      <span className="flex items-center gap-2 rounded-full bg-brass px-4 py-2 text-base font-bold text-abyss shadow-lg lg:px-6 lg:py-3 lg:text-2xl">
        <span className="inline-block size-2.5 animate-pulse rounded-full bg-abyss" aria-hidden />
        {text}
      </span>
    </div>
  );
}
