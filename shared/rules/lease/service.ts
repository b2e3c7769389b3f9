/**
 * The server as lock service and storage (endpoint SERVICE). Requests are judged when
 * they ARRIVE, on the room clock (the true time): that is what makes a late renewal a
 * false failover (L2). These refusals are not `decide` refusals (the request was legal
 * to send); they are events plus a reply that lands in the sender's inbox.
 */
import type { Emitter } from '../algorithm';
import { send } from '../network';
import type { Message, NodeIndex } from '../types';
import { SERVICE } from '../types';
import { secs, who } from './format';
import type { LeaseCluster, LeaseRequestKind, LeaseWire } from './types';

type Out = Emitter<LeaseCluster>;

function reply(out: Out, to: NodeIndex, payload: LeaseWire): void {
  send(out, SERVICE, [{ to, payload }]);
}

/** L7: a lease not renewed for a whole duration expires; nobody holds it any more. */
export function expireIfDue(out: Out): void {
  const lock = out.state.lock;
  if (lock.holder !== null && lock.expiresAt !== null && out.state.now >= lock.expiresAt) {
    out.emit({ type: 'LeaseExpired', node: lock.holder, at: lock.expiresAt });
  }
}

function refuseRequest(out: Out, message: Message, request: LeaseRequestKind, code: string, rule: string, text: string, lateByMs?: number): void {
  const { lock } = out.state;
  out.emit({
    type: 'LeaseRequestRefused', node: message.from, request, code, rule, holder: lock.holder, version: lock.version,
    ...(lateByMs !== undefined && { lateByMs }),
  });
  reply(out, message.from, { kind: 'LeaseRefusal', request, requestId: message.id, code, rule, message: text, version: lock.version, holder: lock.holder });
}

function staleVersion(out: Out, message: Message, request: LeaseRequestKind, seen: number): void {
  const v = out.state.lock.version;
  refuseRequest(out, message, request, 'stale-version', 'L4',
    `Your request carried version ${seen} but the lease is at version ${v}: it changed since you last looked, so look again and retry (L4).`);
}

function grant(out: Out, message: Message, request: 'acquire' | 'renew', sentAtLocal: number): void {
  const { lock, params } = out.state;
  reply(out, message.from, {
    kind: 'LeaseGrant', request, requestId: message.id, sentAtLocal, token: lock.token ?? 0, version: lock.version, leaseDurationMs: params.leaseDurationMs,
  });
}

function renewLock(out: Out, node: NodeIndex): void {
  const { lock, now, params } = out.state;
  out.emit({ type: 'LeaseRenewed', node, version: lock.version + 1, expiresAt: now + params.leaseDurationMs });
}

/** L1: acquire only when free or expired. The holder asking again simply renews (client-go's IsLeader path). */
function judgeAcquire(out: Out, message: Message, version: number, sentAtLocal: number): void {
  const { lock, now, params } = out.state;
  const x = message.from;
  if (lock.holder !== null && lock.holder !== x) {
    return refuseRequest(out, message, 'acquire', 'lease-held', 'L1',
      `${who(lock.holder)} holds the lease for ${secs((lock.expiresAt ?? now) - now)} more unless renewed; a lease can be taken only when it is free or expired (L1).`);
  }
  if (version !== lock.version) return staleVersion(out, message, 'acquire', version);
  if (lock.holder === x) renewLock(out, x);
  else {
    out.emit({
      type: 'LeaseAcquired', node: x, token: lock.nextToken, version: lock.version + 1, transitions: lock.transitions + 1, expiresAt: now + params.leaseDurationMs,
    });
  }
  grant(out, message, 'acquire', sentAtLocal);
}

/** L2: renew only by the current holder, and only if the request arrives before expiry. */
function judgeRenew(out: Out, message: Message, version: number, sentAtLocal: number): void {
  const { lock, now } = out.state;
  const x = message.from;
  if (lock.holder !== x) {
    const prev = lock.previous;
    const holderNow = lock.holder === null ? 'nobody holds it now' : `${who(lock.holder)} holds it now`;
    if (prev && prev.holder === x && prev.how === 'expired') {
      const late = now - prev.at;
      return refuseRequest(out, message, 'renew', 'renewal-late', 'L2',
        `Your renewal arrived ${secs(late)} after your lease expired: refused, you lost the lease and ${holderNow} (L2).`, late);
    }
    return refuseRequest(out, message, 'renew', 'lease-not-yours', 'L2',
      `You do not hold the lease (${holderNow}); only the current holder can renew it (L2).`);
  }
  if (version !== lock.version) return staleVersion(out, message, 'renew', version);
  renewLock(out, x);
  grant(out, message, 'renew', sentAtLocal);
}

