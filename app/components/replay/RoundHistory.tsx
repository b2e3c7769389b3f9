'use client';

import { useEffect, useState } from 'react';
import { fetchHistory, fetchRoomLog, isProblem, saveFile, type HistoryRound } from '@/app/client/replay-api';
import { algorithmModule, isAlgorithm } from '@/shared/rules/registry';
import { clockFace } from '../game/look';
import { ShareButton } from './ShareButton';

const button = 'flex min-h-11 items-center rounded-xl bg-deck px-3 font-bold text-foam hover:bg-wave';

/** The host panel's History: every round of the class, with Replay, Export and Share. */
export function RoundHistory({ code, refreshKey }: { code: string; refreshKey: number }) {
  const [rounds, setRounds] = useState<HistoryRound[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    void fetchHistory(code).then((r) => {
      setError(isProblem(r) ? `History could not load. ${r.message}` : null);
      if (!isProblem(r)) setRounds(r);
    });
  }, [code, refreshKey]);
  if (error && !rounds) return <p role="alert" className="rounded-xl bg-coral/15 p-3 font-bold text-coral" data-testid="history-error">{error}</p>;
  if (!rounds || rounds.length === 0) return null;
  const exportAll = async () => {
    setExporting(true);
    setError(null);
    const file = await fetchRoomLog(code, 'all');
    setExporting(false);
    if (isProblem(file)) return setError(`The export failed. ${file.message}`);
    saveFile(file.text, file.filename);
  };
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-navy/60 p-4" data-testid="history">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-2xl font-black">History</h2>
        <button type="button" className={`${button} ml-auto`} disabled={exporting} onClick={() => void exportAll()} data-testid="export-class">{exporting ? 'Exporting…' : 'Export the whole class'}</button>
      </div>
      {error ? <p role="alert" className="rounded-xl bg-coral/15 p-3 font-bold text-coral" data-testid="history-error">{error}</p> : null}
      <ul className="flex flex-col gap-2">
        {[...rounds].reverse().map((r) => (
          <li key={r.round} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl bg-abyss/60 px-3 py-2" data-testid="history-round">
            <span className="font-black text-brass">Round {r.round}</span>
            <span className="font-bold">{isAlgorithm(r.algorithm) ? algorithmModule(r.algorithm).title : r.algorithm} · {r.preset}</span>
            <span className="text-mist">
              {new Date(r.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} · {clockFace(r.lastAt - r.startedAt)} · {r.students} students · {r.leaderChanges} leader change{r.leaderChanges === 1 ? '' : 's'}
              {r.forkedFrom ? ` · forked from round ${r.forkedFrom.round} at ${clockFace(r.forkedFrom.roomTime)}` : ''}
            </span>
            <span className="ml-auto flex flex-wrap gap-2">
              <a className={`${button} bg-brass text-abyss hover:bg-brass-dark`} href={`/replay/${code}/${r.round}`} data-testid="replay-round">Replay</a>
              <ShareButton code={code} round={r.round} published={r.published} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
