/**
 * The lecture's story as a log: A is captain of term 1 (raft-lecture), the host crashes
 * A, B stands, C votes for B, B leads term 2; C then stands too early and is refused. Played
 * through decideGame like the server plays it.
 */
import { decideGame } from '../../../shared/game/decide';
import type { GameCommand } from '../../../shared/game/commands';
import { gameSeatView } from '../../../shared/game/seat-view';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import type { SeqEvent } from '../../../shared/replay/log-rows';
import { HOST, T0, created, joined } from '../room/given';

export function lectureStory(): { log: SeqEvent[]; crashAt: number } {
  const log: SeqEvent[] = [];
  let room: RoomState | null = null;
  const record = (events: readonly RoomEvent[]) => {
    for (const event of events) {
      room = evolveRoom(room, event);
      log.push({ seq: log.length + 1, event });
    }
  };
  const run = (command: GameCommand) => record(decideGame(room!, command).events as RoomEvent[]);
  record([created(), joined(1, 'Ada'), joined(2, 'Barbara'), joined(3, 'Claude')]);
  const at = (roomTime: number) => ({ at: T0 + 5_000 + roomTime, roomTime });
  run({ type: 'StartRound', at: T0 + 5_000, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: 42, network: { jitterMs: 0 } });
  for (let t = 1_000; t <= 6_000; t += 1_000) run({ type: 'TickRound', ...at(t) });
  const crashAt = 6_500;
  run({ type: 'InjectFault', ...at(crashAt), hostTokenHash: HOST, team: 0, fault: { type: 'CrashNode', node: 0 } });
  // Tick until B may stand (its election timer ran out), then B stands and C votes.
  let t = crashAt;
  const allowed = (nodeId: number, type: string) => gameSeatView(room!, nodeId, t)?.moves.find((m) => m.move.type === type)?.allowed ?? false;
  while (!allowed(2, 'StandForElection') && t < 120_000) run({ type: 'TickRound', ...at((t += 500)) });
  run({ type: 'PlayMove', ...at((t += 100)), nodeId: 2, move: { type: 'StandForElection' } });
  while (!allowed(3, 'GrantVote') && t < 180_000) run({ type: 'TickRound', ...at((t += 250)) });
  run({ type: 'PlayMove', ...at((t += 100)), nodeId: 3, move: { type: 'GrantVote', candidate: 1 } });
  for (let i = 0; i < 8; i++) run({ type: 'TickRound', ...at((t += 500)) });
  // C hears its captain, so its election timer runs: standing now is refused (R3), and logged.
  run({ type: 'PlayMove', ...at((t += 100)), nodeId: 3, move: { type: 'StandForElection' } });
  run({ type: 'EndRound', hostTokenHash: HOST, ...at((t += 1_000)) });
  return { log, crashAt };
}
