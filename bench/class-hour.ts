/**
 * A server-shaped class hour for the fold benchmarks (issue 7): 60 students, one round of
 * an hour, played through the game layer exactly as the server plays it, and its room log
 * as the server appends it (every event every decision returned, in order, as {seq, event}).
 *
 * - The room is made by the room's own commands (CreateRoom, 60 JoinRoom), the round by
 *   the host panel's StartRound (the algorithm's classroom preset, the panel's default
 *   network of 1 s delay and no loss, one cluster, the absent crashed, every phone online).
 * - Time: a TickRound every 100 ms of room time (server/round-ticker.ts), the room clock
 *   never paused, so a command's wall time `at` is the round's start plus its room time.
 * - Students: each clicks twice a second on average (exponential gaps, at their own
 *   millisecond of room time, between ticks), the move picked from what their phone shows
 *   (`clickFrom`: an allowed move 4 times in 5). Phones hold what the broadcaster sent
 *   them: every seat is looked at after a tick and the mover after a logged move, through
 *   server/seat-view-cache.ts (a view is rebuilt only when what it is made of changed).
 * - A click goes through SPEC G7 as seat:move does (server/game-handlers.ts, with the
 *   server's own MoveDeduper): each tap has its own id, and the same move again within
 *   400 ms with nothing logged in between gets the first answer and logs nothing.
 *   Otherwise `decideGame`'s events are logged whether it accepted the move or not (a
 *   refused move logs MoveRefused, and the clock steps that delivered something before it).
 * - The host (`LECTURE` below): crashes the leader every ten minutes and restarts it 30 s
 *   later, splits the class in two halves and heals it three minutes later, and pauses
 *   the leader 8 s (a GC pause), each as the host panel's InjectFault; the round ends at
 *   the hour (EndRound).
 * Seeded and deterministic: the same options give the same rows, byte for byte.
 */
import { prng } from './seeded-random';
import { createHash } from 'node:crypto';
import type { GameCommand, InjectFault } from '../shared/game/commands';
import { moveContext } from '../shared/game/double-tap';
import { decideGame } from '../shared/game/decide';
import type { Fault } from '../shared/game/moves';
import type { GameSeatView } from '../shared/game/seat-view';
import { decideRoom, evolveRoom, type MaybeRoom, type RoomEvent, type RoomState } from '../shared/room';
import type { SeqEvent } from '../shared/replay/log-rows';
import { algorithmModule } from '../shared/rules/registry';
import type { Result } from '../shared/rules/refusal';
import { MoveDeduper } from '../server/move-deduper';
import { SeatViewCache } from '../server/seat-view-cache';
import { clickFrom } from './synthetic-room';

export const CLASS_CODE = 'HOUR60';
/** Wall time the room is created at; the round starts a minute later. */
export const CLASS_T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
const ROUND_START = CLASS_T0 + 60_000;
const TICK_MS = 100;
/** The broadcaster flushes a few ms after the tick (bench/flush-cpu.ts): the room clock has moved on a little. */
const FLUSH_AFTER_TICK_MS = 3;
const MINUTE = 60_000;
const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const HOST = hash('class-hour-host');

/** What the host does, and when (room time); a crashed leader is restarted RESTART_AFTER_MS after its crash. */
type HostStep = { at: number; what: 'crash-leader' | 'split' | 'heal' | 'pause-leader' };
export const LECTURE: readonly HostStep[] = ([
  { at: 5 * MINUTE, what: 'pause-leader' },
  ...[10, 20, 30, 40, 50].map((m) => ({ at: m * MINUTE, what: 'crash-leader' as const })),
  { at: 25 * MINUTE, what: 'split' },
  { at: 28 * MINUTE, what: 'heal' },
  { at: 35 * MINUTE, what: 'pause-leader' },
] satisfies HostStep[]).sort((a, b) => a.at - b.at);
const RESTART_AFTER_MS = 30_000;
/** The host waits at most this long for a leader to crash or pause (none may be elected yet). */
const HOST_PATIENCE_MS = 60_000;
const GC_PAUSE_MS = 8_000;

