/** Raft test helpers on top of the shared harness: a quiet network and ways to reach a moment. */
import { expect } from 'vitest';
import { roomTimeOf } from '../../../../shared/rules/clock';
import { decide } from '../../../../shared/rules/engine';
import { toArray } from '../../../../shared/rules/raft/log';
import { algorithmModule } from '../../../../shared/rules/registry';
import type { RaftCluster, RaftNode, RaftParams } from '../../../../shared/rules/raft/types';
import type { Command } from '../../../../shared/rules/types';
import { act, start, tickTo, type Run } from '../harness';

export const [A, B, C, D, E] = [0, 1, 2, 3, 4] as const;

/** A five-node Raft cluster with exact 1 s message delays (no jitter, no drops). */
export function raft(params: Partial<RaftParams> = {}, options: { nodeCount?: number; seed?: number } = {}): Run {
  return start({
    algorithm: 'raft', nodeCount: options.nodeCount ?? 5, seed: options.seed ?? 1,
    network: { delayMs: 1000, jitterMs: 0, dropRate: 0 }, params: params as Record<string, unknown>,
  });
}

/** The lecture's opening: A leads term 1 and everyone follows it. */
export function seeded(params: Partial<RaftParams> = {}, options: { nodeCount?: number; seed?: number } = {}): Run {
  return raft({ startWithLeader: A, ...params }, options);
}

export function S(run: Run): RaftCluster {
  if (run.state.algorithm !== 'raft') throw new Error('not a raft run');
  return run.state;
}

export function node(run: Run, index: number): RaftNode {
  const n = S(run).raft[index];
  if (!n) throw new Error(`no node ${index}`);
  return n;
}

export function log(run: Run, index: number): string {
  return toArray(node(run, index).log).map((e) => `${e.term}:${e.command}`).join(' ');
}

/** Room time at which a node's timer fires, or null. */
export function timerAt(run: Run, index: number, timer: string): number | null {
  const n = run.state.nodes[index]!;
  const at = n.timers[timer];
  return at === undefined ? null : roomTimeOf(n.clock, at);
}

/** Ticks until each of `nodes` has its election timer run out (others may run out too). */
export function untilDue(run: Run, ...nodes: number[]): void {
  for (let guard = 0; guard < 10 && !nodes.every((i) => node(run, i).electionDue); guard++) {
    const deadlines = nodes.filter((i) => !node(run, i).electionDue).map((i) => timerAt(run, i, 'election'));
    if (deadlines.some((d) => d === null)) throw new Error('an election timer is not running');
    tickTo(run, Math.max(...(deadlines as number[])));
  }
  for (const i of nodes) expect(node(run, i).electionDue, `node ${i} should be due`).toBe(true);
}

export function cmd(run: Run, command: Command): void {
  act(run, command);
}

export function stand(run: Run, index: number): void {
  act(run, { type: 'StandForElection', node: index });
}

export function vote(run: Run, voter: number, candidate: number): void {
  act(run, { type: 'GrantVote', node: voter, candidate });
}

export function heartbeat(run: Run, leader: number): void {
  act(run, { type: 'SendHeartbeat', node: leader });
}

export function write(run: Run, leader: number, command: string): void {
  act(run, { type: 'WriteCommand', node: leader, command });
}

export function expectSafe(run: Run): void {
  expect(algorithmModule('raft').rules.invariants(run.state)).toEqual([]);
}

export function allowed(run: Run, command: Command): boolean {
  return decide(run.state, command).ok;
}
