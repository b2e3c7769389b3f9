/** Timer helpers: deadlines live on the node's own clock, so a skewed clock fires early or late. */
import { localTime } from './clock';
import { drawInt } from './prng';
import type { Emitter } from './algorithm';
import type { NodeIndex } from './types';

function nodeLocalNow(out: Emitter, node: NodeIndex): number {
  const n = out.state.nodes[node];
  if (!n) throw new Error(`no node ${node}`);
  return localTime(n.clock, out.state.now);
}

export function setTimer(out: Emitter, node: NodeIndex, timer: string, durationMs: number): void {
  out.emit({ type: 'TimerSet', node, timer, atLocal: nodeLocalNow(out, node) + durationMs });
}

/** A duration drawn uniformly from [minMs, maxMs), e.g. Raft's randomized election timeout. */
export function setRandomTimer(out: Emitter, node: NodeIndex, timer: string, minMs: number, maxMs: number): void {
  const d = drawInt(out.state.rng, minMs, Math.max(minMs + 1, maxMs));
  out.emit({ type: 'TimerSet', node, timer, atLocal: nodeLocalNow(out, node) + d.value, rng: d.next });
}

export function clearTimer(out: Emitter, node: NodeIndex, timer: string): void {
  if (out.state.nodes[node]?.timers[timer] !== undefined) out.emit({ type: 'TimerCleared', node, timer });
}

/** Milliseconds left on a node's timer, on its own clock; null when not running. */
export function timerRemaining(out: Emitter, node: NodeIndex, timer: string): number | null {
  const at = out.state.nodes[node]?.timers[timer];
  return at === undefined ? null : at - nodeLocalNow(out, node);
}
