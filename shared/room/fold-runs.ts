/**
 * A room log folded as the replay player folds it: a team's consecutive ClusterEvents and
 * MoveRefused rows as one run of shared/game/team-run.ts (one copy of room, round and team per run instead of
 * per row), every other row with evolveRoom. The state is the same as reducing evolveRoom
 * over the rows (team-run.ts: closing after one row or after many gives the same state).
 *
 * Checking an opened file (importLog) folds every row so that a file that passes can be
 * replayed without a crash; row by row, that fold was a third of opening an hour-long
 * class (~430,000 rows; issue 7), and it is the fold the player itself runs anyway.
 */
import type { ClusterEvents } from '../game/events';
import { closeTeamRun, foldsAsRun, foldsInTeamRun, foldTeamRunRow, openTeamRun, type MoveRefused } from '../game/team-run';
import type { RoomEvent } from './events';
import { evolveRoom } from './evolve';
import type { MaybeRoom } from './state';

/** A run is closed after this many rule events (as the player's checkpoints do), so its draft stays small. */
const RUN_EVENTS = 2_000;

/** A row the fold could not apply: its index among the rows folded, and what it threw. */
export class RowFoldError extends Error {
  constructor(readonly index: number, readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/**
 * `rows[start..end)` folded onto `from` (a fold in slices ends where one fold would: a run
 * closed early is the same state); throws RowFoldError naming the first row that cannot be
 * folded, by its index in `rows`.
 */
export function foldRoomRows(from: MaybeRoom, rows: readonly RoomEvent[], start = 0, end = rows.length): MaybeRoom {
  let room = from;
  let index = start;
  try {
    while (index < end) {
      const event = rows[index]!;
      if (room === null || !foldsInTeamRun(event) || !foldsAsRun(room.round)) {
        room = evolveRoom(room, event);
        index += 1;
        continue;
      }
      const team = event.team;
      const run = openTeamRun(room, team);
      let size = 0;
      let next: RoomEvent | undefined = event;
      do {
        const row = next as ClusterEvents | MoveRefused;
        foldTeamRunRow(run, row);
        size += row.type === 'ClusterEvents' ? row.events.length : 1;
        index += 1;
        next = rows[index];
      } while (size < RUN_EVENTS && index < end && next !== undefined && foldsInTeamRun(next) && next.team === team);
      room = closeTeamRun(run);
    }
  } catch (error) {
    throw new RowFoldError(index, error);
  }
  return room;
}
