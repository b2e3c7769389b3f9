/**
 * The seed lecture's Lease stories, and the classic ones, played click by click. Each ends
 * by replaying the event log and comparing the result with the live state byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { act, eventsOfType, expectReplayMatches, start, tickTo, type Run } from '../harness';
import { evolve } from '../../../../shared/rules/engine';
import { narrateLease } from '../../../../shared/rules/lease/narrate';
import { leaseTeam } from '../../../../shared/rules/lease/screen';
import { LEASE_SEED_PRESETS, SEED_GC_PAUSE_MS } from '../../../../shared/rules/lease/types';
import { attempt, expectHealthy, lastReply, lease, leaseRun, playRound } from './helpers';

const [A, B, C] = [0, 1, 2];
const SERVICE = -1;

/** Every ticker line the run produced, in order. */
function ticker(run: Run): string[] {
  const lines: string[] = [];
  let state = run.initial;
  for (const event of run.events) {
    const next = evolve(state, event);
    const line = narrateLease(event, lease(state), lease(next));
    if (line) lines.push(line);
    state = next;
  }
  return lines;
}

/** Ticks in small steps, checking the invariants after each. */
function tickChecked(run: Run, to: number, step = 250): void {
  while (run.state.now < to) {
    tickTo(run, Math.min(to, run.state.now + step));
    expectHealthy(run);
  }
}

describe('seed: a 10 s lease renewed every 5 s whose holder crashes', () => {
  it('the others take over only after a whole lease duration without renewal', () => {
    const run = start({ algorithm: 'lease', nodeCount: 5, seed: 42, network: { delayMs: 300, jitterMs: 200 }, params: LEASE_SEED_PRESETS.renewEvery5s });
    for (let t = 0; t < 60_000; t += 5000) {
      if (t === 20_000) {
        const holder = lease(run.state).lock.holder;
        expect(holder).not.toBeNull();
        act(run, { type: 'CrashNode', node: holder! });
      }
      playRound(run);
      tickChecked(run, t + 5000);
    }
    const acquired = eventsOfType(run.events, 'LeaseAcquired');
    const expired = eventsOfType(run.events, 'LeaseExpired');
    expect(acquired).toHaveLength(2);
    expect(expired).toHaveLength(1);
    const crashed = acquired[0]!.node;
    const lastRenewal = Math.max(...run.events.flatMap((e, i) => (e.type === 'LeaseRenewed' && e.node === crashed ? [i] : []))
      .map((i) => (run.events[i] as { expiresAt: number }).expiresAt - 10_000));
    expect(expired[0]!.at).toBe(lastRenewal + 10_000);
    // The takeover happens after the expiry, never before: find the instant of the second acquisition.
    let state = run.initial;
    let takeoverAt = -1;
    for (const event of run.events) {
      state = evolve(state, event);
      if (event.type === 'LeaseAcquired' && event.node !== crashed) takeoverAt = state.now;
    }
    expect(takeoverAt).toBeGreaterThanOrEqual(lastRenewal + 10_000);
    expect(takeoverAt).toBeLessThan(lastRenewal + 10_000 + 5000 + 1000); // at the first retry after it
    expect(lease(run.state).lock).toMatchObject({ transitions: 2, token: 2 });
    expect(ticker(run).some((line) => line.includes('the lease holder, crashed'))).toBe(true);
    expectReplayMatches(run);
  });
});

describe('seed: a renewal that arrives 1 s late', () => {
  it('the lease is refused to its live holder (a false failover) and a candidate takes over', () => {
    const run = leaseRun(LEASE_SEED_PRESETS.renewEvery5s, 3); // 1 s per message
    act(run, { type: 'Acquire', node: A }); // lease from 1000 to 11000
    tickTo(run, 2000);
    act(run, { type: 'Acquire', node: B }); // lease-held: B learns the version
    tickTo(run, 5000);
    act(run, { type: 'Renew', node: A }); // renewed at 6000, lease to 16000
    act(run, { type: 'Acquire', node: B });
    tickTo(run, 10_000);
    act(run, { type: 'SetLink', from: A, to: SERVICE, delayMs: 7000 }); // the host slows A's link
    act(run, { type: 'Renew', node: A }); // arrives 17000: 1 s after the lease expired
    act(run, { type: 'Acquire', node: B }); // lease-held at 11000
    tickTo(run, 15_000);
    act(run, { type: 'Acquire', node: B }); // arrives 16000, at the expiry instant
    tickChecked(run, 18_000);
    const refusal = eventsOfType(run.events, 'LeaseRequestRefused').find((r) => r.node === A);
    expect(refusal).toMatchObject({ code: 'renewal-late', rule: 'L2', lateByMs: 1000, holder: B });
    expect(lease(run.state).lock).toMatchObject({ holder: B, token: 2, transitions: 2 });
    const reply = lastReply(run, A);
    expect(reply.kind === 'LeaseRefusal' && reply.message).toBe(
      'Your renewal arrived 1.0 s after your lease expired: refused, you lost the lease and B holds it now (L2).');
    const lines = ticker(run);
    expect(lines).toContain('A\'s renewal arrived 1.0 s after the lease expired: refused, the lease is lost (L2).');
    // A had already stopped acting as leader when its own renew deadline passed (at 13 s).
    expect(lines).toContain('A\'s renew deadline passed on its own clock: it stops acting as leader (L6).');
    expectReplayMatches(run);
  });
});

/**
 * The seed's disaster: a 5 s lease renewed every 2 s; the holder's JVM stops the world for
 * 8 s; another node takes over and writes; the old holder wakes up still believing it leads.
 */
