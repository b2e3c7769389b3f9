/** The player's view, the move list (a dry run of decide) and the ticker lines. */
import { describe, expect, it } from 'vitest';
import { narrateBully } from '../../../../shared/rules/bully/narrate';
import type { BullyCluster } from '../../../../shared/rules/bully/types';
import { answeredMoves as bullyMoves } from '../../../../shared/rules/answered-moves';
import { bullyNodeView } from '../../../../shared/rules/bully/view';
import { evolve } from '../../../../shared/rules/engine';
import type { Event } from '../../../../shared/rules/types';
import { act, tickTo } from '../harness';
import { R, answer, bully, crash, startBully, startElection } from './helpers';

describe('bullyNodeView', () => {
  it('shows the node its own beliefs and timers on its own clock, never the global truth', () => {
    const run = startBully(5);
    act(run, { type: 'SkewClock', node: R(2), rate: 2 });
    crash(run, 5);
    tickTo(run, 2_000);
    const view = bullyNodeView(bully(run), R(2));
    expect(view).toMatchObject({ rank: 2, label: '2', clusterSize: 5, higherRanks: 3, coordinator: R(5), isCoordinator: false, phase: 'idle' });
    // Its clock runs double speed: 15 s of suspicion minus 4 s of its own time.
    expect(view.timers).toEqual({ heartbeat: null, suspicion: 11_000, answer: null, coordinatorWait: null });
    // Rank 5 crashed, but rank 2 cannot know that: nothing in its view says so.
    expect(JSON.stringify(view)).not.toContain('crashed');
  });

  it('lists the ELECTIONs to answer and the duties the rules expect', () => {
    const run = startBully(5);
    crash(run, 5);
    tickTo(run, 15_000);
    startElection(run, 1);
    tickTo(run, 16_000);
    const view = bullyNodeView(bully(run), R(3));
    expect(view.electionsToAnswer).toEqual([{ from: R(1), round: 1 }]);
    expect(view.duties).toEqual(['answer', 'startElection']);
    expect(view.inbox.at(-1)).toMatchObject({ from: R(1), fromRank: 1, kind: 'ELECTION', round: 1 });
    const coordinatorView = bullyNodeView(bully(startBully(3)), R(3));
    expect(coordinatorView).toMatchObject({ isCoordinator: true, duties: [] });
  });
});

describe('bullyMoves', () => {
  it('answers each candidate move with the law (a dry run of decide), one Answer per ELECTION heard', () => {
    const run = startBully(5);
    crash(run, 5);
    tickTo(run, 15_000);
    startElection(run, 1);
    startElection(run, 2);
    tickTo(run, 16_000);
    answer(run, 4, 2);
    const moves = bullyMoves(bully(run), R(4));
    const summary = moves.map((m) => [m.command.type, 'to' in m.command ? m.command.to : null, m.allowed, m.refusal?.code ?? null]);
    expect(summary).toEqual([
      ['SendAlive', null, false, 'not-coordinator'],
      ['StartElection', null, true, null],
      ['Answer', R(1), true, null],
      ['Answer', R(2), false, 'already-answered'],
      ['DeclareCoordinator', null, false, 'not-electing'],
    ]);
  });
});

describe('narrateBully', () => {
  function linesOf(run: { initial: unknown; events: Event[] }): (string | null)[] {
    let state = run.initial as BullyCluster;
    return run.events.map((event) => {
      const next = evolve(state, event) as BullyCluster;
      const line = narrateBully(event, state, next);
      state = next;
      return line;
    });
  }

  it('tells the interesting events in plain words and stays quiet about noise', () => {
    const run = startBully(5);
    crash(run, 5);
    tickTo(run, 15_000);
    startElection(run, 3);
    tickTo(run, 16_000);
    answer(run, 4, 3);
    const lines = linesOf(run);
    const said = lines.filter((l): l is string => l !== null);
    expect(said).toContain('Node 3 suspects coordinator 5: no "I\'m alive" for 15 s.');
    expect(said).toContain('Node 3 starts an election (it suspects coordinator 5): ELECTION to 4, 5.');
    expect(said).toContain('Node 4 answers node 3: "OK, I outrank you." Node 4 must now hold its own election.');
    run.events.forEach((event, i) => {
      if (['ClockAdvanced', 'TimerSet', 'TimerFired', 'MessagesSent', 'MessageDelivered'].includes(event.type)) expect(lines[i]).toBeNull();
    });
  });
});
