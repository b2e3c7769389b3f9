'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { fetchPublished, fetchRoomLog, forkRound, isProblem, saveFile } from '@/app/client/replay-api';
import { importInSteps } from '@/app/client/import-in-steps';
import type { SeqEvent } from '@/shared/replay/log-rows';
import { Notice } from '../Notice';
import { CheckProgress } from './CheckProgress';
import { LogPlayer } from './LogPlayer';
import { ShareButton } from './ShareButton';

type State = { phase: 'loading' } | { phase: 'checking'; share: number } | { phase: 'refused'; title: string; message: string } | { phase: 'ready'; events: SeqEvent[] };

const button = 'min-h-11 rounded-xl bg-deck px-3 font-bold text-foam hover:bg-wave';

function useLog(load: () => Promise<string | { ok: false; message: string }>, title: string): State {
  const [state, setState] = useState<State>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    void load().then(async (text) => {
      if (!live) return;
      if (typeof text !== 'string') return setState({ phase: 'refused', title, message: text.message });
      setState({ phase: 'checking', share: 0 });
      const parsed = await importInSteps(text, (share) => live && setState({ phase: 'checking', share }));
      if (!live) return;
      setState(parsed.ok ? { phase: 'ready', events: parsed.events } : { phase: 'refused', title: 'This log cannot be replayed', message: `Line ${parsed.line}: ${parsed.problem}` });
    });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}

/** Before the player: the log on its way, then checked line by line (seconds for an hour-long class). */
function Waiting({ state }: { state: Extract<State, { phase: 'loading' | 'checking' }> }) {
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      {state.phase === 'loading' ? <p className="text-2xl text-mist">Loading the round…</p> : <CheckProgress what="the round's log" share={state.share} />}
    </main>
  );
}

/** /replay/CODE/ROUND: the host's own round, loaded from the server with the host token. */
export function HostReplay({ code, round }: { code: string; round: number }) {
  const router = useRouter();
  const state = useLog(async () => {
    const log = await fetchRoomLog(code, round);
    return isProblem(log) ? log : log.text;
  }, 'Cannot open this replay');
  /** What went wrong with the last export or fork (the host sees why, instead of nothing). */
  const [actionError, setActionError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  if (state.phase === 'loading' || state.phase === 'checking') return <Waiting state={state} />;
  if (state.phase === 'refused') return <Notice title={state.title}>{state.message}</Notice>;
  const download = async (anonymize: boolean) => {
    setExporting(true);
    setActionError(null);
    const file = await fetchRoomLog(code, round, anonymize);
    setExporting(false);
    if (isProblem(file)) return setActionError(`The export failed. ${file.message}`);
    saveFile(file.text, anonymize ? file.filename.replace('.ndjson', '-anonymized.ndjson') : file.filename);
  };
  return (
    <>
      {actionError ? <p role="alert" className="m-3 rounded-xl bg-coral/15 p-3 font-bold text-coral" data-testid="replay-action-error">{actionError}</p> : null}
      <LogPlayer
        events={state.events} source={`class ${code}`} round={round}
        actions={(r) => (
          <>
            <button type="button" className={button} disabled={exporting} onClick={() => void download(false)} data-testid="export-round">{exporting ? 'Exporting…' : 'Export'}</button>
            <button type="button" className={button} disabled={exporting} onClick={() => void download(true)}>Export anonymized</button>
            <ShareButton code={code} round={r} />
            <a className={`${button} flex items-center`} href={`/host/${code}`}>Back to the class</a>
          </>
        )}
        onFork={(r, t) => void forkRound(code, r, t).then((result) => (isProblem(result) ? setActionError(`The fork failed. ${result.message}`) : router.push(`/host/${code}`)))}
      />
    </>
  );
}

/** /replay/s/ID: a published round, read-only, for anyone with the link. */
export function SharedReplay({ id }: { id: string }) {
  const state = useLog(() => fetchPublished(id), 'This replay link does not work');
  if (state.phase === 'loading' || state.phase === 'checking') return <Waiting state={state} />;
  if (state.phase === 'refused') return <Notice title={state.title}>{state.message}</Notice>;
  return <LogPlayer events={state.events} source="shared replay" />;
}