function gcPauseStory(fencing: boolean): Run {
  const run = leaseRun(fencing ? LEASE_SEED_PRESETS.gcPauseFenced : LEASE_SEED_PRESETS.gcPauseUnfenced, 3, 200);
  act(run, { type: 'Acquire', node: A });
  tickTo(run, 1000);
  act(run, { type: 'Write', node: A, value: 'a1' });
  act(run, { type: 'Acquire', node: B });
  tickTo(run, 2000);
  act(run, { type: 'Renew', node: A }); // lease to 7200
  tickTo(run, 3000);
  act(run, { type: 'PauseNode', node: A }); // stop-the-world GC
  for (let t = 4000; t <= 8000; t += 2000) {
    attempt(run, { type: 'Acquire', node: B });
    tickChecked(run, t + 1000);
  }
  expect(lease(run.state).lock.holder).toBe(B);
  act(run, { type: 'Write', node: B, value: 'b1' });
  tickTo(run, 10_000);
  act(run, { type: 'Renew', node: B });
  tickTo(run, 3000 + SEED_GC_PAUSE_MS);
  act(run, { type: 'ResumeNode', node: A });
  expect(lease(run.state).clients[A]!.leading).toBe(true); // its clock lost 8 s
  act(run, { type: 'Write', node: A, value: 'a2' });
  tickChecked(run, 14_000);
  return run;
}

describe('seed: an 8 s GC pause against a 5 s lease renewed every 2 s', () => {
  it('without fencing both leaders write and split brain is recorded', () => {
    const run = gcPauseStory(false);
    const accepted = eventsOfType(run.events, 'StorageWriteAccepted');
    expect(accepted.map((w) => [w.node, w.value, w.token, w.stale])).toEqual([[A, 'a1', 1, false], [B, 'b1', 2, false], [A, 'a2', 1, true]]);
    expect(eventsOfType(run.events, 'SplitBrainDetected')).toEqual([expect.objectContaining({ nodes: [B, A], tokens: [2, 1] })]);
    expect(lease(run.state).monitor.splitBrains).toBe(1);
    const lines = ticker(run);
    expect(lines).toContain('A woke from its pause still believing it leads: its clock lags 8.0 s (L6).');
    expect(lines).toContain('Split brain! B and A both believe they lead and both wrote (tokens 2 and 1) (L5).');
    // Issue 8: the projector's alert fires when A writes with a stale token while B holds the lease.
    expect(leaseTeam(lease(run.state)).alerts).toEqual(['Split brain: B (token 2) and A (token 1) both wrote as leader.']);
    expectReplayMatches(run);
  });

  it('with fencing on storage refuses the stale write and the old leader steps back', () => {
    const run = gcPauseStory(true);
    expect(eventsOfType(run.events, 'StorageWriteAccepted').map((w) => w.value)).toEqual(['a1', 'b1']);
    expect(eventsOfType(run.events, 'StorageWriteRefused')).toEqual([{ type: 'StorageWriteRefused', node: A, value: 'a2', token: 1, highestToken: 2 }]);
    expect(eventsOfType(run.events, 'SplitBrainDetected')).toHaveLength(0);
    expect(lease(run.state).clients[A]!.leading).toBe(false);
    expect(eventsOfType(run.events, 'LeadershipLost').find((e) => e.node === A)).toMatchObject({ reason: 'fenced' });
    expect(lease(run.state).storage.recent.map((w) => w.accepted)).toEqual([true, true, false]);
    expectReplayMatches(run);
  });
});

describe('classic: the version check and the release', () => {
  it('a candidate holding an old version is told to look again (stale-version) and wins on its retry', () => {
    const run = leaseRun(LEASE_SEED_PRESETS.renewEvery5s, 3);
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    act(run, { type: 'Acquire', node: C }); // C learns version 1
    tickTo(run, 5000);
    act(run, { type: 'Renew', node: A }); // version 2
    tickTo(run, 7000);
    act(run, { type: 'CrashNode', node: A });
    tickChecked(run, 16_000); // expired at 16000
    act(run, { type: 'Acquire', node: C });
    tickChecked(run, 18_000);
    expect(lastReply(run, C)).toMatchObject({ kind: 'LeaseRefusal', code: 'stale-version', version: 2 });
    act(run, { type: 'Acquire', node: C });
    tickChecked(run, 20_000);
    expect(lease(run.state).lock).toMatchObject({ holder: C, version: 3, token: 2 });
    expect(ticker(run)).toContain('C\'s acquire carried an old version (the lease is at 2): refused, look again (L4).');
    expectReplayMatches(run);
  });

  it('a release frees the lease at once: a candidate takes it long before the old expiry', () => {
    const run = leaseRun(undefined, 3); // 30 s lease
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    act(run, { type: 'Acquire', node: B });
    tickTo(run, 4000);
    const oldExpiry = lease(run.state).lock.expiresAt!;
    act(run, { type: 'Release', node: A });
    tickTo(run, 5000);
    expect(lease(run.state).lock.holder).toBeNull();
    expect(run.state.now).toBeLessThan(oldExpiry);
    // B last saw version 1; the release made it 2, so B's first try is a conflict.
    act(run, { type: 'Acquire', node: B });
    tickTo(run, 7000);
    act(run, { type: 'Acquire', node: B });
    tickTo(run, 9000);
    expect(lease(run.state).lock).toMatchObject({ holder: B, token: 2, transitions: 2 });
    expect(lease(run.state).clients[B]!.leading).toBe(true);
    expect(run.state.now).toBeLessThan(oldExpiry);
    expect(ticker(run)).toContain('A released the lease: it is free at once (L3).');
    expectReplayMatches(run);
  });
});
