/**
 * What can be checked from a Bully state. Two kinds of findings:
 *
 * - invariants: what the rules guarantee whatever the players, the network or the host
 *   do (B6 never broken, timers consistent with each node's phase, beliefs only in nodes
 *   that announced themselves). A violation means the engine is wrong.
 * - agreement: whether the live nodes agree on the coordinator. Bully only promises that
 *   in a synchronous system with diligent players; with slow players, pauses, partitions
 *   or lost messages, two "coordinators" at once is legal and worth showing, so it is
 *   reported as an observation, never as a violation.
 */
import { bullyLeaders } from './leaders';
import { rankLabel } from '../labels';
import type { InboxEntry, Message, NodeIndex } from '../types';
import type { BullyCluster } from './types';
import { BULLY_TIMERS } from './types';
import { isBullyWire } from './wire';

export function bullyHasLeader(state: BullyCluster): boolean {
  // Called on every clock step: read once per (bully, nodes) pair (see leader-reading.ts).
  return bullyLeaders(state).live;
}

function directionProblem(from: NodeIndex, to: NodeIndex, payload: Message['payload']): string | null {
  if (!isBullyWire(payload)) return null;
  if (payload.kind === 'ELECTION' && from >= to) return `Node ${rankLabel(from)} sent ELECTION to node ${rankLabel(to)}, which is not a higher rank (B6).`;
  if (payload.kind === 'ANSWER' && from <= to) return `Node ${rankLabel(from)} answered node ${rankLabel(to)}, which is not a lower rank (B6).`;
  return null;
}

function timerProblems(state: BullyCluster, i: NodeIndex): string[] {
  const node = state.bully[i];
  const timers = state.nodes[i]?.timers ?? {};
  if (!node) return [];
  const label = rankLabel(i);
  const problems: string[] = [];
  const has = (name: string) => timers[name] !== undefined;
  if (has(BULLY_TIMERS.answer) !== (node.phase === 'awaitingAnswer')) problems.push(`Node ${label}: answer timer T does not match its phase ${node.phase}.`);
  if (has(BULLY_TIMERS.coordinatorWait) !== (node.phase === 'awaitingCoordinator')) problems.push(`Node ${label}: timer T' does not match its phase ${node.phase}.`);
  if (has(BULLY_TIMERS.heartbeat) && node.coordinator !== i) problems.push(`Node ${label} has a heartbeat reminder but is not its own coordinator.`);
  if (has(BULLY_TIMERS.suspicion) && (node.coordinator === null || node.coordinator === i)) problems.push(`Node ${label} watches a coordinator it does not have.`);
  const watching = node.coordinator !== null && node.coordinator !== i;
  if (state.nodes[i]?.status === 'live' && watching && !node.suspecting && !has(BULLY_TIMERS.suspicion)) {
    problems.push(`Node ${label} follows node ${rankLabel(node.coordinator as number)} with no suspicion timer: it could never notice a crash (B8).`);
  }
  return problems;
}

export function bullyInvariants(state: BullyCluster): string[] {
  const problems: string[] = [];
  for (const m of state.network.inFlight) {
    const p = directionProblem(m.from, m.to, m.payload);
    if (p) problems.push(p);
  }
  let electing = 0;
  for (let i = 0; i < state.bully.length; i++) {
    const node = state.bully[i];
    const base = state.nodes[i];
    if (!node || !base) continue;
    const label = rankLabel(i);
    base.inbox.forEach((entry: InboxEntry) => {
      const p = directionProblem(entry.from, i, entry.payload);
      if (p) problems.push(p);
    });
    if (node.phase !== 'idle') {
      electing += 1;
      if (node.round <= 0 || node.round > state.stats.elections) problems.push(`Node ${label} is electing in an unknown round ${node.round}.`);
    }
    if (node.declaredRound > 0 && node.declaredRound === node.round && node.answersFrom.length > 0) {
      problems.push(`Node ${label} declared itself in round #${node.round} after an answer from a higher rank (B6).`);
    }
    for (const from of node.answersFrom) {
      if (from <= i) problems.push(`Node ${label} recorded an answer from node ${rankLabel(from)}, which is not a higher rank (B6).`);
    }
    for (const heard of node.electionsHeard) {
      if (heard.from >= i) problems.push(`Node ${label} recorded an ELECTION from node ${rankLabel(heard.from)}, which is not a lower rank (B6).`);
    }
    if (node.coordinator !== null && !state.bully[node.coordinator]?.announced) {
      problems.push(`Node ${label} believes node ${rankLabel(node.coordinator)} is coordinator, but it never announced itself (B3).`);
    }
    if (base.status === 'crashed' && (node.phase !== 'idle' || node.coordinator !== null)) {
      problems.push(`Node ${label} is crashed but still holds volatile beliefs (B9).`);
    }
    problems.push(...timerProblems(state, i));
  }
  if (electing !== state.electingCount) problems.push(`The count of electing nodes (${state.electingCount}) is wrong: ${electing} are electing.`);
  if (state.tallies.open !== electing > 0) problems.push('The current election tally is open while nobody elects, or closed while someone does.');
  return problems;
}

export interface BullyBelief {
  coordinator: NodeIndex | null;
  nodes: NodeIndex[];
}

export interface BullyAgreement {
  /** Live nodes not in an election round, grouped by who they believe is coordinator. */
  beliefs: BullyBelief[];
  /** Live nodes in an election round. */
  electing: NodeIndex[];
  /** Live nodes that believe they are the coordinator themselves. */
  selfCoordinators: NodeIndex[];
  highestLive: NodeIndex | null;
  /** Every live node that is not electing believes in the same coordinator. */
  agreed: boolean;
  /** Agreed, nobody electing, and the coordinator is the highest live rank: Bully's goal. */
  settled: boolean;
}

/** The observable (dis)agreement the projector shows: a fact, not a violation. */
export function bullyAgreement(state: BullyCluster): BullyAgreement {
  const beliefs: BullyBelief[] = [];
  const electing: NodeIndex[] = [];
  const selfCoordinators: NodeIndex[] = [];
  let highestLive: NodeIndex | null = null;
  for (let i = 0; i < state.bully.length; i++) {
    const node = state.bully[i];
    if (!node || state.nodes[i]?.status !== 'live') continue;
    highestLive = i;
    if (node.coordinator === i) selfCoordinators.push(i);
    if (node.phase !== 'idle') {
      electing.push(i);
      continue;
    }
    const group = beliefs.find((b) => b.coordinator === node.coordinator);
    if (group) group.nodes.push(i);
    else beliefs.push({ coordinator: node.coordinator, nodes: [i] });
  }
  const agreed = beliefs.length <= 1;
  const only = beliefs[0];
  const settled = agreed && electing.length === 0 && (highestLive === null || (only !== undefined && only.coordinator === highestLive));
  return { beliefs, electing, selfCoordinators, highestLive, agreed, settled };
}
