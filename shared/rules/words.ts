/** Small helpers the algorithms share to put a node's knowledge into words for its phone. */
import type { PeerName } from './module';

/** "B (Bob)": a label with the nickname of the student playing it. */
export function whoIs(peers: PeerName[], label: string | null, self: string | null): string {
  if (label === null) return 'nobody';
  if (label === self) return `${label} (you)`;
  const nickname = nicknamesByLabel(peers).get(label);
  return nickname === undefined ? label : `${label} (${nickname})`;
}

/**
 * Nicknames by label, once per peers list: a team's phones share one list (shared/game/seat-view.ts),
 * and a scan per name was 300 steps per fact on a 300-node phone. The first peer of a label wins, as with a scan.
 */
const byLabel = new WeakMap<PeerName[], Map<string, string>>();
function nicknamesByLabel(peers: PeerName[]): Map<string, string> {
  let map = byLabel.get(peers);
  if (!map) {
    map = new Map();
    for (const p of peers) if (!map.has(p.label)) map.set(p.label, p.nickname);
    byLabel.set(peers, map);
  }
  return map;
}

/** 30000 -> "30 s", 2500 -> "2.5 s": the round's settings in words. */
export function secondsText(ms: number): string {
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return ms >= 10_000 ? `${Math.ceil(ms / 1000)} s` : `${(Math.ceil(ms / 100) / 10).toFixed(1)} s`;
}

/**
 * Time left on a timer, as the phone's countdown shows it (rounded up: a countdown never
 * says less than is left, so nobody presses early) and as a refusal quotes it: a student
 * told "18.0 s left" while their frozen countdown read "19 s" saw two clocks. Negative is 0.
 */
export function timeLeftText(ms: number): string {
  return secondsText(Math.max(0, ms));
}
