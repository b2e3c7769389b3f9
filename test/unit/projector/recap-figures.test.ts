/**
 * Issue 8: the round recap's figures come from the round's log. A Raft lecture round is
 * played through the game's law (decideGame/evolveRoom, as the server does), its log is
 * folded again from scratch, and the recap is read from that fold.
 */
import { describe, expect, it } from 'vitest';
import { roundRecap } from '../../../shared/game/recap';
import { gameScreenView } from '../../../shared/game/screen-view';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { given, created, joined } from '../room/given';
import { classroom, crash, end, play, tickBy, tickUntil, type Table } from '../scoring/play-log';

/** Folds the table's game log again from the seated room: the recap must come out of the log alone. */
function refold(table: Table): RoomState {
  const seated = given(created(), ...Array.from({ length: 5 }, (_, i) => joined(i + 1, `S${i + 1}`)));
  return table.log.reduce((room, event) => evolveRoom(room, event as RoomEvent) as RoomState, seated);
}

function lectureRound(): Table {
  const table = classroom(5);
  tickBy(table, 2000);
  crash(table, 0); // the captain A is down at 2 s
  tickUntil(table, (e) => e.type === 'ElectionTimerExpired' && e.node === 1);
  play(table, 3, { type: 'StandForElection' }); // C may not stand yet: refused (R-rule), logged
  play(table, 2, { type: 'StandForElection' });
  tickBy(table, 1500);
  for (const voter of [3, 4, 5]) play(table, voter, { type: 'GrantVote', candidate: 1 });
  play(table, 5, { type: 'GrantVote', candidate: 2 }); // C never asked: refused
  tickUntil(table, (e) => e.type === 'LeaderElected', 5000);
  tickBy(table, 3000);
  end(table);
  return table;
}

describe('the round recap, from the log', () => {
  it('leader timeline A -> nobody -> B, one election, the time without a leader, refusals by rule', () => {
    const table = lectureRound();
    const refusedRules = table.log.flatMap((e) => (e.type === 'MoveRefused' ? [e.rule] : []));
    expect(refusedRules.length).toBeGreaterThanOrEqual(2);
    const room = refold(table);
    const recap = roundRecap(room.round!);
    const team = recap.teams[0]!;
    expect(team.timeline.map((s) => s.leaders)).toEqual([['A'], [], ['B']]);
    const [led, gap, won] = team.timeline;
    expect(led!.from).toBe(0);
    expect(led!.to).toBe(2000); // A crashed at 2 s
    expect(gap!.to).toBe(won!.from);
    expect(won!.to).toBe(room.round!.teams[0]!.cluster.now);
    expect(team.leaderChanges).toBe(1);
    expect(team.elections).toBe(1);
    expect(team.electionsWord).toBe('Elections');
    // Without a leader from the crash to B's election, as the cluster's own clock counted it.
    expect(team.leaderlessMs).toBe(gap!.to - gap!.from);
    expect(team.splitBrainMs).toBe(0);
    expect(team.messagesSent).toBe(room.round!.teams[0]!.cluster.stats.messagesSent);
    const byRule: Record<string, number> = {};
    for (const rule of refusedRules) byRule[rule] = (byRule[rule] ?? 0) + 1;
    expect(Object.fromEntries(team.refusals.map((r) => [r.rule, r.count]))).toEqual(byRule);
    expect(recap.lesson).toBeNull();
  });

  it('the projector view carries the recap only once the round ended, equal to the fold of the live room', () => {
    const table = lectureRound();
    const view = gameScreenView(table.state, table.now, [])!;
    expect(view.recap).toEqual(roundRecap(refold(table).round!));
    expect(view.teams[0]!.refusals.length).toBeGreaterThanOrEqual(2);
    const line = view.teams[0]!.refusals[0]!;
    expect(line).toMatchObject({ node: 'C', nickname: 'S3', move: 'stand for election', bot: false });
    expect(line.rule).toMatch(/^R\d+$/);
    expect(line.why.length).toBeGreaterThan(15);
    const running = classroom(5);
    expect(gameScreenView(running.state, 0, [])!.recap).toBeNull();
  });
});
