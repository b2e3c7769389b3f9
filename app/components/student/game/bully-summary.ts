import type { GameSeatView } from '@/shared/game/seat-view';
import type { BullyNodeView } from '@/shared/rules/bully/view';
import type { BullyPhase, ElectionReason } from '@/shared/rules/bully/types';
import { presetParam, whoIs, type Fact, type NodeSummary, type RoleKey, type TimerFact } from './node-summary';

const PHASES: Record<BullyPhase, string> = {
  idle: 'none running',
  awaitingAnswer: 'waiting for answers (T)',
  mayDeclare: 'nobody higher answered: you won',
  awaitingCoordinator: "answered: waiting for COORDINATOR (T')",
  coordinatorOverdue: 'COORDINATOR overdue: elect again',
};

const REASONS: Record<ElectionReason, string> = {
  overdue: "the promised COORDINATOR never came",
  lowerCoordinator: 'a lower rank claimed to lead',
  recovered: 'you have just restarted',
  noCoordinator: 'you know no coordinator',
  suspected: 'the coordinator went silent',
  lowerElection: 'a lower rank called an election',
};

/** The same roles the projector draws (shared/game/screen-view.ts), with a word for this node. */
function role(node: BullyNodeView): { role: RoleKey; label: string } {
  if (node.isCoordinator) return { role: 'leader', label: 'Coordinator' };
  if (node.phase === 'idle') return { role: 'follower', label: node.suspecting ? 'Suspicious' : 'Member' };
  if (node.answersFrom.length > 0) return { role: 'waiting', label: 'Waiting' };
  return { role: 'electing', label: 'Electing' };
}

export function bullySummary(node: BullyNodeView, view: GameSeatView): NodeSummary {
  const rank = (index: number | null) => whoIs(view.peers, index === null ? null : String(index + 1), node.label);
  const facts: Fact[] = [
    { id: 'leader', label: 'Coordinator', value: node.isCoordinator ? 'you' : node.coordinator === null ? 'none known' : rank(node.coordinator) },
    { id: 'election', label: node.round > 0 ? `Your election #${node.round}` : 'Your election', value: PHASES[node.phase], strong: node.phase === 'mayDeclare' },
  ];
  if (node.answersFrom.length > 0) facts.push({ id: 'answers', label: 'Answered by', value: node.answersFrom.map((i) => String(i + 1)).join(', ') });
  if (node.electionReason) facts.push({ id: 'reason', label: 'You may elect because', value: REASONS[node.electionReason], strong: true, wide: true });

  const timers: TimerFact[] = [];
  const add = (id: keyof BullyNodeView['timers'], label: string, then: string, param: string) => {
    const ms = node.timers[id];
    if (ms !== null) timers.push({ id, label, then, remainingMs: ms, totalMs: presetParam(view, param) });
  };
  add('heartbeat', '"I\'m alive" due', 'send it', 'heartbeatMs');
  add('suspicion', 'Suspicion', 'you suspect the coordinator', 'suspicionMs');
  add('answer', 'T (answers)', 'you may declare', 'answerTimeoutMs');
  add('coordinatorWait', "T' (coordinator)", 'you may elect again', 'coordinatorTimeoutMs');

  let callout: string | null = null;
  if (node.duties.includes('declare')) callout = 'Nobody higher answered: declare yourself coordinator.';
  else if (node.duties.includes('answer')) callout = `Answer ${node.electionsToAnswer.map((e) => e.from + 1).join(' and ')}: you outrank them.`;
  else if (node.duties.includes('startElection')) callout = `Start an election: ${node.electionReason ? REASONS[node.electionReason] : 'you may'}.`;
  else if (node.duties.includes('sendAlive')) callout = 'Tell everyone you are alive.';

  const r = role(node);
  return {
    role: r.role,
    roleLabel: r.label,
    headline: { label: 'Rank', value: String(node.rank), suffix: `of ${node.clusterSize}` },
    facts,
    timers,
    callout,
  };
}
