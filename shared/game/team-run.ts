/**
 * How the game folds a team's ClusterEvents rows: on a private draft of the parts a batch
 * changes (the cluster, the ticker, who is away, the recap's leader spells, the scores),
 * copied into a new team, round and room once, when the run is closed.
 *
 * The live game folds every row as a run of one (evolveGame opens, folds, closes), so a
 * live room, a restarted server and the replay player run the very same code. The replay
 * player folds many consecutive rows of one team as one run (an hour-long round is ~430,000
 * rows) and so makes one copy of room, round and team per checkpoint instead of per row:
 * those copies were most of the fold's garbage (issue 7). Closing after one row or after
 * many gives the same state: each row's copies are the previous row's with the same fields
 * replaced, so only the last one is ever read.
 *
 * A refused move (MoveRefused) of the team folds in the same run (foldTeamRefusal): it counts
 * on the team, its recent refusals, its recap and its student's score, and changes no
 * cluster. Folded alone it made room, round, team, scores and student copies per row, and
 * broke the team's run in two: 71 % of a Bully class hour's rows are refusals (issue 7).
 */
import type { ClusterDraft } from '../rules/draft';
import { evolveOnDraft } from '../rules/engine';
import type { NarrationReads } from '../rules/module';
import { ALARM, type TickerRank } from '../rules/ticker-rank';
import type { ClusterState, Event } from '../rules/types';
import { openTeamScoring, settleTeamScoring, stepTeamRefusal, stepTeamScoring, type TeamScoring } from '../scoring/score-round';
import type { ScoringState } from '../scoring/types';
import type { ClusterEvents, GameEvent } from './events';
import { narrate, narrationReadsOf } from './narrate';
import { actingLeaders, lastLeaders, stepLeaders, type TeamRecapFold } from './recap';
import { withRound, roundWithTeams, teamOf } from './round-copy';
import type { GameRoom } from './room';
import type { RefusalRecord, RoundState, TeamState, TickerLine } from './round';
import { rankEvent, splitBrainBetween, tellInto } from './ticker';

/** A team's fold in progress. Mutable, and private to the fold that opened it. */
export interface TeamRun<R extends GameRoom> {
  readonly room: R;
  readonly round: RoundState;
  /** The team's place in the round and its state when the run opened. */
  readonly index: number;
  readonly team: TeamState;
  /** The team's cluster after the rows folded so far (the next row's "before"; written in place by the next row). */
  cluster: ClusterState;
  /** What the run made of the cluster, written in place (shared/rules/draft.ts); dropped when the run closes. */
  readonly draft: ClusterDraft;
  /** What narrating an event reads of the cluster (the module's `narrationReads`). */
  readonly reads: (event: Event, before: ClusterState) => NarrationReads;
  lines: TickerLine[];
  /** Whether `lines` is the run's own copy (told into in place), not the team's list. */
  ownLines: boolean;
  headline: TickerLine | null;
  away: number[];
  recap: TeamRecapFold | undefined;
  /** The round's scores when the run opened, and the team's scoring run (null: nothing to score). */
  readonly scores: ScoringState;
  scoring: TeamScoring | null;
  /** Rows folded so far (closing an empty run changes nothing). */
  rows: number;
  /** The team's refused moves, its last few refusals, and whether that list and the recap's tally are the run's own copies. */
  refusedMoves: number;
  refusals: RefusalRecord[] | undefined;
  ownRefusals: boolean;
  ownRecapTally: boolean;
  /** The kind of the run's first row: closing writes the team's fields in the order row by row would add them. */
  first: 'batch' | 'refusal' | null;
}

export type MoveRefused = Extract<GameEvent, { type: 'MoveRefused' }>;

/** How many refused moves the projector keeps (the newest few, one line each). */
const REFUSALS_KEPT = 4;

/** A row a team run folds: one of its batches, or one of its refused moves. */
export function foldsInTeamRun(event: { type: string }): event is ClusterEvents | MoveRefused {
  return event.type === 'ClusterEvents' || event.type === 'MoveRefused';
}

/** Folds one row of the run's team (see foldsInTeamRun). */
export function foldTeamRunRow(run: TeamRun<GameRoom>, row: ClusterEvents | MoveRefused): void {
  if (row.type === 'MoveRefused') foldTeamRefusal(run, row);
  else foldTeamRow(run, row);
}

/**
 * May consecutive rows of this round be folded as one run? Not while a story plays or a
 * challenge runs: they read the round after every row (a batch can end a beat or a task).
 */
export function foldsAsRun(round: RoundState | null): boolean {
  if (!round) return false;
  if (round.story && round.story.status === 'playing') return false;
  return !round.challenge || Boolean(round.challenge.ended);
}

export function openTeamRun<R extends GameRoom>(room: R, index: number): TeamRun<R> {
  const round = room.round;
  if (!round) throw new Error('ClusterEvents outside a round: the log is corrupt');
  const team = teamOf(round, index);
  const reads = narrationReadsOf(team.cluster.algorithm);
  return {
    room, round, index, team, cluster: team.cluster, draft: new Set(), reads, lines: team.ticker, ownLines: false, headline: team.headline ?? null, away: team.away, recap: team.recap,
    scores: round.scoring, scoring: round.scoring ? openTeamScoring(round.scoring, index) : null, rows: 0,
    refusedMoves: team.refusedMoves, refusals: team.refusals, ownRefusals: false, ownRecapTally: false, first: null,
  };
}

/**
 * Folds one logged batch of the run's team: its rule events one at a time with the rules'
 * evolve on the run's draft, narrated as they go. An event narrated from the cluster before
 * it is folded on a copy instead (a draft of its own, then the run's), so that "before"
 * still holds when its line is told.
 */
