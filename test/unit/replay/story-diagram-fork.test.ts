/**
 * The lecture's story (A leads, the host crashes A, B is elected, C stands too early)
 * as the player draws it: markers with their kind and moment, the space-time diagram's
 * lanes, arrows and faults, and a fork from the crash that folds into the same clusters.
 */
import { describe, expect, it } from 'vitest';
import { projectTo } from '../../../shared/game/seat-view';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { decideFork, forkSourceAt } from '../../../shared/replay/fork';
import { sliceRound } from '../../../shared/replay/rounds';
import { buildTimeline, seek } from '../../../shared/replay/timeline';
import { HOST, hash } from '../room/given';
import { lectureStory } from './scripted-round';

const story = () => {
  const { log, crashAt } = lectureStory();
  return { log, crashAt, timeline: buildTimeline(sliceRound(log, 1)!) };
};

describe('markers and the space-time diagram of the lecture story', () => {
  it('markers: the crash (and the lost leader) at the crash, then B elected, then the refused stand', () => {
    const { timeline, crashAt } = story();
    expect(timeline.markers.map((m) => [m.kind, m.at >= crashAt])).toEqual([['leader-lost', true], ['crash', true], ['leader', true], ['refused', true]]);
    expect(timeline.markers[1]!.at).toBe(crashAt);
    expect(timeline.markers[3]).toMatchObject({ node: 2, team: 0 });
  });

  it('diagram: A is down from the crash on; B goes follower -> candidate -> leader; the vote request to A is lost', () => {
    const { timeline, crashAt } = story();
    const diagram = timeline.diagram!;
    expect(diagram.faults).toEqual([{ team: 0, node: 0, kind: 'crashed', from: crashAt, to: null }]);
    expect(diagram.bands.filter((b) => b.node === 1).map((b) => b.role)).toEqual(['follower', 'candidate', 'leader']);
    const requests = diagram.messages.filter((m) => m.kind === 'RequestVote' && m.from === 1);
    expect(requests.map((m) => [m.to, m.outcome])).toEqual([[0, 'crashed'], [2, 'delivered']]);
    for (const m of requests) expect(m.endAt!).toBeGreaterThan(m.sentAt);
  });
});

describe('fork from a replayed moment', () => {
  const afterRound = (log: { event: RoomEvent }[]) => log.reduce<RoomState | null>((room, row) => evolveRoom(room, row.event), null)!;

  it('only the host, and not during a live round', () => {
    const { log, timeline, crashAt } = story();
    const room = afterRound(log);
    expect(decideFork(room, { at: 1, hostTokenHash: hash('someone'), source: forkSourceAt(timeline, crashAt) }).refusal?.code).toBe('not-host');
    const live = afterRound(log.slice(0, -1));
    expect(decideFork(live, { at: 1, hostTokenHash: HOST, source: forkSourceAt(timeline, crashAt) }).refusal?.code).toBe('round-running');
  });

  it('round 2 starts from the clusters at t, names its source, and folds like any round', () => {
    const { log, timeline, crashAt } = story();
    const room = afterRound(log);
    const decision = decideFork(room, { at: 99, hostTokenHash: HOST, source: forkSourceAt(timeline, crashAt) });
    expect(decision.ok).toBe(true);
    const started = decision.events[0]!;
    const { room: source, index } = seek(timeline, crashAt);
    expect(started).toMatchObject({ type: 'RoundStarted', round: 2, forkedFrom: { round: 1, seq: timeline.rows.seq[index]!, roomTime: crashAt } });
    const forked = evolveRoom(room, started as RoomEvent)!;
    expect(forked.round!.teams[0]!.cluster).toEqual(projectTo(source.round!.teams[0]!.cluster, crashAt));
    expect(forked.round!.teams[0]!.members).toEqual([1, 2, 3]);
    expect(forked.round!.clock.roomTime).toBe(crashAt);
    expect(forked.round!.teams[0]!.cluster.nodes[0]!.status).toBe('crashed');
  });
});