export interface ClassHourOptions {
  students?: number;
  minutes?: number;
  clicksPerSecond?: number;
  seed?: number;
  /** Told at every ten minutes of room time (the maker prints the CPU each took: a growing cost is a growing state). */
  onTenMinutes?: (minute: number, rows: number) => void;
}

export interface ClassHourCounts {
  clicks: number;
  /** Clicks decided and accepted / refused (a MoveRefused row each). */
  accepted: number;
  refused: number;
  /** Taps answered by SPEC G7 with an earlier answer: nothing decided, nothing logged. */
  doubleTaps: number;
  /** Clicks on a phone that showed no move at all (nothing sent). */
  noMove: number;
  /** The host's faults sent, and those the rules refused (not logged); steps skipped for want of a leader. */
  faults: number;
  faultsRefused: number;
  hostSkipped: number;
  /** Phone views the seat cache rebuilt. */
  viewsBuilt: number;
}

export interface ClassHour {
  algorithm: string;
  options: Required<Omit<ClassHourOptions, 'onTenMinutes'>>;
  rows: SeqEvent[];
  counts: ClassHourCounts;
}


export function playClassHour(algorithm: string, options: ClassHourOptions = {}): ClassHour {
  const { onTenMinutes, ...rest } = options;
  const opts = { students: 60, minutes: 60, clicksPerSecond: 2, seed: 2026, ...rest };
  const module = algorithmModule(algorithm);
  const random = prng(opts.seed);
  const rows: SeqEvent[] = [];
  const counts: ClassHourCounts = { clicks: 0, accepted: 0, refused: 0, doubleTaps: 0, noMove: 0, faults: 0, faultsRefused: 0, hostSkipped: 0, viewsBuilt: 0 };
  // Declared wide: the closures below replace it, so TypeScript must not narrow it to null.
  let room = null as MaybeRoom;
  const live = () => room as RoomState;
  /** Append, then fold: what RoomRegistry.commit does with a decision's events. */
  const commit = (events: readonly RoomEvent[]) => {
    for (const event of events) {
      rows.push({ seq: rows.length + 1, event });
      room = evolveRoom(room, event);
    }
  };
  const playGame = (command: GameCommand) => {
    const decision = decideGame(live(), command);
    commit(decision.events as RoomEvent[]);
    return decision;
  };

  commit(decideRoom(room, { type: 'CreateRoom', at: CLASS_T0, code: CLASS_CODE, hostTokenHash: HOST }).events);
  for (let i = 1; i <= opts.students; i++) {
    commit(decideRoom(room, { type: 'JoinRoom', at: CLASS_T0 + i * 500, nickname: `Student ${i}`, seatTokenHash: hash(`seat-${i}`) }).events);
  }
  const seats = live().seats.map((s) => s.nodeId);
  const started = playGame({
    type: 'StartRound', at: ROUND_START, hostTokenHash: HOST, algorithm, preset: `${algorithm}-classroom`,
    network: { delayMs: 1000, dropRate: 0 }, teamSize: null, crashOnDisconnect: true, autopilot: false, seed: opts.seed, online: seats,
  });
  if (!started.ok) throw new Error(`StartRound refused: ${started.refusal.message}`);

  const phones = new Map<number, GameSeatView | null>();
  const views = new SeatViewCache();
  const look = (nodeId: number, roomNow: number) => {
    const sent = views.update(CLASS_CODE, live(), nodeId, roomNow);
    if (sent.game !== undefined) {
      phones.set(nodeId, sent.game);
      counts.viewsBuilt++;
    }
  };
  const deduper = new MoveDeduper<Result>();
  const gap = () => -Math.log(1 - random()) * (1000 / opts.clicksPerSecond);
  const nextClick = seats.map(() => gap());
  let moveIds = 0;

  const host = hostOf(module, opts.students, counts, (roomTime, fault) => {
    counts.faults++;
    const command: InjectFault = { type: 'InjectFault', at: ROUND_START + roomTime, hostTokenHash: HOST, roomTime, team: 0, fault };
    if (!playGame(command).ok) counts.faultsRefused++;
  });

  const end = opts.minutes * MINUTE;
  for (let t = TICK_MS; t < end; t += TICK_MS) {
    if (t % (10 * MINUTE) === 0) onTenMinutes?.(t / MINUTE, rows.length);
    playGame({ type: 'TickRound', at: ROUND_START + t, roomTime: t });
    host(live(), t);
    for (const nodeId of seats) look(nodeId, t + FLUSH_AFTER_TICK_MS);
    // The clicks before the next tick, in the order they reach the server.
    const clicks: { at: number; seat: number }[] = [];
    for (let s = 0; s < seats.length; s++) {
      while (nextClick[s]! < t + TICK_MS) {
        clicks.push({ at: Math.max(t, Math.floor(nextClick[s]!)), seat: s });
        nextClick[s]! += gap();
      }
    }
    clicks.sort((a, b) => a.at - b.at || a.seat - b.seat);
    for (const click of clicks) {
      counts.clicks++;
      const nodeId = seats[click.seat]!;
      const pick = clickFrom(phones.get(nodeId)?.moves ?? [], random);
      if (!pick) {
        counts.noMove++;
        continue;
      }
      // seat:move (server/game-handlers.ts): SPEC G7 first, then the game's decision.
      const at = ROUND_START + click.at;
      const ask = { ...moveContext(live(), nodeId), moveId: `m${++moveIds}`, content: JSON.stringify(pick.move), at, seq: rows.length };
      if (deduper.recall(CLASS_CODE, nodeId, ask)) {
        counts.doubleTaps++;
        continue;
      }
      const before = rows.length;
      const decision = playGame({ type: 'PlayMove', at, roomTime: click.at, nodeId, move: pick.move });
      const result: Result = decision.ok ? { ok: true } : { ok: false, refusal: decision.refusal };
      deduper.remember(CLASS_CODE, nodeId, { ...ask, seq: rows.length }, result);
      if (decision.ok) counts.accepted++;
      else counts.refused++;
      if (rows.length > before) look(nodeId, click.at);
    }
  }
  playGame({ type: 'EndRound', at: ROUND_START + end, hostTokenHash: HOST, roomTime: end });
  return { algorithm, options: opts, rows, counts };
}

