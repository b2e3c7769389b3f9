/**
 * A round as a film: the room folded row by row with the live game's own fold (evolveRoom;
 * a team's consecutive batches and refused moves as one run of shared/game/team-run.ts, the
 * code evolveRoom runs for each of them live), each row stamped with the room time it happened at, and
 * checkpoints of the folded state so that any moment is a short fold away.
 *
 * The state at room time t is the fold of every row whose time is <= t (a row is one
 * logged fact; the class saw nothing finer live), then projected to t as the live views
 * project it (projectTo). Checkpoints cost little: evolve never mutates and copies only
 * what an event touches, so a checkpoint keeps a reference to the state object.
 */
import type { ClusterEvents } from '../game/events';
import { closeTeamRun, foldsAsRun, foldsInTeamRun, foldTeamRunRow, openTeamRun, type MoveRefused } from '../game/team-run';
import type { RoomEvent } from '../room/events';
import { evolveRoom } from '../room/evolve';
import { algorithmModule } from '../rules/registry';
import type { RoomState } from '../room/state';
import type { ClusterState } from '../rules/types';
import { createDiagramBuilder, type DiagramData, type DiagramRole } from './diagram';
import type { SeqEvent } from './log-rows';
import { leaderBeforeRow, markersOf, type Marker } from './markers';
import type { RoundSlice } from './rounds';
import { runToEnd, type Steps } from './steps';

export interface TimelineRow {
  seq: number;
  /** Room time of the row: the latest time any fact of the round had reached by then. */
  time: number;
  type: string;
  team: number | null;
  /** Rule events in the row (a batch), 1 for room-level facts. */
  size: number;
}

/**
 * The round's rows as columns, row i at index i (`rowOf` gives one as a TimelineRow). An
 * hour holds ~430,000 rows: as objects they were 30 MB that every collection of the fold
 * had to copy (issue 7); typed arrays are never scanned. Type and team are the event's.
 */
export interface TimelineRows {
  readonly length: number;
  /** The row's seq in the room's log. */
  readonly seq: Float64Array;
  /** Room time of the row: the latest time any fact of the round had reached by then. */
  readonly time: Float64Array;
  /** Rule events in the row (a batch), 1 for room-level facts. */
  readonly size: Uint32Array;
}

export interface Checkpoint {
  /** The state after row `index`. */
  index: number;
  time: number;
  room: RoomState;
}

export interface Timeline {
  round: number;
  /** The room just before the round's first row (seats and nicknames). */
  base: RoomState;
  rows: TimelineRows;
  events: SeqEvent[];
  checkpoints: Checkpoint[];
  markers: Marker[];
  diagram: DiagramData | null;
  startTime: number;
  endTime: number;
  /** How many rule events the round holds (the "430,000 events" of the benchmark). */
  ruleEvents: number;
}

export interface TimelineOptions {
  /** A checkpoint at least every this many rule events (default 2,000). */
  checkpointEvery?: number;
  /** Build the space-time diagram too (default true). */
  diagram?: boolean;
}

/**
 * A row the round's fold cannot play (a file edited by hand: a batch for a team that does not
 * exist, a join before the room): its seq in the log, and why. Opening a file checks each line
 * against the log's schemas; whether its facts can be played is found here, where the rows are
 * folded anyway (folding a whole file once more only to check it was a third of opening an hour).
 */
