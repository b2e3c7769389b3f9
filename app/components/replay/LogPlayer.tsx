'use client';

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SeqEvent } from '@/shared/replay/log-rows';
import { summarizeRound } from '@/shared/replay/round-summaries';
import { sliceRounds } from '@/shared/replay/rounds';
import { UnplayableRowError, type Timeline } from '@/shared/replay/timeline';
import { lineOfRow } from '@/shared/replay/ndjson';
import { algorithmModule, isAlgorithm } from '@/shared/rules/registry';
import { clockFace } from '../game/look';
import { foldInSteps } from '@/app/client/fold-in-steps';
import { CheckProgress } from './CheckProgress';
import { readDeepLink, ReplayPlayer } from './ReplayPlayer';

type Props = { events: SeqEvent[]; source: string; round?: number | null; actions?: (round: number) => ReactNode; onFork?: (round: number, t: number) => void };

/** A round being folded (how far), folded, or refused by the fold. */
type Built = { round: number } & ({ share: number } | { timeline: Timeline } | { error: string });

/** Why a round's fold stopped, naming the file's line when a row could not be played (an edited file). */
function foldProblem(error: unknown, events: readonly SeqEvent[]): string {
  if (error instanceof UnplayableRowError) return `line ${lineOfRow(events, error.seq)} of the log: ${error.message}.`;
  return error instanceof Error ? error.message : String(error);
}

/** A loaded log: pick a round (when it holds several), then play it. */
export function LogPlayer({ events, source, round = null, actions, onFork }: Props) {
  const slices = useMemo(() => sliceRounds(events), [events]);
  const [picked, setPicked] = useState<number | null>(round ?? (slices.length === 1 ? slices[0]!.round : null));
  const slice = useMemo(() => slices.find((s) => s.round === picked) ?? null, [slices, picked]);
  const [built, setBuilt] = useState<Built | null>(null);
  useEffect(() => {
    if (!slice) return;
    // The fold runs in slices (an hour is over a second of it): the page shows how far it got.
    let wanted = true;
    const round = slice.round;
    foldInSteps(slice, (share) => wanted && setBuilt({ round, share }), () => wanted)
      .then((timeline) => wanted && timeline && setBuilt({ round, timeline }))
      .catch((error: unknown) => wanted && setBuilt({ round, error: foldProblem(error, events) }));
    return () => {
      wanted = false;
    };
  }, [slice, events]);
  // What was built for another round is not this one's (a new pick starts folding at 0 %).
  const current = slice && built?.round === slice.round ? built : null;

  if (slices.length === 0) return <p className="p-6 text-xl text-mist" data-testid="replay-error">This log holds no round: nothing to replay.</p>;
  if (slice && (!current || 'share' in current)) {
    return (
      <section className="flex min-h-dvh w-full items-center justify-center p-6">
        <CheckProgress verb="Folding" what={`round ${slice.round}`} share={current && 'share' in current ? current.share : 0} note="Every event is played through the game's own rules, as it happened; nothing leaves this browser." />
      </section>
    );
  }
  if (current && 'timeline' in current) {
    const t = current.timeline;
    return (
      <ReplayPlayer
        timeline={t} title={`${source} · round ${t.round}`} initialT={readDeepLink()}
        actions={<>{slices.length > 1 ? <button type="button" className="min-h-11 rounded-xl bg-deck px-3 font-bold" onClick={() => setPicked(null)}>All rounds</button> : null}{actions?.(t.round)}</>}
        onFork={onFork ? (at) => onFork(t.round, at) : undefined}
      />
    );
  }
  return (
    <section className="mx-auto flex w-full max-w-3xl flex-col gap-3 p-4">
      {current && 'error' in current ? <p className="rounded-xl bg-coral/15 p-3 font-bold text-coral" data-testid="replay-error">This round cannot be replayed: {current.error}</p> : null}
      <h2 className="text-2xl font-black">{source}: pick a round</h2>
      <ul className="flex flex-col gap-2">
        {slices.map((slice) => {
          const s = summarizeRound(slice);
          return (
            <li key={s.round}>
              <button type="button" onClick={() => setPicked(s.round)} className="flex min-h-11 w-full flex-wrap items-center gap-x-4 rounded-xl bg-navy px-4 py-2 text-left hover:bg-deck" data-testid="round-pick">
                <span className="font-black text-brass">Round {s.round}</span>
                <span>{isAlgorithm(s.algorithm) ? algorithmModule(s.algorithm).title : s.algorithm} · {s.preset}</span>
                <span className="text-mist">{s.students} students · {s.leaderChanges} leader changes · {clockFace(s.lastAt - s.startedAt)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
