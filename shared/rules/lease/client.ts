/**
 * A lease client (one node): the player's clicks, and what the node makes of the replies
 * that land in its inbox. Its belief "I lead until X" (L6) lives on its OWN clock.
 */
import type { Emitter } from '../algorithm';
import { localTime } from '../clock';
import { send } from '../network';
import type { Refusal } from '../refusal';
import { refuse } from '../refusal';
import { clearTimer, setTimer } from '../timers';
import type { Message, NodeIndex } from '../types';
import { SERVICE } from '../types';
import type { LeaseClient, LeaseCluster, LeaseCommand, LeaseLossReason, LeaseWire } from './types';
import { RENEW_DEADLINE_TIMER, RETRY_TIMER, WRITE_VALUE_MAX } from './types';

type Out = Emitter<LeaseCluster>;

function clientOf(out: Out, node: NodeIndex): LeaseClient {
  const client = out.state.clients[node];
  if (!client) throw new Error(`no lease client ${node}`);
  return client;
}

function localNow(out: Out, node: NodeIndex): number {
  const n = out.state.nodes[node];
  if (!n) throw new Error(`no node ${node}`);
  return localTime(n.clock, out.state.now);
}

/** Sends a request to the service; returns the message id (the request's identity). */
function request(out: Out, node: NodeIndex, payload: LeaseWire): number {
  const [message] = send(out, node, [{ to: SERVICE, payload }]);
  return message ? message.id : -1;
}

function loseLeadership(out: Out, node: NodeIndex, reason: LeaseLossReason, ignoreRepliesBefore?: number): void {
  out.emit({ type: 'LeadershipLost', node, reason, ...(ignoreRepliesBefore !== undefined && { ignoreRepliesBefore }) });
  clearTimer(out, node, RENEW_DEADLINE_TIMER);
}

export function decideClient(out: Out, command: LeaseCommand): Refusal | void {
  const node = command.node;
  const client = clientOf(out, node);
  const version = client.knownVersion;
  switch (command.type) {
    case 'Acquire':
      if (client.leading) {
        return refuse('already-holder', 'L1', 'You already hold the lease as far as you know; renew it instead of acquiring it again (L1).');
      }
      request(out, node, { kind: 'LeaseAcquire', version, sentAtLocal: localNow(out, node) });
      return setTimer(out, node, RETRY_TIMER, out.state.params.retryPeriodMs);
    case 'Renew':
      if (!client.leading) {
        return refuse('not-holder', 'L2', 'You do not hold the lease as far as you know; only the holder renews it, so try to acquire it instead (L2).');
      }
      request(out, node, { kind: 'LeaseRenew', version, sentAtLocal: localNow(out, node) });
      return setTimer(out, node, RETRY_TIMER, out.state.params.retryPeriodMs);
    case 'Release': {
      if (!client.leading) {
        return refuse('not-holder', 'L3', 'You do not hold the lease as far as you know, so there is nothing to release (L3).');
      }
      // Like client-go's ReleaseOnCancel: stop leading first, then tell the service.
      const id = request(out, node, { kind: 'LeaseRelease', version, sentAtLocal: localNow(out, node) });
      return loseLeadership(out, node, 'released', id);
    }
    case 'Write': {
      const value = command.value;
      if (typeof value !== 'string' || value.trim().length === 0 || value.length > WRITE_VALUE_MAX) {
        return refuse('bad-value', 'C0', `A value to write is a short text of 1 to ${WRITE_VALUE_MAX} characters.`);
      }
      if (!client.leading || client.token === null) {
        return refuse('not-leader', 'L6', 'You do not believe you lead, so you may not write; only the lease holder writes (L6).');
      }
      request(out, node, { kind: 'StorageWrite', value, token: client.token });
      return;
    }
  }
}

/** A reply from the service reached a live node: learn the version, then adjust the belief (L4, L6). */
export function clientReceive(out: Out, message: Message): void {
  const node = message.to;
  const payload = message.payload as LeaseWire;
  const before = clientOf(out, node);
  switch (payload.kind) {
    case 'LeaseGrant': {
      const fresh = payload.requestId >= before.freshFrom;
      out.emit({ type: 'LeaseObserved', node, version: payload.version, holder: node, answered: payload.requestId });
      if (!fresh) return;
      // L6, client-go's RenewDeadline: the holder leads at most renewDeadline after it SENT the
      // request that succeeded, measured on its own clock. Since the service starts the lease
      // at arrival (later), with true clocks the belief ends before the lease does.
      const untilLocal = payload.sentAtLocal + out.state.params.renewDeadlineMs;
      if (untilLocal <= localNow(out, node)) return; // the answer came too late to lead on
      out.emit({ type: 'LeadershipBelieved', node, token: payload.token, untilLocal });
      out.emit({ type: 'TimerSet', node, timer: RENEW_DEADLINE_TIMER, atLocal: untilLocal });
      return;
    }
    case 'LeaseRefusal': {
      const fresh = payload.requestId >= before.freshFrom;
      out.emit({ type: 'LeaseObserved', node, version: payload.version, holder: payload.holder, answered: payload.requestId });
      // A conflict (L4) while the lock still names me is no loss: look again and retry.
      if (fresh && before.leading && payload.holder !== node) loseLeadership(out, node, 'refused');
      return;
    }
    case 'LeaseReleaseAck':
      out.emit({ type: 'LeaseObserved', node, version: payload.version, holder: null, answered: payload.requestId });
      return;
    case 'StorageRefusal':
      // Storage has seen a newer token: a newer leader exists (Kleppmann's fencing).
      if (before.leading && before.token === payload.token) loseLeadership(out, node, 'fenced');
      return;
    default:
      return; // StorageAck: the inbox shows it; requests never travel to a node
  }
}

export function onClientTimer(out: Out, node: NodeIndex, timer: string): void {
  // The retry reminder only prompts the player (people decide); the renew deadline ends the belief.
  if (timer === RENEW_DEADLINE_TIMER && clientOf(out, node).leading) loseLeadership(out, node, 'renewDeadline');
}
