/**
 * Given/when/then per Lease rule, storage, belief and expiry (L5-L7) (SPEC.md). Unless said otherwise every message
 * takes exactly 1 s, so a request sent at t arrives at t+1000 and its reply at t+2000.
 */
import { describe, expect, it } from 'vitest';
import { act, eventsOfType, expectReplayMatches, refused, tickTo } from '../harness';
import { LEASE_SEED_PRESETS } from '../../../../shared/rules/lease/types';
import { expectHealthy, lastReply, lease, leaseRun } from './helpers';

const A = 0;
const B = 1;
const SERVICE = -1;

describe('L5 write and fencing', () => {
  it('L5: a write carries the writer\'s token and storage records it', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    act(run, { type: 'Write', node: A, value: 'hello' });
    tickTo(run, 4000);
    const { storage } = lease(run.state);
    expect(storage).toMatchObject({ highestToken: 1, accepted: 1, refused: 0 });
    expect(storage.recent).toEqual([{ node: A, value: 'hello', token: 1, at: 3000, accepted: true, stale: false }]);
    expect(lastReply(run, A)).toMatchObject({ kind: 'StorageAck', value: 'hello', token: 1 });
    expectReplayMatches(run);
  });

  /** A's clock runs at quarter speed, so it keeps believing long after its 5 s lease expired; B takes over and writes. */
  function staleLeader(fencing: boolean) {
    const run = leaseRun({ leaseDurationMs: 5000, renewDeadlineMs: 4000, retryPeriodMs: 2000, fencing });
    act(run, { type: 'SkewClock', node: A, rate: 0.25 });
    act(run, { type: 'Acquire', node: A }); // lease from 1000 to 6000
    tickTo(run, 2000);
    act(run, { type: 'Acquire', node: B }); // lease-held: B learns v1
    tickTo(run, 6000);
    act(run, { type: 'Acquire', node: B }); // arrives 7000, after expiry
    tickTo(run, 9000);
    act(run, { type: 'Write', node: B, value: 'new' });
    tickTo(run, 10_000);
    expect(lease(run.state).clients[A]!.leading).toBe(true); // its clock reads 2500 of 4000
    act(run, { type: 'Write', node: A, value: 'old' });
    const events = tickTo(run, 12_000);
    return { run, events };
  }

  it('L5: with fencing on, storage refuses a token lower than the highest it has seen (stale-token)', () => {
    const { run, events } = staleLeader(true);
    expect(eventsOfType(events, 'StorageWriteRefused')).toEqual([{ type: 'StorageWriteRefused', node: A, value: 'old', token: 1, highestToken: 2 }]);
    expect(lastReply(run, A)).toMatchObject({ kind: 'StorageRefusal', code: 'stale-token', rule: 'L5' });
    expect(lease(run.state).clients[A]!.leading).toBe(false); // storage told it a newer leader exists
    expect(eventsOfType(run.events, 'SplitBrainDetected')).toHaveLength(0);
    expectReplayMatches(run);
  });

  it('L5: with fencing off, storage accepts the stale write and records split brain', () => {
    const { run, events } = staleLeader(false);
    expect(eventsOfType(events, 'StorageWriteAccepted')[0]).toMatchObject({ node: A, token: 1, stale: true });
    expect(eventsOfType(events, 'SplitBrainDetected')).toEqual([expect.objectContaining({ nodes: [B, A], tokens: [2, 1] })]);
    expect(lease(run.state).monitor.splitBrains).toBe(1);
    // A second stale write of the same two beliefs is the same incident, not a new one.
    act(run, { type: 'Write', node: A, value: 'again' });
    tickTo(run, 14_000);
    expect(lease(run.state).monitor.splitBrains).toBe(1);
    expectReplayMatches(run);
  });

  it('L5: a write from a leader whose belief ended before the other began is not split brain', () => {
    const run = leaseRun({ leaseDurationMs: 5000, renewDeadlineMs: 4000, fencing: false });
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    act(run, { type: 'Write', node: A, value: 'a' });
    act(run, { type: 'Acquire', node: B });
    tickTo(run, 7000); // A stopped believing at 4000, the lease expired at 6000
    act(run, { type: 'Acquire', node: B });
    tickTo(run, 9000);
    act(run, { type: 'Write', node: B, value: 'b' });
    tickTo(run, 11_000);
    expect(lease(run.state).storage.accepted).toBe(2);
    expect(lease(run.state).monitor.splitBrains).toBe(0);
    expectReplayMatches(run);
  });

  it('C0: a value to write is a short text (bad-value)', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    refused(run, { type: 'Write', node: A, value: '' }, 'bad-value');
    refused(run, { type: 'Write', node: A, value: 'x'.repeat(25) }, 'bad-value');
  });
});

