/**
 * Folds the events every algorithm shares: time, the network, timers and node liveness.
 * Only the touched node is copied, so a fold costs the same at the end of an hour-long
 * class as at its start.
 */
import { reanchor } from './clock';
import { findInFlight, linkKey } from './network';
import type { ClusterState, CommonEvent, InboxEntry, NodeBase, NodeIndex } from './types';
import { INBOX_LIMIT } from './types';

function withNode<S extends ClusterState>(state: S, index: NodeIndex, change: (node: NodeBase) => NodeBase): S {
  const node = state.nodes[index];
  if (!node) return state;
  const nodes = state.nodes.slice();
  nodes[index] = change(node);
  return { ...state, nodes };
}

function withoutKey(record: Record<string, number>, key: string): Record<string, number> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function removeInFlight<S extends ClusterState>(state: S, id: number): { state: S; message: ClusterState['network']['inFlight'][number] | undefined } {
  const inFlight = state.network.inFlight;
  const at = findInFlight(inFlight, id);
  if (at === -1) return { state, message: undefined };
  const message = inFlight[at];
  const rest = inFlight.slice(0, at).concat(inFlight.slice(at + 1));
  return { state: { ...state, network: { ...state.network, inFlight: rest } }, message };
}

export function evolveCommon<S extends ClusterState>(state: S, event: CommonEvent, hasLeader: (s: S) => boolean): S {
  switch (event.type) {
    case 'ClockAdvanced': {
      const delta = event.to - state.now;
      if (delta <= 0) return state;
      const stats = hasLeader(state) ? state.stats : { ...state.stats, leaderlessMs: state.stats.leaderlessMs + delta };
      return { ...state, now: event.to, stats };
    }
    case 'MessagesSent': {
      const last = event.messages[event.messages.length - 1];
      return {
        ...state,
        network: {
          ...state.network,
          inFlight: state.network.inFlight.concat(event.messages),
          nextMessageId: last ? last.id + 1 : state.network.nextMessageId,
        },
        stats: { ...state.stats, messagesSent: state.stats.messagesSent + event.messages.length },
      };
    }
    case 'MessageDelivered': {
      const removed = removeInFlight(state, event.id);
      const message = removed.message;
      if (!message) return state;
      const next = { ...removed.state, stats: { ...removed.state.stats, messagesDelivered: removed.state.stats.messagesDelivered + 1 } };
      const entry: InboxEntry = { messageId: message.id, from: message.from, at: state.now, payload: message.payload };
      return withNode(next, message.to, (node) => ({ ...node, inbox: node.inbox.slice(-(INBOX_LIMIT - 1)).concat(entry) }));
    }
    case 'MessageDropped': {
      const removed = removeInFlight(state, event.id);
      if (!removed.message) return state;
      return { ...removed.state, stats: { ...removed.state.stats, messagesDropped: removed.state.stats.messagesDropped + 1 } };
    }
    case 'TimerSet':
      return withNode(state, event.node, (node) => ({ ...node, timers: { ...node.timers, [event.timer]: event.atLocal } }));
    case 'TimerCleared':
    case 'TimerFired':
      return withNode(state, event.node, (node) => ({ ...node, timers: withoutKey(node.timers, event.timer) }));
    case 'NodeCrashed':
      // A crash loses every volatile thing: timers, the inbox, and a pause in progress.
      return withNode(state, event.node, (node) => ({
        ...node,
        status: 'crashed',
        timers: {},
        inbox: [],
        clock: node.clock.frozen ? reanchor(node.clock, state.now, { frozen: false }) : node.clock,
      }));
    case 'NodeRestarted':
      return withNode(state, event.node, (node) => ({ ...node, status: 'live' }));
    case 'NodePaused':
      return withNode(state, event.node, (node) => ({ ...node, status: 'paused', clock: reanchor(node.clock, state.now, { frozen: true }) }));
    case 'NodeResumed':
      return withNode(state, event.node, (node) => ({ ...node, status: 'live', clock: reanchor(node.clock, state.now, { frozen: false }) }));
    case 'ClockSkewed':
      return withNode(state, event.node, (node) => ({ ...node, clock: reanchor(node.clock, state.now, { rate: event.rate, offsetMs: event.offsetMs }) }));
    case 'NetworkChanged':
      return { ...state, network: { ...state.network, delayMs: event.delayMs, jitterMs: event.jitterMs, dropRate: event.dropRate } };
    case 'LinkChanged':
      return { ...state, network: { ...state.network, links: { ...state.network.links, [linkKey(event.from, event.to)]: event.setting } } };
    case 'Partitioned':
      return { ...state, network: { ...state.network, partition: event.groups } };
    case 'PartitionHealed':
      return { ...state, network: { ...state.network, partition: null } };
    case 'FaultEndScheduled': {
      // Kept sorted by time (stable for equal times), so the first one is the next due.
      const list = [...(state.scheduled ?? []), event.end];
      return { ...state, scheduled: list.sort((a, b) => a.at - b.at) };
    }
    case 'FaultEndReached':
      return { ...state, scheduled: (state.scheduled ?? []).slice(1) };
  }
}
