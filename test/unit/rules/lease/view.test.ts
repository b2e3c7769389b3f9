/** What a Lease player sees and may do, and the ticker's words. */
import { describe, expect, it } from 'vitest';
import { act, tickTo } from '../harness';
import { evolve } from '../../../../shared/rules/engine';
import { narrateLease } from '../../../../shared/rules/lease/narrate';
import { answeredMoves as leaseMoves } from '../../../../shared/rules/answered-moves';
import { leaseNodeView } from '../../../../shared/rules/lease/view';
import { lease, leaseRun } from './helpers';

const [A, B] = [0, 1];

describe('leaseNodeView', () => {
  it('shows a node its own belief, token, known version and timers on its own clock', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    const view = leaseNodeView(lease(run.state), A)!;
    expect(view).toMatchObject({
      algorithm: 'lease', index: A, label: 'A', status: 'live', localNow: 2000, leading: true, leadsForMs: 18_000, token: 1,
      knownVersion: 1, knownHolder: A, timers: { retry: 3000, renewDeadline: 18_000 },
    });
    expect(view.inbox.at(-1)?.payload).toMatchObject({ kind: 'LeaseGrant', token: 1 });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('never leaks the lock\'s truth: another node knows only what replies told it', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    const view = leaseNodeView(lease(run.state), B)!;
    expect(view).toMatchObject({ leading: false, leadsForMs: null, token: null, knownVersion: 0, knownHolder: null, timers: { renewDeadline: null } });
    for (const key of ['lock', 'storage', 'clients', 'monitor', 'network', 'nodes']) expect(view).not.toHaveProperty(key);
  });

  it('counts down on the node\'s own clock: a slow clock shows more time left', () => {
    const run = leaseRun();
    act(run, { type: 'SkewClock', node: A, rate: 0.5 });
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 4000);
    expect(leaseNodeView(lease(run.state), A)).toMatchObject({ localNow: 2000, leadsForMs: 18_000 });
  });

  it('returns null for a node that does not exist', () => {
    expect(leaseNodeView(lease(leaseRun().state), 9)).toBeNull();
  });
});

describe('leaseMoves', () => {
  it('a holder may renew, release and write, but not acquire again', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    const before = JSON.stringify(run.state);
    const moves = leaseMoves(lease(run.state), A);
    expect(moves.map((m) => [m.command.type, m.allowed, m.refusal?.code ?? null])).toEqual([
      ['Acquire', false, 'already-holder'], ['Renew', true, null], ['Release', true, null], ['Write', true, null],
    ]);
    expect(JSON.stringify(run.state)).toBe(before); // a dry run
  });

  it('a candidate may only try to acquire', () => {
    const moves = leaseMoves(lease(leaseRun().state), B);
    expect(moves.map((m) => [m.command.type, m.allowed, m.refusal?.code ?? null])).toEqual([
      ['Acquire', true, null], ['Renew', false, 'not-holder'], ['Release', false, 'not-holder'], ['Write', false, 'not-leader'],
    ]);
  });

  it('a paused node may do nothing (C2)', () => {
    const run = leaseRun();
    act(run, { type: 'PauseNode', node: A });
    expect(leaseMoves(lease(run.state), A).every((m) => !m.allowed && m.refusal?.code === 'node-paused')).toBe(true);
  });
});

describe('narrateLease', () => {
  it('stays silent on noise: clock ticks, timers, messages, and a waiting candidate\'s routine refusal', () => {
    const run = leaseRun();
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    act(run, { type: 'Acquire', node: B });
    tickTo(run, 4000);
    let state = run.initial;
    const spoken: string[] = [];
    for (const event of run.events) {
      const next = evolve(state, event);
      const line = narrateLease(event, lease(state), lease(next));
      if (line) spoken.push(`${event.type}: ${line}`);
      else expect(['ClockAdvanced', 'MessagesSent', 'MessageDelivered', 'TimerSet', 'TimerFired', 'LeaseObserved', 'LeaseRequestRefused']).toContain(event.type);
      state = next;
    }
    expect(spoken).toEqual([
      'LeaseAcquired: A acquired the lease (fencing token 1, version 1); it lasts 30.0 s unless renewed (L1).',
      'LeadershipBelieved: A now believes it leads (token 1).',
    ]);
  });
});
