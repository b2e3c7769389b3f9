/** Small helpers for the Lease tests: a cluster with a steady network, and typed reads. */
import { expect } from 'vitest';
import type { ClusterState, Command, Event } from '../../../../shared/rules/types';
import { decide, evolve } from '../../../../shared/rules/engine';
import type { LeaseCluster, LeaseParams, LeaseWire } from '../../../../shared/rules/lease/types';
import { leaseInvariants } from '../../../../shared/rules/lease/invariants';
import { start, type Run } from '../harness';

export function lease(state: ClusterState): LeaseCluster {
  if (state.algorithm !== 'lease') throw new Error('not a lease cluster');
  return state;
}

/** A lease cluster whose messages all take `delayMs` exactly (no jitter, no drops). */
export function leaseRun(params: Partial<LeaseParams> = {}, nodeCount = 3, delayMs = 1000, seed = 7): Run {
  return start({ algorithm: 'lease', nodeCount, seed, network: { delayMs, jitterMs: 0, dropRate: 0 }, params: { ...params } });
}

/** The payload of the newest inbox entry of `node`. */
export function lastReply(run: Run, node: number): LeaseWire {
  const inbox = run.state.nodes[node]!.inbox;
  const entry = inbox[inbox.length - 1];
  if (!entry) throw new Error(`node ${node} has an empty inbox`);
  return entry.payload as LeaseWire;
}

export function expectHealthy(run: Run): void {
  expect(leaseInvariants(lease(run.state))).toEqual([]);
}

export function types(events: Event[]): string[] {
  return events.map((e) => e.type);
}

/** Applies a command if the rules accept it (a player clicking); returns whether it was accepted. */
export function attempt(run: Run, command: Command): boolean {
  const decision = decide(run.state, command);
  if (!decision.ok) return false;
  run.state = decision.events.reduce(evolve, run.state);
  run.events.push(...decision.events);
  return true;
}

/** A round of a disciplined class: whoever believes it leads renews, every other live node tries to acquire. */
export function playRound(run: Run): void {
  const state = lease(run.state);
  for (const node of state.nodes) {
    if (node.status !== 'live') continue;
    attempt(run, { type: state.clients[node.index]!.leading ? 'Renew' : 'Acquire', node: node.index });
  }
}
