/**
 * Folds the events every algorithm shares: time, the network, timers and node liveness.
 * Only the touched node is copied, so a fold costs the same at the end of an hour-long
 * class as at its start.
 */
import { reanchor } from './clock';
import { findInFlight, linkKey } from './network';
import type { ClusterState, ClusterStats, CommonEvent, InboxEntry, Message, Network, NodeBase, NodeIndex } from './types';
import { INBOX_LIMIT } from './types';

/** A copy of the cluster for one event to change (the algorithm's field-by-field copy, see copy-cluster.ts). */
export type CopyCluster<S extends ClusterState> = (state: S) => S;

/**
 * The lists one run of decide made itself and has handed to no one yet (engine.ts's
 * emitter): it may change them in place instead of copying them for every event. A Tick
 * of a 300-node cluster delivers hundreds of messages out of thousands in flight (382 of
 * 4,625 at an election), and a copy of the whole list per delivery was most of the Tick
 * and of its garbage (issue 12). The states in between are the emitter's own and are
 * dropped; what a decide returns is its last state, whose lists nobody else holds.
 * Without a set (a fold, a replay) every list is copied as before.
 */
export type OwnedLists = WeakSet<object>;

function withNode<S extends ClusterState>(state: S, copy: CopyCluster<S>, index: NodeIndex, change: (node: NodeBase) => NodeBase): S {
  const node = state.nodes[index];
  if (!node) return state;
  const nodes = state.nodes.slice();
  nodes[index] = change(node);
  const next = copy(state);
  next.nodes = nodes;
  return next;
}

function withNetwork<S extends ClusterState>(state: S, copy: CopyCluster<S>, network: S['network'], stats = state.stats): S {
  const next = copy(state);
  next.network = network;
  next.stats = stats;
  return next;
}

function withoutKey(record: Record<string, number>, key: string): Record<string, number> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** The network without message `id` (and the message), or null when it is not in flight. */
function removeInFlight(network: Network, id: number, owned: OwnedLists | undefined): { network: Network; message: Message } | null {
  const inFlight = network.inFlight;
  // A list out of id order (a hand-made file) is still searched, only slower.
  let at = findInFlight(inFlight, id);
  if (at === -1) at = inFlight.findIndex((m) => m.id === id);
  if (at === -1) return null;
  const message = inFlight[at] as Message;
  const rest = owned?.has(inFlight) ? inFlight : inFlight.slice();
  rest.splice(at, 1);
  owned?.add(rest);
  return { network: networkWith(network, rest, network.nextMessageId), message };
}

/** The messages in flight with these added (in place when this run of decide owns the list). */
function withSent(inFlight: Message[], sent: readonly Message[], owned: OwnedLists | undefined): Message[] {
  if (!owned) return inFlight.concat(sent);
  if (!owned.has(inFlight)) {
    const copy = inFlight.concat(sent);
    owned.add(copy);
    return copy;
  }
  for (const message of sent) inFlight.push(message);
  return inFlight;
}

function withField<S extends ClusterState, K extends 'network' | 'scheduled'>(state: S, copy: CopyCluster<S>, key: K, value: S[K]): S {
  const next = copy(state);
  next[key] = value;
  return next;
}

/** The network with other messages in flight, field by field (see copy-cluster.ts). */
function networkWith(network: Network, inFlight: Message[], nextMessageId: number): Network {
  return { delayMs: network.delayMs, jitterMs: network.jitterMs, dropRate: network.dropRate, links: network.links, partition: network.partition, inFlight, nextMessageId };
}

/** The counters with one of them increased, field by field. */
function statsWith(stats: ClusterStats, key: keyof ClusterStats, add: number): ClusterStats {
  const next: ClusterStats = { elections: stats.elections, messagesSent: stats.messagesSent, messagesDelivered: stats.messagesDelivered, messagesDropped: stats.messagesDropped, leaderlessMs: stats.leaderlessMs };
  next[key] += add;
  return next;
}

/** A node with other timers or another inbox, field by field (see copy-cluster.ts). */
function nodeWith(node: NodeBase, timers: NodeBase['timers'], inbox: NodeBase['inbox']): NodeBase {
  return { index: node.index, status: node.status, clock: node.clock, timers, inbox };
}

