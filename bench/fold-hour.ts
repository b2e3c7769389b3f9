/**
 * The synthetic hour of bench:fold and bench/fold-hash.ts: generated once per algorithm and
 * kept as JSON in BENCH_CACHE (default: the OS temp dir), so runs on two checkouts fold the
 * very same log, and turned into a room log (60 students, one round, one ClusterEvents row
 * per batch).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoomEvent } from '../shared/room/events';
import { DEFAULT_NETWORK } from '../shared/rules/engine';
import type { ClusterState, Event } from '../shared/rules/types';
import { playSyntheticClass } from './synthetic-class';

export type Hour = { initial: ClusterState; events: Event[]; batches: number[] };

export function hourOf(algorithm: string): Hour {
  const file = join(process.env.BENCH_CACHE ?? tmpdir(), `captain-down-hour-${algorithm}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Hour;
  const run = playSyntheticClass(algorithm, { minutes: 60 });
  const hour = { initial: run.initial, events: run.events, batches: run.batches };
  writeFileSync(file, JSON.stringify(hour));
  return hour;
}

/** Where the room log's clock starts (bench/replay-seek.ts dates its export by it). */
export const LOG_T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

/** The room log of `hour` (its rule events and how they were batched); `code` names the room. */
export function roomLog(algorithm: string, hour: Pick<Hour, 'events' | 'batches'>, code = 'BENCH3'): { seq: number; event: RoomEvent }[] {
  const t0 = LOG_T0;
  const hash = 'a'.repeat(64);
  const events: RoomEvent[] = [{ type: 'RoomCreated', at: t0, code, hostTokenHash: hash }];
  for (let id = 1; id <= 60; id++) events.push({ type: 'NodeJoined', at: t0 + id, nodeId: id, nickname: `Student ${id}`, seatTokenHash: hash });
  events.push({
    type: 'RoundStarted', at: t0 + 100, round: 1, teams: [Array.from({ length: 60 }, (_, i) => i + 1)],
    config: { algorithm, preset: `${algorithm}-classroom`, params: {}, network: { ...DEFAULT_NETWORK }, teamSize: null, crashOnDisconnect: true, autopilot: false, seed: 2026, startPaused: false },
  });
  let i = 0;
  for (const size of hour.batches) {
    events.push({ type: 'ClusterEvents', at: t0 + 100 + i + size, team: 0, cause: 'tick', events: hour.events.slice(i, i + size) });
    i += size;
  }
  return events.map((event, n) => ({ seq: n + 1, event }));
}
