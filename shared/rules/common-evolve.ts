/**
 * Folds the events every algorithm shares: time, the network, timers and node liveness.
 * Only the touched node is copied, so a fold costs the same at the end of an hour-long
 * class as at its start.
 */
import { reanchor } from './clock';
import { leadersMayHaveChanged, owned, ownedAt, ownedList, spread, type ClusterDraft } from './draft';
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
 * Without a set (a fold, a replay) every list is copied as before. A cluster draft
 * (draft.ts) is such a set too, holding every object its run made, not only lists.
 */
export type OwnedLists = WeakSet<object> | ClusterDraft;

/** A node's fields, copied field by field (see copy-cluster.ts) in createCluster's order. */
function copyNode(node: NodeBase): NodeBase {
  return { index: node.index, status: node.status, clock: node.clock, timers: node.timers, inbox: node.inbox };
}

/** Node `index` (which exists) ready to be written, in `next`, a cluster ready to be written. */
function writableNode(next: ClusterState, draft: ClusterDraft | undefined, index: NodeIndex): NodeBase {
  const nodes = ownedList(draft, next.nodes);
  next.nodes = nodes;
  return ownedAt(draft, nodes, index, copyNode);
}

function withNode<S extends ClusterState>(state: S, copy: CopyCluster<S>, draft: ClusterDraft | undefined, index: NodeIndex, change: (node: NodeBase) => void): S {
  if (!state.nodes[index]) return state;
  const next = owned(draft, state, copy);
  const node = writableNode(next, draft, index);
  const status = node.status;
  change(node);
  // The leader readings read each node's status (leader-reading.ts).
  if (node.status !== status) leadersMayHaveChanged(draft);
  return next;
}

/** Node `index`'s timer set to `atLocal`, or cleared (undefined): the commonest node write, so no callback. */
function withTimer<S extends ClusterState>(state: S, copy: CopyCluster<S>, draft: ClusterDraft | undefined, index: NodeIndex, timer: string, atLocal: number | undefined): S {
  if (!state.nodes[index]) return state;
  const next = owned(draft, state, copy);
  const node = writableNode(next, draft, index);
  const timers = owned(draft, node.timers, spread);
  if (atLocal === undefined) delete timers[timer];
  else timers[timer] = atLocal;
  node.timers = timers;
  return next;
}

/** The cluster ready to be written, its network too. */
function writableNetwork<S extends ClusterState>(state: S, copy: CopyCluster<S>, draft: ClusterDraft | undefined): S {
  const next = owned(draft, state, copy);
  next.network = owned(draft, next.network, copyNetwork);
  return next;
}

/** Counter `key` increased by `add` (the cluster is writable; its counters become so). */
function count<S extends ClusterState>(next: S, draft: ClusterDraft | undefined, key: keyof ClusterStats, add: number): void {
  const stats = owned(draft, next.stats, copyStats);
  stats[key] += add;
  next.stats = stats;
}

/** Where message `id` is among the messages in flight (-1: not in flight). */
function inFlightAt(network: Network, id: number): number {
  const at = findInFlight(network.inFlight, id);
  // A list out of id order (a hand-made file) is still searched, only slower.
  return at !== -1 ? at : network.inFlight.findIndex((m) => m.id === id);
}

/** Takes the message at `at` out of flight (`next` and its network are writable; the list in place when this run owns it). */
function withoutInFlight(next: ClusterState, at: number, lists: OwnedLists | undefined): void {
  const inFlight = next.network.inFlight;
  const rest = lists?.has(inFlight) ? inFlight : inFlight.slice();
  rest.splice(at, 1);
  lists?.add(rest);
  next.network.inFlight = rest;
}

/** The messages in flight with these added (in place when this run of decide owns the list). */
function withSent(inFlight: Message[], sent: readonly Message[], lists: OwnedLists | undefined): Message[] {
  if (!lists) return inFlight.concat(sent);
  if (!lists.has(inFlight)) {
    const copy = inFlight.concat(sent);
    lists.add(copy);
    return copy;
  }
  for (const message of sent) inFlight.push(message);
  return inFlight;
}

/** A node's inbox with `entry` last, at most INBOX_LIMIT long. */
function withEntry(draft: ClusterDraft | undefined, inbox: InboxEntry[], entry: InboxEntry): InboxEntry[] {
  if (draft === undefined) return inbox.slice(-(INBOX_LIMIT - 1)).concat(entry);
  const list = ownedList(draft, inbox);
  list.push(entry);
  if (list.length > INBOX_LIMIT) list.splice(0, list.length - INBOX_LIMIT);
  return list;
}

function withField<S extends ClusterState, K extends 'network' | 'scheduled'>(state: S, copy: CopyCluster<S>, draft: ClusterDraft | undefined, key: K, value: S[K]): S {
  const next = owned(draft, state, copy);
  next[key] = value;
  return next;
}

/** The network with other messages in flight, field by field (see copy-cluster.ts). */
function networkWith(network: Network, inFlight: Message[], nextMessageId: number): Network {
  return { delayMs: network.delayMs, jitterMs: network.jitterMs, dropRate: network.dropRate, links: network.links, partition: network.partition, inFlight, nextMessageId };
}

