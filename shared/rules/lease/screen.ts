/** What the projector shows of a Lease team: the lock's truth, each node's belief, the storage's writes. */
import { letterLabel as label } from '../labels';
import type { TeamExtras, TeamTruth, TruthSpecific } from '../module';
import { leaseActingLeaders } from './ticker';
import type { LeaseCluster } from './types';

function ring(name: string, deadline: number | undefined, local: number, totalMs: number): TruthSpecific['timer'] {
  if (deadline === undefined) return null;
  const remainingMs = Math.max(0, deadline - local);
  return { name, remainingMs, totalMs: Math.max(totalMs, remainingMs) };
}

export function leaseTruth(state: LeaseCluster, i: number, local: number): TruthSpecific {
  const c = state.clients[i]!;
  const t = state.nodes[i]!.timers;
  const p = state.params;
  const timer = c.leading ? ring('renew deadline', t.renewDeadline, local, p.renewDeadlineMs) : ring('retry', t.retry, local, p.retryPeriodMs);
  const leader = c.knownHolder === null ? null : label(c.knownHolder);
  const info: string[] = [];
  if (c.token !== null) info.push(`token ${c.token}`);
  if (!c.leading) info.push(leader ? `sees ${leader}` : 'sees none');
  return {
    // The truth: the lock's holder; a node that believes it leads without the lock is the dangerous one.
    role: state.lock.holder === i ? 'holder' : c.leading ? 'stale' : 'idle',
    leader, believesLeading: c.leading, token: c.token, timer, info: info.join(' · '),
  };
}

export function leaseTeam(state: LeaseCluster): TeamTruth {
  const lock = state.lock;
  const alerts = state.monitor.recentSplitBrains.slice(-2).map((s) => `Split brain: ${label(s.nodes[0])} (token ${s.tokens[0]}) and ${label(s.nodes[1])} (token ${s.tokens[1]}) both wrote as leader.`);
  // Two beliefs at once is the danger itself, before any write (L6: a belief outlives a pause).
  const believers = leaseActingLeaders(state);
  if (believers.length >= 2) {
    const names = believers.map((i) => `${label(i)} (token ${state.clients[i]!.token ?? '–'})`);
    alerts.unshift(`Two leaders at once: ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} believe they lead; ${lock.holder === null ? 'the lease is free' : `the lock service says ${label(lock.holder)}`}.`);
  }
  return {
    elections: lock.transitions,
    alerts,
    extras: {
      lease: {
        holder: lock.holder === null ? null : label(lock.holder), expiresAt: lock.expiresAt, version: lock.version, token: lock.token,
        fencing: state.params.fencing, splitBrains: state.monitor.splitBrains,
        writes: state.storage.recent.map((w) => ({ node: label(w.node), value: w.value, token: w.token, at: w.at, accepted: w.accepted, stale: w.stale })),
      },
    },
  };
}

/** "Lease held by A · B thinks it leads". */
export function leaseTeamLine(nodes: { label: string; status: string; role: string }[], extras: TeamExtras): string {
  const believers = nodes.filter((n) => n.status !== 'crashed' && n.role === 'stale');
  const held = extras.lease?.holder ? `Lease held by ${extras.lease.holder}` : 'Lease free';
  return believers.length > 0 ? `${held} · ${believers.map((n) => n.label).join(', ')} thinks it leads` : held;
}
