'use client';

import { useState, type FormEvent } from 'react';
import type { Refusal } from '@/shared/protocol';
import { formatRoomCode, isRoomCode, normalizeRoomCode } from '@/shared/room/code';
import { checkNickname, NICKNAME_MAX_LENGTH } from '@/shared/room/nickname';
import { RoomCode } from '../RoomCode';

type Props = {
  /** Set when the code came from the link/QR: then only the nickname is asked. */
  fixedCode?: string;
  notice?: Refusal;
  onJoin: (code: string, nickname: string) => Promise<Refusal | null>;
};

const inputClass =
  'w-full rounded-xl border-2 border-mist/50 bg-navy px-4 py-4 text-2xl font-bold text-foam placeholder:text-mist/50 focus:border-brass focus:outline-none';

export function JoinForm({ fixedCode, notice, onJoin }: Props) {
  const [code, setCode] = useState(fixedCode ?? '');
  const [nickname, setNickname] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(notice?.message ?? null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeRoomCode(code);
    if (!isRoomCode(normalized)) return setError('A class code has 6 letters and digits, like "K7P 3QX".');
    const checked = checkNickname(nickname);
    if (!checked.ok) return setError(checked.refusal.message);
    setBusy(true);
    setError(null);
    const refusal = await onJoin(normalized, checked.nickname);
    setBusy(false);
    if (refusal) setError(refusal.message);
  };

  return (
    <form onSubmit={submit} className="flex w-full flex-col gap-5" noValidate>
      {fixedCode ? (
        <p className="text-center text-lg text-mist">
          Joining class <RoomCode code={fixedCode} className="text-2xl" />
        </p>
      ) : (
        <label className="flex flex-col gap-2 text-lg font-bold text-mist">
          Class code
          <input
            name="code" value={code} onChange={(e) => setCode(e.target.value)} placeholder={formatRoomCode('K7P3QX')}
            autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={9}
            className={`${inputClass} text-center font-mono uppercase tracking-[0.2em]`}
          />
        </label>
      )}
      <label className="flex flex-col gap-2 text-lg font-bold text-mist">
        Your nickname
        <input
          name="nickname" value={nickname} onChange={(e) => setNickname(e.target.value)} placeholder="e.g. Ada"
          autoComplete="nickname" maxLength={NICKNAME_MAX_LENGTH + 10} autoFocus={Boolean(fixedCode)} className={inputClass}
        />
      </label>
      {error ? <p role="alert" data-testid="form-error" className="rounded-xl bg-coral/15 p-3 text-lg font-semibold text-coral">{error}</p> : null}
      <button type="submit" disabled={busy} className="min-h-16 rounded-2xl bg-brass text-2xl font-black text-abyss shadow-lg transition hover:bg-brass-dark disabled:opacity-60">
        {busy ? 'Boarding…' : 'Come aboard'}
      </button>
    </form>
  );
}
