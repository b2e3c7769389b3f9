/**
 * What a player may send (a move, for their own node only: the server adds the node)
 * and what the host may inject (a fault). These schemas validate input at the edge.
 */
import * as z from 'zod/mini';
import { fromWires } from '../rules/wire-registry';
import type { Command, CommonCommand } from '../rules/types';

/**
 * Every registered algorithm's moves, as a player sends them (each module's `wire.moves`):
 * a new algorithm registered at start-up can be played over the real server.
 */
export const moveSchema = fromWires((wires) =>
  z.discriminatedUnion('type', wires.flatMap((m) => m.wire.moves) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]]) as unknown as z.ZodMiniType<Move>,
);
/** A move without its node: `type` and the algorithm's fields (checked by `moveSchema()`). */
export type Move = { type: string } & Record<string, unknown>;

export function moveToCommand(move: Move, node: number): Command {
  return { ...move, node } as Command;
}

/** The command without its node, as the phone sends it back. */
export function commandToMove(command: Command): Move {
  const { node: _node, ...move } = command as Command & { node: number };
  return move as Move;
}

const nodeRef = z.int().check(z.minimum(-1), z.maximum(499));
/** A timed fault ends by itself after this much room time (issue 8); the rules bound it. */
const faultDuration = z.optional(z.int().check(z.positive()));

export const faultSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CrashNode'), node: nodeRef, forMs: faultDuration }),
  z.object({ type: z.literal('RestartNode'), node: nodeRef }),
  z.object({ type: z.literal('PauseNode'), node: nodeRef, forMs: faultDuration }),
  z.object({ type: z.literal('ResumeNode'), node: nodeRef }),
  z.object({ type: z.literal('SkewClock'), node: nodeRef, rate: z.optional(z.number()), offsetMs: z.optional(z.number()) }),
  z.object({ type: z.literal('SetNetwork'), delayMs: z.optional(z.number()), jitterMs: z.optional(z.number()), dropRate: z.optional(z.number()) }),
  z.object({ type: z.literal('SetLink'), from: nodeRef, to: nodeRef, delayMs: z.optional(z.number()), dropRate: z.optional(z.number()), bothWays: z.optional(z.boolean()), forMs: faultDuration }),
  z.object({ type: z.literal('Partition'), groups: z.array(z.array(nodeRef).check(z.maxLength(500))).check(z.minLength(1), z.maxLength(10)), forMs: faultDuration }),
  z.object({ type: z.literal('HealPartition') }),
  z.object({ type: z.literal('DropMessage'), id: z.int().check(z.positive()) }),
]);
export type Fault = z.infer<typeof faultSchema> & CommonCommand;
