/**
 * The ticker's narration answers a clock step before asking the algorithm (shared/game/narrate.ts):
 * time passing is never a line. That shortcut is only sound while no algorithm narrates a
 * clock step, so every registered module is asked here, at every state of a minute of time
 * passing (its timers set and firing), with the clock step that followed it: each says nothing.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, decide, evolve } from '../../../shared/rules/engine';
import { algorithms } from '../../../shared/rules/registry';
import type { ClusterState, Event } from '../../../shared/rules/types';

describe('narration of time passing', () => {
  for (const module of algorithms()) {
    it(`${module.name}: no state of a minute narrates a clock step`, () => {
      let state: ClusterState = createCluster({ algorithm: module.name, nodeCount: 5, seed: 11 });
      let steps = 0;
      for (let to = 250; to <= 60_000; to += 250) {
        const decision = decide(state, { type: 'Tick', to });
        if (!decision.ok) throw new Error(`Tick refused: ${decision.refusal.message}`);
        for (const event of decision.events as Event[]) {
          const after = evolve(state, event);
          if (event.type === 'ClockAdvanced') {
            expect(module.narrate(event, state, after)).toBeNull();
            steps += 1;
          }
          state = after;
        }
      }
      expect(steps).toBeGreaterThan(200);
    });
  }
});
