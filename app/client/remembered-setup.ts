/**
 * The round setup the teacher chose last (issue 8: "the round setup resets after every
 * round"), kept in this browser's localStorage. Read back through a zod schema: a stale
 * or tampered entry (an algorithm or preset that no longer exists) falls back to defaults.
 * zod/mini like the wire schemas, so the host page loads one zod (issue 12); no message is shown.
 */
'use client';

import * as z from 'zod/mini';
import { presetsFor } from '@/shared/game/presets';
import { isAlgorithm } from '@/shared/rules/registry';

const KEY = 'captain-down:round-setup';

const setupSchema = z.object({
  algorithm: z.string(),
  preset: z.string(),
  teams: z.boolean(),
  teamSize: z.int().check(z.minimum(3), z.maximum(9)),
  crashOnDisconnect: z.boolean(),
  autopilot: z.boolean(),
  delayMs: z.int().check(z.minimum(0), z.maximum(60_000)),
  dropRate: z.number().check(z.minimum(0), z.maximum(1)),
});

export type RememberedSetup = z.infer<typeof setupSchema>;

export function loadSetup(): RememberedSetup | null {
  if (typeof window === 'undefined') return null;
  try {
    const parsed = setupSchema.safeParse(JSON.parse(window.localStorage.getItem(KEY) ?? 'null'));
    if (!parsed.success || !isAlgorithm(parsed.data.algorithm)) return null;
    if (!presetsFor(parsed.data.algorithm).some((p) => p.id === parsed.data.preset)) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

export function saveSetup(setup: RememberedSetup): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(setup));
  } catch {
    // Storage blocked (a private mode): the setup is simply not remembered.
  }
}
