/**
 * The round recap (issue 8): the card that ends a round on the projector. Its figures
 * come from the round's log: evolveGame folds each team's leader timeline (the module's
 * `actingLeaders` after every batch) and its refusals by rule as the log is read, and
 * `roundRecap` reads them with the clusters' own counters. A replay of the log therefore
 * shows the same recap.
 */
import { algorithmModule } from '../rules/registry';
import type { ClusterState } from '../rules/types';
import type { RoundState, TeamState } from './round';

/** From `at` on (room time), these nodes acted as leader (none: nobody led). */
export interface LeaderSpell {
  at: number;
  leaders: number[];
}

export interface TeamRecapFold {
  spells: LeaderSpell[];
  refusalsByRule: Record<string, number>;
}

/** Spells kept per team: a wild round keeps its latest ones (the count stays exact). */
export const SPELLS_KEPT = 40;

export function startRecap(cluster: ClusterState): TeamRecapFold {
  return { spells: [{ at: cluster.now, leaders: actingLeaders(cluster) }], refusalsByRule: {} };
}

/** The nodes acting as leader (the module's reading; none for a module without one). */
export function actingLeaders(cluster: ClusterState): number[] {
  return algorithmModule(cluster.algorithm).actingLeaders?.(cluster) ?? [];
}

/**
 * Who acted as leader when the fold last looked: the last spell (stepLeaders keeps it equal
 * to `actingLeaders` of the team's cluster after every batch), or read from the cluster when
 * an older snapshot has no recap. Saves the fold a second reading per batch.
 */
export function lastLeaders(fold: TeamRecapFold | undefined, cluster: ClusterState): number[] {
  return fold?.spells[fold.spells.length - 1]?.leaders ?? actingLeaders(cluster);
}

/** Same leaders? A plain loop (no callback per call): the fold asks after every logged batch. */
function same(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true; // the module's memo answered: the common case
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** After a batch: a new spell when the set of acting leaders (`leaders`, read from `cluster`) changed. */
export function stepLeaders(fold: TeamRecapFold | undefined, cluster: ClusterState, leaders: number[] = actingLeaders(cluster)): TeamRecapFold {
  const base = fold ?? { spells: [], refusalsByRule: {} };
  const last = base.spells[base.spells.length - 1];
  if (last && same(last.leaders, leaders)) return base;
  return { ...base, spells: base.spells.concat({ at: cluster.now, leaders }).slice(-SPELLS_KEPT) };
}

export interface RecapSpell {
  from: number;
  to: number;
  /** Labels of the nodes that led ("B"); empty: nobody; two or more: a split brain. */
  leaders: string[];
}

export interface TeamRecap {
  team: number;
  timeline: RecapSpell[];
  /** Times the leadership passed to a new node (a spell with a leader not in the one before). */
  leaderChanges: number;
  /** The algorithm's first counter (elections, lease handovers) and its name. */
  elections: number;
  electionsWord: string;
  leaderlessMs: number;
  /** Room ms during which two or more nodes acted as leader. */
  splitBrainMs: number;
  messagesSent: number;
  messagesLost: number;
  refusals: { rule: string; count: number }[];
}

export interface RoundRecap {
  /** Room time the round lasted. */
  durationMs: number;
  teams: TeamRecap[];
  /** The story's lesson, one sentence (story mode fills it; null for a free round). */
  lesson: string | null;
}

function teamRecap(team: TeamState, end: number): TeamRecap {
  const cluster = team.cluster;
  const module = algorithmModule(cluster.algorithm);
  const spells = team.recap?.spells ?? [];
  const timeline = spells.map((s, i) => ({ from: s.at, to: spells[i + 1]?.at ?? end, leaders: s.leaders.map((n) => module.nodeLabel(n)) }));
  let leaderChanges = 0;
  spells.forEach((s, i) => {
    const before = i > 0 ? spells[i - 1]!.leaders : [];
    if (s.leaders.some((n) => !before.includes(n))) leaderChanges += 1;
  });
  const first = spells[0];
  if (first && first.leaders.length > 0) leaderChanges -= 1; // leading from the start is not a change
  return {
    team: team.team,
    timeline,
    leaderChanges,
    elections: module.screen.team(cluster).elections,
    electionsWord: module.team.elections,
    leaderlessMs: cluster.stats.leaderlessMs,
    splitBrainMs: timeline.filter((s) => s.leaders.length >= 2).reduce((t, s) => t + (s.to - s.from), 0),
    messagesSent: cluster.stats.messagesSent,
    messagesLost: cluster.stats.messagesDropped,
    refusals: Object.entries(team.recap?.refusalsByRule ?? {}).map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
  };
}

/** The recap of a round as its log folded it (meaningful once the round ended). */
export function roundRecap(round: RoundState, lesson: string | null = null): RoundRecap {
  const end = Math.max(0, ...round.teams.map((t) => t.cluster.now));
  const start = Math.min(...round.teams.map((t) => t.recap?.spells[0]?.at ?? 0));
  return { durationMs: end - (Number.isFinite(start) ? start : 0), teams: round.teams.map((t) => teamRecap(t, end)), lesson };
}
