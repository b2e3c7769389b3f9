/**
 * The projector's ticker for Bully: one plain-words line per interesting event, null for
 * noise (time passing, timers, messages sent or heard one by one).
 */
import { rankLabel } from '../labels';
import type { NarrationReads } from '../module';
import type { Event, NodeIndex } from '../types';
import { bullyAgreement } from './monitor';
import type { BullyCluster, BullyElectionTally, ElectionReason } from './types';

const n = (i: NodeIndex) => `node ${rankLabel(i)}`;
const N = (i: NodeIndex) => `Node ${rankLabel(i)}`;
const secs = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function reasonText(reason: ElectionReason, before: BullyCluster, node: NodeIndex): string {
  const b = before.bully[node];
  switch (reason) {
    case 'suspected':
      return b?.coordinator != null ? `it suspects coordinator ${rankLabel(b.coordinator)}` : 'it suspects the coordinator';
    case 'recovered':
      return 'it has just restarted';
    case 'noCoordinator':
      return 'it knows no coordinator';
    case 'lowerElection':
      return 'a lower rank called an election';
    case 'lowerCoordinator':
      return `lower rank ${b?.lowerCoordinator != null ? rankLabel(b.lowerCoordinator) : ''} claimed to be coordinator (B5)`.replace('  ', ' ');
    case 'overdue':
      return "no COORDINATOR came within T' (B4)";
  }
}

/** The coordinator every live node follows, with nobody electing; null if there is none. */
function unitedBehind(state: BullyCluster): NodeIndex | null {
  const a = bullyAgreement(state);
  const only = a.beliefs[0];
  return a.agreed && a.electing.length === 0 && only !== undefined ? only.coordinator : null;
}

function tallyLine(t: BullyElectionTally): string {
  const total = t.sent.election + t.sent.answer + t.sent.coordinator;
  const reached = t.delivered.election + t.delivered.answer + t.delivered.coordinator;
  return `Election #${t.id} took ${total} messages (${t.sent.election} ELECTION, ${t.sent.answer} OK, ${t.sent.coordinator} COORDINATOR), ${reached} of them reached a live node.`;
}

/**
 * Some live node other than `node` elects, or follows another coordinator than `from`: it
 * still does once `node` has accepted `from` (accepting changes only `node`), so the live
 * nodes are not united after it and "Everyone alive now follows" is not told.
 */
function othersNotBehind(state: BullyCluster, node: NodeIndex, from: NodeIndex): boolean {
  for (let i = 0; i < state.bully.length; i++) {
    const b = state.bully[i];
    if (i === node || !b || state.nodes[i]?.status !== 'live') continue;
    if (b.phase !== 'idle' || b.coordinator !== from) return true;
  }
  return false;
}

/**
 * An election's reason and a coordinator's welcome read the cluster before them
 * (AlgorithmModule's `narrationReads`). A COORDINATOR reaches every node, one acceptance
 * each (173,326 in the Bully class hour): only the one that unites the live nodes is told,
 * and the others are answered from `before` without folding on a copy. A lower rank's
 * claim is told from the event alone.
 */
export function bullyNarrationReads(event: Event, before: BullyCluster): NarrationReads {
  if (event.type === 'CoordinatorAccepted') {
    if (event.from < event.node) return 'after';
    return othersNotBehind(before, event.node, event.from) ? 'silent' : 'before';
  }
  return event.type === 'BullyElectionStarted' ? 'before' : 'after';
}

export function narrateBully(event: Event, before: BullyCluster, after: BullyCluster): string | null {
  switch (event.type) {
    case 'BullyElectionStarted': {
      const higher = after.nodes.length - 1 - event.node;
      const to = higher === 0
        ? 'no higher rank exists, so nobody to ask'
        : `ELECTION to ${Array.from({ length: higher }, (_, k) => rankLabel(event.node + 1 + k)).join(', ')}`;
      return `${N(event.node)} starts an election (${reasonText(event.reason, before, event.node)}): ${to}.`;
    }
    case 'ElectionAnswered':
      return `${N(event.node)} answers ${n(event.to)}: "OK, I outrank you." ${N(event.node)} must now hold its own election.`;
    case 'AnswerTimedOut':
      return `No higher rank answered ${n(event.node)} within T: it may declare itself coordinator (B3).`;
    case 'CoordinatorWaitTimedOut':
      return `${N(event.node)} got an OK but no COORDINATOR within T': it may start a new election (B4).`;
    case 'CoordinatorAnnounced':
      return `${N(event.node)} declares itself coordinator: COORDINATOR to everyone.`;
    case 'CoordinatorAccepted': {
      if (event.from < event.node) return `${N(event.node)} heard COORDINATOR from lower rank ${rankLabel(event.from)}: it may bully its way back (B5).`;
      const chief = unitedBehind(after);
      if (chief === null || unitedBehind(before) === chief) return null;
      const tally = after.tallies.recent.find((t) => t.id === event.episode);
      return `Everyone alive now follows ${n(chief)}.${tally ? ` ${tallyLine(tally)}` : ''}`;
    }
    case 'CoordinatorSuspected':
      return `${N(event.node)} suspects coordinator ${rankLabel(event.coordinator)}: no "I'm alive" for ${secs(after.params.suspicionMs)}.`;
    case 'SuspicionCleared':
      return `${N(event.node)} hears coordinator ${rankLabel(event.coordinator)} again and stops suspecting it.`;
    default:
      return null;
  }
}
