/**
 * Given/when/then per Lease rule, the lock service (L1-L4) (SPEC.md). Unless said otherwise every message
 * takes exactly 1 s, so a request sent at t arrives at t+1000 and its reply at t+2000.
 */
import { describe, expect, it } from 'vitest';
import { act, eventsOfType, expectReplayMatches, refused, tickTo } from '../harness';
import { LEASE_SEED_PRESETS } from '../../../../shared/rules/lease/types';
import { expectHealthy, lastReply, lease, leaseRun } from './helpers';

const A = 0;
const B = 1;
const SERVICE = -1;

describe('L1 acquire', () => {
  it('L1: a free lease goes to the first acquire that arrives, with a new fencing token', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    const events = tickTo(run, 1000);
    expect(eventsOfType(events, 'LeaseAcquired')).toEqual([{ type: 'LeaseAcquired', node: A, token: 1, version: 1, transitions: 1, expiresAt: 31_000 }]);
    const { lock } = lease(run.state);
    expect(lock).toMatchObject({ holder: A, acquireTime: 1000, renewTime: 1000, expiresAt: 31_000, transitions: 1, version: 1, token: 1, nextToken: 2 });
    tickTo(run, 2000);
    expect(lastReply(run, A)).toMatchObject({ kind: 'LeaseGrant', request: 'acquire', token: 1, version: 1 });
    expectHealthy(run);
    expectReplayMatches(run);
  });

  it('L1: an acquire arriving while another node holds an unexpired lease is refused (lease-held)', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    act(run, { type: 'Acquire', node: B });
    const before = lease(run.state).lock;
    const events = tickTo(run, 4000);
    expect(eventsOfType(events, 'LeaseRequestRefused')[0]).toMatchObject({ node: B, request: 'acquire', code: 'lease-held', rule: 'L1' });
    expect(lease(run.state).lock).toEqual(before);
    const reply = lastReply(run, B);
    expect(reply).toMatchObject({ kind: 'LeaseRefusal', code: 'lease-held', rule: 'L1', holder: A, version: 1 });
    if (reply.kind === 'LeaseRefusal') expect(reply.message).toContain('A holds the lease');
    // The refusal taught B what a GET would have: the version and the holder.
    expect(lease(run.state).clients[B]).toMatchObject({ knownVersion: 1, knownHolder: A, leading: false });
    expectReplayMatches(run);
  });

  it('L1: no takeover before a whole lease duration without renewal; at the expiry instant it is allowed', () => {
    const run = leaseRun(LEASE_SEED_PRESETS.renewEvery5s); // lease 10 s
    act(run, { type: 'Acquire', node: A }); // lease from 1000 to 11000
    tickTo(run, 2000);
    act(run, { type: 'Acquire', node: B }); // lease-held: B learns the version
    act(run, { type: 'CrashNode', node: A });
    tickTo(run, 9500);
    act(run, { type: 'Acquire', node: B }); // arrives 10500: still held
    tickTo(run, 10_000);
    act(run, { type: 'Acquire', node: B }); // arrives 11000, exactly at expiry
    const events = tickTo(run, 12_000);
    const refusals = eventsOfType(events, 'LeaseRequestRefused');
    expect(refusals.map((r) => r.code)).toEqual(['lease-held']); // the one sent at 9500
    const order = events.filter((e) => e.type === 'LeaseExpired' || e.type === 'LeaseAcquired').map((e) => e.type);
    expect(order).toEqual(['LeaseExpired', 'LeaseAcquired']);
    expect(lease(run.state).lock).toMatchObject({ holder: B, acquireTime: 11_000, transitions: 2, token: 2 });
    expectHealthy(run);
    expectReplayMatches(run);
  });

  it('L1: fencing tokens strictly increase from one holder to the next', () => {
    const run = leaseRun();
    const tokens: number[] = [];
    let t = 0;
    for (const node of [A, B, A]) {
      act(run, { type: 'Acquire', node });
      tickTo(run, (t += 2000));
      // A first try may meet a stale version (L4): the refusal teaches it, so try once more.
      if (!lease(run.state).clients[node]!.leading) {
        act(run, { type: 'Acquire', node });
        tickTo(run, (t += 2000));
      }
      tokens.push(lease(run.state).clients[node]!.token!);
      act(run, { type: 'Release', node });
      tickTo(run, (t += 2000));
    }
    expect(tokens).toEqual([1, 2, 3]);
    expect(lease(run.state).lock.transitions).toBe(3);
    expectReplayMatches(run);
  });

  it('L1: the holder asking again simply renews: same token, no new transition', () => {
    const run = leaseRun({ renewDeadlineMs: 3000 });
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 3000); // its renew deadline passed: it stopped believing, the lease still names it
    expect(lease(run.state).clients[A]!.leading).toBe(false);
    act(run, { type: 'Acquire', node: A });
    const events = tickTo(run, 5000);
    expect(eventsOfType(events, 'LeaseRenewed')).toHaveLength(1);
    expect(eventsOfType(events, 'LeaseAcquired')).toHaveLength(0);
    expect(lease(run.state).lock).toMatchObject({ holder: A, transitions: 1, token: 1, version: 2 });
    expect(lease(run.state).clients[A]).toMatchObject({ leading: true, token: 1, leadUntilLocal: 6000 });
    expectReplayMatches(run);
  });

  it('L1: a node that believes it leads cannot click Acquire (already-holder)', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    const refusal = refused(run, { type: 'Acquire', node: A }, 'already-holder');
    expect(refusal.rule).toBe('L1');
  });
});

