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
  if (event.type === 'MoveRefused') {
    const noun = scoringOf(state.algorithm).moveNouns[event.move] ?? event.move;
    return edit(state, event.team, event.node, (s) => ({
      ...s,
      refusedByRule: count(s.refusedByRule, event.rule),
      refusedByMove: count(s.refusedByMove, `${noun}|${event.rule}`),
    }));
  }
  if (event.type !== 'ClusterEvents') return state;
  const run = openTeamScoring(state, event.team);
  if (!run) return state;
  stepTeamScoring(run, event);
  return settleTeamScoring(run);
}

/**
 * One team's scoring over a run of its batches (shared/game/team-run.ts): the steps carry
 * the team's memory aside and write it into the state once, when the run settles, instead
 * of copying the memory list and the state for every logged row. A ClusterEvents row is
 * open, step, settle (stepScoring above), so live and replay score with the same code.
 */
export interface TeamScoring {
  state: ScoringState;
  readonly team: number;
  mem: TeamMemory;
  /** The memory the state held when the run opened: any other `mem` was made by the run, and is its own to change. */
  readonly opened: TeamMemory;
}

/** Null when the state has no memory of the team (nothing to score). */
export function openTeamScoring(state: ScoringState, team: number): TeamScoring | null {
  const mem = state.memory[team];
  return mem ? { state, team, mem, opened: mem } : null;
}

export function stepTeamScoring(run: TeamScoring, event: ClusterEvents): void {
  let next = run.state;
  if (event.cause === 'move' && event.node !== undefined) next = edit(next, run.team, event.node, (s) => ({ ...s, movesAccepted: s.movesAccepted + 1 }));
  let mem = foldCommon(run.mem, event.events, run.mem !== run.opened);
  // The row itself is the scored batch (same cause, node and events): no copy per row.
  const marks = scoringOf(next.algorithm).marks(event, mem.leader);
  for (const mark of marks) {
    const applied = apply(next, event, mark, mem);
    next = applied.state;
    mem = applied.mem;
  }
  run.state = next;
  run.mem = mem;
}

export function settleTeamScoring(run: TeamScoring): ScoringState {
  const { state, team, mem } = run;
  if (mem === state.memory[team]) return state;
  const memory = state.memory.slice();
  memory[team] = mem;
  return withScoring(state, state.students, memory);
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

function apply(state: ScoringState, batch: ClusterEvents, mark: ScoreMark, mem: TeamMemory): { state: ScoringState; mem: TeamMemory } {
  if (mark.kind === 'duty') {
    // S6: a crashed node is not blamed for what it could not do.
    if (!mark.done && mem.crashed.includes(mark.node)) return { state, mem };
    return { state: edit(state, batch.team, mark.node, (s) => (mark.done ? { ...s, dutiesDone: count(s.dutiesDone, mark.duty) } : { ...s, dutiesMissed: count(s.dutiesMissed, mark.duty) })), mem };
  }
  if (mark.kind === 'lead') {
    const fast = mem.downSince !== null && mem.now - mem.downSince <= FAST_RECOVERY_MS;
    return { state: edit(state, batch.team, mark.node, (s) => ({ ...s, leads: s.leads + 1, fastRecoveries: s.fastRecoveries + (fast ? 1 : 0) })), mem: { ...mem, leader: mark.node, downSince: null } };
  }
  if (mark.kind === 'in-office') return { state, mem: { ...mem, leader: mark.node } };
  return { state, mem: mem.leader === mark.node ? { ...mem, leader: null } : mem };
}

/** S2..S5: the points of one student; refusals only ever take away (S5). */
export function points(s: StudentScore, scoring: AlgorithmScoring): number {
  let total = s.leads * LEAD_POINTS + s.fastRecoveries * FAST_RECOVERY_POINTS;
  for (const [duty, n] of Object.entries(s.dutiesDone)) total += n * (scoring.duties[duty]?.points ?? 0);
  const refused = Object.values(s.refusedByRule).reduce((a, b) => a + b, 0);
  return Math.max(0, total - refused * REFUSAL_COST);
}

function edit(state: ScoringState, team: number, node: number, change: (s: StudentScore) => StudentScore): ScoringState {
  const index = (state.offsets[team] ?? -1) + node;
  const student = state.students[index];
  if (!student || student.team !== team) return state;
  const students = state.students.slice();
  students[index] = change(student);
  return withScoring(state, students, state.memory);
}

function blank(student: number, team: number, node: number): StudentScore {
  return { student, team, node, movesAccepted: 0, refusedByRule: {}, refusedByMove: {}, dutiesDone: {}, dutiesMissed: {}, leads: 0, fastRecoveries: 0, points: 0 };
}

function count(tally: Record<string, number>, key: string): Record<string, number> {
  return { ...tally, [key]: (tally[key] ?? 0) + 1 };
}
