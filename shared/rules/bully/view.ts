/**
 * What a Bully player may know: their own node's beliefs, timers on their own clock and
 * inbox, and which moves the law allows now (a dry run of the engine's `decide`, never a
 * copy of the rules). No global truth: not who is really alive, nor what others believe.
 */
import { localTime } from '../clock';
import { rankLabel } from '../labels';
import { letterKey, type MoveChoice } from '../module';
import type { NodeIndex, NodeStatus } from '../types';
import { electionReason } from './decide';
import type { BullyCluster, BullyCommand, BullyNode, BullyPhase, ElectionReason } from './types';
import { BULLY_TIMERS } from './types';
import { isBullyWire } from './wire';

export interface BullyInboxView {
  messageId: number;
  from: NodeIndex;
  fromRank: number;
  kind: 'ELECTION' | 'ANSWER' | 'COORDINATOR' | 'ALIVE';
  round: number | null;
}

export type BullyDuty = 'sendAlive' | 'answer' | 'startElection' | 'declare';

export interface BullyNodeView {
  index: NodeIndex;
  rank: number;
  label: string;
  clusterSize: number;
  /** How many ranks are above mine: the nodes my ELECTION goes to. */
  higherRanks: number;
  status: NodeStatus;
  coordinator: NodeIndex | null;
  isCoordinator: boolean;
  suspecting: boolean;
  recovered: boolean;
  /** A lower rank announced itself coordinator to me: I may bully back (B5). */
  lowerCoordinator: NodeIndex | null;
  phase: BullyPhase;
  round: number;
  answersFrom: NodeIndex[];
  electionsToAnswer: { from: NodeIndex; round: number }[];
  electionsAnswered: { from: NodeIndex; round: number }[];
  /** Why I may start an election now, if I may. */
  electionReason: ElectionReason | null;
  /** What the rules expect of me now (the UI highlights these). */
  duties: BullyDuty[];
  /** Milliseconds left on my own clock; null = not running. */
  timers: { heartbeat: number | null; suspicion: number | null; answer: number | null; coordinatorWait: number | null };
  inbox: BullyInboxView[];
}

export function bullyNodeView(state: BullyCluster, index: NodeIndex): BullyNodeView {
  const node = state.bully[index];
  const base = state.nodes[index];
  if (!node || !base) throw new Error(`no bully node ${index}`);
  const local = localTime(base.clock, state.now);
  const left = (name: string) => {
    const at = base.timers[name];
    return at === undefined ? null : Math.max(0, at - local);
  };
  const isCoordinator = node.coordinator === index;
  const reason = node.phase === 'idle' || node.phase === 'coordinatorOverdue' ? electionReason(node) : null;
  const toAnswer = node.electionsHeard.filter((h) => !h.answered).map(({ from, round }) => ({ from, round }));
  const duties: BullyDuty[] = [];
  if (base.status === 'live') {
    if (isCoordinator && base.timers[BULLY_TIMERS.heartbeat] === undefined) duties.push('sendAlive');
    if (toAnswer.length > 0) duties.push('answer');
    if (reason !== null) duties.push('startElection');
    if (node.phase === 'mayDeclare') duties.push('declare');
  }
  const inbox: BullyInboxView[] = [];
  for (const entry of base.inbox) {
    if (!isBullyWire(entry.payload)) continue;
    const round = 'round' in entry.payload ? entry.payload.round : null;
    inbox.push({ messageId: entry.messageId, from: entry.from, fromRank: entry.from + 1, kind: entry.payload.kind, round });
  }
  return {
    index,
    rank: index + 1,
    label: rankLabel(index),
    clusterSize: state.nodes.length,
    higherRanks: state.nodes.length - 1 - index,
    status: base.status,
    coordinator: node.coordinator,
    isCoordinator,
    suspecting: node.suspecting,
    recovered: node.recovered,
    lowerCoordinator: node.lowerCoordinator,
    phase: node.phase,
    round: node.round,
    answersFrom: node.answersFrom.slice(),
    electionsToAnswer: toAnswer,
    electionsAnswered: node.electionsHeard.filter((h) => h.answered).map(({ from, round }) => ({ from, round })),
    electionReason: reason,
    duties,
    timers: {
      heartbeat: left(BULLY_TIMERS.heartbeat),
      suspicion: left(BULLY_TIMERS.suspicion),
      answer: left(BULLY_TIMERS.answer),
      coordinatorWait: left(BULLY_TIMERS.coordinatorWait),
    },
    inbox,
  };
}

/**
 * The node's role, the one computation both screens use: coordinator (it believes it leads),
 * member (or suspicious of its coordinator), electing, or waiting once a higher rank answered.
 */
export function bullyRole(node: BullyNode, index: NodeIndex): 'leader' | 'follower' | 'suspicious' | 'electing' | 'waiting' {
  if (node.coordinator === index) return 'leader';
  if (node.phase === 'idle') return node.suspecting ? 'suspicious' : 'follower';
  return node.answersFrom.length > 0 ? 'waiting' : 'electing';
}

/** Every move a player could click now (answers: one per ELECTION heard), the duties drawn urgent. */
export function bullyMoveChoices(state: BullyCluster, index: NodeIndex): MoveChoice<BullyCommand>[] {
  const node = state.bully[index];
  if (!node) return [];
  const duties = bullyNodeView(state, index).duties;
  const main = (command: BullyCommand, label: string, duty: BullyDuty, key: string): MoveChoice<BullyCommand> => ({ command, label, layout: { kind: 'main' }, urgent: duties.includes(duty), shortcut: letterKey(key) });
  const answers = node.electionsHeard.map((h): MoveChoice<BullyCommand> => {
    const open = !h.answered;
    const title = open ? `${h.from + 1} called an election: answer it` : `${h.from + 1}'s election (answered)`;
    return { command: { type: 'Answer', node: index, to: h.from }, label: `Answer ${h.from + 1} (OK)`, layout: { kind: 'reply', peer: h.from, title, stale: !open, grants: true }, urgent: open && duties.includes('answer'), shortcut: letterKey('a') };
  });
  return [
    main({ type: 'SendAlive', node: index }, 'Send "I\'m alive"', 'sendAlive', 'h'),
    main({ type: 'StartElection', node: index }, 'Start election', 'startElection', 'e'),
    ...answers,
    main({ type: 'DeclareCoordinator', node: index }, 'Declare coordinator', 'declare', 'd'),
  ];
}
