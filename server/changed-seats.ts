/**
 * Which seats of a room a seats flush must look at. A phone's views are made of what the
 * whole room shares (its seats and lock, the scores switch, the round's id, end, clock,
 * teams, story, challenge and notes) and of its own team's cluster: the sources the seat
 * view cache compares (server/seat-view-cache.ts). The rules replace what an event touches
 * and keep the rest, so while the shared parts are the same objects as at the room's last
 * flush, only the phones of teams whose cluster or members changed, and phones asked for
 * again (a reconnect), can have a new view. In rooms of 30 in teams of 5, a click then
 * looks at 5 phones instead of 30 (docs/PERFORMANCE.md, session 5).
 */
import type { RoomState } from '../shared/room/state';

type Round = NonNullable<RoomState['round']>;
type Seen = {
  seats: RoomState['seats'];
  locked: boolean;
  scoresOff: boolean;
  round: RoomState['round'];
  shared: readonly unknown[];
  teams: ReadonlyArray<{ cluster: unknown; members: unknown }>;
};

/** The round's parts every phone's view shares; any change of identity means: look at every seat. */
const sharedOf = (round: Round): unknown[] => [round.id, round.ended, round.clock, round.config, round.teams.length, round.story, round.challenge, round.notes];

export class ChangedSeats {
  private readonly seen = new Map<string, Seen>();
  private readonly asked = new Map<string, Set<number>>();

  /** This phone's next flush must look at it whatever changed (it just (re)connected). */
  ask(code: string, nodeId: number): void {
    const nodes = this.asked.get(code);
    if (nodes) nodes.add(nodeId);
    else this.asked.set(code, new Set([nodeId]));
  }

  forgetRoom(code: string): void {
    this.seen.delete(code);
    this.asked.delete(code);
  }

  /**
   * The node ids whose views may have changed since the last call for this room (null:
   * every seat), and remembers this state as the one the next call compares with.
   */
  since(code: string, room: RoomState): Set<number> | null {
    const last = this.seen.get(code);
    const asked = this.asked.get(code);
    this.asked.delete(code);
    const round = room.round;
    const now: Seen = {
      seats: room.seats,
      locked: room.locked,
      scoresOff: room.scoresOff === true,
      round,
      shared: round ? sharedOf(round) : [],
      teams: round ? round.teams : [],
    };
    this.seen.set(code, now);
    if (!last || last.seats !== now.seats || last.locked !== now.locked || last.scoresOff !== now.scoresOff) return null;
    if (last.round === round) return asked ?? new Set();
    if (!last.round || !round || last.shared.length !== now.shared.length || now.shared.some((part, i) => part !== last.shared[i])) return null;
    const look = asked ?? new Set<number>();
    round.teams.forEach((team, t) => {
      const before = last.teams[t];
      if (before && before.cluster === team.cluster && before.members === team.members) return;
      for (const nodeId of team.members) look.add(nodeId);
    });
    return look;
  }
}
