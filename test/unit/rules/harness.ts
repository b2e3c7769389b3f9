/**
 * Test helpers for the rules: run commands through decide + evolve exactly as the server
 * will, and fail loudly (with the refusal) when a move the test expects to be legal is not.
 */
import { expect } from 'vitest';
import { createCluster, decide, evolve, type ClusterConfig, type ClusterDecision as Decision } from '../../../shared/rules/engine';
import type { ClusterState, Command, Event } from '../../../shared/rules/types';

export interface Run {
  initial: ClusterState;
  state: ClusterState;
  events: Event[];
}

export function start(config: ClusterConfig): Run {
  const initial = createCluster(config);
  return { initial, state: initial, events: [] };
}

/** Applies a command that must be accepted; folds its events with evolve (not decide's state). */
export function act(run: Run, command: Command): Event[] {
  const decision = decide(run.state, command);
  if (!decision.ok) throw new Error(`${command.type} refused: ${decision.refusal.code} ${decision.refusal.rule} ${decision.refusal.message}`);
  run.state = decision.events.reduce(evolve, run.state);
  run.events.push(...decision.events);
  return decision.events;
}

/** Applies a command that must be refused with `code`; asserts nothing changed. */
export function refused(run: Run, command: Command, code: string): Extract<Decision, { ok: false }>['refusal'] {
  const before = JSON.stringify(run.state);
  const decision = decide(run.state, command);
  expect(decision.ok, `${command.type} should be refused with ${code}`).toBe(false);
  if (decision.ok) throw new Error('unreachable');
  expect(decision.refusal.code).toBe(code);
  expect(decision.refusal.message.length).toBeGreaterThan(10);
  expect(JSON.stringify(run.state)).toBe(before);
  return decision.refusal;
}

/** Moves the room clock to `to` (absolute ms), delivering messages and firing timers on the way. */
export function tickTo(run: Run, to: number): Event[] {
  return act(run, { type: 'Tick', to });
}

export function tickBy(run: Run, ms: number): Event[] {
  return tickTo(run, run.state.now + ms);
}

/** Replaying the log from the initial state must give the live state, byte for byte. */
export function expectReplayMatches(run: Run): void {
  expect(JSON.stringify(run.events.reduce(evolve, run.initial))).toBe(JSON.stringify(run.state));
}

export function eventsOfType<T extends Event['type']>(events: Event[], type: T): Extract<Event, { type: T }>[] {
  return events.filter((e): e is Extract<Event, { type: T }> => e.type === type);
}