/**
 * The teacher at the host panel: at each step of LECTURE, reads the leader off the
 * projector (the module's actingLeaders, a live one) and sends the panel's fault.
 */
function hostOf(module: ReturnType<typeof algorithmModule>, students: number, counts: ClassHourCounts, send: (roomTime: number, fault: Fault) => void) {
  let next = 0;
  let restart: { at: number; node: number } | null = null;
  const half = Math.floor(students / 2);
  const indices = Array.from({ length: students }, (_, i) => i);
  // As NetworkControls.tsx splits: a central service goes with the second (larger) half.
  const halves = [indices.slice(0, half), module.team.service ? [...indices.slice(half), -1] : indices.slice(half)];
  return (room: RoomState, t: number) => {
    if (restart && restart.at <= t) {
      send(t, { type: 'RestartNode', node: restart.node } as Fault);
      restart = null;
    }
    const step = LECTURE[next];
    if (!step || step.at > t) return;
    const cluster = room.round!.teams[0]!.cluster;
    const leader = (module.actingLeaders?.(cluster) ?? []).find((i) => cluster.nodes[i]?.status === 'live');
    if (step.what === 'crash-leader' || step.what === 'pause-leader') {
      if (leader === undefined) {
        if (t - step.at < HOST_PATIENCE_MS) return; // wait for one to be elected
        counts.hostSkipped++;
        next++;
        return;
      }
      if (step.what === 'crash-leader') {
        send(t, { type: 'CrashNode', node: leader } as Fault);
        restart = { at: t + RESTART_AFTER_MS, node: leader };
      } else send(t, { type: 'PauseNode', node: leader, forMs: GC_PAUSE_MS } as Fault);
    } else send(t, (step.what === 'split' ? { type: 'Partition', groups: halves } : { type: 'HealPartition' }) as Fault);
    next++;
  };
}
