/**
 * The projector's ticker: one line in plain words per interesting event. The faults the
 * host injects are told here; each algorithm tells its own story.
 */
import type { NarrationReads } from '../rules/module';
import { algorithmModule } from '../rules/registry';
import type { ClusterState, Event } from '../rules/types';

/** Most events (time, deliveries, timers) tell nothing: answered before any label is made. */
const SILENT: ReadonlySet<string> = new Set(['ClockAdvanced', 'MessagesSent', 'MessageDelivered', 'TimerSet', 'TimerCleared', 'TimerFired']);

/** A node's name in a sentence (-1 is Lease's lock service). */
function nodeName(state: ClusterState, i: number): string {
  return i === -1 ? 'the lock service' : algorithmModule(state.algorithm).nodeLabel(i);
}

function commonLine(event: Event, state: ClusterState): string | null {
  if (SILENT.has(event.type)) return null;
  switch (event.type) {
    case 'NodeCrashed':
      return `${nodeName(state, event.node)} crashed.`;
    case 'NodeRestarted':
      return `${nodeName(state, event.node)} restarted.`;
    case 'NodePaused':
      return `${nodeName(state, event.node)} froze (a stop-the-world pause): its clock stands still.`;
    case 'NodeResumed':
      return `${nodeName(state, event.node)} woke up from its pause, unaware of the time it lost.`;
    case 'ClockSkewed':
      return `${nodeName(state, event.node)}'s clock now runs at ${event.rate}x${event.offsetMs ? `, shifted by ${event.offsetMs / 1000} s` : ''}.`;
    case 'Partitioned':
      return `The network split: ${event.groups.map((g) => `{${g.map((i) => nodeName(state, i)).join(', ')}}`).join(' | ')}.`;
    case 'PartitionHealed':
      return 'The partition healed: everyone can talk again.';
    case 'LinkChanged':
      return `The link ${nodeName(state, event.from)} → ${nodeName(state, event.to)} is now ${event.setting.delayMs !== undefined ? `${event.setting.delayMs / 1000} s slow` : 'at the default speed'}${event.setting.dropRate ? `, losing ${Math.round(event.setting.dropRate * 100)}%` : ''}.`;
    case 'NetworkChanged':
      return `The network now takes ${event.delayMs / 1000} s (+ up to ${event.jitterMs / 1000} s) and loses ${Math.round(event.dropRate * 100)}% of messages.`;
    case 'MessageDropped':
      return event.reason === 'byHand' ? `The teacher dropped message #${event.id}.` : null;
    default:
      return null;
  }
}

export function narrate(event: Event, before: ClusterState, after: ClusterState): string | null {
  // Time passing is never a line, for any algorithm (no module narrates a clock step): it is
  // most of an hour's events (56 % of Raft's, 79 % of Bully's), so it is answered first.
  if (event.type === 'ClockAdvanced') return null;
  return algorithmModule(after.algorithm).narrate(event, before, after) ?? commonLine(event, after);
}

const READS_AFTER = (): NarrationReads => 'after';

/**
 * What narrating an event of this algorithm reads of the cluster (the module's
 * `narrationReads`; 'after' for every event of a module that does not say): asked by a
 * team run before it folds the event on its draft (shared/game/team-run.ts).
 */
export function narrationReadsOf(algorithm: string): (event: Event, before: ClusterState) => NarrationReads {
  const reads = algorithmModule(algorithm).narrationReads as ((event: Event, before: ClusterState) => NarrationReads) | undefined;
  return reads ?? READS_AFTER;
}
