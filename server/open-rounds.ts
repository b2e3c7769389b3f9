/**
 * Rounds that were open when the server stopped resume where their log ends. They load
 * one room per turn of the event loop, after the port is open: a restart with many open
 * rounds answers at once (issue 12: 81 rooms, 110,521 rows took 3.2 s before the port
 * opened), and a room someone asks for first simply loads on that first use.
 */
import type { RoomRegistry } from './room-registry';

/** Resolves with how many rooms it loaded (a room loaded by a first use meanwhile is skipped). */
export async function loadOpenRoundsInBackground(registry: RoomRegistry, stopped: () => boolean = () => false): Promise<number> {
  let loaded = 0;
  for (const code of registry.catalog.withOpenRound()) {
    await new Promise((resolve) => setImmediate(resolve));
    if (stopped()) break;
    if (registry.isInMemory(code)) continue;
    if (registry.get(code)) loaded += 1;
  }
  return loaded;
}
