/**
 * Rooms coming and going: what happens when a room is loaded into memory (its clock is
 * anchored; students who do not come back within the grace period crash, SPEC G6), when
 * it leaves (what was kept beside it is dropped), the idle sweep and the retention sweep.
 */
import { absentPlayers, AWAY_GRACE_MS } from '../shared/game/presence';
import type { RoomSettings } from './config';
import { reportPresence, type GameDeps } from './game-handlers';

/** How often idle rooms are looked for. */
const IDLE_SWEEP_MS = 30_000;
/** How often logs past retention are looked for (and once at start-up). */
const RETENTION_SWEEP_MS = 60 * 60_000;

export type RoomLifecycle = {
  /** Evicts the rooms idle by now (the sweep timer calls it; tests may too). */
  evictIdle: () => string[];
  /** Deletes every room past retention, in batches; resolves with how many. */
  sweepRetention: () => Promise<number>;
  close: () => void;
};

export function manageRoomLifecycle(deps: GameDeps, settings: RoomSettings): RoomLifecycle {
  const { registry, clocks, broadcaster, moves } = deps;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  registry.onLoad((code, state) => {
    clocks.sync(code, state);
    if (absentPlayers(state, []).length === 0) return;
    // Nobody can have been seen leaving while the room was not in memory: give everyone
    // the grace period a departing phone gets, then crash the nodes of those still away.
    later(AWAY_GRACE_MS, () => {
      const room = registry.peek(code);
      if (!room) return;
      for (const nodeId of absentPlayers(room, broadcaster.onlineNodeIds(code))) reportPresence(deps, code, nodeId, false);
    });
  });
  registry.onLeave((code) => {
    clocks.forget(code);
    broadcaster.forgetRoom(code);
    moves.forgetRoom(code);
  });

  const isConnected = () => (code: string) => broadcaster.isConnected(code);
  const evictIdle = () => registry.evictIdle({ idleMs: settings.idleMs, now: Date.now(), isConnected: isConnected() });

  let sweeping: Promise<number> | null = null;
  const sweepRetention = (): Promise<number> => {
    if (settings.retentionMs <= 0) return Promise.resolve(0);
    sweeping ??= (async () => {
      let total = 0;
      for (;;) {
        const deleted = registry.deleteUnusedSince(Date.now() - settings.retentionMs, isConnected());
        total += deleted.length;
        if (deleted.length === 0) return total;
        await new Promise((resolve) => setImmediate(resolve)); // let classes in session run
      }
    })().finally(() => (sweeping = null));
    return sweeping;
  };

  const idleTimer = setInterval(evictIdle, IDLE_SWEEP_MS);
  const retentionTimer = setInterval(() => void sweepRetention(), RETENTION_SWEEP_MS);
  idleTimer.unref();
  retentionTimer.unref();
  later(1_000, () => void sweepRetention());

  return {
    evictIdle,
    sweepRetention,
    close: () => {
      clearInterval(idleTimer);
      clearInterval(retentionTimer);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
