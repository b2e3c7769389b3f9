/** Small helpers the algorithms share to put a node's knowledge into words for its phone. */
import type { PeerName } from './module';

/** "B (Bob)": a label with the nickname of the student playing it. */
export function whoIs(peers: PeerName[], label: string | null, self: string | null): string {
  if (label === null) return 'nobody';
  if (label === self) return `${label} (you)`;
  const peer = peers.find((p) => p.label === label);
  return peer ? `${label} (${peer.nickname})` : label;
}

/** 30000 -> "30 s", 2500 -> "2.5 s": the round's settings in words. */
export function secondsText(ms: number): string {
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return ms >= 10_000 ? `${Math.ceil(ms / 1000)} s` : `${(Math.ceil(ms / 100) / 10).toFixed(1)} s`;
}
