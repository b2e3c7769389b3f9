'use client';

import { Choice } from './Choice';

/** 0 = the fault stays until the host undoes it; otherwise it ends by itself (issue 8 timed faults). */
const DURATIONS = [0, 3000, 5000, 8000, 10_000, 20_000, 30_000, 60_000];

/** How long the faults of one panel last: "until undone" or N seconds on the room clock. */
export function FaultDuration({ label, value, onChange }: { label: string; value: number; onChange: (ms: number) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm font-bold text-mist">
      Lasts
      <Choice label={label} value={value} options={DURATIONS.map((ms) => ({ value: ms, name: ms === 0 ? 'until undone' : `${ms / 1000} s` }))} onChange={onChange} />
    </label>
  );
}

/** The fault with its duration attached when the host chose one. */
export function timed<F extends object>(fault: F, forMs: number): F & { forMs?: number } {
  return forMs > 0 ? { ...fault, forMs } : fault;
}
