/** Given/when/then for Bully's setup, heartbeat, suspicion and crashes (B7, B8, B9; C0-C2). */
import { describe, expect, it } from 'vitest';
import { paramsInForce } from '../../../../shared/rules/registry';
import { act, eventsOfType, expectReplayMatches, refused, tickTo } from '../harness';
import { R, bully, coordinatorDown, crash, declare, expectInvariants, nodeOf, sendAlive, startBully, startElection } from './helpers';

describe('initial state', () => {
  it('starts with a working cluster: the highest rank is coordinator and everyone knows it', () => {
    const run = startBully(5);
    for (let rank = 1; rank <= 5; rank++) expect(nodeOf(run, rank).coordinator).toBe(R(5));
    expect(run.state.nodes[R(5)]?.timers.heartbeat).toBe(5_000);
    expect(run.state.nodes[R(1)]?.timers.suspicion).toBe(15_000);
    expect(bully(run).params).toEqual({ heartbeatMs: 5_000, suspicionMs: 15_000, answerTimeoutMs: 15_000, coordinatorTimeoutMs: 30_000 });
    expectInvariants(run);
  });
});

describe('parameters', () => {
  it('partial params override the defaults', () => {
    const run = startBully(3, { answerTimeoutMs: 4_000 });
    expect(bully(run).params).toEqual({ heartbeatMs: 5_000, suspicionMs: 15_000, answerTimeoutMs: 4_000, coordinatorTimeoutMs: 30_000 });
  });

  it('G9: nonsense is refused with a sentence, never replaced by a default', () => {
    const answer = paramsInForce('bully', { suspicionMs: -1 });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.refusal).toMatchObject({ code: 'bad-parameter', rule: 'G9', message: expect.stringContaining('suspicionMs') });
    expect(paramsInForce('bully', { heartbeatMs: 'x' }).ok).toBe(false);
    // B2: "I'm alive" must come before the others suspect the coordinator.
    expect(paramsInForce('bully', { heartbeatMs: 20_000 }).ok).toBe(false);
  });

  it('a one-node cluster is its own coordinator', () => {
    const run = startBully(1);
    expect(nodeOf(run, 1).coordinator).toBe(0);
    sendAlive(run, 1);
    expectInvariants(run);
  });
});

describe('B7: only the coordinator says "I\'m alive"', () => {
  it('B7: the coordinator sends ALIVE to every peer and its reminder restarts', () => {
    const run = startBully(5);
    tickTo(run, 4_000);
    const events = sendAlive(run, 5);
    const sent = eventsOfType(events, 'MessagesSent')[0]?.messages ?? [];
    expect(sent.map((m) => m.to)).toEqual([0, 1, 2, 3]);
    expect(sent.every((m) => m.payload.kind === 'ALIVE')).toBe(true);
    expect(run.state.nodes[R(5)]?.timers.heartbeat).toBe(9_000);
  });

  it('B7: a node that does not believe it is coordinator is refused not-coordinator', () => {
    const run = startBully(5);
    const refusal = refused(run, { type: 'SendAlive', node: R(3) }, 'not-coordinator');
    expect(refusal.rule).toBe('B7');
    expect(refusal.message).toContain('node 5');
  });
});

describe('B8: failure suspicion', () => {
  it('B8: after 15 s without ALIVE a node suspects the coordinator (automatic)', () => {
    const run = startBully(5);
    tickTo(run, 14_999);
    expect(nodeOf(run, 1).suspecting).toBe(false);
    const events = tickTo(run, 15_000);
    expect(eventsOfType(events, 'CoordinatorSuspected').map((e) => e.node)).toEqual([0, 1, 2, 3]);
    expect(nodeOf(run, 4).suspecting).toBe(true);
    expectInvariants(run);
  });

  it('B8: ALIVE from the coordinator restarts the timer and clears a suspicion', () => {
    const run = startBully(5);
    tickTo(run, 15_000);
    sendAlive(run, 5);
    tickTo(run, 16_000);
    expect(nodeOf(run, 2).suspecting).toBe(false);
    expect(run.state.nodes[R(2)]?.timers.suspicion).toBe(31_000);
    expectReplayMatches(run);
  });

  it('B8: ALIVE from a node that is not my coordinator does not reassure me', () => {
    const run = coordinatorDown(5);
    startElection(run, 4);
    tickTo(run, 30_000);
    const sent = eventsOfType(declare(run, 4), 'MessagesSent')[0]?.messages ?? [];
    const toRank3 = sent.find((m) => m.to === R(3));
    act(run, { type: 'DropMessage', id: toRank3?.id ?? -1 }); // rank 3 never hears the COORDINATOR
    sendAlive(run, 4);
    tickTo(run, 31_000);
    expect(nodeOf(run, 3)).toMatchObject({ coordinator: R(5), suspecting: true });
    expect(nodeOf(run, 2)).toMatchObject({ coordinator: R(4), suspecting: false });
    expectInvariants(run);
  });
});

describe('B9, C1, C2: crashes, restarts, pauses', () => {
  it('B9: a crash loses every volatile belief; messages to the crashed node are lost', () => {
    const run = coordinatorDown(5);
    startElection(run, 2);
    crash(run, 2);
    expect(nodeOf(run, 2)).toMatchObject({ coordinator: null, phase: 'idle', electionsHeard: [] });
    expect(bully(run).electingCount).toBe(0);
    expect(refused(run, { type: 'StartElection', node: R(2) }, 'node-crashed').rule).toBe('C1');
    expectInvariants(run);
  });

  it('C2: a paused node cannot act, and its T does not run while paused', () => {
    const run = coordinatorDown(5);
    startElection(run, 4);
    act(run, { type: 'PauseNode', node: R(4) });
    refused(run, { type: 'DeclareCoordinator', node: R(4) }, 'node-paused');
    tickTo(run, 40_000);
    act(run, { type: 'ResumeNode', node: R(4) });
    expect(nodeOf(run, 4).phase).toBe('awaitingAnswer');
    tickTo(run, 40_000 + 15_000);
    expect(nodeOf(run, 4).phase).toBe('mayDeclare');
    expectInvariants(run);
    expectReplayMatches(run);
  });
});
