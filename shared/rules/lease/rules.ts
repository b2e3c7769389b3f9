/**
 * Lease rules (SPEC.md): the hooks the engine calls. The service's judgement
 * lives in service.ts, a node's clicks and replies in client.ts, the fold in evolve.ts.
 */
import type { AlgorithmRules, Emitter } from '../algorithm';
import { setTimer } from '../timers';
import type { Message, NodeIndex } from '../types';
import { SERVICE } from '../types';
import { clientReceive, decideClient, onClientTimer } from './client';
import { copyLeaseCluster, evolveLease } from './evolve';
import { leaseInvariants } from './invariants';
import { expireIfDue, serviceReceive } from './service';
import type { LeaseCluster, LeaseCommand } from './types';
import { RETRY_TIMER } from './types';

export const leaseRules: AlgorithmRules<LeaseCluster, LeaseCommand> = {
  commandTypes: ['Acquire', 'Renew', 'Release', 'Write'],
  copyState: copyLeaseCluster,
  decideNode: decideClient,
  onMessage(out: Emitter<LeaseCluster>, message: Message) {
    if (message.to === SERVICE) serviceReceive(out, message);
    else clientReceive(out, message);
  },
  onTimer: onClientTimer,
  onRestart(out: Emitter<LeaseCluster>, node: NodeIndex) {
    // The process starts afresh (its lease knowledge went with the crash); remind it to try.
    setTimer(out, node, RETRY_TIMER, out.state.params.retryPeriodMs);
  },
  // L7: the lease's expiry is the service's own deadline, on the room clock.
  nextServiceDeadline(state: LeaseCluster) {
    return state.lock.holder === null ? null : state.lock.expiresAt;
  },
  onServiceDeadline: expireIfDue,
  evolve: evolveLease,
  hasLeader(state: LeaseCluster) {
    const holder = state.lock.holder;
    return holder !== null && state.nodes[holder]?.status === 'live';
  },
  invariants: leaseInvariants,
};
