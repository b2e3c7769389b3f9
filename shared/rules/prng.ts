/**
 * A seeded PRNG (mulberry32) whose whole state is one uint32, so it can live in plain
 * JSON state and travel inside events. The rules never call Math.random: replaying the
 * same events reproduces the same draws.
 */
export interface Draw {
  /** A float in [0, 1). */
  value: number;
  /** The generator state to keep for the next draw. */
  next: number;
}

export function draw(rng: number): Draw {
  const next = (rng + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { value, next };
}

/** An integer in [min, max). */
export function drawInt(rng: number, min: number, max: number): { value: number; next: number } {
  const d = draw(rng);
  return { value: min + Math.floor(d.value * (max - min)), next: d.next };
}

/** Turns any integer seed into a well-mixed initial state. */
export function seedRng(seed: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0) || 1;
}
