/**
 * The wire shape of 'game:view:patch' (applied by shared/game/view-patch.ts). Apart, so
 * the protocol's schemas do not bring the patching library into every page.
 */
import * as z from 'zod/mini';

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
  /**
   * Room time since the view before: every running node timer held counts down by this
   * (times its clock's rate) before `ops` apply (`countedDown` in view-patch.ts), so a
   * timer that only ticked needs no operation. Absent: nothing counts down.
   */
  countdownMs: z.optional(z.number().check(z.minimum(0), z.maximum(3_600_000))),
  ops: z.array(viewPatchOpSchema),
});
export type ViewPatchOp = z.infer<typeof viewPatchOpSchema>;
export type ViewPatch = z.infer<typeof viewPatchSchema>;
