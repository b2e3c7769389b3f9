/**
 * Per-seat memory of what was last sent, so a flush sends a student a view only when it
 * changed. Rebuilding a node's game view is skipped entirely while the objects it is made
 * of are the same objects (the rules copy only what an event touches), which keeps a
 * 60-player flush to the few nodes the last events reached.
 */
import type { SeatView } from '../shared/protocol';
import { gameSeatView, type GameSeatView } from '../shared/game/seat-view';
import { seatInRound } from '../shared/game/round';
import type { ClusterState } from '../shared/rules/types';
import type { RoomState } from '../shared/room/state';
import { seatView } from '../shared/room/views';

interface Sent {
  seatJson: string;
  /** The objects the last game view was built from; any change of identity means rebuild. */
  sources: unknown[];
  gameJson: string;
}

function algorithmNode(cluster: ClusterState, index: number): unknown {
  if (cluster.algorithm === 'raft') return cluster.raft[index];
  if (cluster.algorithm === 'bully') return cluster.bully[index];
  return cluster.clients[index];
}

function sourcesOf(room: RoomState, nodeId: number): unknown[] {
  const round = room.round;
  if (!round) return [null];
  const seat = seatInRound(round, nodeId);
  const base = [round.id, round.ended, round.clock, round.teams.length];
  if (!seat) return base;
  const cluster = seat.team.cluster;
  return [...base, cluster.nodes[seat.index], algorithmNode(cluster, seat.index), cluster.params, room.seats.length];
}

export class SeatViewCache {
  private readonly sent = new Map<string, Sent>();

  forget(code: string, nodeId: number): void {
    this.sent.delete(`${code}:${nodeId}`);
  }

  /** The views to send now: `seat` / `game` are left out when unchanged since last time. */
  update(code: string, room: RoomState, nodeId: number, roomNow: number): { seat?: SeatView; game?: GameSeatView | null } {
    const key = `${code}:${nodeId}`;
    const last = this.sent.get(key);
    const out: { seat?: SeatView; game?: GameSeatView | null } = {};
    const seat = seatView(room, nodeId);
    const seatJson = JSON.stringify(seat);
    if (seat && seatJson !== last?.seatJson) out.seat = seat;
    const sources = sourcesOf(room, nodeId);
    let gameJson = last?.gameJson ?? '';
    if (!last || sources.length !== last.sources.length || sources.some((s, i) => s !== last.sources[i])) {
      const game = gameSeatView(room, nodeId, roomNow);
      const json = JSON.stringify(game);
      if (json !== last?.gameJson) out.game = game;
      gameJson = json;
    }
    this.sent.set(key, { seatJson, sources, gameJson });
    return out;
  }
}
