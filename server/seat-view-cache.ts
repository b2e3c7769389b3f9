/**
 * Per-seat memory of what was last sent, so a flush sends a student a view only when it
 * changed. Rebuilding a node's game view is skipped entirely while the objects it is made
 * of are the same objects (the rules copy only what an event touches), which keeps a
 * 60-player flush to the few nodes the last events reached.
 */
import type { SeatView } from '../shared/protocol';
import { gameSeatView, seatPlace, type GameSeatView } from '../shared/game/seat-view';
import { algorithmModule } from '../shared/rules/registry';
import type { RoomState } from '../shared/room/state';
import { seatView } from '../shared/room/views';

interface Sent {
  /** The room's seats and lock the last seat view was made from: same objects, same view. */
  seats: RoomState['seats'];
  locked: boolean;
  seatJson: string;
  /** The objects the last game view was built from; any change of identity means rebuild. */
  sources: unknown[];
  /** Room time the last game view was computed at (null for a null view). */
  gameAt: number | null;
  /** Its JSON, kept only when the next view may be computed at the same room time (see update). */
  gameJson: string | null;
}

function sourcesOf(room: RoomState, nodeId: number): unknown[] {
  const round = room.round;
  if (!round) return [null];
  const seat = seatPlace(round, nodeId);
  // A story's beat changes every phone's cue without touching its node (story mode); a phone
  // shows a challenge's goal, timer and winner: its start and its end (SPEC K1), and the scores switch (S11).
  const base = [round.id, round.ended, round.clock, round.teams.length, round.story?.beat, round.story?.status, round.story?.beatStartedAt, round.challenge?.startedAt ?? null, round.challenge?.ended ?? null, room.scoresOff === true];
  if (!seat) return base;
  const cluster = seat.team.cluster;
  // A cue is spent (ST5) when its team matched its `done`: the phone then calms down.
  base.push(round.story?.teams[seat.team.team]?.matched.length);
  return [...base, cluster.nodes[seat.index], algorithmModule(cluster.algorithm).seat.source(cluster, seat.index), cluster.params, room.seats.length];
}

export class SeatViewCache {
  private readonly sent = new Map<string, Sent>();

  forget(code: string, nodeId: number): void {
    this.sent.delete(`${code}:${nodeId}`);
  }

  /** The room left memory: nothing of it is kept. */
  forgetRoom(code: string): void {
    for (const key of this.sent.keys()) if (key.startsWith(`${code}:`)) this.sent.delete(key);
  }

  /** The views to send now: `seat` / `game` are left out when unchanged since last time. */
  update(code: string, room: RoomState, nodeId: number, roomNow: number): { seat?: SeatView; game?: GameSeatView | null } {
    const key = `${code}:${nodeId}`;
    const last = this.sent.get(key);
    const out: { seat?: SeatView; game?: GameSeatView | null } = {};
    // A seat view is made of the room's code, lock and seats only (seats are replaced, never
    // mutated, when anyone joins or is kicked): while those are the same, so is the view.
    let seatJson = last?.seatJson ?? '';
    if (!last || last.seats !== room.seats || last.locked !== room.locked) {
      const seat = seatView(room, nodeId);
      seatJson = JSON.stringify(seat);
      if (seat && seatJson !== last?.seatJson) out.seat = seat;
    }
    const sources = sourcesOf(room, nodeId);
    let gameAt = last?.gameAt ?? null;
    let gameJson = last?.gameJson ?? null;
    if (!last || sources.length !== last.sources.length || sources.some((s, i) => s !== last.sources[i])) {
      const game = gameSeatView(room, nodeId, roomNow);
      const at = game ? game.computedAt : null;
      // A view carries the room time it was computed at, so one made at another room time
      // differs from the last one sent: no need to serialize it to know. Only at the same
      // room time (a paused clock) can a rebuilt view be identical; then JSON decides.
      const json = last && at === last.gameAt ? JSON.stringify(game) : null;
      if (json === null || json !== last?.gameJson) out.game = game;
      gameAt = at;
      gameJson = game === null || !game.clock.running ? (json ?? JSON.stringify(game)) : null;
    }
    this.sent.set(key, { seats: room.seats, locked: room.locked, seatJson, sources, gameAt, gameJson });
    return out;
  }
}
