/**
 * Folds Bully's events (and the common ones that touch Bully state: sends, crashes,
 * restarts). Only the touched node entry and the touched tally are copied, so a fold
 * costs the same at the end of an hour-long class as at its start.
 */
import type { Event, Message, NodeIndex } from '../types';
import type { BullyCluster, BullyElectionTally, BullyNode, BullyTallies, KindCounts } from './types';
import { RECENT_TALLIES } from './types';
import { isBullyWire } from './wire';
import { copyCore, finishCopy } from '../copy-cluster';
import { owned, ownedList, replaceAt, type ClusterDraft } from '../draft';

/** A copy of the cluster to change, field by field (see copy-cluster.ts), in initBully's order. */
export function copyBullyCluster(state: BullyCluster): BullyCluster {
  const copy = copyCore(state) as BullyCluster;
  copy.algorithm = state.algorithm;
  copy.params = state.params;
  copy.bully = state.bully;
  copy.electingCount = state.electingCount;
  copy.tallies = state.tallies;
  return finishCopy(copy, state);
}

/** The cluster with `changes` (a copy, or the draft's own cluster written in place: shared/rules/draft.ts). */
function withBully(state: BullyCluster, changes: Partial<BullyCluster>, draft?: ClusterDraft): BullyCluster {
  return Object.assign(owned(draft, state, copyBullyCluster), changes);
}

/** Replaces one node entry (and optionally the tallies) with a single copy of the state (or in the draft). */
function setNode(state: BullyCluster, index: NodeIndex, draft: ClusterDraft | undefined, change: (node: BullyNode) => BullyNode, tallies = state.tallies): BullyCluster {
  const before = state.bully[index];
  if (!before) return state;
  const after = change(before);
  if (after === before && tallies === state.tallies) return state;
  const bully = ownedList(draft, state.bully);
  replaceAt(draft, bully, index, after);
  const delta = (after.phase !== 'idle' ? 1 : 0) - (before.phase !== 'idle' ? 1 : 0);
  const next = withBully(state, { bully, electingCount: state.electingCount + delta, tallies }, draft);
  return next.tallies.open && next.electingCount === 0 ? settle(next) : next;
}

function settle(state: BullyCluster): BullyCluster {
  const tallies = updateTally(state.tallies, state.tallies.current, (t) => ({ ...t, settledAt: state.now }));
  return withBully(state, { tallies: { ...tallies, open: false } });
}

function updateTally(tallies: BullyTallies, id: number, change: (t: BullyElectionTally) => BullyElectionTally): BullyTallies {
  const at = tallies.recent.findIndex((t) => t.id === id);
  if (at === -1) return tallies;
  const recent = tallies.recent.slice();
  recent[at] = change(recent[at] as BullyElectionTally);
  return { ...tallies, recent };
}

const ZERO: KindCounts = { election: 0, answer: 0, coordinator: 0 };

function openTally(state: BullyCluster, by: NodeIndex): BullyCluster {
  if (state.tallies.open) return state;
  const id = state.tallies.current + 1;
  const tally: BullyElectionTally = {
    id, startedAt: state.now, startedBy: by, rounds: 0, sent: ZERO, delivered: ZERO, declaredBy: null, settledAt: null,
  };
  const recent = state.tallies.recent.slice(-(RECENT_TALLIES - 1)).concat(tally);
  return withBully(state, { tallies: { ...state.tallies, current: id, open: true, recent } });
}

type CountedKind = keyof KindCounts;

function countDelivered(tallies: BullyTallies, episode: number, kind: CountedKind): BullyTallies {
  const totals = tallies.totals;
  const delivered = { ...totals.delivered, [kind]: totals.delivered[kind] + 1 };
  return updateTally({ ...tallies, totals: { ...totals, delivered } }, episode, (t) => ({
    ...t, delivered: { ...t.delivered, [kind]: t.delivered[kind] + 1 },
  }));
}

const KIND_KEY = { ELECTION: 'election', ANSWER: 'answer', COORDINATOR: 'coordinator' } as const;

function countSent(state: BullyCluster, messages: Message[], draft: ClusterDraft | undefined): BullyCluster {
  // One send is one sender and one payload, so runs of equal (kind, episode) are folded
  // together: a heartbeat to 59 peers is one update, not 59 copies.
  const sent = { ...state.tallies.totals.sent };
  let tallies = state.tallies;
  let runKey: CountedKind | null = null;
  let runEpisode = 0;
  let run = 0;
  const flush = () => {
    const key = runKey;
    const count = run;
    if (key !== null && count > 0) tallies = updateTally(tallies, runEpisode, (t) => ({ ...t, sent: { ...t.sent, [key]: t.sent[key] + count } }));
    run = 0;
  };
  for (const message of messages) {
    const payload = message.payload;
    if (!isBullyWire(payload)) continue;
    if (payload.kind === 'ALIVE') {
      sent.alive += 1;
      continue;
    }
    const key = KIND_KEY[payload.kind];
    sent[key] += 1;
    if (key !== runKey || payload.episode !== runEpisode) {
      flush();
      runKey = key;
      runEpisode = payload.episode;
    }
    run += 1;
  }
  flush();
  return withBully(state, { tallies: { ...tallies, totals: { ...tallies.totals, sent } } }, draft);
}

