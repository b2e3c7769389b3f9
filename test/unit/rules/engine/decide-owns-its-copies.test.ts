/**
 * A run of decide changes the list of messages in flight in place once it has copied it
 * (shared/rules/common-evolve.ts, OwnedLists): a Tick that delivers hundreds of messages out of
 * thousands no longer copies the whole list per delivery. What must still hold: the state
 * decide was given is left exactly as it was, a state decide returned earlier is never
 * changed by a later decide, and the state it returns is the fold of its events.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, decide, evolve } from '../../../../shared/rules/engine';
import type { ClusterState, Command } from '../../../../shared/rules/types';

function accept(state: ClusterState, command: Command): ClusterState {
  const decision = decide(state, command);
  if (!decision.ok) throw new Error(`${command.type} refused: ${decision.refusal.code}`);
  return decision.state;
}

/** 40 nodes, every timer run out, then ten candidates: 390 RequestVotes in flight. */
function electionUnderWay(): ClusterState {
  let state = createCluster({ algorithm: 'raft', nodeCount: 40, seed: 11, network: { delayMs: 1000, jitterMs: 800, dropRate: 0 } });
  state = accept(state, { type: 'Tick', to: 60_000 });
  for (let node = 0; node < 10; node += 1) {
    const decision = decide(state, { type: 'StandForElection', node } as Command);
    if (decision.ok) state = decision.state;
  }
  return state;
}

describe('decide and the lists it owns', () => {
  it('a Tick that delivers part of the messages in flight leaves its input as it was and returns the fold of its events', () => {
    const before = electionUnderWay();
    expect(before.network.inFlight.length).toBeGreaterThan(300);
    const input = JSON.stringify(before);
    const tick = decide(before, { type: 'Tick', to: before.now + 1_400 });
    expect(tick.ok).toBe(true);
    const delivered = tick.events.filter((e) => e.type === 'MessageDelivered').length;
    expect(delivered).toBeGreaterThan(50);
    expect(tick.state.network.inFlight.length).toBeGreaterThan(0);
    expect(JSON.stringify(before)).toBe(input);
    expect(JSON.stringify(tick.state)).toBe(JSON.stringify(tick.events.reduce(evolve, before)));
  });

  it('a later decide from a returned state never changes that state (the next one copies before it changes)', () => {
    const first = decide(electionUnderWay(), { type: 'Tick', to: 61_400 });
    if (!first.ok) throw new Error('tick refused');
    const kept = JSON.stringify(first.state);
    const second = decide(first.state, { type: 'Tick', to: 62_000 });
    expect(second.ok && second.events.some((e) => e.type === 'MessageDelivered')).toBe(true);
    expect(JSON.stringify(first.state)).toBe(kept);
  });
});
