/**
 * The wire shape of 'game:view:patch' (applied by shared/game/view-patch.ts). Apart, so
 * the protocol's schemas do not bring the patching library into every page.
 */
import { z } from 'zod/mini';

const pointer = z.string().check(z.maxLength(2_000));
/** The operations a diff of two JSON values produces: add, remove, replace. */
export const viewPatchOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), path: pointer, value: z.unknown() }),
  z.object({ op: z.literal('remove'), path: pointer }),
  z.object({ op: z.literal('replace'), path: pointer, value: z.unknown() }),
]);
export const viewPatchSchema = z.object({
  /** How many patches came since the last full view, before this one. */
  after: z.int().check(z.minimum(0)),
  ops: z.array(viewPatchOpSchema),
});
export type ViewPatchOp = z.infer<typeof viewPatchOpSchema>;
export type ViewPatch = z.infer<typeof viewPatchSchema>;