function copyNetwork(network: Network): Network {
  return networkWith(network, network.inFlight, network.nextMessageId);
}

/** The counters, field by field. */
function copyStats(stats: ClusterStats): ClusterStats {
  return { elections: stats.elections, messagesSent: stats.messagesSent, messagesDelivered: stats.messagesDelivered, messagesDropped: stats.messagesDropped, leaderlessMs: stats.leaderlessMs };
}

/**
 * `lists`: the lists a run of decide made (or the run's draft); `draft`: every object a
 * team run made (draft.ts). With a draft, what the run made is written in place; `state`
 * may then be the very object returned, so each case reads what it needs before writing.
 */
export function evolveCommon<S extends ClusterState>(state: S, event: CommonEvent, hasLeader: (s: S) => boolean, copy: CopyCluster<S>, lists?: OwnedLists, draft?: ClusterDraft): S {
  switch (event.type) {
    case 'ClockAdvanced': {
      const delta = event.to - state.now;
      if (delta <= 0) return state;
      const leaderless = !hasLeader(state);
      const next = owned(draft, state, copy);
      next.now = event.to;
      if (leaderless) count(next, draft, 'leaderlessMs', delta);
      return next;
    }
    case 'MessagesSent': {
      const last = event.messages[event.messages.length - 1];
      const next = writableNetwork(state, copy, draft);
      next.network.inFlight = withSent(next.network.inFlight, event.messages, lists);
      if (last) next.network.nextMessageId = last.id + 1;
      count(next, draft, 'messagesSent', event.messages.length);
      return next;
    }
    case 'MessageDelivered': {
      const at = inFlightAt(state.network, event.id);
      if (at === -1) return state;
      const message = state.network.inFlight[at] as Message;
      const entry: InboxEntry = { messageId: message.id, from: message.from, at: state.now, payload: message.payload };
      const next = writableNetwork(state, copy, draft);
      withoutInFlight(next, at, lists);
      count(next, draft, 'messagesDelivered', 1);
      if (next.nodes[message.to]) {
        const node = writableNode(next, draft, message.to);
        node.inbox = withEntry(draft, node.inbox, entry);
      }
      return next;
    }
    case 'MessageDropped': {
      const at = inFlightAt(state.network, event.id);
      if (at === -1) return state;
      const next = writableNetwork(state, copy, draft);
      withoutInFlight(next, at, lists);
      count(next, draft, 'messagesDropped', 1);
      return next;
    }
    case 'TimerSet':
      return withTimer(state, copy, draft, event.node, event.timer, event.atLocal);
    case 'TimerCleared':
    case 'TimerFired':
      return withTimer(state, copy, draft, event.node, event.timer, undefined);
    case 'NodeCrashed': {
      // A crash loses every volatile thing: timers, the inbox, and a pause in progress.
      const now = state.now;
      return withNode(state, copy, draft, event.node, (node) => {
        node.status = 'crashed';
        if (node.clock.frozen) node.clock = reanchor(node.clock, now, { frozen: false });
        node.timers = {};
        node.inbox = [];
      });
    }
    case 'NodeRestarted':
      return withNode(state, copy, draft, event.node, (node) => {
        node.status = 'live';
      });
    case 'NodePaused': {
      const now = state.now;
      return withNode(state, copy, draft, event.node, (node) => {
        node.status = 'paused';
        node.clock = reanchor(node.clock, now, { frozen: true });
      });
    }
    case 'NodeResumed': {
      const now = state.now;
      return withNode(state, copy, draft, event.node, (node) => {
        node.status = 'live';
        node.clock = reanchor(node.clock, now, { frozen: false });
      });
    }
    case 'ClockSkewed': {
      const now = state.now;
      return withNode(state, copy, draft, event.node, (node) => {
        node.clock = reanchor(node.clock, now, { rate: event.rate, offsetMs: event.offsetMs });
      });
    }
    case 'NetworkChanged':
      return withField(state, copy, draft, 'network', { ...state.network, delayMs: event.delayMs, jitterMs: event.jitterMs, dropRate: event.dropRate });
    case 'LinkChanged':
      return withField(state, copy, draft, 'network', { ...state.network, links: { ...state.network.links, [linkKey(event.from, event.to)]: event.setting } });
    case 'Partitioned':
      return withField(state, copy, draft, 'network', { ...state.network, partition: event.groups });
    case 'PartitionHealed':
      return withField(state, copy, draft, 'network', { ...state.network, partition: null });
    case 'FaultEndScheduled': {
      // Kept sorted by time (stable for equal times), so the first one is the next due.
      const list = [...(state.scheduled ?? []), event.end];
      return withField(state, copy, draft, 'scheduled', list.sort((a, b) => a.at - b.at));
    }
    case 'FaultEndReached':
      return withField(state, copy, draft, 'scheduled', (state.scheduled ?? []).slice(1));
  }
}
