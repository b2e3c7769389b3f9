/**
 * A story's conditions over a team's cluster (pure): which `event` leaves the logged rule
 * events matched since the beat began, and whether a condition holds now. Leaves are keyed
 * by their path in the tree ("u.0.1", "p.0"), so progress is plain JSON in the room state.
 */
import type { StoryCondition } from './schema';

type RuleEvent = { type: string } & Record<string, unknown>;

function eventMatches(leaf: Extract<StoryCondition, { kind: 'event' }>, event: RuleEvent): boolean {
  if (event.type !== leaf.type) return false;
  if (leaf.node !== undefined && event.node !== leaf.node) return false;
  return Object.entries(leaf.fields ?? {}).every(([field, value]) => event[field] === value);
}

/** The keys of the `event` leaves of `condition` that one of `events` matches (added to `matched`). */
export function matchEvents(condition: StoryCondition | undefined, key: string, events: readonly RuleEvent[], matched: readonly string[]): string[] {
  if (!condition) return matched as string[];
  switch (condition.kind) {
    case 'event':
      return !matched.includes(key) && events.some((e) => eventMatches(condition, e)) ? matched.concat(key) : (matched as string[]);
    case 'all':
    case 'any':
      return condition.of.reduce((acc, child, i) => matchEvents(child, `${key}.${i}`, events, acc), matched as string[]);
    default:
      return matched as string[];
  }
}

export interface ConditionContext {
  matched: readonly string[];
  /** The node's role key on the projector now (null: no such node). */
  roleOf(node: number): string | null;
  /** Room ms since the beat began, or since the named beat last began; null where time is not a question (punch lines). */
  elapsedMs: ((since?: string) => number | null) | null;
}

export function holds(condition: StoryCondition, key: string, ctx: ConditionContext): boolean {
  switch (condition.kind) {
    case 'event':
      return ctx.matched.includes(key);
    case 'role':
      return ctx.roleOf(condition.node) === condition.role;
    case 'elapsed':
      {
        const elapsed = ctx.elapsedMs?.(condition.since) ?? null;
        return elapsed !== null && elapsed >= condition.ms;
      }
    case 'all':
      return condition.of.every((child, i) => holds(child, `${key}.${i}`, ctx));
    case 'any':
      return condition.of.some((child, i) => holds(child, `${key}.${i}`, ctx));
  }
}

/** Every leaf of a condition, for checks of a story's script. */
export function leaves(condition: StoryCondition): StoryCondition[] {
  return condition.kind === 'all' || condition.kind === 'any' ? condition.of.flatMap(leaves) : [condition];
}
