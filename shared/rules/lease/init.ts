/** The initial Lease cluster: a free lock, empty storage, and every node's first retry reminder. */
import { localTime } from '../clock';
import type { ClusterCore, NodeBase } from '../types';
import type { LeaseClient, LeaseCluster, LeaseParams } from './types';
import { DEFAULT_LEASE_PARAMS, RETRY_TIMER } from './types';

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Fills the defaults; a missing or invalid value (not a positive finite number, or not a
 * boolean for `fencing`) falls back to the classroom default rather than throwing, since
 * the server validates the host's settings at its edge and a room must never crash here.
 */
export function leaseParams(partial: Record<string, unknown> | undefined): LeaseParams {
  const p = partial ?? {};
  return {
    leaseDurationMs: positive(p.leaseDurationMs, DEFAULT_LEASE_PARAMS.leaseDurationMs),
    renewDeadlineMs: positive(p.renewDeadlineMs, DEFAULT_LEASE_PARAMS.renewDeadlineMs),
    retryPeriodMs: positive(p.retryPeriodMs, DEFAULT_LEASE_PARAMS.retryPeriodMs),
    fencing: typeof p.fencing === 'boolean' ? p.fencing : DEFAULT_LEASE_PARAMS.fencing,
  };
}

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

export function initLease(core: ClusterCore, partial: Record<string, unknown> | undefined): LeaseCluster {
  const params = leaseParams(partial);
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
