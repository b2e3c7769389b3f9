'use client';

import { useState, type DragEvent } from 'react';
import { importInSteps } from '@/app/client/import-in-steps';
import { MAX_LOG_BYTES } from '@/shared/replay/ndjson';
import type { SeqEvent } from '@/shared/replay/log-rows';
import { sliceRounds } from '@/shared/replay/rounds';
import { Brand } from '../Anchor';
import { LogPlayer } from './LogPlayer';
import { CheckProgress } from './CheckProgress';

type Loaded = { name: string; events: SeqEvent[] };

/**
 * /replay: open an exported log by file picker or drag-and-drop. Everything happens in
 * this page: the file is read, checked line by line and folded here; nothing is sent.
 */
export function ReplayImport() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  /** The file being checked, and how far (null: none). */
  const [checking, setChecking] = useState<{ name: string; share: number } | null>(null);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    // Refused before a byte is read, so a huge file cannot freeze the tab.
    if (file.size > MAX_LOG_BYTES) return setError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB: logs over ${MAX_LOG_BYTES / 1024 / 1024} MB are refused.`);
    setChecking({ name: file.name, share: 0 });
    const result = await importInSteps(await file.text(), (share) => setChecking({ name: file.name, share }));
    setChecking(null);
    // A problem that names its line already ("Line 4 is ...") is not prefixed with it again.
    if (!result.ok) return setError(result.line > 0 && !result.problem.startsWith(`Line ${result.line} `) ? `${file.name}, line ${result.line}: ${result.problem}` : `${file.name}: ${result.problem}`);
    // Refused here, beside the drop zone, rather than on a page with no way back.
    if (sliceRounds(result.events).length === 0) return setError(`${file.name}: this log holds no round (the class was exported before any round was played): nothing to replay.`);
    setLoaded({ name: file.name, events: result.events });
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void open(e.dataTransfer.files[0]);
  };

  if (loaded) {
    const another = <button type="button" className="min-h-11 rounded-xl bg-deck px-3 font-bold text-foam hover:bg-wave" onClick={() => setLoaded(null)} data-testid="open-another">Open another file</button>;
    return <LogPlayer events={loaded.events} source={loaded.name} actions={() => another} />;
  }
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col gap-6 px-5 py-8">
      <Brand />
      <h1 className="text-4xl font-black">Replay a class</h1>
      <p className="text-lg text-mist">Open a log exported from the teacher&apos;s History (an <code>.ndjson</code> file). It plays in this browser only: nothing is uploaded.</p>
      {checking ? (
        <div className="flex min-h-56 items-center justify-center rounded-3xl border-4 border-mist/30 p-8">
          <CheckProgress what={checking.name} share={checking.share} />
        </div>
      ) : (
        <label
          onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}
          className={`flex min-h-56 cursor-pointer flex-col items-center justify-center gap-3 rounded-3xl border-4 border-dashed p-8 text-center ${over ? 'border-brass bg-brass/10' : 'border-mist/30'}`}
          data-testid="drop-zone"
        >
          <span className="text-2xl font-black">Drop a log file here</span>
          <span className="text-mist">or click to choose one (up to {MAX_LOG_BYTES / 1024 / 1024} MB)</span>
          <input type="file" accept=".ndjson,.jsonl,application/x-ndjson,application/json,text/plain" className="sr-only" aria-label="Log file" onChange={(e) => void open(e.target.files?.[0])} />
        </label>
      )}
      {error ? <p role="alert" className="rounded-2xl bg-coral/15 p-4 text-lg font-bold text-coral ring-1 ring-coral/40" data-testid="import-error">{error}</p> : null}
    </main>
  );
}