describe('L2 renew', () => {
  it('L2: the holder renews before expiry: new expiry and version, same holder and token', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 5000);
    act(run, { type: 'Renew', node: A });
    tickTo(run, 7000);
    expect(lease(run.state).lock).toMatchObject({ holder: A, acquireTime: 1000, renewTime: 6000, expiresAt: 36_000, version: 2, token: 1, transitions: 1 });
    expect(lease(run.state).clients[A]).toMatchObject({ leading: true, leadUntilLocal: 25_000, knownVersion: 2 });
    expectReplayMatches(run);
  });

  it('L2: a renewal that arrives 1 s after expiry is refused (renewal-late): a false failover', () => {
    const run = leaseRun(LEASE_SEED_PRESETS.renewEvery5s); // lease from 1000 to 11000
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 3000);
    act(run, { type: 'SetLink', from: A, to: SERVICE, delayMs: 9000 });
    act(run, { type: 'Renew', node: A }); // arrives 12000
    const events = tickTo(run, 13_000);
    const refusal = eventsOfType(events, 'LeaseRequestRefused')[0];
    expect(refusal).toMatchObject({ node: A, request: 'renew', code: 'renewal-late', rule: 'L2', lateByMs: 1000, holder: null });
    const reply = lastReply(run, A);
    expect(reply).toMatchObject({ kind: 'LeaseRefusal', code: 'renewal-late' });
    if (reply.kind === 'LeaseRefusal') expect(reply.message).toContain('arrived 1.0 s after your lease expired');
    expect(lease(run.state).lock.holder).toBeNull();
    expectReplayMatches(run);
  });

  it('L2: a renewal arriving exactly at the expiry instant is already late', () => {
    const run = leaseRun(LEASE_SEED_PRESETS.renewEvery5s);
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 3000);
    act(run, { type: 'SetLink', from: A, to: SERVICE, delayMs: 8000 });
    act(run, { type: 'Renew', node: A }); // arrives 11000 = expiry
    const events = tickTo(run, 11_000);
    expect(eventsOfType(events, 'LeaseRequestRefused')[0]).toMatchObject({ code: 'renewal-late', lateByMs: 0 });
    expectReplayMatches(run);
  });

  it('L2: only a node that believes it holds the lease can click Renew (not-holder)', () => {
    const run = leaseRun();
    expect(refused(run, { type: 'Renew', node: B }, 'not-holder').rule).toBe('L2');
  });

  it('L2: a renewal reaching a lease that was released is refused (lease-not-yours)', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    act(run, { type: 'SetLink', from: A, to: SERVICE, delayMs: 3000 });
    act(run, { type: 'Renew', node: A }); // arrives 5000
    act(run, { type: 'SetLink', from: A, to: SERVICE, delayMs: 500 });
    act(run, { type: 'Release', node: A }); // arrives 2500, overtaking the renewal
    const events = tickTo(run, 5000);
    expect(eventsOfType(events, 'LeaseReleased')).toHaveLength(1);
    expect(eventsOfType(events, 'LeaseRequestRefused')[0]).toMatchObject({ node: A, request: 'renew', code: 'lease-not-yours', rule: 'L2' });
    expect(lease(run.state).lock.holder).toBeNull();
    expectReplayMatches(run);
  });
});

