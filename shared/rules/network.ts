/**
 * The simulated network: per-link delay and drop rate, partitions into groups, and the
 * messages in flight. Delay jitter and drops are drawn from the state's PRNG at send time.
 */
import { draw } from './prng';
import type { Emitter } from './algorithm';
import type { ClusterState, Message, NodeIndex, WirePayload } from './types';
import { SERVICE } from './types';

export function linkKey(from: NodeIndex, to: NodeIndex): string {
  return `${from}>${to}`;
}

function groupOf(partition: NodeIndex[][], node: NodeIndex): number {
  return partition.findIndex((group) => group.includes(node));
}

/**
 * Where the message with this id is in `inFlight`, or -1. Messages are sent with rising
 * ids (`send` numbers them from nextMessageId) and appended in that order, and removals
 * keep the order, so a binary search finds it.
 */
export function findInFlight(inFlight: readonly Message[], id: number): number {
  let lo = 0;
  let hi = inFlight.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const midId = (inFlight[mid] as Message).id;
    if (midId === id) return mid;
    if (midId < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Whether a message can cross from `a` to `b` under the current partition. */
export function connected(state: ClusterState, a: NodeIndex, b: NodeIndex): boolean {
  const partition = state.network.partition;
  if (partition === null) return true;
  const serviceGrouped = partition.some((group) => group.includes(SERVICE));
  if ((a === SERVICE || b === SERVICE) && !serviceGrouped) return true;
  const ga = groupOf(partition, a);
  return ga !== -1 && ga === groupOf(partition, b);
}

export interface Outgoing {
  to: NodeIndex;
  payload: WirePayload;
}

/**
 * Sends messages from one node in a single event (a heartbeat to 59 peers is one fact,
 * and one fold, not 59). Returns the sent messages.
 */
export function send(out: Emitter, from: NodeIndex, outgoing: Outgoing[]): Message[] {
  if (outgoing.length === 0) return [];
  const state = out.state;
  const net = state.network;
  let rng = state.rng;
  let id = net.nextMessageId;
  const messages: Message[] = outgoing.map(({ to, payload }) => {
    const link = net.links[linkKey(from, to)];
    const delay = link?.delayMs ?? net.delayMs;
    const dropRate = link?.dropRate ?? net.dropRate;
    let jitter = 0;
    if (net.jitterMs > 0) {
      const d = draw(rng);
      rng = d.next;
      jitter = Math.floor(d.value * net.jitterMs);
    }
    let lost = false;
    if (dropRate > 0) {
      const d = draw(rng);
      rng = d.next;
      lost = d.value < dropRate;
    }
    return { id: id++, from, to, sentAt: state.now, deliverAt: state.now + delay + jitter, lost, payload };
  });
  out.emit(rng === state.rng ? { type: 'MessagesSent', messages } : { type: 'MessagesSent', messages, rng });
  return messages;
}

/** Every node except `self` (crashed ones too: the sender cannot know who is down). */
export function peersOf(state: ClusterState, self: NodeIndex): NodeIndex[] {
  const peers: NodeIndex[] = [];
  for (const node of state.nodes) if (node.index !== self) peers.push(node.index);
  return peers;
}
