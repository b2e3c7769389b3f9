/**
 * The projector's ticker: one plain sentence per interesting Lease event, null for noise
 * (clock ticks, timers, messages, and the frequent "lease is held" refusals of waiting
 * candidates, which each candidate sees in its own inbox).
 */
import { localTime } from '../clock';
import type { NarrationReads } from '../module';
import type { Event } from '../types';
import { secs, who } from './format';
import type { LeaseCluster } from './types';

/** The lease's length in words: formatted only by the lines that say it (narrate sees every event, mostly clock ticks). */
function dur(state: LeaseCluster): string {
  return secs(state.params.leaseDurationMs);
}

/** A new belief and a crash read the cluster before them (AlgorithmModule's `narrationReads`). */
export function leaseNarrationReads(event: Event): NarrationReads {
  return event.type === 'LeadershipBelieved' || event.type === 'NodeCrashed' ? 'before' : 'after';
}

export function narrateLease(event: Event, before: LeaseCluster, after: LeaseCluster): string | null {
  switch (event.type) {
    case 'LeaseAcquired':
      return `${who(event.node)} acquired the lease (fencing token ${event.token}, version ${event.version}); it lasts ${dur(after)} unless renewed (L1).`;
    case 'LeaseRenewed':
      return `${who(event.node)} renewed the lease (version ${event.version}): good for ${dur(after)} more (L2).`;
    case 'LeaseReleased':
      return `${who(event.node)} released the lease: it is free at once (L3).`;
    case 'LeaseExpired':
      return `The lease expired: ${who(event.node)} did not renew it for ${dur(after)}, so nobody holds it now (L7).`;
    case 'LeaseRequestRefused':
      switch (event.code) {
        case 'renewal-late':
          return `${who(event.node)}'s renewal arrived ${secs(event.lateByMs ?? 0)} after the lease expired: refused, the lease is lost (L2).`;
        case 'stale-version':
          return `${who(event.node)}'s ${event.request} carried an old version (the lease is at ${event.version}): refused, look again (L4).`;
        case 'lease-not-yours':
          return `${who(event.node)} tried to ${event.request} a lease it does not hold (${who(event.holder)} does): refused (${event.rule}).`;
        default:
          return null; // lease-held: a waiting candidate's routine retry
      }
    case 'StorageWriteAccepted':
      return event.stale
        ? `Storage accepted ${who(event.node)}'s write "${event.value}" with the OLD token ${event.token}: fencing is off (L5).`
        : `${who(event.node)} wrote "${event.value}" with token ${event.token}: accepted (L5).`;
    case 'StorageWriteRefused':
      return `Storage refused ${who(event.node)}'s write "${event.value}": token ${event.token} is older than ${event.highestToken}, a newer leader exists (fencing, L5).`;
    case 'SplitBrainDetected':
      return `Split brain! ${who(event.nodes[0])} and ${who(event.nodes[1])} both believe they lead and both wrote (tokens ${event.tokens[0]} and ${event.tokens[1]}) (L5).`;
    case 'LeadershipBelieved':
      return before.clients[event.node]?.leading ? null : `${who(event.node)} now believes it leads (token ${event.token}).`;
    case 'LeadershipLost':
      switch (event.reason) {
        case 'renewDeadline': return `${who(event.node)}'s renew deadline passed on its own clock: it stops acting as leader (L6).`;
        case 'refused': return `${who(event.node)} learnt from the lock service that the lease is no longer its own: it stops leading (L6).`;
        case 'released': return `${who(event.node)} gives up the lease and stops leading (L3).`;
        case 'fenced': return `${who(event.node)} learnt from storage that a newer leader exists: it stops leading (L5).`;
      }
      return null;
    case 'NodeCrashed':
      if (before.lock.holder === event.node) {
        return `${who(event.node)}, the lease holder, crashed: nobody renews the lease, it expires in ${secs((before.lock.expiresAt ?? before.now) - before.now)}.`;
      }
      return null;
    case 'NodeResumed': {
      const node = after.nodes[event.node];
      const client = after.clients[event.node];
      if (!node || !client?.leading) return null;
      const lag = after.now - localTime(node.clock, after.now);
      return `${who(event.node)} woke from its pause still believing it leads: its clock lags ${secs(lag)} (L6).`;
    }
    default:
      return null;
  }
}
