/**
 * Fork: "what if the captain had not crashed?" From any moment t of a replayed round
 * of this room, the host starts a new live round whose clusters are the source's at t
 * (projected to t, as the projector showed them). The same students take the same
 * nodes. The RoundStarted names its source (round, seq of the last row folded, room
 * time) and carries the clusters, so the new round replays like any other.
 */
import type { GameDecision } from '../game/decide';
import { accepted, refuseAdmin, refused, type RefusalCode } from '../rules/refusal';
import { projectTo } from '../game/seat-view';
import type { RoomState } from '../room/state';
import { seek, type Timeline } from './timeline';

export interface ForkRound {
  at: number;
  hostTokenHash: string;
  /** The source round, built from this room's own log. */
  timeline: Timeline;
  roomTime: number;
}

const refuse = (code: RefusalCode, message: string): GameDecision => refused(refuseAdmin(code, message));

export function decideFork(room: RoomState, command: ForkRound): GameDecision {
  if (command.hostTokenHash !== room.hostTokenHash) return refuse('not-host', 'Only the teacher who opened this class can do that.');
  if (room.round && !room.round.ended) return refuse('round-running', 'A round is already running: end it before starting another.');
  const { timeline } = command;
  const t = Math.floor(Math.min(timeline.endTime, Math.max(timeline.startTime, command.roomTime)));
  const { room: source, index } = seek(timeline, t);
  const round = source.round;
  if (!round || index < 0) return refuse('no-round', 'There is nothing to fork at that moment.');
  return accepted({
      type: 'RoundStarted',
      at: command.at,
      round: room.roundsPlayed + 1,
      config: round.config,
      teams: round.teams.map((team) => team.members),
      forkedFrom: { round: timeline.round, seq: timeline.rows.seq[index]!, roomTime: t },
      clusters: round.teams.map((team) => projectTo(team.cluster, t)),
  });
}
