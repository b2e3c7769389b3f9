/**
 * Random rounds played through the live game's own decideGame/evolveRoom, the way the
 * server plays them (decide -> append -> evolve), keeping every live state next to the
 * log so a test can compare the replay with what the class saw.
 */
import fc from 'fast-check';
import { decideGame } from '../../../shared/game/decide';
import type { GameCommand } from '../../../shared/game/commands';
import { gameSeatView } from '../../../shared/game/seat-view';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import type { Algorithm } from '../../../shared/rules/types';
import type { SeqEvent } from '../../../shared/replay/log-rows';
import { HOST, T0, created, joined } from '../room/given';

export type Intent = { kind: 'tick' | 'move' | 'crash' | 'restart' | 'pause' | 'resume' | 'partition' | 'heal' | 'clock' | 'away'; a: number; b: number; dt: number };

export interface PlayedRound {
  log: SeqEvent[];
  /** The live room after each row of the log (same index), and the room time it was made at. */
  live: { room: RoomState; roomTime: number }[];
  algorithm: Algorithm;
}

const PRESETS: Record<Algorithm, string[]> = { raft: ['raft-lecture', 'raft-classroom', 'raft-prevote'], bully: ['bully-classroom'], lease: ['lease-lecture', 'lease-gc-unfenced'] };

export const intentArb: fc.Arbitrary<Intent> = fc.record({
  kind: fc.constantFrom('tick', 'tick', 'move', 'move', 'move', 'crash', 'restart', 'pause', 'resume', 'partition', 'heal', 'clock', 'away'),
  a: fc.nat(1000),
  b: fc.nat(1000),
  dt: fc.integer({ min: 0, max: 4000 }),
});

export const roundArb = fc.record({
  algorithm: fc.constantFrom<Algorithm>('raft', 'bully', 'lease'),
  presetPick: fc.nat(10),
  students: fc.integer({ min: 2, max: 7 }),
  teams: fc.boolean(),
  seed: fc.nat(100_000),
  intents: fc.array(intentArb, { minLength: 5, maxLength: 60 }),
});

export type RoundSpec = typeof roundArb extends fc.Arbitrary<infer R> ? R : never;

export function playRound(spec: RoundSpec): PlayedRound {
  const log: SeqEvent[] = [];
  const live: PlayedRound['live'] = [];
  let room: RoomState | null = null;
  let roomTime = 0;
  let running = true;
  const record = (events: readonly RoomEvent[]) => {
    for (const event of events) {
      room = evolveRoom(room, event);
      log.push({ seq: log.length + 1, event });
      live.push({ room: room!, roomTime });
    }
  };
  record([created(), ...Array.from({ length: spec.students }, (_, i) => joined(i + 1, `Student ${i + 1}`))]);
  const at = () => T0 + 1000 + roomTime;
  const run = (command: GameCommand) => record(decideGame(room!, command).events as RoomEvent[]);
  const presets = PRESETS[spec.algorithm]!;
  run({ type: 'StartRound', at: at(), hostTokenHash: HOST, algorithm: spec.algorithm, preset: presets[spec.presetPick % presets.length]!, teamSize: spec.teams && spec.students >= 6 ? 3 : null, crashOnDisconnect: true, seed: spec.seed });
  const host = { hostTokenHash: HOST };
  for (const intent of spec.intents) {
    if (running) roomTime += intent.dt;
    const round = room!.round!;
    const team = round.teams[intent.a % round.teams.length]!;
    const node = intent.b % team.members.length;
    const base = { at: at(), roomTime };
    switch (intent.kind) {
      case 'tick': run({ type: 'TickRound', ...base }); break;
      case 'move': {
        const view = gameSeatView(room!, team.members[node]!, roomTime);
        const option = view?.moves[intent.a % Math.max(1, view.moves.length)];
        if (option) run({ type: 'PlayMove', ...base, nodeId: team.members[node]!, move: option.move });
        break;
      }
      case 'crash': run({ type: 'InjectFault', ...base, ...host, team: team.team, fault: { type: 'CrashNode', node } }); break;
      case 'restart': run({ type: 'InjectFault', ...base, ...host, team: team.team, fault: { type: 'RestartNode', node } }); break;
      case 'pause': run({ type: 'InjectFault', ...base, ...host, team: team.team, fault: { type: 'PauseNode', node } }); break;
      case 'resume': run({ type: 'InjectFault', ...base, ...host, team: team.team, fault: { type: 'ResumeNode', node } }); break;
      case 'partition': run({ type: 'InjectFault', ...base, ...host, team: team.team, fault: { type: 'Partition', groups: [team.members.map((_, i) => i).filter((i) => i !== node), [node]] } }); break;
      case 'heal': run({ type: 'InjectFault', ...base, ...host, team: team.team, fault: { type: 'HealPartition' } }); break;
      case 'away': run({ type: 'SeatPresence', ...base, nodeId: team.members[node]!, online: intent.b % 2 === 0 }); break;
      case 'clock': {
        if (running) { run({ type: 'SetRoundClock', ...base, ...host, action: 'pause' }); running = false; }
        else if (intent.b % 2 === 0) { run({ type: 'SetRoundClock', ...base, ...host, action: 'step', stepMs: 1 + (intent.dt % 5000) }); roomTime += 1 + (intent.dt % 5000); }
        else { run({ type: 'SetRoundClock', ...base, ...host, action: 'resume' }); running = true; }
        break;
      }
    }
  }
  run({ type: 'EndRound', at: at(), ...host, roomTime });
  return { log, live, algorithm: spec.algorithm };
}
