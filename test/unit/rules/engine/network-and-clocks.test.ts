/**
 * The cluster model every algorithm shares: time, the network, node liveness and the
 * host's faults (SPEC C-rules). Raft is used as the host algorithm, but nothing here
 * depends on its rules beyond "a heartbeat reaches peers".
 */
import { describe, expect, it } from 'vitest';
import { act, eventsOfType, expectReplayMatches, refused, start, tickBy, tickTo } from '../harness';
import { localTime } from '../../../../shared/rules/clock';
import type { ClusterState, Message } from '../../../../shared/rules/types';

function quietCluster(seed = 7) {
  // No jitter, so delivery times are exact; timeouts long enough not to interfere.
  return start({ algorithm: 'raft', nodeCount: 5, seed, network: { delayMs: 1000, jitterMs: 0, dropRate: 0 } });
}

function inFlight(state: ClusterState): Message[] {
  return state.network.inFlight;
}

describe('common rules of the cluster model', () => {
  it('C0: time only moves forward through Tick, and a Tick with nothing due changes only the clock', () => {
    const run = quietCluster();
    const events = tickTo(run, 500);
    expect(events).toEqual([{ type: 'ClockAdvanced', to: 500 }]);
    expect(run.state.now).toBe(500);
    expect(tickTo(run, 400)).toEqual([]);
    expect(run.state.now).toBe(500);
  });

  it('C1: a crashed node cannot act, and messages to it are dropped on arrival', () => {
    const run = quietCluster();
    act(run, { type: 'CrashNode', node: 2 });
    refused(run, { type: 'CrashNode', node: 2 }, 'already-crashed');
    const refusal = refused(run, { type: 'StandForElection', node: 2 } as never, 'node-crashed');
    expect(refusal.rule).toBe('C1');
    refused(run, { type: 'RestartNode', node: 1 }, 'not-crashed');
    act(run, { type: 'RestartNode', node: 2 });
    expect(run.state.nodes[2]?.status).toBe('live');
    expectReplayMatches(run);
  });

  it('C2: a paused node cannot act, its clock stands still, and messages to it wait until it resumes', () => {
    const run = quietCluster();
    tickTo(run, 1000);
    act(run, { type: 'PauseNode', node: 1 });
    const refusal = refused(run, { type: 'StandForElection', node: 1 } as never, 'node-paused');
    expect(refusal.rule).toBe('C2');
    tickBy(run, 8000);
    const clock = run.state.nodes[1]!.clock;
    expect(localTime(clock, run.state.now)).toBe(1000);
    act(run, { type: 'ResumeNode', node: 1 });
    tickBy(run, 1000);
    // After an 8 s pause the node's clock lags the room's by 8 s (a GC pause is invisible to the process).
    expect(run.state.now - localTime(run.state.nodes[1]!.clock, run.state.now)).toBe(8000);
    refused(run, { type: 'ResumeNode', node: 1 }, 'not-paused');
    expectReplayMatches(run);
  });

  it('C3: a skewed clock runs at its own rate from the moment of the skew, not retroactively', () => {
    const run = quietCluster();
    tickTo(run, 10_000);
    act(run, { type: 'SkewClock', node: 0, rate: 1.5, offsetMs: 2000 });
    tickTo(run, 20_000);
    expect(localTime(run.state.nodes[0]!.clock, run.state.now)).toBe(10_000 + 2000 + 15_000);
    refused(run, { type: 'SkewClock', node: 0, rate: 0 }, 'bad-parameter');
    refused(run, { type: 'SkewClock', node: 9, rate: 1 }, 'unknown-node');
    expectReplayMatches(run);
  });

  it('C4: a partition drops messages that cross it on arrival, and healing restores delivery', () => {
    const run = quietCluster();
    act(run, { type: 'Partition', groups: [[0, 1], [2, 3, 4]] });
    refused(run, { type: 'Partition', groups: [[0, 1], [1, 2]] }, 'bad-partition');
    refused(run, { type: 'Partition', groups: [[0, 1, 2, 3, 4]] }, 'bad-partition');
    // Force node 0 to stand: run until its election timer fires, then stand.
    tickTo(run, 31_000);
    const before = run.state.stats.messagesDropped;
    act(run, { type: 'StandForElection', node: 0 } as never);
    const sent = inFlight(run.state).filter((m) => m.from === 0);
    expect(sent.length).toBe(4);
    tickBy(run, 1000);
    // The requests to 2, 3, 4 crossed the partition; the one to 1 arrived.
    expect(run.state.stats.messagesDropped - before).toBeGreaterThanOrEqual(3);
    act(run, { type: 'HealPartition' });
    refused(run, { type: 'HealPartition' }, 'not-partitioned');
    expectReplayMatches(run);
  });

  it('C5: a slow link delays only its own direction', () => {
    const run = quietCluster();
    act(run, { type: 'SetLink', from: 0, to: 1, delayMs: 5000 });
    tickTo(run, 31_000);
    act(run, { type: 'StandForElection', node: 0 } as never);
    const toOne = inFlight(run.state).find((m) => m.from === 0 && m.to === 1)!;
    const toTwo = inFlight(run.state).find((m) => m.from === 0 && m.to === 2)!;
    expect(toOne.deliverAt - toOne.sentAt).toBe(5000);
    expect(toTwo.deliverAt - toTwo.sentAt).toBe(1000);
    refused(run, { type: 'SetLink', from: 0, to: 0, delayMs: 1 }, 'unknown-node');
    refused(run, { type: 'SetLink', from: 0, to: 1, dropRate: 2 }, 'bad-parameter');
    expectReplayMatches(run);
  });

  it('C6: the host can drop a single message in flight by hand', () => {
    const run = quietCluster();
    tickTo(run, 31_000);
    act(run, { type: 'StandForElection', node: 0 } as never);
    const victim = inFlight(run.state)[0]!;
    const events = act(run, { type: 'DropMessage', id: victim.id });
    expect(eventsOfType(events, 'MessageDropped')[0]?.reason).toBe('byHand');
    refused(run, { type: 'DropMessage', id: victim.id }, 'no-such-message');
    expectReplayMatches(run);
  });

  it('C7: with a drop rate of 1 every message is lost, decided by the seeded PRNG', () => {
    const run = quietCluster();
    act(run, { type: 'SetNetwork', dropRate: 1 });
    tickTo(run, 31_000);
    act(run, { type: 'StandForElection', node: 0 } as never);
    const events = tickBy(run, 2000);
    const dropped = eventsOfType(events, 'MessageDropped').filter((e) => e.reason === 'lost');
    expect(dropped.length).toBe(4);
    expect(eventsOfType(events, 'MessageDelivered').length).toBe(0);
    expectReplayMatches(run);
  });

  it('C8: the same seed and commands give byte-identical states; another seed differs', () => {
    const script = (seed: number) => {
      const run = start({ algorithm: 'raft', nodeCount: 5, seed });
      tickTo(run, 60_000);
      return JSON.stringify(run.state);
    };
    expect(script(42)).toBe(script(42));
    expect(script(42)).not.toBe(script(43));
  });
});