export class UnplayableRowError extends Error {
  constructor(readonly seq: number, reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

function foldAll(events: readonly SeqEvent[], from: RoomState | null): RoomState | null {
  let room = from;
  for (const { seq, event } of events) {
    try {
      room = evolveRoom(room, event);
    } catch (error) {
      throw new UnplayableRowError(seq, error);
    }
  }
  return room;
}

/** The role a node starts the round in: its module's ordinary member (the one `plain` role: follower, idle). */
function restingRole(algorithm: string): DiagramRole {
  const roles = algorithmModule(algorithm).roles;
  const plain = Object.keys(roles).find((role) => roles[role]!.plain);
  if (!plain) throw new Error(`algorithm "${algorithm}" has no plain role for the diagram's lanes`);
  return plain as DiagramRole; // the diagram's role names are the modules' role keys
}

function teamCluster(room: RoomState | null, team: number): ClusterState | null {
  return room?.round?.teams[team]?.cluster ?? null;
}

export function buildTimeline(slice: RoundSlice, options: TimelineOptions = {}): Timeline {
  return runToEnd(timelineSteps(slice, options));
}

/**
 * buildTimeline in steps: yields the share of the rows folded (0..1) after each checkpoint,
 * and returns the timeline. An hour is ~430,000 rows and over a second of folding: a page
 * drives the steps between frames (app/client/run-in-steps.ts) and shows how far it got,
 * instead of freezing the tab. Yielding only at checkpoints keeps the rows' loop as it was.
 */
export function* timelineSteps(slice: RoundSlice, options: TimelineOptions = {}): Steps<Timeline> {
  const every = options.checkpointEvery ?? 2_000;
  const base = foldAll(slice.prelude, null);
  if (!base) throw new Error('The log has no RoomCreated before the round');
  const first = slice.rows[0]!.event;
  if (first.type !== 'RoundStarted') throw new Error('A round starts with RoundStarted');
  const startTime = first.forkedFrom?.roomTime ?? 0;
  const diagram = options.diagram === false ? null : createDiagramBuilder(first.teams.map((t) => t.length), startTime, restingRole(first.config.algorithm));
  const logged = slice.rows;
  const rows: TimelineRows = { length: logged.length, seq: new Float64Array(logged.length), time: new Float64Array(logged.length), size: new Uint32Array(logged.length) };
  const markers: Marker[] = [];
  const checkpoints: Checkpoint[] = [];
  let room: RoomState = base;
  let time = startTime;
  let sinceCheckpoint = 0;
  let ruleEvents = 0;
  /**
   * Records row `index`: its team's cluster after it, and what was read of it before (its
   * time, NaN without one, and leaderBeforeRow): a team run writes the cluster in place.
   * True when a checkpoint is due after the row.
   */
  const record = (index: number, event: RoomEvent, nowBefore: number, leaderBefore: boolean | null, after: ClusterState | null): boolean => {
    if (event.type === 'ClusterEvents' && !Number.isNaN(nowBefore) && after) {
      if (after.now > time) time = after.now;
      if (diagram) diagram.addBatch(event, nowBefore);
    } else if (event.type === 'RoundClockSet' && event.roomTime > time) time = event.roomTime;
    const size = event.type === 'ClusterEvents' ? event.events.length : 1;
    ruleEvents += size;
    sinceCheckpoint += size;
    rows.seq[index] = logged[index]!.seq;
    rows.time[index] = time;
    rows.size[index] = size;
    const marked = markersOf(event, index, time, leaderBefore, after);
    for (let m = 0; m < marked.length; m++) markers.push(marked[m]!);
    return index === 0 || sinceCheckpoint >= every;
  };
  // A checkpoint is a reference, not a copy: evolve never mutates a state it was given, and a
  // team run writes in place only what it made itself since it opened (shared/rules/draft.ts).
  const checkpoint = (index: number) => {
    checkpoints.push({ index, time, room });
    sinceCheckpoint = 0;
  };
  // Plain loops (no closure made per row): this runs for each of the hour's ~430,000 rows.
  let index = 0;
  // `index` is the row being folded when a fold throws: a run counts a row only once it is folded.
  try {
    while (index < logged.length) {
      const event = logged[index]!.event;
      if (foldsInTeamRun(event) && foldsAsRun(room.round)) {
        // Consecutive batches and refusals of one team fold as one run, closed at the next checkpoint (team-run.ts).
        const team = event.team;
        const run = openTeamRun(room, team);
        let due = false;
        let next: RoomEvent | undefined = event;
        do {
          const row = next as ClusterEvents | MoveRefused;
          const nowBefore = run.cluster.now;
          const leaderBefore = leaderBeforeRow(row, run.cluster);
          foldTeamRunRow(run, row);
          due = record(index, row, nowBefore, leaderBefore, run.cluster);
          index += 1;
          next = logged[index]?.event;
        } while (!due && next !== undefined && foldsInTeamRun(next) && next.team === team);
        room = closeTeamRun(run);
        if (due) {
          checkpoint(index - 1);
          yield index / logged.length;
        }
        continue;
      }
      const team = event.type === 'ClusterEvents' || event.type === 'MoveRefused' ? event.team : null;
      const before = team === null ? null : teamCluster(room, team);
      const leaderBefore = leaderBeforeRow(event, before);
      room = evolveRoom(room, event)!;
      const due = record(index, event, before?.now ?? Number.NaN, leaderBefore, team === null ? null : teamCluster(room, team));
      index += 1;
      if (due) {
        checkpoint(index - 1);
        yield index / logged.length;
      }
    }
  } catch (error) {
    throw new UnplayableRowError(logged[index]?.seq ?? Number.NaN, error);
  }
  return { round: slice.round, base, rows, events: slice.rows, checkpoints, markers, diagram: diagram?.data ?? null, startTime, endTime: time, ruleEvents };
}

/** Row `index` as one object (its type and team are its event's). */
export function rowOf(timeline: Timeline, index: number): TimelineRow {
  const { rows } = timeline;
  const event = timeline.events[index]!.event;
  const team = event.type === 'ClusterEvents' || event.type === 'MoveRefused' ? event.team : null;
  return { seq: rows.seq[index]!, time: rows.time[index]!, type: event.type, team, size: rows.size[index]! };
}

/** Index of the last row at or before room time t (-1: before the first row). */
export function rowAt(timeline: Timeline, t: number): number {
  const times = timeline.rows.time;
  let lo = 0;
  let hi = timeline.rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The room after row `index`: the nearest checkpoint at or before it, folded forward. */
export function roomAfter(timeline: Timeline, index: number): RoomState {
  if (index < 0) return timeline.base;
  let lo = 0;
  let hi = timeline.checkpoints.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (timeline.checkpoints[mid]!.index <= index) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const checkpoint = timeline.checkpoints[best]!;
  return foldRows(checkpoint.room, timeline.events, checkpoint.index + 1, index + 1);
}

/** Rows `from` to `to` (exclusive) folded onto `room`, a team's consecutive batches and refusals as one run (as buildTimeline folds them). */
function foldRows(from: RoomState, events: readonly SeqEvent[], start: number, end: number): RoomState {
  let room = from;
  let i = start;
  while (i < end) {
    const event = events[i]!.event;
    if (!foldsInTeamRun(event) || !foldsAsRun(room.round)) {
      room = evolveRoom(room, event)!;
      i += 1;
      continue;
    }
    const run = openTeamRun(room, event.team);
    let next: RoomEvent | undefined = event;
    do {
      foldTeamRunRow(run, next as ClusterEvents | MoveRefused);
      i += 1;
      next = i < end ? events[i]!.event : undefined;
    } while (next !== undefined && foldsInTeamRun(next) && next.team === event.team);
    room = closeTeamRun(run);
  }
  return room;
}

/** Seek: the room as it stood at room time t (rows up to t; views project the rest). */
export function seek(timeline: Timeline, t: number): { room: RoomState; index: number } {
  const index = rowAt(timeline, t);
  return { room: roomAfter(timeline, index), index };
}