describe('L3 release', () => {
  it('L3: the holder releases: the node stops leading at once, the lease is free on arrival', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 3000);
    const clicked = act(run, { type: 'Release', node: A });
    expect(eventsOfType(clicked, 'LeadershipLost')).toEqual([expect.objectContaining({ node: A, reason: 'released' })]);
    expect(lease(run.state).clients[A]!.leading).toBe(false);
    expect(lease(run.state).lock.holder).toBe(A); // the service has not heard yet
    tickTo(run, 4000);
    expect(lease(run.state).lock).toMatchObject({ holder: null, version: 2, token: null, expiresAt: null });
    expect(lease(run.state).lock.previous).toMatchObject({ holder: A, how: 'released', at: 4000 });
    tickTo(run, 5000);
    expect(lastReply(run, A)).toMatchObject({ kind: 'LeaseReleaseAck', version: 2 });
    expectReplayMatches(run);
  });

  it('L3: only a node that believes it holds the lease can click Release (not-holder)', () => {
    const run = leaseRun();
    expect(refused(run, { type: 'Release', node: A }, 'not-holder').rule).toBe('L3');
  });

  it('L3: a release that arrives after the lease expired is refused (lease-not-yours)', () => {
    const run = leaseRun(LEASE_SEED_PRESETS.renewEvery5s); // lease from 1000 to 11000
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 3000);
    act(run, { type: 'SetLink', from: A, to: SERVICE, delayMs: 9000 });
    act(run, { type: 'Release', node: A }); // arrives 12000
    const events = tickTo(run, 13_000);
    expect(eventsOfType(events, 'LeaseRequestRefused')[0]).toMatchObject({ request: 'release', code: 'lease-not-yours', rule: 'L3' });
    const reply = lastReply(run, A);
    if (reply.kind === 'LeaseRefusal') expect(reply.message).toContain('already expired');
    expectReplayMatches(run);
  });
});

describe('L4 version', () => {
  it('L4: a request carrying a stale version is refused (stale-version); the reply teaches the version and the retry wins', () => {
    const run = leaseRun(LEASE_SEED_PRESETS.renewEvery5s);
    act(run, { type: 'Acquire', node: A }); // v1 at 1000
    tickTo(run, 2000);
    act(run, { type: 'Acquire', node: B }); // refused lease-held at 3000, B learns v1
    tickTo(run, 5000);
    act(run, { type: 'Renew', node: A }); // v2 at 6000, lease to 16000
    tickTo(run, 6500);
    act(run, { type: 'CrashNode', node: A });
    tickTo(run, 16_000);
    act(run, { type: 'Acquire', node: B }); // carries v1
    const events = tickTo(run, 18_000);
    expect(eventsOfType(events, 'LeaseRequestRefused')[0]).toMatchObject({ node: B, code: 'stale-version', rule: 'L4', version: 2 });
    expect(lease(run.state).lock.holder).toBeNull();
    expect(lease(run.state).clients[B]!.knownVersion).toBe(2);
    act(run, { type: 'Acquire', node: B });
    tickTo(run, 20_000);
    expect(lease(run.state).lock).toMatchObject({ holder: B, version: 3, token: 2 });
    expect(lease(run.state).clients[B]!.leading).toBe(true);
    expectReplayMatches(run);
  });

  it('L4: a conflict while the lock still names the node does not end its belief', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 5000);
    act(run, { type: 'Renew', node: A });
    act(run, { type: 'Renew', node: A }); // same version: the second one conflicts
    const events = tickTo(run, 7000);
    expect(eventsOfType(events, 'LeaseRenewed')).toHaveLength(1);
    expect(eventsOfType(events, 'LeaseRequestRefused')[0]).toMatchObject({ code: 'stale-version', holder: A });
    expect(lease(run.state).clients[A]).toMatchObject({ leading: true, knownVersion: 2 });
    expectReplayMatches(run);
  });
});
