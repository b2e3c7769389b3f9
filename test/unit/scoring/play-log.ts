/**
 * Plays a real round through the game's law (decideGame, evolveRoom) and keeps the log,
 * as the server appends it: what the scoring fold reads (SPEC S1).
 */
import { decideGame } from '../../../shared/game/decide';
import type { GameCommand } from '../../../shared/game/commands';
import type { GameEvent } from '../../../shared/game/events';
import type { Move } from '../../../shared/game/moves';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { HOST, T0, created, given, joined } from '../room/given';

export interface Table {
  state: RoomState;
  log: GameEvent[];
  now: number;
  refusals: string[];
}

export function classroom(students: number, start: Partial<Extract<GameCommand, { type: 'StartRound' }>> = {}): Table {
  const table: Table = { state: given(created(), ...Array.from({ length: students }, (_, i) => joined(i + 1, `S${i + 1}`))), log: [], now: 0, refusals: [] };
  run(table, { type: 'StartRound', at: T0 + 1000 + table.now, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: 7, network: { jitterMs: 0 }, ...start });
  return table;
}

export function run(table: Table, command: GameCommand): GameEvent[] {
  const decision = decideGame(table.state, command);
  if (decision.refusal) table.refusals.push(decision.refusal.code);
  for (const event of decision.events) {
    table.state = evolveRoom(table.state, event as RoomEvent) as RoomState;
    table.log.push(event as GameEvent);
  }
  return decision.events as GameEvent[];
}

export const play = (table: Table, student: number, move: Move) => run(table, { type: 'PlayMove', at: T0 + 1000 + table.now, roomTime: table.now, nodeId: student, move });
export const crash = (table: Table, node: number) => run(table, { type: 'InjectFault', at: T0 + 1000 + table.now, hostTokenHash: HOST, roomTime: table.now, team: 0, fault: { type: 'CrashNode', node } });
export const end = (table: Table) => run(table, { type: 'EndRound', at: T0 + 1000 + table.now, hostTokenHash: HOST, roomTime: table.now });

/** Lets room time pass in steps until `until` sees the rule event it waits for (or the limit). */
export function tickUntil(table: Table, until: (e: { type: string; node?: number }) => boolean, limitMs = 60_000): boolean {
  for (let spent = 0; spent < limitMs; spent += 250) {
    table.now += 250;
    const events = run(table, { type: 'TickRound', at: T0 + 1000 + table.now, roomTime: table.now });
    if (events.some((e) => e.type === 'ClusterEvents' && e.events.some((r) => until(r as { type: string; node?: number })))) return true;
  }
  return false;
}

export function tickBy(table: Table, ms: number): void {
  for (let spent = 0; spent < ms; spent += 250) {
    table.now += 250;
    run(table, { type: 'TickRound', at: T0 + 1000 + table.now, roomTime: table.now });
  }
}
