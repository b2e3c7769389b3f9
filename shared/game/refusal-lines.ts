/**
 * The projector's refusal lines (issue 8): who tried what, which rule, why, one line
 * each, so the class sees why a click was refused, not just that a counter went up.
 */
import type { RefusalRecord } from './round';

export interface RefusalLine {
  /** Room time of the refusal. */
  at: number;
  /** The node's label ("C") and its player's nickname. */
  node: string;
  nickname: string;
  /** What was tried, in words ("stand for election"). */
  move: string;
  /** The rule that refused it (SPEC.md ID, e.g. "R3"). */
  rule: string;
  /** Why, in the rules' own sentence (or the refusal code for older logs). */
  why: string;
  bot: boolean;
}

/** "StandForElection" -> "stand for election". */
export function moveWords(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function refusalLines(records: readonly RefusalRecord[] | undefined, label: (node: number) => string, nickname: (node: number) => string): RefusalLine[] {
  return (records ?? []).map((r) => ({
    at: r.at, node: label(r.node), nickname: nickname(r.node), move: moveWords(r.move), rule: r.rule, why: r.message ?? r.code, bot: r.bot ?? false,
  }));
}
