/**
 * Timed faults (issue 8): a crash, GC pause, slow link or partition "for N seconds" ends
 * by itself when the room clock reaches its end, and a replay of the log does the same.
 */
import { describe, expect, it } from 'vitest';
import { act, eventsOfType, expectReplayMatches, refused, start, tickTo } from '../harness';
import { linkKey } from '../../../../shared/rules/network';

function quietCluster() {
  return start({ algorithm: 'raft', nodeCount: 5, seed: 3, network: { delayMs: 1000, jitterMs: 0, dropRate: 0 } });
}

describe('timed faults end by themselves on the room clock', () => {
  it('C9: a crash for 10 s restarts the node when the room clock reaches the end, not before', () => {
    const run = quietCluster();
    act(run, { type: 'CrashNode', node: 1, forMs: 10_000 });
    expect(run.state.scheduled).toEqual([{ at: 10_000, undo: { type: 'RestartNode', node: 1 } }]);
    tickTo(run, 9_999);
    expect(run.state.nodes[1]?.status).toBe('crashed');
    const events = tickTo(run, 10_000);
    expect(eventsOfType(events, 'FaultEndReached')).toHaveLength(1);
    expect(eventsOfType(events, 'NodeRestarted')).toEqual([{ type: 'NodeRestarted', node: 1 }]);
    expect(run.state.nodes[1]?.status).toBe('live');
    expect(run.state.scheduled).toEqual([]);
    expectReplayMatches(run);
  });

  it('a GC pause for 8 s resumes the node at 8 s (C2), even when its own timers are frozen', () => {
    const run = quietCluster();
    tickTo(run, 1_000);
    act(run, { type: 'PauseNode', node: 0, forMs: 8_000 });
    tickTo(run, 8_500);
    expect(run.state.nodes[0]?.status).toBe('paused');
    tickTo(run, 9_000);
    expect(run.state.nodes[0]?.status).toBe('live');
    expectReplayMatches(run);
  });

  it('a partition for 5 s heals itself, and a slow link for 5 s is restored both ways', () => {
    const run = quietCluster();
    act(run, { type: 'Partition', groups: [[0, 1], [2, 3, 4]], forMs: 5_000 });
    act(run, { type: 'SetLink', from: 0, to: 2, delayMs: 4_000, bothWays: true, forMs: 3_000 });
    expect(run.state.scheduled?.map((s) => s.at)).toEqual([3_000, 5_000]);
    tickTo(run, 3_000);
    expect(run.state.network.links[linkKey(0, 2)]).toEqual({});
    expect(run.state.network.links[linkKey(2, 0)]).toEqual({});
    expect(run.state.network.partition).not.toBeNull();
    tickTo(run, 5_000);
    expect(run.state.network.partition).toBeNull();
    expectReplayMatches(run);
  });

  it('an end the host already undid by hand changes nothing (the undo is refused silently)', () => {
    const run = quietCluster();
    act(run, { type: 'CrashNode', node: 2, forMs: 4_000 });
    act(run, { type: 'RestartNode', node: 2 });
    const events = tickTo(run, 4_000);
    expect(eventsOfType(events, 'NodeRestarted')).toEqual([]);
    expect(run.state.scheduled).toEqual([]);
  });

  it('C9: a duration that is not above 0 or longer than ten minutes is refused, and nothing happens', () => {
    const run = quietCluster();
    refused(run, { type: 'CrashNode', node: 1, forMs: 0 }, 'bad-parameter');
    refused(run, { type: 'PauseNode', node: 1, forMs: 600_001 }, 'bad-parameter');
    expect(run.state.nodes[1]?.status).toBe('live');
    expect(run.state.scheduled).toBeUndefined();
  });
});
