/** Bully test helpers on top of the common harness. */
import { expect } from 'vitest';
import { bullyAgreement, bullyInvariants } from '../../../../shared/rules/bully/monitor';
import type { BullyCluster, BullyNode } from '../../../../shared/rules/bully/types';
import { act, start, type Run } from '../harness';

/** Node index of rank r (ranks are 1-based, indices 0-based). */
export const R = (rank: number) => rank - 1;

export function bully(run: Run): BullyCluster {
  if (run.state.algorithm !== 'bully') throw new Error('not a bully run');
  return run.state;
}

export function nodeOf(run: Run, rank: number): BullyNode {
  const node = bully(run).bully[R(rank)];
  if (!node) throw new Error(`no rank ${rank}`);
  return node;
}

/** A cluster with a fixed 1 s delay and no jitter, so test timelines are exact. */
export function startBully(nodeCount = 5, params: Record<string, unknown> = {}, seed = 7): Run {
  return start({ algorithm: 'bully', nodeCount, seed, network: { delayMs: 1000, jitterMs: 0 }, params });
}

export function expectInvariants(run: Run): void {
  expect(bullyInvariants(bully(run))).toEqual([]);
}

export function agreement(run: Run) {
  return bullyAgreement(bully(run));
}

export const startElection = (run: Run, rank: number) => act(run, { type: 'StartElection', node: R(rank) });
export const answer = (run: Run, rank: number, toRank: number) => act(run, { type: 'Answer', node: R(rank), to: R(toRank) });
export const declare = (run: Run, rank: number) => act(run, { type: 'DeclareCoordinator', node: R(rank) });
export const sendAlive = (run: Run, rank: number) => act(run, { type: 'SendAlive', node: R(rank) });
export const crash = (run: Run, rank: number) => act(run, { type: 'CrashNode', node: R(rank) });
export const restart = (run: Run, rank: number) => act(run, { type: 'RestartNode', node: R(rank) });

/** Rank 5 (the initial coordinator) crashes at once; by 15 s every other node suspects it. */
export function coordinatorDown(nodeCount = 5) {
  const run = startBully(nodeCount);
  crash(run, nodeCount);
  act(run, { type: 'Tick', to: 15_000 });
  return run;
}
