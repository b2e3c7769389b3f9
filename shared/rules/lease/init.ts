/** The initial Lease cluster: a free lock, empty storage, and every node's first retry reminder. */
import { localTime } from '../clock';
import type { ClusterCore, NodeBase } from '../types';
import type { LeaseClient, LeaseCluster, LeaseParams } from './types';
import { RETRY_TIMER } from './types';

export function freshClient(freshFrom: number): LeaseClient {
  return {
    knownVersion: 0,
    knownHolder: null,
    leading: false,
    leadUntilLocal: null,
    token: null,
    freshFrom,
    leadingSince: null,
    leadingEndedAt: null,
    lastAcceptedWriteAt: null,
    lastAcceptedToken: null,
  };
}

/** `params` are the values in force, already validated (leaseParamsSchema). */
export function initLease(core: ClusterCore, params: LeaseParams): LeaseCluster {
  const nodes: NodeBase[] = core.nodes.map((node) => ({
    ...node,
    timers: { ...node.timers, [RETRY_TIMER]: localTime(node.clock, core.now) + params.retryPeriodMs },
  }));
  return {
    ...core,
    nodes,
    algorithm: 'lease',
    params,
    lock: {
      holder: null,
      acquireTime: null,
      renewTime: null,
      expiresAt: null,
      leaseDurationMs: params.leaseDurationMs,
      transitions: 0,
      version: 0,
      token: null,
      nextToken: 1,
      previous: null,
    },
    storage: { highestToken: 0, recent: [], accepted: 0, refused: 0 },
    clients: core.nodes.map(() => freshClient(0)),
    monitor: { clocksTrue: true, splitBrains: 0, recentSplitBrains: [] },
  };
}