describe('L6 belief on the node\'s own clock', () => {
  it('L6: the belief starts when the grant arrives and lasts renewDeadline from when the request was sent', () => {
    const run = leaseRun(); // renew deadline 20 s
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 1999);
    expect(lease(run.state).clients[A]!.leading).toBe(false);
    tickTo(run, 2000);
    expect(lease(run.state).clients[A]).toMatchObject({ leading: true, token: 1, leadUntilLocal: 20_000 });
    expect(run.state.nodes[A]!.timers.renewDeadline).toBe(20_000);
    tickTo(run, 19_999);
    expect(lease(run.state).clients[A]!.leading).toBe(true);
    const events = tickTo(run, 20_000);
    expect(eventsOfType(events, 'LeadershipLost')).toEqual([expect.objectContaining({ node: A, reason: 'renewDeadline' })]);
    expect(lease(run.state).lock.holder).toBe(A); // it gave up before the lease (to 31 s) ended
    expectHealthy(run);
    expectReplayMatches(run);
  });

  it('L6: a slow clock keeps a node believing after its lease expired', () => {
    const run = leaseRun();
    act(run, { type: 'SkewClock', node: A, rate: 0.5 });
    act(run, { type: 'Acquire', node: A }); // belief to local 20000 = room 40000; lease to 31000
    tickTo(run, 35_000);
    expect(lease(run.state).lock.holder).toBeNull();
    expect(lease(run.state).clients[A]!.leading).toBe(true);
    expect(lease(run.state).monitor.clocksTrue).toBe(false);
    expectReplayMatches(run);
  });

  it('L6: a paused node\'s clock stands still, so after the pause it still believes it leads', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 3000);
    act(run, { type: 'PauseNode', node: A });
    tickTo(run, 33_000);
    act(run, { type: 'ResumeNode', node: A });
    expect(lease(run.state).lock.holder).toBeNull();
    expect(lease(run.state).clients[A]!.leading).toBe(true);
    act(run, { type: 'Write', node: A, value: 'late' }); // it believes, so it may write
    expectReplayMatches(run);
  });

  it('L6: a refusal naming another holder ends the belief', () => {
    const run = leaseRun({ leaseDurationMs: 5000, renewDeadlineMs: 4000 });
    act(run, { type: 'SkewClock', node: A, rate: 0.25 });
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    act(run, { type: 'Acquire', node: B });
    tickTo(run, 6000);
    act(run, { type: 'Acquire', node: B }); // B holds from 7000
    tickTo(run, 8000);
    act(run, { type: 'Renew', node: A }); // A still believes; arrives 9000
    const events = tickTo(run, 10_000);
    expect(eventsOfType(events, 'LeaseRequestRefused')[0]).toMatchObject({ node: A, code: 'renewal-late', holder: B });
    expect(eventsOfType(events, 'LeadershipLost').filter((e) => e.node === A)).toEqual([expect.objectContaining({ node: A, reason: 'refused' })]);
    expect(run.state.nodes[A]!.timers.renewDeadline).toBeUndefined();
    expectReplayMatches(run);
  });

  it('L6: only a node that believes it leads may write (not-leader)', () => {
    const run = leaseRun();
    expect(refused(run, { type: 'Write', node: B, value: 'x' }, 'not-leader').rule).toBe('L6');
  });

  it('L6: a grant that arrives after the renew deadline already passed does not make the node lead', () => {
    const run = leaseRun();
    act(run, { type: 'SetLink', from: SERVICE, to: A, delayMs: 25_000 });
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 27_000);
    expect(lease(run.state).lock.holder).toBe(A);
    expect(lease(run.state).clients[A]).toMatchObject({ leading: false, knownHolder: A, knownVersion: 1 });
    expectReplayMatches(run);
  });

  it('L6: a release sent before the renewal reply came back carries an old version (stale-version); the late grant does not revive the belief', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 3000);
    act(run, { type: 'SetLink', from: SERVICE, to: A, delayMs: 5000 });
    act(run, { type: 'Renew', node: A }); // granted at 4000 (version 2), reply lands at 9000
    tickTo(run, 3500);
    act(run, { type: 'Release', node: A }); // carries version 1: a conflict at 4500
    const events = tickTo(run, 9000);
    expect(eventsOfType(events, 'LeaseRequestRefused')[0]).toMatchObject({ request: 'release', code: 'stale-version', holder: A });
    expect(eventsOfType(events, 'LeadershipBelieved')).toHaveLength(0);
    expect(lease(run.state).clients[A]).toMatchObject({ leading: false, knownVersion: 2 });
    expectHealthy(run);
    expectReplayMatches(run);
  });

  it('L6: a reply to an older request than one already answered teaches only the version', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 3000);
    act(run, { type: 'SetLink', from: SERVICE, to: A, delayMs: 5000 });
    act(run, { type: 'Renew', node: A }); // r1: granted at 4000, its reply lands at 9000
    tickTo(run, 3100);
    act(run, { type: 'Renew', node: A }); // r2: same version, a conflict at 4100
    tickTo(run, 4050);
    act(run, { type: 'SetLink', from: SERVICE, to: A, delayMs: 0 }); // r2's answer lands first
    tickTo(run, 9000);
    const client = lease(run.state).clients[A]!;
    expect(client).toMatchObject({ leading: true, knownVersion: 2, leadUntilLocal: 20_000 }); // not extended to 23000
    expectReplayMatches(run);
  });
});

