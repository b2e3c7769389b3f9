/**
 * The four decisions a Bully player makes: send "I'm alive", start an election, answer
 * a lower rank's election, declare itself coordinator. Each validates first (a refusal
 * names the rule), then emits. Rule IDs: SPEC.md.
 */
import type { Emitter } from '../algorithm';
import { rankLabel } from '../labels';
import { peersOf, send } from '../network';
import type { Refusal } from '../refusal';
import { refuse } from '../refusal';
import { clearTimer, setTimer, timerRemaining } from '../timers';
import type { NodeIndex } from '../types';
import { timeLeftText } from '../words';
import type { BullyCluster, BullyCommand, BullyNode, ElectionReason } from './types';
import { BULLY_TIMERS } from './types';

type Out = Emitter<BullyCluster>;

function nodeOf(state: BullyCluster, index: NodeIndex): BullyNode {
  const node = state.bully[index];
  if (!node) throw new Error(`no bully node ${index}`);
  return node;
}


/** Why this node may start an election now, or null (B1, B4, B5). */
export function electionReason(node: BullyNode): ElectionReason | null {
  if (node.phase === 'coordinatorOverdue') return 'overdue';
  if (node.lowerCoordinator !== null) return 'lowerCoordinator';
  if (node.recovered) return 'recovered';
  if (node.coordinator === null) return 'noCoordinator';
  if (node.suspecting) return 'suspected';
  if (node.electionsHeard.length > 0) return 'lowerElection';
  return null;
}

function sendAlive(out: Out, index: NodeIndex): Refusal | void {
  const node = nodeOf(out.state, index);
  if (node.coordinator !== index) {
    const who = node.coordinator === null ? 'you know no coordinator' : `you believe node ${rankLabel(node.coordinator)} is the coordinator`;
    return refuse('not-coordinator', 'B7', `Only the coordinator sends "I'm alive", and ${who} (B7).`);
  }
  send(out, index, peersOf(out.state, index).map((to) => ({ to, payload: { kind: 'ALIVE' as const } })));
  setTimer(out, index, BULLY_TIMERS.heartbeat, out.state.params.heartbeatMs);
}

function startElection(out: Out, index: NodeIndex): Refusal | void {
  const state = out.state;
  const node = nodeOf(state, index);
  if (node.phase === 'awaitingAnswer') {
    return refuse('already-electing', 'B1', `Your election #${node.round} is already running: wait for an answer or for your timer T to run out (B1).`);
  }
  if (node.phase === 'mayDeclare') {
    return refuse('already-electing', 'B1', `No higher rank answered your election #${node.round} within T: you won it, so declare yourself coordinator instead (B1, B3).`);
  }
  if (node.phase === 'awaitingCoordinator') {
    const who = node.answersFrom.map(rankLabel).join(', ');
    return refuse('coordinator-wait-running', 'B4', `Node ${who} answered your election: wait for its COORDINATOR; you may start again only once T' runs out (B4).`);
  }
  const reason = electionReason(node);
  if (reason === null) {
    const trust = node.coordinator === index ? 'You are the coordinator' : `You still trust coordinator ${rankLabel(node.coordinator ?? index)}`;
    return refuse('no-reason-to-elect', 'B1', `${trust}: start an election only if you suspect the coordinator, have just restarted, or got ELECTION or COORDINATOR from a lower rank (B1).`);
  }
  const round = state.stats.elections + 1;
  out.emit({ type: 'BullyElectionStarted', node: index, round, reason });
  clearTimer(out, index, BULLY_TIMERS.coordinatorWait);
  const episode = out.state.tallies.current;
  const higher: NodeIndex[] = [];
  for (let to = index + 1; to < state.nodes.length; to++) higher.push(to);
  send(out, index, higher.map((to) => ({ to, payload: { kind: 'ELECTION' as const, round, episode } })));
  setTimer(out, index, BULLY_TIMERS.answer, state.params.answerTimeoutMs);
}

function answer(out: Out, index: NodeIndex, to: NodeIndex): Refusal | void {
  const state = out.state;
  if (!Number.isInteger(to) || !state.nodes[to]) return refuse('unknown-node', 'C0', `There is no node ${to} in this cluster.`);
  if (to >= index) {
    const why = to === index ? 'you cannot answer yourself' : `node ${rankLabel(to)} outranks you`;
    return refuse('not-lower-rank', 'B6', `An answer only goes from a higher rank down to a lower one, and ${why} (B6).`);
  }
  const heard = nodeOf(state, index).electionsHeard.find((h) => h.from === to);
  if (!heard) {
    return refuse('no-election-received', 'B2', `You have no ELECTION from node ${rankLabel(to)} to answer: you answer only an election that reached you (B2).`);
  }
  if (heard.answered) {
    return refuse('already-answered', 'B2', `You already answered node ${rankLabel(to)}'s election #${heard.round}: one answer per election (B2).`);
  }
  out.emit({ type: 'ElectionAnswered', node: index, to, round: heard.round });
  send(out, index, [{ to, payload: { kind: 'ANSWER', round: heard.round, episode: out.state.tallies.current } }]);
}

function declareCoordinator(out: Out, index: NodeIndex): Refusal | void {
  const state = out.state;
  const node = nodeOf(state, index);
  const highest = index === state.nodes.length - 1;
  if (!highest) {
    if (node.phase === 'idle') {
      return refuse('not-electing', 'B3', 'You have not started an election: only a node whose election got no answer within T, or the highest rank, may declare itself coordinator (B3).');
    }
    if (node.phase === 'awaitingAnswer') {
      const left = timerRemaining(out, index, BULLY_TIMERS.answer) ?? 0;
      return refuse('answer-timer-running', 'B3', `Your answer timer T still runs (${timeLeftText(left)} on your clock): declare only if no higher rank answers before it runs out (B3).`);
    }
    if (node.phase !== 'mayDeclare') {
      const who = node.answersFrom.map(rankLabel).join(', ');
      return refuse('answer-received', 'B6', `Node ${who} answered your election #${node.round}: a higher rank is alive, so you may not declare yourself in this round (B6).`);
    }
  }
  const round = node.phase === 'idle' ? 0 : node.round;
  out.emit({ type: 'CoordinatorAnnounced', node: index, round });
  clearTimer(out, index, BULLY_TIMERS.answer);
  clearTimer(out, index, BULLY_TIMERS.coordinatorWait);
  clearTimer(out, index, BULLY_TIMERS.suspicion);
  const episode = out.state.tallies.current;
  send(out, index, peersOf(out.state, index).map((to) => ({ to, payload: { kind: 'COORDINATOR' as const, round, episode } })));
  setTimer(out, index, BULLY_TIMERS.heartbeat, state.params.heartbeatMs);
}

export function decideBully(out: Out, command: BullyCommand): Refusal | void {
  switch (command.type) {
    case 'SendAlive':
      return sendAlive(out, command.node);
    case 'StartElection':
      return startElection(out, command.node);
    case 'Answer':
      return answer(out, command.node, command.to);
    case 'DeclareCoordinator':
      return declareCoordinator(out, command.node);
  }
}
