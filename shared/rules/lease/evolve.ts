/**
 * Folds Lease events. Only what an event touches is copied: one client entry, the lock
 * record, or the storage summary (its recent-writes list is bounded), so the fold costs
 * the same at the end of an hour-long class as at its start.
 */
import type { Event, NodeIndex } from '../types';
import type { LeaseClient, LeaseCluster, StorageWrite } from './types';
import { SPLIT_BRAIN_RECENT_LIMIT, STORAGE_RECENT_LIMIT } from './types';
import { copyCore, finishCopy } from '../copy-cluster';
import { leadersMayHaveChanged, owned, ownedAt, ownedList, spread, type ClusterDraft } from '../draft';

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

/** The cluster with `changes` (a copy, or the draft's own cluster written in place: shared/rules/draft.ts). */
function withLease(state: LeaseCluster, changes: Partial<LeaseCluster>, draft?: ClusterDraft): LeaseCluster {
  return Object.assign(owned(draft, state, copyLeaseCluster), changes);
}

/** Client `index` changed by `change`, which writes into a client ready to be written (the draft's, or a copy). */
function withClient(state: LeaseCluster, index: NodeIndex, draft: ClusterDraft | undefined, change: (client: LeaseClient) => void): LeaseCluster {
  if (!state.clients[index]) return state;
  const next = owned(draft, state, copyLeaseCluster);
  const clients = ownedList(draft, next.clients);
  next.clients = clients;
  const client = ownedAt(draft, clients, index, spread);
  const leading = client.leading;
  change(client);
  // Lease's acting leaders read each client's belief (ticker.ts).
  if (client.leading !== leading) leadersMayHaveChanged(draft);
  return next;
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

export function evolveLease(state: LeaseCluster, event: Event, draft?: ClusterDraft): LeaseCluster {
  switch (event.type) {
    // --- common events with a Lease meaning -------------------------------------------
    case 'NodeCrashed':
      // A crash wipes the process: its belief, its token and what it had learnt (L6).
      return withClient(state, event.node, draft, (c) => {
        if (c.leading) c.leadingEndedAt = state.now;
        c.knownVersion = 0;
        c.knownHolder = null;
        c.leading = false;
        c.leadUntilLocal = null;
        c.token = null;
        c.freshFrom = state.network.nextMessageId;
      });
    case 'NodePaused':
      return state.monitor.clocksTrue ? withLease(state, { monitor: { ...state.monitor, clocksTrue: false } }, draft) : state;
    case 'ClockSkewed':
      if (!state.monitor.clocksTrue || (event.rate === 1 && event.offsetMs === 0)) return state;
      return withLease(state, { monitor: { ...state.monitor, clocksTrue: false } }, draft);

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
      return withLease(state, { lock: { ...state.lock, renewTime: state.now, expiresAt: event.expiresAt, version: event.version } }, draft);
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
      const now = state.now;
      const next = withLease(state, { storage: recordWrite(state, { node: event.node, value: event.value, token: event.token, at: now, accepted: true, stale: event.stale }) }, draft);
      return withClient(next, event.node, draft, (c) => {
        c.lastAcceptedWriteAt = now;
        c.lastAcceptedToken = event.token;
      });
    }
    case 'StorageWriteRefused':
      return withLease(state, { storage: recordWrite(state, { node: event.node, value: event.value, token: event.token, at: state.now, accepted: false, stale: true }) }, draft);
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
      return withClient(state, event.node, draft, (c) => {
        c.knownVersion = Math.max(c.knownVersion, event.version);
        if (event.answered >= c.freshFrom) {
          c.knownHolder = event.holder;
          c.freshFrom = event.answered + 1;
        }
      });
    case 'LeadershipBelieved':
      return withClient(state, event.node, draft, (c) => {
        if (!c.leading) {
          c.leadingSince = state.now;
          c.leadingEndedAt = null;
        }
        c.leading = true;
        c.leadUntilLocal = event.untilLocal;
        c.token = event.token;
      });
    case 'LeadershipLost':
      return withClient(state, event.node, draft, (c) => {
        if (c.leading) c.leadingEndedAt = state.now;
        c.leading = false;
        c.leadUntilLocal = null;
        c.token = null;
        if (event.ignoreRepliesBefore !== undefined) c.freshFrom = Math.max(c.freshFrom, event.ignoreRepliesBefore);
      });
    default:
      return state;
  }
}