describe('L7 expiry', () => {
  it('L7: the lease expires by itself on the room clock, and then nobody holds it', () => {
    const run = leaseRun(LEASE_SEED_PRESETS.renewEvery5s);
    act(run, { type: 'Acquire', node: A }); // lease from 1000 to 11000
    tickTo(run, 10_999);
    expect(lease(run.state).lock.holder).toBe(A);
    const events = tickTo(run, 20_000);
    expect(eventsOfType(events, 'LeaseExpired')).toEqual([{ type: 'LeaseExpired', node: A, at: 11_000 }]);
    const { lock } = lease(run.state);
    expect(lock).toMatchObject({ holder: null, token: null, expiresAt: null, version: 1 });
    expect(lock.previous).toEqual({ holder: A, token: 1, renewTime: 1000, at: 11_000, how: 'expired' });
    expectHealthy(run);
    expectReplayMatches(run);
  });

  it('L7: a crash wipes the holder\'s belief and knowledge; the lease runs out and the room counts time without a leader', () => {
    const run = leaseRun(LEASE_SEED_PRESETS.renewEvery5s);
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 3000);
    act(run, { type: 'CrashNode', node: A });
    expect(lease(run.state).clients[A]).toMatchObject({ leading: false, token: null, knownVersion: 0 });
    expect(lease(run.state).lock.holder).toBe(A);
    const leaderless = run.state.stats.leaderlessMs;
    tickTo(run, 20_000);
    expect(lease(run.state).lock.holder).toBeNull();
    expect(run.state.stats.leaderlessMs - leaderless).toBe(17_000);
    refused(run, { type: 'Acquire', node: A }, 'node-crashed');
    act(run, { type: 'RestartNode', node: A });
    expect(run.state.nodes[A]!.timers.retry).toBe(25_000);
    expectReplayMatches(run);
  });
});
