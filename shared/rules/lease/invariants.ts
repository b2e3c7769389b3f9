/**
 * Safety invariants readable from one state. The ones about change over time (versions
 * and tokens only grow, a renewal never changes the holder) need two states; they are
 * exported as `leaseStepViolations` for the property tests.
 */
import type { Event } from '../types';
import type { LeaseCluster } from './types';
import { who } from './format';

export function leaseInvariants(state: LeaseCluster): string[] {
  const problems: string[] = [];
  const { lock, storage, params, clients, monitor } = state;
  if (lock.token !== null && lock.token !== lock.nextToken - 1) problems.push('The holder\'s fencing token is not the newest one issued.');
  if (storage.highestToken >= lock.nextToken) problems.push('Storage has seen a fencing token the lock service never issued.');
  if ((lock.holder === null) !== (lock.token === null) || (lock.holder === null) !== (lock.expiresAt === null)) {
    problems.push('The lock record is inconsistent: a holder needs a token and an expiry, a free lease has neither.');
  }
  if (lock.holder !== null && lock.expiresAt !== null) {
    if (lock.renewTime === null || lock.expiresAt !== lock.renewTime + params.leaseDurationMs) problems.push('The lease expiry is not its last renewal plus the lease duration.');
    if (lock.expiresAt <= state.now) problems.push(`The lease held by ${who(lock.holder)} is past its expiry but was not expired (L7).`);
    const prev = lock.previous;
    if (prev && lock.acquireTime !== null && lock.acquireTime < prev.at) problems.push('The lease was acquired before the previous one ended (L1).');
  }
  const prev = lock.previous;
  if (prev && prev.how === 'expired' && prev.at < prev.renewTime + params.leaseDurationMs) {
    problems.push('A lease expired before a whole lease duration without renewal had passed (L1, L7).');
  }
  const strict = monitor.clocksTrue && params.renewDeadlineMs < params.leaseDurationMs;
  let believers = 0;
  for (let i = 0; i < clients.length; i++) {
    const c = clients[i]!;
    if (c.knownVersion > lock.version) problems.push(`${who(i)} knows a version the lease never had.`);
    if (!c.leading) continue;
    believers++;
    if (c.token === null || c.leadUntilLocal === null) problems.push(`${who(i)} believes it leads without a token or a deadline.`);
    if (state.nodes[i]?.status === 'crashed') problems.push(`${who(i)} is crashed yet still believes it leads.`);
    // L6: with true clocks and RenewDeadline < LeaseDuration a belief ends before the lease does.
    if (strict && lock.holder !== i) problems.push(`${who(i)} believes it leads but the lease is held by ${who(lock.holder)} (clocks are true).`);
  }
  if (strict && believers > 1) problems.push(`${believers} nodes believe they lead at once although clocks are true (L6).`);
  return problems;
}

/** Checks between two consecutive states and the events that led from one to the other. */
export function leaseStepViolations(before: LeaseCluster, after: LeaseCluster, events: Event[]): string[] {
  const problems: string[] = [];
  if (after.lock.version < before.lock.version) problems.push('The lease version went backwards.');
  if (after.lock.nextToken < before.lock.nextToken) problems.push('Fencing tokens went backwards.');
  if (after.storage.highestToken < before.storage.highestToken) problems.push('Storage forgot a higher token.');
  if (after.lock.transitions < before.lock.transitions) problems.push('Lease transitions went backwards.');
  let holder = before.lock.holder;
  for (const event of events) {
    if (event.type === 'LeaseRenewed' && event.node !== holder) problems.push('A renewal changed the holder.');
    if (event.type === 'LeaseAcquired') {
      if (holder !== null) problems.push('A lease was acquired while another node held it.');
      holder = event.node;
    }
    if (event.type === 'LeaseReleased' || event.type === 'LeaseExpired') holder = null;
  }
  return problems;
}
