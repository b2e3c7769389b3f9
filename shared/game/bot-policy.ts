/**
 * A bot's mind (SPEC AP1-AP3): given exactly what a phone shows its player (the move pad,
 * each move with the law's answer and the duty drawn urgent), its temperament and seeded
 * random draws, choose one move or wait, and say when it will look again. Pure: the draws
 * are inputs, so a replay of the same log makes the same choices. The algorithm's module
 * marks the duties (`urgent`); the bot never sees the global truth.
 */
import { draw } from '../rules/prng';
import type { Move } from './moves';

export const TEMPERAMENTS = ['diligent', 'sleepy', 'eager'] as const;
export type Temperament = (typeof TEMPERAMENTS)[number];

/** The part of a phone's move option a bot reads (GameSeatView.moves). */
export interface PadMove {
  move: Move;
  allowed: boolean;
  urgent: boolean;
  secondary: boolean;
  layout: { kind: string; grants?: boolean; stale?: boolean };
}

interface Mind {
  /** Room ms between two looks at the phone: [min, max). */
  thinkMs: [number, number];
  /** Chance to let a due duty pass this time (a sleepy bot misses heartbeats). */
  missDuty: number;
  /** Chance to click a main move that is not a duty (an eager bot stands early). */
  clickUnasked: number;
}

/** Think intervals stay above the double-tap window (G7) and a student's click pace. */
const MINDS: Record<Temperament, Mind> = {
  diligent: { thinkMs: [400, 900], missDuty: 0, clickUnasked: 0 },
  sleepy: { thinkMs: [2500, 5000], missDuty: 0.3, clickUnasked: 0 },
  eager: { thinkMs: [300, 600], missDuty: 0, clickUnasked: 0.15 },
};

export interface BotChoice {
  move: Move | null;
  /** Room ms until the bot looks at its phone again. */
  nextInMs: number;
  /** The PRNG state to keep. */
  rng: number;
}

/** Free-text moves (a ship's heading, a stored value) a bot never types. */
const clickable = (m: PadMove) => m.layout.kind !== 'write' && m.layout.kind !== 'steer';

/**
 * Story mode: the phone draws urgent only the move the story's cue asks for (shared/game/
 * story-cues.ts), and `cued` is that move as it must be sent (a write with its value).
 */
export interface StoryCueForBot {
  move: Move | null;
}

/**
 * `extraDuties`: move types the algorithm's bot hint (AlgorithmModule.bot) reads as due from the node's view.
 * `story`: a story is being told; the bot follows its cue only (never an unasked click or a hint).
 */
export function chooseBotMove(moves: readonly PadMove[], temperament: Temperament, rng: number, extraDuties: readonly string[] = [], story?: StoryCueForBot | null): BotChoice {
  const mind = MINDS[temperament];
  const wait = draw(rng);
  const nextInMs = Math.floor(mind.thinkMs[0] + wait.value * (mind.thinkMs[1] - mind.thinkMs[0]));
  const roll = draw(wait.next);
  const pick = draw(roll.next);
  if (story !== undefined) {
    // Only the story's cue glows (and, when it says so, the node's routine duties): the cued move comes first.
    const lit = moves.filter((m) => m.urgent && m.allowed);
    const cued = story?.move ? lit.find((m) => m.move.type === story.move!.type) : undefined;
    const move = cued ? story!.move : (lit[0]?.move ?? null);
    return { move: move && roll.value >= mind.missDuty ? move : null, nextInMs, rng: pick.next };
  }
  const duties = moves.filter((m) => (m.urgent || extraDuties.includes(m.move.type)) && m.allowed && !m.secondary && clickable(m));
  if (duties.length > 0) {
    const move = roll.value < mind.missDuty ? null : duties[Math.floor(pick.value * duties.length)]!.move;
    return { move, nextInMs, rng: pick.next };
  }
  if (roll.value < mind.clickUnasked) {
    // Eager: a main button, allowed or not (so it is refused sometimes, like a keen student).
    const mains = moves.filter((m) => m.layout.kind === 'main' && !m.secondary);
    if (mains.length > 0) return { move: mains[Math.floor(pick.value * mains.length)]!.move, nextInMs, rng: pick.next };
  }
  return { move: null, nextInMs, rng: pick.next };
}
