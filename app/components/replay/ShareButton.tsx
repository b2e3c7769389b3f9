'use client';

import { useState } from 'react';
import { isProblem, publishRound, revokeRound } from '@/app/client/replay-api';

const button = 'min-h-11 rounded-xl bg-deck px-3 font-bold text-foam hover:bg-wave';

/** Publish a read-only link to a round (shown once, to copy), or revoke every link of it. */
export function ShareButton({ code, round, published = 0 }: { code: string; round: number; published?: number }) {
  const [link, setLink] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [live, setLive] = useState(published);
  const share = async () => {
    const result = await publishRound(code, round);
    if (isProblem(result)) return setNote(result.message);
    setLink(result);
    setLive((n) => n + 1);
    await navigator.clipboard?.writeText(result).catch(() => undefined);
  };
  const revoke = async () => {
    const result = await revokeRound(code, round);
    setNote(isProblem(result) ? result.message : `${result} link${result === 1 ? '' : 's'} revoked.`);
    setLink(null);
    setLive(0);
  };
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button type="button" className={button} onClick={() => void share()} data-testid="share-round">Share link</button>
      {live > 0 ? <button type="button" className={button} onClick={() => void revoke()} data-testid="revoke-round">Revoke links</button> : null}
      {link ? <input readOnly value={link} className="w-72 rounded-lg bg-abyss px-2 py-1 font-mono text-sm" aria-label="Replay link" data-testid="share-link" onFocus={(e) => e.target.select()} /> : null}
      {note ? <span className="text-sm text-mist">{note}</span> : null}
    </span>
  );
}
