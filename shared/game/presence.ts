/**
 * SPEC G6: with crash-on-disconnect, a student whose phone has been away for 3 s is a
 * crashed node until it comes back. A phone that leaves while the server runs is seen
 * leaving; after a restart (or when a room is loaded back into memory) nobody is seen
 * leaving, so the server asks this, one grace period after the load, which nodes belong
 * to students who never came back. Each then gets the SeatPresence "away" a departing
 * phone would have caused, and decideGame crashes it exactly as without a restart.
 */
import type { GameRoom } from './room';

/** How long a phone may be away (a tunnel, a reload) before its node counts as crashed. */
export const AWAY_GRACE_MS = 3_000;

/** Students of the open round, not online now, whose node is not already down. */
export function absentPlayers(room: GameRoom, onlineNodeIds: readonly number[]): number[] {
  const round = room.round;
  if (!round || round.ended || !round.config.crashOnDisconnect) return [];
  const online = new Set(onlineNodeIds);
  const absent: number[] = [];
  for (const team of round.teams) {
    team.members.forEach((nodeId, index) => {
      if (!online.has(nodeId) && team.cluster.nodes[index]?.status !== 'crashed') absent.push(nodeId);
    });
  }
  return absent;
}
