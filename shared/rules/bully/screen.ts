/** What the projector shows of a Bully team: every node's truth and the last election's cost. */
import { bullyLeaders } from './leaders';
import type { TeamExtras, TeamTruth, TruthSpecific } from '../module';
import { rankLabel } from '../labels';
import type { BullyCluster } from './types';
import { bullyRole } from './view';

function ring(name: string, deadline: number | undefined, local: number, totalMs: number): TruthSpecific['timer'] {
  if (deadline === undefined) return null;
  const remainingMs = Math.max(0, deadline - local);
  return { name, remainingMs, totalMs: Math.max(totalMs, remainingMs) };
}

export function bullyTruth(state: BullyCluster, i: number, local: number): TruthSpecific {
  const n = state.bully[i]!;
  const t = state.nodes[i]!.timers;
  const p = state.params;
  const timer = t.answer !== undefined ? ring('answer (T)', t.answer, local, p.answerTimeoutMs)
    : t.coordinatorWait !== undefined ? ring("coordinator (T')", t.coordinatorWait, local, p.coordinatorTimeoutMs)
    : t.heartbeat !== undefined ? ring('heartbeat', t.heartbeat, local, p.heartbeatMs)
    : ring('suspicion', t.suspicion, local, p.suspicionMs);
  const leader = n.coordinator === null ? null : rankLabel(n.coordinator);
  return { role: bullyRole(n, i), leader, timer, info: leader ? `coordinator ${leader}` : 'no coordinator' };
}

/**
 * Live nodes that act as coordinator right now (each believes it is the one). Two at once
 * is Bully's split brain: e.g. the old coordinator cut off by a partition while the
 * others elected a new one (B7/B8 cannot tell a slow or cut-off node from a dead one).
 */
export function actingCoordinators(state: BullyCluster): number[] {
  // Read once per (bully, nodes) pair: the game asks after every logged batch (issue 7's fold).
  return bullyLeaders(state).acting as number[];
}

function splitBrainAlerts(state: BullyCluster): string[] {
  const acting = actingCoordinators(state).map(rankLabel);
  if (acting.length < 2) return [];
  const names = `${acting.slice(0, -1).join(', ')} and ${acting[acting.length - 1]}`;
  return [`Split brain: ${names} ${acting.length === 2 ? 'both' : 'all'} act as coordinator at once.`];
}

export function bullyTeam(state: BullyCluster): TeamTruth {
  const last = state.tallies.recent[state.tallies.recent.length - 1];
  const sum = (k: { election: number; answer: number; coordinator: number }) => k.election + k.answer + k.coordinator;
  const t = state.tallies.totals.sent;
  return {
    elections: state.stats.elections,
    alerts: splitBrainAlerts(state),
    extras: {
      bully: {
        lastElection: last ? { sent: sum(last.sent), delivered: sum(last.delivered), startedBy: rankLabel(last.startedBy), declaredBy: last.declaredBy === null ? null : rankLabel(last.declaredBy) } : null,
        totalSent: t.election + t.answer + t.coordinator + t.alive,
      },
    },
  };
}

/** "Coordinator 4", "No coordinator · 2, 3 electing". */
export function bullyTeamLine(nodes: { label: string; status: string; role: string }[], _extras: TeamExtras): string {
  const up = nodes.filter((n) => n.status !== 'crashed');
  const leaders = up.filter((n) => n.role === 'leader');
  if (leaders.length > 0) return `Coordinator ${leaders.map((n) => n.label).join(', ')}`;
  const electing = up.filter((n) => n.role === 'electing' || n.role === 'waiting');
  return electing.length === 0 ? 'No coordinator' : `No coordinator · ${electing.map((n) => n.label).join(', ')} electing`;
}
