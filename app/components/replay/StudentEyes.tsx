'use client';

import type { ReplayFrame } from '@/shared/replay/frame';
import type { TruthNode } from '@/shared/game/screen-view';
import { clockFace } from '../game/look';
import { GamePhone } from '../student/game/GamePhone';

type Props = { frame: ReplayFrame; nodes: TruthNode[]; nodeId: number | null; onPick: (nodeId: number | null) => void; receivedAt: number };

// In a replay no round is live: a press is answered at once and nothing is sent.
const notSent = () => Promise.resolve({ ok: false as const, refusal: { code: 'no-round' as const, message: 'This is a replay: nothing is sent to the class.' } });

/** "Through a student's eyes": the phone of one node at t, made by the phone's own components. */
export function StudentEyes({ frame, nodes, nodeId, onPick, receivedAt }: Props) {
  return (
    <section className="flex w-full min-w-0 flex-col gap-3 rounded-2xl bg-navy/70 p-3 xl:overflow-y-auto" data-testid="student-eyes">
      <label className="flex flex-wrap items-center gap-2 text-lg font-black">
        Through a student&apos;s eyes
        <select
          className="min-h-11 rounded-xl bg-deck px-3 font-bold text-foam" value={nodeId ?? ''} aria-label="Student"
          onChange={(e) => onPick(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">nobody</option>
          {nodes.map((n) => <option key={n.nodeId} value={n.nodeId}>{`${n.label} · ${n.nickname}`}</option>)}
        </select>
      </label>
      {frame.refusal ? (
        <p className="rounded-xl bg-coral/15 px-3 py-2 font-bold text-coral ring-1 ring-coral/40" data-testid="eyes-refusal">
          Last refusal at {clockFace(frame.refusal.at)}: {frame.refusal.text}
        </p>
      ) : null}
      {frame.seat ? (
        <div>
          <GamePhone view={frame.seat} receivedAt={receivedAt} play={notSent} mirror />
        </div>
      ) : (
        <p className="text-mist">Pick a node to see what its student&apos;s phone showed at this moment: its belief, its timers, its inbox and the moves it could make.</p>
      )}
    </section>
  );
}
