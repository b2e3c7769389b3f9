/**
 * Issue 8: the split-brain / stale-leader alarm fires whenever two nodes act as leader at
 * once, for every algorithm, read through the registry (each module's `actingLeaders`):
 * Raft: an old leader in a minority partition; Bully: two coordinators; Lease: a node
 * that woke from a GC pause still believing it leads while another holds the lease.
 */
import { describe, expect, it } from 'vitest';
import { splitBrainLine } from '../../../shared/game/ticker';
import { algorithmModule } from '../../../shared/rules/registry';
import type { ClusterState } from '../../../shared/rules/types';
import { act, tickTo, type Run } from '../rules/harness';
import { A, C, D, E, node, seeded, stand, untilDue, vote } from '../rules/raft/helpers';
import { R, declare, startBully, startElection } from '../rules/bully/helpers';
import { leaseRun } from '../rules/lease/helpers';
import { LEASE_SEED_PRESETS } from '../../../shared/rules/lease/types';

const leaders = (state: ClusterState) => algorithmModule(state.algorithm).actingLeaders!(state);
const alerts = (state: ClusterState) => algorithmModule(state.algorithm).screen.team(state).alerts;

/** Plays `step` and returns the split-brain line the game folds for that batch, if any. */
function across(run: Run, step: () => void): string | null {
  const before = run.state;
  step();
  return splitBrainLine(before, run.state);
}

describe('split brain, for every algorithm, from the modules', () => {
  it('Raft: A still leads term 1 in a minority while C wins term 2: the line and the alert name A', () => {
    const run = seeded();
    expect(leaders(run.state)).toEqual([A]);
    act(run, { type: 'Partition', groups: [[A, 1], [C, D, E]] });
    untilDue(run, C);
    stand(run, C);
    tickTo(run, run.state.now + 1000);
    vote(run, D, C);
    const line = across(run, () => {
      vote(run, E, C);
      tickTo(run, run.state.now + 1000);
    });
    expect(node(run, C).role).toBe('leader');
    expect(leaders(run.state)).toEqual([A, C]);
    expect(line).toBe('Split brain: A and C act as leader at once.');
    expect(alerts(run.state).join(' ')).toContain('Stale leader A');
  });

  it('Bully: 5 cut off while 4 declares: two coordinators, and no line once 5 crashes', () => {
    const run = startBully(5);
    tickTo(run, 3_000);
    expect(leaders(run.state)).toEqual([R(5)]);
    act(run, { type: 'Partition', groups: [[R(1), R(2), R(3), R(4)], [R(5)]] });
    tickTo(run, 15_000);
    startElection(run, 4);
    tickTo(run, 31_000);
    const line = across(run, () => declare(run, 4));
    expect(line).toBe('Split brain: 4 and 5 act as leader at once.');
    expect(alerts(run.state)).toEqual(['Split brain: 4 and 5 both act as coordinator at once.']);
    expect(across(run, () => act(run, { type: 'CrashNode', node: R(5) }))).toBeNull();
  });

  it('Lease: A wakes from an 8 s pause believing it leads while B holds the lease: two leaders before any write', () => {
    const run = leaseRun(LEASE_SEED_PRESETS.gcPauseUnfenced, 3, 200);
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 2000);
    act(run, { type: 'Renew', node: A });
    tickTo(run, 3000);
    act(run, { type: 'PauseNode', node: A });
    for (let t = 4000; t <= 8000; t += 2000) {
      try {
        act(run, { type: 'Acquire', node: 1 });
      } catch {
        // a retry the rules refuse (the lease is still held): the next one wins
      }
      tickTo(run, t + 1000);
    }
    expect(leaders(run.state)).toEqual([1]);
    tickTo(run, 10_000);
    act(run, { type: 'Renew', node: 1 });
    tickTo(run, 11_000);
    const line = across(run, () => act(run, { type: 'ResumeNode', node: A }));
    expect(leaders(run.state)).toEqual([A, 1]);
    expect(line).toBe('Split brain: A and B act as leader at once.');
    expect(alerts(run.state)[0]).toBe('Two leaders at once: A (token 1) and B (token 2) believe they lead; the lock service says B.');
  });
});