export function foldTeamRow(run: TeamRun<GameRoom>, batch: ClusterEvents): void {
  // Two leaders at once is told for every algorithm, from the module's own reading (issue 8).
  // Read once per batch: "before" is what the recap saw after the previous batch (read now: the fold writes in place).
  const was = lastLeaders(run.recap, run.cluster);
  let cluster = run.cluster;
  for (const event of batch.events as Event[]) {
    const before = cluster;
    const reads = run.reads(event, before);
    if (reads === 'before') {
      const own: ClusterDraft = new Set();
      cluster = evolveOnDraft(own, cluster, event);
      for (const made of own) run.draft.add(made);
    } else cluster = evolveOnDraft(run.draft, cluster, event);
    const text = reads === 'silent' ? null : narrate(event, before, cluster);
    if (text) tellRun(run, cluster.now, batch.cause === 'presence' ? presenceLine(event, text) : text, rankEvent(event, before, cluster));
    run.away = trackAway(run.away, event, batch.cause);
  }
  const leaders = actingLeaders(cluster);
  const split = splitBrainBetween(cluster, was, leaders);
  if (split) tellRun(run, cluster.now, split, ALARM);
  run.cluster = cluster;
  run.recap = stepLeaders(run.recap, cluster, leaders);
  // Scores follow the same log as the clusters (SPEC S1); a snapshot written before scores existed has none.
  if (run.scoring) stepTeamScoring(run.scoring, batch);
  run.rows += 1;
  run.first ??= 'batch';
}

/**
 * Folds one logged refused move of the run's team: the cluster does not change (the rules
 * refused it); the team counts it, keeps it among its last REFUSALS_KEPT refusals (the
 * projector's line, the phone's answer), the recap counts it by rule and the scores on the
 * student (SPEC S5). The lists and tallies are copied once per run, then written in place.
 */
export function foldTeamRefusal(run: TeamRun<GameRoom>, refused: MoveRefused): void {
  run.refusedMoves += 1;
  const record: RefusalRecord = { at: run.cluster.now, node: refused.node, move: refused.move, code: refused.code, rule: refused.rule, ...(refused.message !== undefined && { message: refused.message }), ...(refused.bot && { bot: true }) };
  if (!run.ownRefusals) {
    run.refusals = run.refusals ? run.refusals.slice() : [];
    run.ownRefusals = true;
  }
  const refusals = run.refusals!;
  refusals.push(record);
  if (refusals.length > REFUSALS_KEPT) refusals.splice(0, refusals.length - REFUSALS_KEPT);
  countRefusal(run, refused.rule);
  if (run.scoring) stepTeamRefusal(run.scoring, refused);
  run.rows += 1;
  run.first ??= 'refusal';
}

/** The recap's refusals by rule (recap.ts), one more `rule`: on the run's own copy of the tally. */
function countRefusal(run: TeamRun<GameRoom>, rule: string): void {
  if (!run.ownRecapTally) {
    const base = run.recap ?? { spells: [], refusalsByRule: {} };
    // stepLeaders' copies of the recap keep this tally: it stays the run's own until the run closes.
    run.recap = { ...base, refusalsByRule: { ...base.refusalsByRule } };
    run.ownRecapTally = true;
  }
  const tally = run.recap!.refusalsByRule;
  tally[rule] = (tally[rule] ?? 0) + 1;
}

/** The room after the run's rows: one copy of team, round and room. */
export function closeTeamRun<R extends GameRoom>(run: TeamRun<R>): R {
  // What the run made is the room's now: never written again (a fold after closing would copy it).
  run.draft.clear();
  if (run.rows === 0) return run.room;
  const { round, team, index } = run;
  // A for-in copy, not a spread of a spread (V8's slow path, see round-copy.ts): same fields, same order.
  const next = {} as TeamState;
  for (const key in team) (next as unknown as Record<string, unknown>)[key] = team[key as keyof TeamState];
  // A key the team lacks (headline, refusals) is added where the first row of its kind added it row by row.
  const refused = run.refusedMoves > team.refusedMoves;
  if (refused && run.first === 'refusal') writeRefusals(next, run);
  if (run.rows > run.refusedMoves - team.refusedMoves) {
    next.cluster = run.cluster;
    next.ticker = run.lines;
    next.headline = run.headline;
    next.away = run.away;
    next.recap = run.recap;
  }
  if (refused && run.first === 'batch') writeRefusals(next, run);
  const teams = round.teams.slice();
  teams[index] = next;
  return withRound(run.room, roundWithTeams(round, teams, run.scoring ? settleTeamScoring(run.scoring) : run.scores));
}

function writeRefusals(next: TeamState, run: TeamRun<GameRoom>): void {
  next.refusedMoves = run.refusedMoves;
  next.refusals = run.refusals;
  next.recap = run.recap;
}

function tellRun(run: TeamRun<GameRoom>, at: number, text: string, rank: TickerRank): void {
  // The team's lines are copied once per run, then told into in place (ticker.ts's tellInto).
  if (!run.ownLines) {
    run.lines = run.lines.slice();
    run.ownLines = true;
  }
  run.headline = tellInto(run.lines, run.headline, at, text, rank);
}

function presenceLine(event: Event, text: string): string {
  if (event.type === 'NodeCrashed') return `${text.replace(/\.$/, '')}: its player's phone went away.`;
  if (event.type === 'NodeRestarted') return `${text.replace(/\.$/, '')}: its player is back.`;
  return text;
}

function trackAway(away: number[], event: Event, cause: ClusterEvents['cause']): number[] {
  if (event.type === 'NodeCrashed' && cause === 'presence' && !away.includes(event.node)) return away.concat(event.node);
  if (event.type === 'NodeRestarted' && away.includes(event.node)) return away.filter((n) => n !== event.node);
  return away;
}