/** A crash loses every volatile belief; the history (announced, last round ids) stays. */
function crashed(node: BullyNode): BullyNode {
  return {
    ...node, coordinator: null, suspecting: false, recovered: false, lowerCoordinator: null,
    phase: 'idle', answersFrom: [], electionsHeard: [],
  };
}

export function evolveBully(state: BullyCluster, event: Event, draft?: ClusterDraft): BullyCluster {
  switch (event.type) {
    case 'MessagesSent':
      return countSent(state, event.messages, draft);
    case 'NodeCrashed':
      return setNode(state, event.node, draft, crashed);
    case 'NodeRestarted':
      return setNode(state, event.node, draft, (n) => ({ ...n, recovered: true }));
    case 'BullyElectionStarted': {
      const opened = openTally(state, event.node);
      const counted = {
        ...opened,
        stats: { ...opened.stats, elections: opened.stats.elections + 1 },
        tallies: updateTally(opened.tallies, opened.tallies.current, (t) => ({ ...t, rounds: t.rounds + 1 })),
      };
      return setNode(counted, event.node, draft, (n) => ({
        ...n, phase: 'awaitingAnswer', round: event.round, answersFrom: [], recovered: false, lowerCoordinator: null,
      }));
    }
    case 'ElectionHeard':
      return setNode(state, event.node, draft, (n) => ({
        ...n,
        electionsHeard: n.electionsHeard.filter((h) => h.from !== event.from).concat({ from: event.from, round: event.round, answered: false }),
      }), countDelivered(state.tallies, event.episode, 'election'));
    case 'ElectionAnswered':
      return setNode(state, event.node, draft, (n) => ({
        ...n,
        electionsHeard: n.electionsHeard.map((h) => (h.from === event.to && h.round === event.round ? { ...h, answered: true } : h)),
      }));
    case 'AnswerReceived':
      return setNode(state, event.node, draft, (n) => {
        if (n.phase === 'idle' || n.round !== event.round) return n; // stale: an answer to an older round
        const answersFrom = n.answersFrom.includes(event.from) ? n.answersFrom : n.answersFrom.concat(event.from);
        const phase = n.phase === 'awaitingAnswer' || n.phase === 'mayDeclare' ? 'awaitingCoordinator' : n.phase;
        return { ...n, answersFrom, phase };
      }, countDelivered(state.tallies, event.episode, 'answer'));
    case 'AnswerTimedOut':
      return setNode(state, event.node, draft, (n) => (n.phase === 'awaitingAnswer' ? { ...n, phase: 'mayDeclare' } : n));
    case 'CoordinatorWaitTimedOut':
      return setNode(state, event.node, draft, (n) => (n.phase === 'awaitingCoordinator' ? { ...n, phase: 'coordinatorOverdue' } : n));
    case 'CoordinatorAnnounced': {
      const opened = openTally(state, event.node);
      const marked = { ...opened, tallies: updateTally(opened.tallies, opened.tallies.current, (t) => ({ ...t, declaredBy: event.node })) };
      const next = setNode(marked, event.node, draft, (n) => ({
        ...n, coordinator: event.node, phase: 'idle', suspecting: false, recovered: false, lowerCoordinator: null,
        electionsHeard: [], declaredRound: event.round, announced: true,
      }));
      // A direct declaration by the top rank while nobody elects is an episode of its own.
      return next.tallies.open && next.electingCount === 0 ? settle(next) : next;
    }
    case 'CoordinatorAccepted':
      return setNode(state, event.node, draft, (n) => ({
        ...n, coordinator: event.from, phase: 'idle', suspecting: false, recovered: false,
        lowerCoordinator: event.from < event.node ? event.from : null, electionsHeard: [],
      }), countDelivered(state.tallies, event.episode, 'coordinator'));
    case 'CoordinatorSuspected':
      return setNode(state, event.node, draft, (n) => ({ ...n, suspecting: true }));
    case 'SuspicionCleared':
      return setNode(state, event.node, draft, (n) => ({ ...n, suspecting: false }));
    default:
      return state;
  }
}
