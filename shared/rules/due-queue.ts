/**
 * What a Tick must do next, without rescanning the cluster for every step (issue 12: in a
 * 300-node cluster every due item used to rescan every in-flight message and sort every
 * node's timer names). The queue is derived, never stored: it is built once per Tick from
 * the state (only what falls due by the Tick's end), then kept up to date from the events
 * the Tick emits. It holds candidates; each one is checked against the current state when
 * it reaches the front, so an entry made stale by a later event (a cleared or re-set
 * timer, a message already delivered, a node paused) is simply skipped.
 *
 * The order is the engine's fixed order (same state and commands, same events): earliest
 * room time first; at the same instant messages (by id) before timers (by node, then
 * timer name).
 */
import { roomTimeOf } from './clock';
import { findInFlight } from './network';
import type { ClusterState, Event, Message, NodeBase, NodeIndex } from './types';
import { SERVICE } from './types';

export type DueEntry =
  | { at: number; message: Message }
  | { at: number; node: NodeIndex; timer: string };

function before(a: DueEntry, b: DueEntry): boolean {
  if (a.at !== b.at) return a.at < b.at;
  const aMessage = 'message' in a;
  const bMessage = 'message' in b;
  if (aMessage !== bMessage) return aMessage;
  if ('message' in a && 'message' in b) return a.message.id < b.message.id;
  const ta = a as { node: number; timer: string };
  const tb = b as { node: number; timer: string };
  return ta.node !== tb.node ? ta.node < tb.node : ta.timer < tb.timer;
}

/** A binary min-heap over `before` (plain array; lives only while one Tick runs). */
function heapPush(heap: DueEntry[], entry: DueEntry): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function heapPop(heap: DueEntry[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  heap[0] = last;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let least = i;
    if (left < heap.length && before(heap[left]!, heap[least]!)) least = left;
    if (right < heap.length && before(heap[right]!, heap[least]!)) least = right;
    if (least === i) return;
    [heap[i], heap[least]] = [heap[least]!, heap[i]!];
    i = least;
  }
}

function held(state: ClusterState, message: Message): boolean {
  return message.to !== SERVICE && state.nodes[message.to]?.status === 'paused'; // held until the pause ends
}

function stillDue(state: ClusterState, entry: DueEntry): boolean {
  if ('message' in entry) return !held(state, entry.message) && findInFlight(state.network.inFlight, entry.message.id) !== -1;
  const node = state.nodes[entry.node];
  if (!node || node.status !== 'live') return false;
  const local = node.timers[entry.timer];
  return local !== undefined && roomTimeOf(node.clock, local) === entry.at;
}

/** The candidates of one Tick: a heap of entries due by `to`. Plain data with functions beside it (a Tick with nothing due allocates almost nothing). */
export interface DueQueue {
  heap: DueEntry[];
  to: number;
}

function pushMessage(queue: DueQueue, state: ClusterState, message: Message): void {
  if (message.deliverAt <= queue.to && !held(state, message)) heapPush(queue.heap, { at: message.deliverAt, message });
}

function pushTimer(queue: DueQueue, clock: NodeBase['clock'], node: NodeIndex, timer: string, local: number): void {
  const at = roomTimeOf(clock, local);
  if (at <= queue.to) heapPush(queue.heap, { at, node, timer });
}

function pushTimers(queue: DueQueue, state: ClusterState, index: NodeIndex): void {
  const node = state.nodes[index];
  if (!node || node.status !== 'live') return;
  for (const timer in node.timers) pushTimer(queue, node.clock, index, timer, node.timers[timer] as number);
}

export function createDueQueue(state: ClusterState, to: number): DueQueue {
  const queue: DueQueue = { heap: [], to };
  for (const message of state.network.inFlight) pushMessage(queue, state, message);
  for (let index = 0; index < state.nodes.length; index++) pushTimers(queue, state, index);
  return queue;
}

/** The next valid candidate due by the Tick's end, or null (stale entries are dropped on the way). */
export function peekDue(queue: DueQueue, state: ClusterState): DueEntry | null {
  const heap = queue.heap;
  while (heap.length > 0 && !stillDue(state, heap[0]!)) heapPop(heap);
  return heap[0] ?? null;
}

/** Takes the front entry off (after the Tick loop chose it). */
export function takeDue(queue: DueQueue): void {
  if (queue.heap.length > 0) heapPop(queue.heap);
}

/** Records what an event the Tick emitted makes due (`before` and `state`: the cluster around the event). */
export function observeDue(queue: DueQueue, before: ClusterState, state: ClusterState, event: Event): void {
  switch (event.type) {
    case 'MessagesSent':
      for (const message of event.messages) pushMessage(queue, state, message);
      return;
    case 'TimerSet': {
      // A re-set timer leaves its old entry behind: it no longer matches the state, so it is skipped.
      const node = state.nodes[event.node];
      if (node && node.status === 'live') pushTimer(queue, node.clock, event.node, event.timer, event.atLocal);
      return;
    }
    case 'ClockSkewed':
      return pushTimers(queue, state, event.node);
    case 'NodeResumed':
    case 'NodeRestarted':
    case 'NodeCrashed':
      // Messages held for a paused node become due again (delivered, or dropped if it crashed);
      // for a node that was not paused they are in the queue already.
      if (before.nodes[event.node]?.status === 'paused') {
        for (const message of state.network.inFlight) if (message.to === event.node) pushMessage(queue, state, message);
      }
      return pushTimers(queue, state, event.node);
  }
}
