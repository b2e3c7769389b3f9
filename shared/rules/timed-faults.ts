/**
 * Timed faults (issue 8): a GC pause, crash, slow link or partition "for N seconds" ends
 * by itself. The end is not a timer on a node (a paused or crashed node's timers stop);
 * it is an item in the cluster state that the room clock reaches (engine.ts, Tick), and
 * its undo is decided like any host command, so the log and a replay show both halves.
 */
import type { Emitter } from './algorithm';
import { refuse, type Refusal } from './refusal';
import type { CommonCommand } from './types';

/** The longest timed fault, like the longest link delay (ten minutes). */
export const MAX_FAULT_MS = 600_000;

export function badFaultDuration(forMs: number | undefined): Refusal | null {
  if (forMs === undefined || (Number.isFinite(forMs) && forMs > 0 && forMs <= MAX_FAULT_MS)) return null;
  return refuse('bad-parameter', 'C9', `A timed fault lasts more than 0 and at most ${MAX_FAULT_MS / 60_000} minutes.`);
}

/** The host command that ends a fault, or null when the command cannot be timed. */
export function undoOf(command: CommonCommand): CommonCommand | null {
  switch (command.type) {
    case 'CrashNode': return { type: 'RestartNode', node: command.node };
    case 'PauseNode': return { type: 'ResumeNode', node: command.node };
    case 'Partition': return { type: 'HealPartition' };
    case 'SetLink': return { type: 'SetLink', from: command.from, to: command.to, ...(command.bothWays && { bothWays: true }) };
    default: return null;
  }
}

/** Schedules the end of a fault that was just applied, `forMs` of room time from now. */
export function scheduleFaultEnd(out: Emitter, command: CommonCommand, forMs: number): void {
  const undo = undoOf(command);
  if (undo) out.emit({ type: 'FaultEndScheduled', end: { at: out.state.now + forMs, undo } });
}
