/**
 * The round setup the teacher chose last (issue 8: "the round setup resets after every
 * round"), kept in this browser's localStorage. Read back through a zod schema: a stale
 * or tampered entry (an algorithm or preset that no longer exists) falls back to defaults.
 */
'use client';

import { z } from 'zod';
import { presetsFor } from '@/shared/game/presets';
import { isAlgorithm } from '@/shared/rules/registry';

const KEY = 'captain-down:round-setup';

const setupSchema = z.object({
  algorithm: z.string(),
  preset: z.string(),
  teams: z.boolean(),
  teamSize: z.number().int().min(3).max(9),
  crashOnDisconnect: z.boolean(),
  autopilot: z.boolean(),
  delayMs: z.number().int().min(0).max(60_000),
  dropRate: z.number().min(0).max(1),
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