/** L3: release only by the holder; the lease is free at once. */
function judgeRelease(out: Out, message: Message, version: number): void {
  const { lock } = out.state;
  const x = message.from;
  if (lock.holder !== x) {
    const prev = lock.previous;
    const why = prev && prev.holder === x && prev.how === 'expired' ? 'your lease had already expired' : `you do not hold the lease (${who(lock.holder)} does)`;
    return refuseRequest(out, message, 'release', 'lease-not-yours', 'L3', `Nothing to release: ${why}; only the holder can release it (L3).`);
  }
  if (version !== lock.version) return staleVersion(out, message, 'release', version);
  out.emit({ type: 'LeaseReleased', node: x, version: lock.version + 1 });
  reply(out, x, { kind: 'LeaseReleaseAck', requestId: message.id, version: out.state.lock.version });
}

/** L5: storage checks the fencing token (when fencing is on) and watches for split brain. */
function judgeWrite(out: Out, message: Message, value: string, token: number): void {
  const { storage, params } = out.state;
  const x = message.from;
  const stale = token < storage.highestToken;
  if (stale && params.fencing) {
    out.emit({ type: 'StorageWriteRefused', node: x, value, token, highestToken: storage.highestToken });
    return reply(out, x, {
      kind: 'StorageRefusal', requestId: message.id, value, token, highestToken: storage.highestToken, code: 'stale-token', rule: 'L5',
      message: `Storage refused your write: your token ${token} is older than token ${storage.highestToken} it has already seen, so a newer leader exists (fencing, L5).`,
    });
  }
  out.emit({ type: 'StorageWriteAccepted', node: x, value, token, stale });
  reply(out, x, { kind: 'StorageAck', requestId: message.id, value, token });
  detectSplitBrain(out, x);
}

/**
 * Split brain (L5): two different nodes whose belief intervals overlap, both with a write
 * accepted since both beliefs began. Checked on each accepted write; recorded once per
 * pair of belief intervals.
 */
function detectSplitBrain(out: Out, x: NodeIndex): void {
  const { clients } = out.state;
  const cx = clients[x];
  if (!cx || cx.leadingSince === null || cx.lastAcceptedToken === null) return;
  const endX = cx.leading ? Infinity : (cx.leadingEndedAt ?? Infinity);
  for (let y = 0; y < clients.length; y++) {
    const cy = clients[y];
    if (y === x || !cy || cy.leadingSince === null || cy.lastAcceptedWriteAt === null || cy.lastAcceptedToken === null) continue;
    const endY = cy.leading ? Infinity : (cy.leadingEndedAt ?? Infinity);
    const overlap = cy.leadingSince <= endX && cx.leadingSince <= endY;
    if (!overlap || cy.lastAcceptedWriteAt < Math.max(cx.leadingSince, cy.leadingSince)) continue;
    const since: [number, number] = [cy.leadingSince, cx.leadingSince];
    const seen = out.state.monitor.recentSplitBrains.some((r) => r.nodes[0] === y && r.nodes[1] === x && r.since[0] === since[0] && r.since[1] === since[1]
      || r.nodes[0] === x && r.nodes[1] === y && r.since[0] === since[1] && r.since[1] === since[0]);
    if (!seen) out.emit({ type: 'SplitBrainDetected', nodes: [y, x], tokens: [cy.lastAcceptedToken, cx.lastAcceptedToken], since });
  }
}

export function serviceReceive(out: Out, message: Message): void {
  expireIfDue(out);
  const payload = message.payload as LeaseWire;
  switch (payload.kind) {
    case 'LeaseAcquire': return judgeAcquire(out, message, payload.version, payload.sentAtLocal);
    case 'LeaseRenew': return judgeRenew(out, message, payload.version, payload.sentAtLocal);
    case 'LeaseRelease': return judgeRelease(out, message, payload.version);
    case 'StorageWrite': return judgeWrite(out, message, payload.value, payload.token);
    default: return; // replies never travel to the service
  }
}
