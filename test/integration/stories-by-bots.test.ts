/**
 * Issue 8, "the same stories played by bots alone reach it too": each story, started with
 * one command in a class of five diligent bots and left to run on the room clock, reaches
 * the lecture's outcome. Outcomes are read from the log (the rule events) and the folded
 * room, never from the story's own claims.
 */
import { describe, expect, it } from 'vitest';
import { gameScreenView } from '../../shared/game/screen-view';
import { foldRoom } from '../../shared/room';
import { STORIES } from '../../shared/stories/index';
import { playStoryByBots, ruleEvents, type StoryRun } from './story-driver';

const of = (run: StoryRun, type: string) => ruleEvents(run.log).filter((e) => e.type === type);
const screen = (run: StoryRun) => gameScreenView(run.room, run.finishedAt ?? 0, [])!;

describe('each story played by bots alone reaches the lecture\'s outcome', () => {
  it('Bully: 5 crashes, 4 (the highest live rank) announces itself coordinator', () => {
    const run = playStoryByBots('bully-captain-down');
    expect(run.finishedAt).not.toBeNull();
    expect(of(run, 'NodeCrashed').map((e) => e.node)).toEqual([4]);
    expect(of(run, 'CoordinatorAnnounced').map((e) => e.node)).toEqual([3]);
    expect(screen(run).teams[0]!.nodes.filter((n) => n.status === 'live').every((n) => n.leader === '4')).toBe(true);
  });

  it('Raft: A crashes, B and C both stand, B wins term 2 with 3 votes', () => {
    const run = playStoryByBots('raft-captain-down');
    expect(run.finishedAt).not.toBeNull();
    expect(of(run, 'NodeCrashed').map((e) => e.node)).toEqual([0]);
    expect(of(run, 'ElectionStarted').map((e) => e.node).sort()).toEqual([1, 2]);
    expect(of(run, 'LeaderElected')).toEqual([expect.objectContaining({ node: 1, term: 2, votes: 3 })]);
    expect(screen(run).teams[0]!.nodes.filter((n) => n.role === 'leader').map((n) => n.label)).toEqual(['B']);
  });

  it('Lease takeover: A holds the lease and crashes; B acquires it only after it expired', () => {
    const run = playStoryByBots('lease-takeover');
    expect(run.finishedAt).not.toBeNull();
    const [first, second] = of(run, 'LeaseAcquired');
    expect([first?.node, second?.node]).toEqual([0, 1]);
    const expired = of(run, 'LeaseExpired');
    expect(expired.map((e) => e.node)).toEqual([0]);
    expect(screen(run).teams[0]!.lease).toMatchObject({ holder: 'B', token: 2 });
  });

  it('The renewal arrives late: A\'s renewal is refused (a false failover), B holds the lease while A still believes it leads', () => {
    const run = playStoryByBots('lease-late-renewal');
    expect(run.finishedAt).not.toBeNull();
    expect(of(run, 'LeaseRequestRefused').filter((e) => e.node === 0 && e.request === 'renew').map((e) => e.code)[0]).toMatch(/renewal-late|lease-not-yours/);
    expect(of(run, 'LeaseAcquired').map((e) => e.node)).toEqual([0, 1]);
    expect(run.room.round!.story!.punches.map((p) => p.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Two leaders at once/)]));
    expect(of(run, 'LeadershipLost').some((e) => e.node === 0)).toBe(true);
  });

  it('GC pause without fencing: A wakes after 8 s and writes with its stale token; storage accepts it: split brain', () => {
    const run = playStoryByBots('lease-gc-unfenced');
    expect(run.finishedAt).not.toBeNull();
    const paused = run.log.find((e) => e.type === 'ClusterEvents' && e.events.some((x) => x.type === 'NodePaused'));
    const resumed = run.log.find((e) => e.type === 'ClusterEvents' && e.events.some((x) => x.type === 'NodeResumed'));
    expect(resumed!.at - paused!.at).toBeGreaterThanOrEqual(8000);
    expect(of(run, 'StorageWriteAccepted').filter((e) => e.node === 0 && e.stale === true)).toHaveLength(1);
    expect(of(run, 'SplitBrainDetected')).toHaveLength(1);
    expect(screen(run).teams[0]!.alerts.join(' ')).toMatch(/Split brain/);
  });

  it('GC pause with fencing: two leaders at once, then the storage refuses A\'s token 1 and A steps down', () => {
    const run = playStoryByBots('lease-gc-fenced');
    expect(run.finishedAt).not.toBeNull();
    expect(of(run, 'StorageWriteRefused')).toEqual([expect.objectContaining({ node: 0, token: 1, highestToken: 2 })]);
    expect(of(run, 'SplitBrainDetected')).toHaveLength(0);
    expect(of(run, 'LeadershipLost').find((e) => e.node === 0)).toMatchObject({ reason: 'fenced' });
    expect(screen(run).story!.punches).toEqual([expect.stringMatching(/^Two leaders at once: A still writes with token 1 while B holds the lease with token 2/), expect.stringMatching(/^The storage refused token 1: fencing/)]);
  });

  it('Raft split vote: B and C split the votes 2-2 in term 2, nobody leads it; C wins term 3', () => {
    const run = playStoryByBots('raft-split-vote');
    expect(run.finishedAt).not.toBeNull();
    const term2 = of(run, 'VoteCounted').filter((e) => e.term === 2);
    expect(term2.filter((e) => e.node === 1).map((e) => e.voter)).toEqual([3]);
    expect(term2.filter((e) => e.node === 2).map((e) => e.voter)).toEqual([4]);
    expect(of(run, 'LeaderElected')).toEqual([expect.objectContaining({ node: 2, term: 3 })]);
  });

  it('Raft stale leader: C is elected by the majority while A still leads the minority; after the heal A steps down', () => {
    const run = playStoryByBots('raft-stale-leader');
    expect(run.finishedAt).not.toBeNull();
    expect(of(run, 'LeaderElected')).toEqual([expect.objectContaining({ node: 2, term: 2, votes: 3 })]);
    expect(run.room.round!.story!.punches[0]).toMatchObject({ text: expect.stringMatching(/^Two leaders/) });
    expect(of(run, 'TermAdopted').some((e) => e.node === 0 && e.term === 2)).toBe(true);
    expect(screen(run).teams[0]!.nodes.filter((n) => n.role === 'leader').map((n) => n.label)).toEqual(['C']);
  });

  it('every story\'s log folds from scratch to the same room, story and cues included (restart and replay are the same fold)', () => {
    for (const story of STORIES) {
      const run = playStoryByBots(story.id);
      expect(run.room.round!.story!.status).toBe('finished');
      expect(foldRoom([...run.prelude, ...run.log])).toEqual(run.room);
    }
  });
});
