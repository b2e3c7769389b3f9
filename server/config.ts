/** Everything the server reads from its environment, in one place. */
import { resolve } from 'node:path';
import { MAX_SEATS } from '../shared/room/state';

/** What the game server needs to know beyond the store (defaults: `defaultRoomSettings`). */
export type RoomSettings = {
  /** MAX_SEATS: seats in use per class (kicked seats do not count). */
  maxSeats: number;
  /** IDLE_MINUTES: a room with no connection and no running round leaves memory after this long. */
  idleMs: number;
  /** RETENTION_DAYS: a room's log is deleted this long after it was last used (0: never). */
  retentionMs: number;
  /**
   * GROUP_COMMIT (1, default; 0 to turn off): the game's commands of one event-loop turn
   * are appended in one SQLite transaction, acks still sent only once durable
   * (server/group-commit.ts). Off: one transaction per command, as before issue 12.
   */
  groupCommit: boolean;
  /**
   * VIEW_PATCHES (1, default; 0 to turn off): hosts and projectors get the whole game view
   * once, then patches of what changed (server/screen-patches.ts). Off: the whole view at every flush.
   */
  viewPatches: boolean;
};

export const defaultRoomSettings: RoomSettings = { maxSeats: MAX_SEATS, idleMs: 10 * 60_000, retentionMs: 30 * 86_400_000, groupCommit: true, viewPatches: true };
import { parseAllowedOrigins } from './limits/origins';

export type ServerConfig = {
  port: number;
  host: string | undefined;
  dataDir: string;
  dev: boolean;
  /** TRUST_PROXY: how many reverse proxies append X-Forwarded-For (0: none, trust no header). */
  trustProxy: number;
  /** ALLOWED_ORIGINS: pages on other origins allowed to open the game socket (comma-separated). */
  allowedOrigins: string[];
  /** `--game-only`: serve the protocol (and /healthz) without the web pages, for bots and tests: no Next build needed. */
  gameOnly: boolean;
  rooms: RoomSettings;
  synchronous: 'NORMAL' | 'FULL';
  /** WATCHER_DEFLATE (1, default; 0 to turn off): permessage-deflate for hosts and projectors (server/socket-io-transport.ts). */
  watcherDeflate: boolean;
};

export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    // Unset: listen on every interface, so phones on the classroom network can reach it.
    host: env.HOST || undefined,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    dev: argv.includes('--dev'),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    gameOnly: argv.includes('--game-only'),
    rooms: readRoomSettings(env),
    synchronous: readSynchronous(env),
    watcherDeflate: number(env, 'WATCHER_DEFLATE', 1, 0, 1) === 1,
  };
}

/** SQLITE_SYNCHRONOUS: NORMAL (default) or FULL; see docs/PERFORMANCE.md, "Durability". */
export function readSynchronous(env: NodeJS.ProcessEnv): 'NORMAL' | 'FULL' {
  const raw = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase();
  if (raw !== 'NORMAL' && raw !== 'FULL') throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${env.SQLITE_SYNCHRONOUS}"`);
  return raw;
}

export function readRoomSettings(env: NodeJS.ProcessEnv): RoomSettings {
  const d = defaultRoomSettings;
  return {
    maxSeats: number(env, 'MAX_SEATS', d.maxSeats, 2, 10_000),
    idleMs: number(env, 'IDLE_MINUTES', d.idleMs / 60_000, 0, 7 * 24 * 60) * 60_000,
    retentionMs: number(env, 'RETENTION_DAYS', d.retentionMs / 86_400_000, 0, 36_500) * 86_400_000,
    groupCommit: number(env, 'GROUP_COMMIT', d.groupCommit ? 1 : 0, 0, 1) === 1,
    viewPatches: number(env, 'VIEW_PATCHES', d.viewPatches ? 1 : 0, 0, 1) === 1,
  };
}

/** A setting that is present must be a number in range: a typo stops the server, loudly. */
function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** "true" means one proxy; a number says how many; unset, "false" or "0" means none. */
function readTrustProxy(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0) throw new Error(`TRUST_PROXY must be true, false or a number of proxies, got "${value}"`);
  return hops;
}
