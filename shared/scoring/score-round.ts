/**
 * The scoring fold (SPEC S1..S7): a round's logged events in, every student's and team's
 * score out. It reads only the log (the game's RoundStarted, ClusterEvents, MoveRefused and
 * RoundEnded), so a live round, a server replay and an imported file score the same. The
 * algorithm's own duties come from its module (shared/rules/<name>/scoring.ts).
 */
import type { GameEvent } from '../game/events';
import { algorithmModule } from '../rules/registry';
import type { AlgorithmScoring, ScoreMark } from '../rules/scoring-hooks';
import type { RoundScores, StudentScore } from './types';

/** S3: points for taking the lead. */
export const LEAD_POINTS = 10;
/** S4: a leader elected within this much room time after the captain went down (the classroom presets time out in 15-30 s, so this is one prompt election). */
export const FAST_RECOVERY_MS = 30_000;
export const FAST_RECOVERY_POINTS = 10;
/** S5: what a refused move costs (a lesson, not a shame: small, and the total stays >= 0). */
export const REFUSAL_COST = 1;

interface TeamMemory {
  leader: number | null;
  /** Room time the leader crashed, while no new leader has been seen (S4). */
  downSince: number | null;
  now: number;
  crashed: number[];
}

const NO_SCORING: AlgorithmScoring = { duties: {}, moveNouns: {}, marks: () => [] };

/** Scores the first round in `events` (from its RoundStarted up to its RoundEnded). */
export function scoreRound(events: readonly GameEvent[]): RoundScores | null {
  const startIndex = events.findIndex((e) => e.type === 'RoundStarted');
  const start = events[startIndex];
  if (!start || start.type !== 'RoundStarted') return null;
  const scoring = algorithmModule(start.config.algorithm).scoring ?? NO_SCORING;
  const students: StudentScore[] = start.teams.flatMap((members, team) => members.map((student, node) => blank(student, team, node)));
  const seat = (team: number, node: number) => students.find((s) => s.team === team && s.node === node);
  const memory: TeamMemory[] = start.teams.map(() => ({ leader: null, downSince: null, now: 0, crashed: [] }));

  for (const event of events.slice(startIndex + 1)) {
    if (event.type === 'RoundEnded' || event.type === 'RoundStarted') break;
    if (event.type === 'MoveRefused') {
      const s = seat(event.team, event.node);
      if (!s) continue;
      count(s.refusedByRule, event.rule);
      count(s.refusedByMove, `${scoring.moveNouns[event.move] ?? event.move}|${event.rule}`);
    } else if (event.type === 'ClusterEvents') {
      const mem = memory[event.team];
      if (!mem) continue;
      if (event.cause === 'move' && event.node !== undefined) {
        const s = seat(event.team, event.node);
        if (s) s.movesAccepted += 1;
      }
      foldCommon(mem, event.events);
      for (const mark of scoring.marks({ cause: event.cause, node: event.node, events: event.events }, mem.leader)) {
        apply(mark, mem, (node) => seat(event.team, node));
      }
    }
  }
  for (const s of students) s.points = points(s, scoring);
  const teams = start.teams.map((members, team) => ({ team, members, points: students.filter((s) => s.team === team).reduce((sum, s) => sum + s.points, 0) }));
  return { round: start.round, algorithm: start.config.algorithm, students, teams };
}

/** Room time and crashes, common to every algorithm (C rules). */
function foldCommon(mem: TeamMemory, events: readonly { type: string; to?: number; node?: number }[]): void {
  for (const e of events) {
    if (e.type === 'ClockAdvanced' && typeof e.to === 'number') mem.now = e.to;
    else if (e.type === 'NodeCrashed' && typeof e.node === 'number') {
      if (!mem.crashed.includes(e.node)) mem.crashed.push(e.node);
      if (e.node === mem.leader) {
        mem.leader = null;
        mem.downSince = mem.now;
      }
    } else if (e.type === 'NodeRestarted' && typeof e.node === 'number') mem.crashed = mem.crashed.filter((n) => n !== e.node);
  }
}

function apply(mark: ScoreMark, mem: TeamMemory, seat: (node: number) => StudentScore | undefined): void {
  const s = seat(mark.node);
  if (mark.kind === 'duty') {
    // S6: a crashed node is not blamed for what it could not do.
    if (!s || (!mark.done && mem.crashed.includes(mark.node))) return;
    count(mark.done ? s.dutiesDone : s.dutiesMissed, mark.duty);
  } else if (mark.kind === 'lead') {
    if (s) s.leads += 1;
    if (s && mem.downSince !== null && mem.now - mem.downSince <= FAST_RECOVERY_MS) s.fastRecoveries += 1;
    mem.leader = mark.node;
    mem.downSince = null;
  } else if (mark.kind === 'in-office') {
    mem.leader = mark.node;
  } else if (mem.leader === mark.node) {
    mem.leader = null;
  }
}

/** S2..S5: the points of one student; refusals only ever take away (S5). */
export function points(s: StudentScore, scoring: AlgorithmScoring): number {
  let total = s.leads * LEAD_POINTS + s.fastRecoveries * FAST_RECOVERY_POINTS;
  for (const [duty, n] of Object.entries(s.dutiesDone)) total += n * (scoring.duties[duty]?.points ?? 0);
  const refused = Object.values(s.refusedByRule).reduce((a, b) => a + b, 0);
  return Math.max(0, total - refused * REFUSAL_COST);
}

function blank(student: number, team: number, node: number): StudentScore {
  return { student, team, node, movesAccepted: 0, refusedByRule: {}, refusedByMove: {}, dutiesDone: {}, dutiesMissed: {}, leads: 0, fastRecoveries: 0, points: 0 };
}

function count(tally: Record<string, number>, key: string): void {
  tally[key] = (tally[key] ?? 0) + 1;
}