export function evolveCommon<S extends ClusterState>(state: S, event: CommonEvent, hasLeader: (s: S) => boolean, copy: CopyCluster<S>, owned?: OwnedLists): S {
  switch (event.type) {
    case 'ClockAdvanced': {
      const delta = event.to - state.now;
      if (delta <= 0) return state;
      const next = copy(state);
      next.now = event.to;
      if (!hasLeader(state)) next.stats = statsWith(state.stats, 'leaderlessMs', delta);
      return next;
    }
    case 'MessagesSent': {
      const last = event.messages[event.messages.length - 1];
      const network = networkWith(state.network, withSent(state.network.inFlight, event.messages, owned), last ? last.id + 1 : state.network.nextMessageId);
      return withNetwork(state, copy, network, statsWith(state.stats, 'messagesSent', event.messages.length));
    }
    case 'MessageDelivered': {
      const removed = removeInFlight(state.network, event.id, owned);
      if (!removed) return state;
      const message = removed.message;
      const next = withNetwork(state, copy, removed.network, statsWith(state.stats, 'messagesDelivered', 1));
      const entry: InboxEntry = { messageId: message.id, from: message.from, at: state.now, payload: message.payload };
      const node = next.nodes[message.to];
      if (!node) return next;
      const nodes = next.nodes.slice();
      nodes[message.to] = nodeWith(node, node.timers, node.inbox.slice(-(INBOX_LIMIT - 1)).concat(entry));
      next.nodes = nodes; // `next` is this event's own copy
      return next;
    }
    case 'MessageDropped': {
      const removed = removeInFlight(state.network, event.id, owned);
      if (!removed) return state;
      return withNetwork(state, copy, removed.network, statsWith(state.stats, 'messagesDropped', 1));
    }
    case 'TimerSet':
      return withNode(state, copy, event.node, (node) => nodeWith(node, { ...node.timers, [event.timer]: event.atLocal }, node.inbox));
    case 'TimerCleared':
    case 'TimerFired':
      return withNode(state, copy, event.node, (node) => nodeWith(node, withoutKey(node.timers, event.timer), node.inbox));
    case 'NodeCrashed':
      // A crash loses every volatile thing: timers, the inbox, and a pause in progress.
      return withNode(state, copy, event.node, (node) => ({
        ...node,
        status: 'crashed',
        timers: {},
        inbox: [],
        clock: node.clock.frozen ? reanchor(node.clock, state.now, { frozen: false }) : node.clock,
      }));
    case 'NodeRestarted':
      return withNode(state, copy, event.node, (node) => ({ ...node, status: 'live' }));
    case 'NodePaused':
      return withNode(state, copy, event.node, (node) => ({ ...node, status: 'paused', clock: reanchor(node.clock, state.now, { frozen: true }) }));
    case 'NodeResumed':
      return withNode(state, copy, event.node, (node) => ({ ...node, status: 'live', clock: reanchor(node.clock, state.now, { frozen: false }) }));
    case 'ClockSkewed':
      return withNode(state, copy, event.node, (node) => ({ ...node, clock: reanchor(node.clock, state.now, { rate: event.rate, offsetMs: event.offsetMs }) }));
    case 'NetworkChanged':
      return withField(state, copy, 'network', { ...state.network, delayMs: event.delayMs, jitterMs: event.jitterMs, dropRate: event.dropRate });
    case 'LinkChanged':
      return withField(state, copy, 'network', { ...state.network, links: { ...state.network.links, [linkKey(event.from, event.to)]: event.setting } });
    case 'Partitioned':
      return withField(state, copy, 'network', { ...state.network, partition: event.groups });
    case 'PartitionHealed':
      return withField(state, copy, 'network', { ...state.network, partition: null });
    case 'FaultEndScheduled': {
      // Kept sorted by time (stable for equal times), so the first one is the next due.
      const list = [...(state.scheduled ?? []), event.end];
      return withField(state, copy, 'scheduled', list.sort((a, b) => a.at - b.at));
    }
    case 'FaultEndReached':
      return withField(state, copy, 'scheduled', (state.scheduled ?? []).slice(1));
  }
}
