/**
 * The scoring fold (SPEC S1..S7): a round's logged events in, every student's and team's
 * score out. It reads only the log (the game's RoundStarted, ClusterEvents, MoveRefused and
 * RoundEnded), so a live round (the room folds it event by event), a server replay and an
 * imported file score the same. The algorithm's own duties come from its module
 * (shared/rules/<name>/scoring.ts). Steps never mutate: the room keeps the state.
 */
import type { ClusterEvents, GameEvent, RoundStarted } from '../game/events';
import { algorithmModule } from '../rules/registry';
import type { AlgorithmScoring, ScoreMark } from '../rules/scoring-hooks';
import type { RoundScores, ScoringState, StudentScore, TeamMemory } from './types';

type MoveRefused = Extract<GameEvent, { type: 'MoveRefused' }>;

/** S3: points for taking the lead. */
export const LEAD_POINTS = 10;
/** S4: a leader elected within this much room time after the captain went down (the classroom presets time out in 15-30 s, so this is one prompt election). */
export const FAST_RECOVERY_MS = 30_000;
export const FAST_RECOVERY_POINTS = 10;
/** S5: what a refused move costs (a lesson, not a shame: small, and the total stays >= 0). */
export const REFUSAL_COST = 1;

const NO_SCORING: AlgorithmScoring = { duties: {}, moveNouns: {}, marks: () => [] };
const scoringOf = (algorithm: string) => algorithmModule(algorithm).scoring ?? NO_SCORING;

export function startScoring(start: RoundStarted): ScoringState {
  const offsets: number[] = [];
  let offset = 0;
  for (const members of start.teams) {
    offsets.push(offset);
    offset += members.length;
  }
  return {
    round: start.round,
    algorithm: start.config.algorithm,
    teams: start.teams,
    offsets,
    students: start.teams.flatMap((members, team) => members.map((student, node) => blank(student, team, node))),
    memory: start.teams.map(() => ({ leader: null, downSince: null, now: 0, crashed: [] })),
  };
}

/** One logged event of the round (events outside the round's own kinds change nothing). */
export function stepScoring(state: ScoringState, event: GameEvent): ScoringState {
  if (event.type !== 'ClusterEvents' && event.type !== 'MoveRefused') return state;
  const run = openTeamScoring(state, event.team);
  if (!run) return state;
  if (event.type === 'MoveRefused') stepTeamRefusal(run, event);
  else stepTeamScoring(run, event);
  return settleTeamScoring(run);
}

/**
 * One team's scoring over a run of its batches (shared/game/team-run.ts): the steps carry
 * the team's memory aside and write it into the state once, when the run settles, instead
 * of copying the memory list and the state for every logged row. A ClusterEvents row is
 * open, step, settle (stepScoring above), so live and replay score with the same code.
 */
export interface TeamScoring {
  /** The state when the run opened: never written (students and memory are carried aside). */
  readonly state: ScoringState;
  readonly team: number;
  mem: TeamMemory;
  /** The memory the state held when the run opened: any other `mem` was made by the run, and is its own to change. */
  readonly opened: TeamMemory;
  /**
   * The run's own copy of the students (null until its first edit), written in place from
   * then on: an hour of Raft scores ~120,000 duties, and a copy of the 60 scores per duty
   * was a tenth of the replay player's fold (issue 7). Nobody sees it before the run settles.
   */
  students: StudentScore[] | null;
  /**
   * Which students (and which of their tallies) the run copied, by their place in `students`
   * (bits of OWN_*; null until its first edit): its own, changed in place from then on, as a
   * cluster draft is (shared/rules/draft.ts). A score copied per accepted move, duty and
   * refusal was a spread of the student and of a tally for each of a class hour's ~400,000.
   */
  own: Uint8Array | null;
}

/** Null when the state has no memory of the team (nothing to score; startScoring gives every team one). */
export function openTeamScoring(state: ScoringState, team: number): TeamScoring | null {
  const mem = state.memory[team];
  return mem ? { state, team, mem, opened: mem, students: null, own: null } : null;
}

