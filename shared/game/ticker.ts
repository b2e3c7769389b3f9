/**
 * The projector's ticker as a fold (issue 8): each narrated event becomes a line with a
 * weight (shared/rules/ticker-rank.ts); routine repeats join one line ("3 votes for B in
 * term 2"); the headline is the most important recent line and stays until something at
 * least as important happens, or until it has been up HEADLINE_HOLD_MS of room time and
 * something notable comes along. Pure: replaying the log tells the same ticker.
 */
import { algorithmModule } from '../rules/registry';
import { HEADLINE, NOTABLE, type TickerRank, type TickerWeight } from '../rules/ticker-rank';
import type { ClusterState, Event, NodeIndex } from '../rules/types';

export interface TickerLine {
  /** Room time of the (latest) event the line tells. */
  at: number;
  text: string;
  /** 3 alarm, 2 headline, 1 notable, 0 routine; absent in older logs' snapshots: notable. */
  weight?: TickerWeight;
  /** How many events this line groups (absent: one). */
  count?: number;
  /** Repeats with this key join this line, told as `many` with {n} the count. */
  group?: string;
  many?: string;
}

export interface TickerState {
  lines: TickerLine[];
  headline: TickerLine | null;
}

export const TICKER_LIMIT = 30;
/** A headline stays at least this long (room ms) against merely notable news. */
export const HEADLINE_HOLD_MS = 30_000;
/** A repeat joins a line among the last this many (a vote arriving after a heartbeat still groups). */
const GROUP_REACH = 8;

/** The common faults, ranked for every algorithm (a crash is headline news: SPEC C-faults). */
const COMMON: Record<string, TickerRank> = {
  NodeCrashed: HEADLINE,
  Partitioned: NOTABLE,
  PartitionHealed: NOTABLE,
  NodePaused: NOTABLE,
  NodeResumed: NOTABLE,
};

export function rankEvent(event: Event, before: ClusterState, after: ClusterState): TickerRank {
  return algorithmModule(after.algorithm).rankEvent?.(event, before, after) ?? COMMON[event.type] ?? NOTABLE;
}

const weightOf = (line: TickerLine): TickerWeight => line.weight ?? 1;

function leads(current: TickerLine | null, line: TickerLine): boolean {
  if (!current) return true;
  if (weightOf(line) === 0) return weightOf(current) === 0;
  return weightOf(line) >= weightOf(current) || line.at - current.at >= HEADLINE_HOLD_MS;
}

/** Adds one line: joins its group if a repeat, then decides the headline. */
export function tell(state: TickerState, at: number, text: string, rank: TickerRank): TickerState {
  const lines = state.lines.slice();
  return { lines, headline: tellInto(lines, state.headline, at, text, rank) };
}

/**
 * `tell` on a list of lines of the caller's own (a team run's, shared/game/team-run.ts),
 * changed in place: the same lines, without two copies of the list per line told (most
 * of an hour's lines are grouped heartbeats). Returns the headline.
 */
export function tellInto(lines: TickerLine[], headline: TickerLine | null, at: number, text: string, rank: TickerRank): TickerLine | null {
  let line: TickerLine = { at, text, weight: rank.weight };
  if (rank.group) {
    const key = rank.group.key;
    line = { at, text, weight: rank.weight, group: key, many: rank.group.many };
    let j = -1;
    for (let i = Math.max(0, lines.length - GROUP_REACH); i < lines.length; i++) {
      if (lines[i]!.group === key) {
        j = i;
        break;
      }
    }
    if (j !== -1) {
      const count = (lines[j]!.count ?? 1) + 1;
      line = { at, text: rank.group.many.replace('{n}', String(count)), weight: rank.weight, group: key, many: rank.group.many, count };
      lines.splice(j, 1);
      if (headline?.group === key) headline = line;
    }
  }
  lines.push(line);
  if (lines.length > TICKER_LIMIT) lines.splice(0, lines.length - TICKER_LIMIT);
  return leads(headline, line) ? line : headline;
}

/** "A and B", "4, 5 and 3". */
function both(labels: string[]): string {
  return labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/**
 * The split-brain line, for every algorithm: told when a batch leaves two or more live
 * nodes acting as leader (the module's `actingLeaders`) that were not so before it.
 */
export function splitBrainLine(before: ClusterState, after: ClusterState): string | null {
  const module = algorithmModule(after.algorithm);
  if (!module.actingLeaders) return null;
  return splitBrainBetween(after, module.actingLeaders(before), module.actingLeaders(after));
}

/** The same line from the acting leaders already read before and after the batch (the game's fold reads them once). */
export function splitBrainBetween(after: ClusterState, was: readonly NodeIndex[], now: readonly NodeIndex[]): string | null {
  if (now.length < 2) return null;
  if (was.length >= 2 && now.every((i) => was.includes(i))) return null;
  const module = algorithmModule(after.algorithm);
  return `Split brain: ${both(now.map((i) => module.nodeLabel(i)))} act as leader at once.`;
}
