/** The replay at a moment of a round (`?t=` in seconds of room time, as the player reads it). */
export function replayAt(code: string, round: number, roomMs: number): string {
  return `/replay/${code}/${round}?t=${(Math.max(0, roomMs) / 1000).toFixed(1)}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