export function stepTeamScoring(run: TeamScoring, event: ClusterEvents): void {
  if (event.cause === 'move' && event.node !== undefined) {
    const at = studentInRun(run, event.node);
    if (at >= 0) run.students![at]!.movesAccepted += 1;
  }
  run.mem = foldCommon(run.mem, event.events, run.mem !== run.opened);
  // The row itself is the scored batch (same cause, node and events): no copy per row.
  const marks = scoringOf(run.state.algorithm).marks(event, run.mem.leader);
  for (const mark of marks) apply(run, mark);
}

/** S5: a refused move, counted by rule and by the move's noun (it costs points, see `points`). */
export function stepTeamRefusal(run: TeamScoring, event: MoveRefused): void {
  const at = studentInRun(run, event.node);
  if (at < 0) return;
  const noun = scoringOf(run.state.algorithm).moveNouns[event.move] ?? event.move;
  countInRun(run, at, 'refusedByRule', event.rule);
  countInRun(run, at, 'refusedByMove', `${noun}|${event.rule}`);
}

export function settleTeamScoring(run: TeamScoring): ScoringState {
  const { state, team, mem, students } = run;
  if (mem === state.memory[team] && students === null) return state;
  let memory = state.memory;
  if (mem !== memory[team]) {
    memory = memory.slice();
    memory[team] = mem;
  }
  return withScoring(state, students ?? state.students, memory);
}

/** Field by field, not spread: this runs for every logged row (see shared/game/evolve.ts, roundWithTeams). */
function withScoring(state: ScoringState, students: StudentScore[], memory: TeamMemory[]): ScoringState {
  return { round: state.round, algorithm: state.algorithm, teams: state.teams, offsets: state.offsets, students, memory };
}

/** The scores so far: points (S2..S5) and team sums (S7). */
export function scoresOf(state: ScoringState): RoundScores {
  const scoring = scoringOf(state.algorithm);
  const students = state.students.map((s) => ({ ...s, points: points(s, scoring) }));
  const teams = state.teams.map((members, team) => ({ team, members, points: students.filter((s) => s.team === team).reduce((sum, s) => sum + s.points, 0) }));
  return { round: state.round, algorithm: state.algorithm, students, teams };
}

/** Scores the first round in `events` (from its RoundStarted up to its RoundEnded). */
export function scoreRound(events: readonly GameEvent[]): RoundScores | null {
  const startIndex = events.findIndex((e) => e.type === 'RoundStarted');
  const start = events[startIndex];
  if (!start || start.type !== 'RoundStarted') return null;
  let state = startScoring(start);
  for (const event of events.slice(startIndex + 1)) {
    if (event.type === 'RoundEnded' || event.type === 'RoundStarted') break;
    state = stepScoring(state, event);
  }
  return scoresOf(state);
}

/** Room time and crashes, common to every algorithm (C rules). */
function foldCommon(mem: TeamMemory, events: ClusterEvents['events'], own: boolean): TeamMemory {
  let next = mem;
  // Time is carried in a local and written once: most batches are only time and messages.
  let now = mem.now;
  for (const e of events) {
    if (e.type === 'ClockAdvanced') now = e.to;
    else if (e.type === 'NodeCrashed') {
      if (now !== next.now) next = { leader: next.leader, downSince: next.downSince, now, crashed: next.crashed };
      const crashed = next.crashed.includes(e.node) ? next.crashed : next.crashed.concat(e.node);
      next = e.node === next.leader ? { ...next, crashed, leader: null, downSince: next.now } : { ...next, crashed };
    } else if (e.type === 'NodeRestarted') next = { ...next, crashed: next.crashed.filter((n) => n !== e.node) };
  }
  if (now === next.now) return next;
  // A memory made in this run (or just above) is seen by nobody else yet: it takes the time in place.
  if (own || next !== mem) {
    next.now = now;
    return next;
  }
  return { leader: next.leader, downSince: next.downSince, now, crashed: next.crashed };
}

