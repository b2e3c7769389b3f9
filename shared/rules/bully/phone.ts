/** What a Bully player's phone says about their own node, in words (only its own beliefs). */
import type { Fact, InboxTone, NodeSummary, PeerName, TimerFact } from '../module';
import type { InboxEntry, NodeIndex } from '../types';
import { whoIs } from '../words';
import type { BullyCluster, BullyPhase, BullyWire, ElectionReason } from './types';
import { bullyNodeView, bullyRole, type BullyNodeView } from './view';

const PHASES: Record<BullyPhase, string> = {
  idle: 'none running',
  awaitingAnswer: 'waiting for answers (T)',
  mayDeclare: 'nobody higher answered: you won',
  awaitingCoordinator: "answered: waiting for COORDINATOR (T')",
  coordinatorOverdue: 'COORDINATOR overdue: elect again',
};

const REASONS: Record<ElectionReason, string> = {
  overdue: 'the promised COORDINATOR never came',
  lowerCoordinator: 'a lower rank claimed to lead',
  recovered: 'you have just restarted',
  noCoordinator: 'you know no coordinator',
  suspected: 'the coordinator went silent',
  lowerElection: 'a lower rank called an election',
};

export function bullySummary(state: BullyCluster, index: NodeIndex, peers: PeerName[]): NodeSummary {
  const node = bullyNodeView(state, index);
  const rank = (i: number | null) => whoIs(peers, i === null ? null : String(i + 1), node.label);
  const facts: Fact[] = [
    { id: 'leader', label: 'Coordinator', value: node.isCoordinator ? 'you' : node.coordinator === null ? 'none known' : rank(node.coordinator) },
    { id: 'election', label: node.round > 0 ? `Your election #${node.round}` : 'Your election', value: PHASES[node.phase], strong: node.phase === 'mayDeclare' },
  ];
  if (node.answersFrom.length > 0) facts.push({ id: 'answers', label: 'Answered by', value: node.answersFrom.map((i) => String(i + 1)).join(', ') });
  if (node.electionReason) facts.push({ id: 'reason', label: 'You may elect because', value: REASONS[node.electionReason], strong: true, wide: true });

  const p = state.params;
  const timers: TimerFact[] = [];
  const add = (id: keyof BullyNodeView['timers'], label: string, then: string, totalMs: number) => {
    const ms = node.timers[id];
    if (ms !== null) timers.push({ id, label, then, remainingMs: ms, totalMs });
  };
  add('heartbeat', '"I\'m alive" due', 'send it', p.heartbeatMs);
  add('suspicion', 'Suspicion', 'you suspect the coordinator', p.suspicionMs);
  add('answer', 'T (answers)', 'you may declare', p.answerTimeoutMs);
  add('coordinatorWait', "T' (coordinator)", 'you may elect again', p.coordinatorTimeoutMs);

  let callout: string | null = null;
  if (node.duties.includes('declare')) callout = 'Nobody higher answered: declare yourself coordinator.';
  else if (node.duties.includes('answer')) callout = `Answer ${node.electionsToAnswer.map((e) => e.from + 1).join(' and ')}: you outrank them.`;
  else if (node.duties.includes('startElection')) callout = `Start an election: ${node.electionReason ? REASONS[node.electionReason] : 'you may'}.`;
  else if (node.duties.includes('sendAlive')) callout = 'Tell everyone you are alive.';

  return {
    role: bullyRole(state.bully[index]!, index),
    headline: { label: 'Rank', value: String(node.rank), suffix: `of ${node.clusterSize}` },
    facts,
    timers,
    callout,
  };
}

const WORDS: Record<BullyWire['kind'], (from: string) => { text: string; tone: InboxTone }> = {
  ELECTION: (from) => ({ text: `ELECTION from ${from}: it wants to lead`, tone: 'ask' }),
  ANSWER: (from) => ({ text: `ANSWER (OK) from ${from}: a higher rank is alive`, tone: 'bad' }),
  COORDINATOR: (from) => ({ text: `COORDINATOR from ${from}: ${from} leads now`, tone: 'good' }),
  ALIVE: (from) => ({ text: `ALIVE from ${from}`, tone: 'info' }),
};

export function bullyInboxLine(entry: InboxEntry, label: (index: NodeIndex) => string): { text: string; tone: InboxTone } | null {
  const words = WORDS[(entry.payload as BullyWire).kind];
  return words ? words(label(entry.from)) : null;
}
