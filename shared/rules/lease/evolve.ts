/**
 * Folds Lease events. Only what an event touches is copied: one client entry, the lock
 * record, or the storage summary (its recent-writes list is bounded), so the fold costs
 * the same at the end of an hour-long class as at its start.
 */
import type { Event, NodeIndex } from '../types';
import type { LeaseClient, LeaseCluster, StorageWrite } from './types';
import { SPLIT_BRAIN_RECENT_LIMIT, STORAGE_RECENT_LIMIT } from './types';
import { copyCore, finishCopy } from '../copy-cluster';

/** A copy of the cluster to change, field by field (see copy-cluster.ts), in initLease's order. */
export function copyLeaseCluster(state: LeaseCluster): LeaseCluster {
  const copy = copyCore(state) as LeaseCluster;
  copy.algorithm = state.algorithm;
  copy.params = state.params;
  copy.lock = state.lock;
  copy.storage = state.storage;
  copy.clients = state.clients;
  copy.monitor = state.monitor;
  return finishCopy(copy, state);
}

function withLease(state: LeaseCluster, changes: Partial<LeaseCluster>): LeaseCluster {
  return Object.assign(copyLeaseCluster(state), changes);
}

function withClient(state: LeaseCluster, index: NodeIndex, change: (client: LeaseClient) => LeaseClient): LeaseCluster {
  const client = state.clients[index];
  if (!client) return state;
  const clients = state.clients.slice();
  clients[index] = change(client);
  return withLease(state, { clients });
}

function bounded<T>(list: T[], item: T, limit: number): T[] {
  return list.slice(-(limit - 1)).concat([item]);
}

function recordWrite(state: LeaseCluster, write: StorageWrite): LeaseCluster['storage'] {
  const storage = state.storage;
  return {
    highestToken: write.accepted ? Math.max(storage.highestToken, write.token) : storage.highestToken,
    recent: bounded(storage.recent, write, STORAGE_RECENT_LIMIT),
    accepted: storage.accepted + (write.accepted ? 1 : 0),
    refused: storage.refused + (write.accepted ? 0 : 1),
  };
}

export function evolveLease(state: LeaseCluster, event: Event): LeaseCluster {
  switch (event.type) {
    // --- common events with a Lease meaning -------------------------------------------
    case 'NodeCrashed':
      // A crash wipes the process: its belief, its token and what it had learnt (L6).
      return withClient(state, event.node, (c) => ({
        ...c,
        knownVersion: 0,
        knownHolder: null,
        leading: false,
        leadUntilLocal: null,
        token: null,
        freshFrom: state.network.nextMessageId,
        leadingEndedAt: c.leading ? state.now : c.leadingEndedAt,
      }));
    case 'NodePaused':
      return state.monitor.clocksTrue ? withLease(state, { monitor: { ...state.monitor, clocksTrue: false } }) : state;
    case 'ClockSkewed':
      if (!state.monitor.clocksTrue || (event.rate === 1 && event.offsetMs === 0)) return state;
      return withLease(state, { monitor: { ...state.monitor, clocksTrue: false } });

    // --- the lock service ---------------------------------------------------------------
    case 'LeaseAcquired':
      return {
        ...state,
        lock: {
          ...state.lock,
          holder: event.node,
          acquireTime: state.now,
          renewTime: state.now,
          expiresAt: event.expiresAt,
          transitions: event.transitions,
          version: event.version,
          token: event.token,
          nextToken: event.token + 1,
        },
      };
    case 'LeaseRenewed':
      return withLease(state, { lock: { ...state.lock, renewTime: state.now, expiresAt: event.expiresAt, version: event.version } });
    case 'LeaseReleased':
    case 'LeaseExpired': {
      const lock = state.lock;
      const released = event.type === 'LeaseReleased';
      return {
        ...state,
        lock: {
          ...lock,
          holder: null,
          expiresAt: null,
          token: null,
          version: released ? event.version : lock.version,
          previous: {
            holder: event.node,
            token: lock.token ?? 0,
            renewTime: lock.renewTime ?? state.now,
            at: released ? state.now : event.at,
            how: released ? 'released' : 'expired',
          },
        },
      };
    }
    case 'LeaseRequestRefused':
      return state;

    // --- storage ------------------------------------------------------------------------
    case 'StorageWriteAccepted': {
      const next = withLease(state, { storage: recordWrite(state, { node: event.node, value: event.value, token: event.token, at: state.now, accepted: true, stale: event.stale }) });
      return withClient(next, event.node, (c) => ({ ...c, lastAcceptedWriteAt: state.now, lastAcceptedToken: event.token }));
    }
    case 'StorageWriteRefused':
      return withLease(state, { storage: recordWrite(state, { node: event.node, value: event.value, token: event.token, at: state.now, accepted: false, stale: true }) });
    case 'SplitBrainDetected':
      return {
        ...state,
        monitor: {
          ...state.monitor,
          splitBrains: state.monitor.splitBrains + 1,
          recentSplitBrains: bounded(state.monitor.recentSplitBrains, { nodes: event.nodes, tokens: event.tokens, since: event.since, at: state.now }, SPLIT_BRAIN_RECENT_LIMIT),
        },
      };

    // --- a node's knowledge and belief ----------------------------------------------------
    case 'LeaseObserved':
      return withClient(state, event.node, (c) => {
        const fresh = event.answered >= c.freshFrom;
        return {
          ...c,
          knownVersion: Math.max(c.knownVersion, event.version),
          knownHolder: fresh ? event.holder : c.knownHolder,
          freshFrom: fresh ? event.answered + 1 : c.freshFrom,
        };
      });
    case 'LeadershipBelieved':
      return withClient(state, event.node, (c) => ({
        ...c,
        leading: true,
        leadUntilLocal: event.untilLocal,
        token: event.token,
        leadingSince: c.leading ? c.leadingSince : state.now,
        leadingEndedAt: c.leading ? c.leadingEndedAt : null,
      }));
    case 'LeadershipLost':
      return withClient(state, event.node, (c) => ({
        ...c,
        leading: false,
        leadUntilLocal: null,
        token: null,
        leadingEndedAt: c.leading ? state.now : c.leadingEndedAt,
        freshFrom: event.ignoreRepliesBefore === undefined ? c.freshFrom : Math.max(c.freshFrom, event.ignoreRepliesBefore),
      }));
    default:
      return state;
  }
}