/** One mark of the run's batch on its scores and memory (S3, S4, S6). */
function apply(run: TeamScoring, mark: ScoreMark): void {
  const mem = run.mem;
  if (mark.kind === 'duty') {
    // S6: a crashed node is not blamed for what it could not do.
    if (!mark.done && mem.crashed.includes(mark.node)) return;
    const at = studentInRun(run, mark.node);
    if (at >= 0) countInRun(run, at, mark.done ? 'dutiesDone' : 'dutiesMissed', mark.duty);
  } else if (mark.kind === 'lead') {
    const fast = mem.downSince !== null && mem.now - mem.downSince <= FAST_RECOVERY_MS;
    const at = studentInRun(run, mark.node);
    if (at >= 0) {
      const s = run.students![at]!;
      s.leads += 1;
      s.fastRecoveries += fast ? 1 : 0;
    }
    run.mem = { ...mem, leader: mark.node, downSince: null };
  } else if (mark.kind === 'in-office') run.mem = { ...mem, leader: mark.node };
  else if (mem.leader === mark.node) run.mem = { ...mem, leader: null };
}

/** S2..S5: the points of one student; refusals only ever take away (S5). */
export function points(s: StudentScore, scoring: AlgorithmScoring): number {
  let total = s.leads * LEAD_POINTS + s.fastRecoveries * FAST_RECOVERY_POINTS;
  for (const [duty, n] of Object.entries(s.dutiesDone)) total += n * (scoring.duties[duty]?.points ?? 0);
  const refused = Object.values(s.refusedByRule).reduce((a, b) => a + b, 0);
  return Math.max(0, total - refused * REFUSAL_COST);
}

/** Where student `node` of `team` is in `students` (-1: no such student). */
function studentAt(state: ScoringState, students: readonly StudentScore[], team: number, node: number): number {
  const index = (state.offsets[team] ?? -1) + node;
  return students[index]?.team === team ? index : -1;
}

/**
 * Where student `node` of the run's team is in `run.students`, ready to be written in place (-1: no such student):
 * the run's own copy of the students' list (made on its first edit), and in it the run's own
 * copy of the student (made on its first edit of that student). Same keys in the same order
 * as the spread each edit used to make.
 */
function studentInRun(run: TeamScoring, node: number): number {
  const students = run.students ?? run.state.students;
  const index = studentAt(run.state, students, run.team, node);
  if (index < 0) return -1;
  if (run.students === null) {
    run.students = students.slice();
    run.own = new Uint8Array(students.length);
  }
  const own = run.own!;
  if (!(own[index]! & OWN_STUDENT)) {
    run.students[index] = { ...run.students[index]! };
    own[index] = OWN_STUDENT;
  }
  return index;
}

/** Bits of TeamScoring.own: the student, then each tally the run copied. */
const OWN_STUDENT = 1;
const OWN_TALLY = { refusedByRule: 2, refusedByMove: 4, dutiesDone: 8, dutiesMissed: 16 } as const;

/** One more `key` in the run's student's tally (copied on its first write in the run, then counted in place). */
function countInRun(run: TeamScoring, at: number, tally: keyof typeof OWN_TALLY, key: string): void {
  const own = run.own!; // studentInRun made it
  const s = run.students![at]!;
  let counts = s[tally];
  if (!(own[at]! & OWN_TALLY[tally])) {
    counts = { ...counts };
    s[tally] = counts;
    own[at] = own[at]! | OWN_TALLY[tally];
  }
  counts[key] = (counts[key] ?? 0) + 1;
}

function blank(student: number, team: number, node: number): StudentScore {
  return { student, team, node, movesAccepted: 0, refusedByRule: {}, refusedByMove: {}, dutiesDone: {}, dutiesMissed: {}, leads: 0, fastRecoveries: 0, points: 0 };
}
