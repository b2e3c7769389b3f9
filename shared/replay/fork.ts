/**
 * Fork: "what if the captain had not crashed?" From any moment t of a replayed round
 * of this room, the host starts a new live round whose clusters are the source's at t
 * (projected to t, as the projector showed them). The same students take the same
 * nodes. The RoundStarted names its source (round, seq of the last row folded, room
 * time) and carries the clusters, so the new round replays like any other.
 *
 * Two steps: what the source round was at t (`forkSourceAt`, a fold of the round's log,
 * seconds for an hour-long round: the server runs it off the game's thread), then the
 * decision on the live room (`decideFork`, which only checks the room and writes the fact).
 */
import type { GameDecision } from '../game/decide';
import type { RoundStarted } from '../game/events';
import { accepted, refuseAdmin, refused, type RefusalCode } from '../rules/refusal';
import { projectTo } from '../game/seat-view';
import type { RoomState } from '../room/state';
import type { SeqEvent } from './log-rows';
import { sliceRound } from './rounds';
import { buildTimeline, seek, type Timeline } from './timeline';

/** The source round at the fork's moment: what the new round starts from. */
export interface ForkSource {
  forkedFrom: NonNullable<RoundStarted['forkedFrom']>;
  config: RoundStarted['config'];
  teams: RoundStarted['teams'];
  clusters: NonNullable<RoundStarted['clusters']>;
}

export interface ForkRound {
  at: number;
  hostTokenHash: string;
  /** The source round at the moment (forkSourceAt); null: nothing to fork there. */
  source: ForkSource | null;
}

const refuse = (code: RefusalCode, message: string): GameDecision => refused(refuseAdmin(code, message));

/** The timeline's round at room time t (clamped to the round), or null before its first row. */
export function forkSourceAt(timeline: Timeline, roomTime: number): ForkSource | null {
  const t = Math.floor(Math.min(timeline.endTime, Math.max(timeline.startTime, roomTime)));
  const { room: source, index } = seek(timeline, t);
  const round = source.round;
  if (!round || index < 0) return null;
  return {
    forkedFrom: { round: timeline.round, seq: timeline.rows.seq[index]!, roomTime: t },
    config: round.config,
    teams: round.teams.map((team) => team.members),
    clusters: round.teams.map((team) => projectTo(team.cluster, t)),
  };
}

/** Round `round` of a room's log at room time t: 'no-round' when the log has no such round. */
export function forkSourceOfLog(log: readonly SeqEvent[], round: number, roomTime: number): ForkSource | null | 'no-round' {
  const slice = sliceRound(log, round);
  return slice ? forkSourceAt(buildTimeline(slice, { diagram: false }), roomTime) : 'no-round';
}

/** Why this room cannot fork now, whatever the source (null: it can): asked before the source's fold too. */
export function refuseFork(room: RoomState, hostTokenHash: string): GameDecision | null {
  if (hostTokenHash !== room.hostTokenHash) return refuse('not-host', 'Only the teacher who opened this class can do that.');
  if (room.round && !room.round.ended) return refuse('round-running', 'A round is already running: end it before starting another.');
  return null;
}

export function decideFork(room: RoomState, command: ForkRound): GameDecision {
  const refusal = refuseFork(room, command.hostTokenHash);
  if (refusal) return refusal;
  const { source } = command;
  if (!source) return refuse('no-round', 'There is nothing to fork at that moment.');
  return accepted({ type: 'RoundStarted', at: command.at, round: room.roundsPlayed + 1, config: source.config, teams: source.teams, forkedFrom: source.forkedFrom, clusters: source.clusters });
}
