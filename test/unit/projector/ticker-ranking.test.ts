/**
 * Issue 8: the ticker ranks events (leader change, split brain, stale write, commit,
 * crash) above routine ones (votes, heartbeats), groups repeats ("3 votes for B") and
 * keeps the headline until something more important happens.
 */
import { describe, expect, it } from 'vitest';
import { HEADLINE_HOLD_MS, rankEvent, tell, type TickerState } from '../../../shared/game/ticker';
import { ALARM, HEADLINE, NOTABLE, routine } from '../../../shared/rules/ticker-rank';
import type { ClusterState, Event } from '../../../shared/rules/types';
import { seeded } from '../rules/raft/helpers';
import { leaseRun } from '../rules/lease/helpers';
import { startBully } from '../rules/bully/helpers';
import { classroom, crash, play, tickUntil } from '../scoring/play-log';

const empty: TickerState = { lines: [], headline: null };
const vote = (n: number) => ({ text: `Voter ${n} voted for B in term 2.`, rank: routine('vote:1:2', '{n} votes for B in term 2.') });

describe('ticker ranking (pure)', () => {
  it('repeats group into one line: "3 votes for B in term 2"', () => {
    let t = empty;
    for (let i = 0; i < 3; i++) t = tell(t, 1000 + i, vote(i).text, vote(i).rank);
    expect(t.lines.map((l) => [l.text, l.count])).toEqual([['3 votes for B in term 2.', 3]]);
  });

  it('a repeat joins its group across a few other lines, and the group moves to the newest place', () => {
    let t = tell(empty, 0, 'C voted for B in term 2.', routine('vote:1:2', '{n} votes for B in term 2.'));
    t = tell(t, 10, 'A sent a heartbeat.', routine('hb:0:1', '{n} heartbeats from A in term 1.'));
    t = tell(t, 20, 'D voted for B in term 2.', routine('vote:1:2', '{n} votes for B in term 2.'));
    expect(t.lines.map((l) => l.text)).toEqual(['A sent a heartbeat.', '2 votes for B in term 2.']);
  });

  it('the headline stays on the leader change while votes and heartbeats keep coming', () => {
    let t = tell(empty, 0, 'B became leader of term 2 with 3 of 5 votes.', HEADLINE);
    for (let i = 1; i <= 6; i++) t = tell(t, i * 1000, `A heartbeat ${i}.`, routine('hb', '{n} heartbeats from B in term 2.'));
    t = tell(t, 7000, 'C stood for election in term 3.', NOTABLE);
    expect(t.headline?.text).toBe('B became leader of term 2 with 3 of 5 votes.');
    expect(t.lines[t.lines.length - 1]?.text).toBe('C stood for election in term 3.');
  });

  it('something as important replaces it; an alarm beats everything; a notable line takes over only after the hold', () => {
    let t = tell(empty, 0, 'B became leader of term 2.', HEADLINE);
    t = tell(t, 1000, 'The captain is down: leader B of term 2 crashed.', HEADLINE);
    expect(t.headline?.text).toBe('The captain is down: leader B of term 2 crashed.');
    t = tell(t, 2000, 'Split brain: A and C act as leader at once.', ALARM);
    t = tell(t, 3000, 'D became leader of term 3.', HEADLINE);
    expect(t.headline?.text).toBe('Split brain: A and C act as leader at once.');
    t = tell(t, 2000 + HEADLINE_HOLD_MS - 1, 'E stood for election.', NOTABLE);
    expect(t.headline?.text).toBe('Split brain: A and C act as leader at once.');
    t = tell(t, 2000 + HEADLINE_HOLD_MS, 'E stood for election again.', NOTABLE);
    expect(t.headline?.text).toBe('E stood for election again.');
    t = tell(t, 2000 + HEADLINE_HOLD_MS * 3, 'A heartbeat.', routine('hb', '{n} heartbeats'));
    expect(t.headline?.text).toBe('E stood for election again.');
  });
});

describe('ticker ranking of real events, through the registry', () => {
  const rank = (state: ClusterState, event: Event) => rankEvent(event, state, state).weight;
  it('Raft: leader elected and commits are headlines, votes and heartbeats routine, a crash is a headline', () => {
    const s = seeded().state;
    expect(rank(s, { type: 'LeaderElected', node: 1, term: 2, votes: 3, clusterSize: 5 } as Event)).toBe(2);
    expect(rank(s, { type: 'CommitAdvanced', node: 1, commitIndex: 1 } as unknown as Event)).toBe(2);
    expect(rank(s, { type: 'VoteGranted', node: 2, candidate: 1, term: 2 } as Event)).toBe(0);
    expect(rank(s, { type: 'NodeCrashed', node: 3 } as Event)).toBe(2);
    expect(rank(s, { type: 'ElectionStarted', node: 1, term: 2 } as unknown as Event)).toBe(1);
  });
  it('Bully: a coordinator announced is a headline, an OK routine; Lease: a stale write is an alarm, a renewal routine', () => {
    const b = startBully(5).state;
    expect(rank(b, { type: 'CoordinatorAnnounced', node: 3, round: 1 } as Event)).toBe(2);
    expect(rank(b, { type: 'ElectionAnswered', node: 4, to: 1, round: 1 } as Event)).toBe(0);
    const l = leaseRun().state;
    expect(rank(l, { type: 'StorageWriteAccepted', node: 0, value: 'x', token: 1, stale: true } as Event)).toBe(3);
    expect(rank(l, { type: 'SplitBrainDetected', nodes: [1, 0], tokens: [2, 1], since: [0, 0] } as Event)).toBe(3);
    expect(rank(l, { type: 'LeaseRenewed', node: 0, version: 2, expiresAt: 1 } as Event)).toBe(0);
  });
});

describe('the game folds the ranked ticker from the log', () => {
  it('Raft lecture: after A crashes and B wins, the headline is B leading; heartbeats fold into one line', () => {
    const table = classroom(5);
    crash(table, 0);
    expect(table.state.round!.teams[0]!.headline?.text).toMatch(/captain is down/);
    expect(tickUntil(table, (e) => e.type === 'ElectionTimerExpired' && e.node === 1)).toBe(true);
    play(table, 2, { type: 'StandForElection' });
    tickUntil(table, (e) => e.type === 'MessagesSent', 3000);
    tickUntil(table, (e) => e.type === 'VoteRequested' || e.type === 'MessageDelivered', 3000);
    for (const voter of [3, 4, 5]) play(table, voter, { type: 'GrantVote', candidate: 1 });
    tickUntil(table, (e) => e.type === 'LeaderElected', 5000);
    const team = () => table.state.round!.teams[0]!;
    expect(team().headline?.text).toMatch(/^B became leader of term 2/);
    for (let i = 0; i < 3; i++) {
      play(table, 2, { type: 'SendHeartbeat' });
      tickUntil(table, () => false, 1000);
    }
    expect(team().headline?.text).toMatch(/^B became leader of term 2/);
    const beats = team().ticker.filter((l) => l.text.includes('heartbeat'));
    expect(beats).toHaveLength(1);
    expect(beats[0]!.text).toMatch(/^\d+ heartbeats from B in term 2\.$/);
  });
});
