/**
 * The round presets the host picks from: the classroom defaults (election-rules.md) and
 * the numbers of the lecture's stories (seed-leader-election-script.md).
 */
import { DEFAULT_BULLY_PARAMS } from '../rules/bully/types';
import { DEFAULT_LEASE_PARAMS, LEASE_SEED_PRESETS } from '../rules/lease/types';
import { DEFAULT_RAFT_PARAMS, RAFT_SEED_PRESET } from '../rules/raft/types';
import type { Algorithm } from '../rules/types';

export interface Preset {
  id: string;
  algorithm: Algorithm;
  name: string;
  /** One line for the host: what this preset is for. */
  summary: string;
  params: Record<string, unknown>;
}

export const PRESETS: readonly Preset[] = [
  { id: 'raft-classroom', algorithm: 'raft', name: 'Raft: classroom', summary: 'Heartbeat every 3 s, election timeout 15-30 s, logs on.', params: { ...DEFAULT_RAFT_PARAMS } },
  { id: 'raft-lecture', algorithm: 'raft', name: 'Raft: the lecture (A leads)', summary: 'A is captain of term 1; crash it and watch B and C stand.', params: { ...RAFT_SEED_PRESET.params } },
  { id: 'raft-prevote', algorithm: 'raft', name: 'Raft: PreVote + CheckQuorum', summary: 'The options etcd runs with: no disruptive rejoiners, leaders step down without a quorum.', params: { ...DEFAULT_RAFT_PARAMS, preVote: true, checkQuorum: true } },
  { id: 'bully-classroom', algorithm: 'bully', name: 'Bully: classroom', summary: 'The top rank leads; "I\'m alive" every 5 s, suspicion after 15 s, T 15 s, T\' 30 s.', params: { ...DEFAULT_BULLY_PARAMS } },
  { id: 'lease-classroom', algorithm: 'lease', name: 'Lease: classroom', summary: '30 s lease, renew deadline 20 s, retry every 5 s, fencing on.', params: { ...DEFAULT_LEASE_PARAMS } },
  { id: 'lease-lecture', algorithm: 'lease', name: 'Lease: 10 s, renew every 5 s', summary: 'The lecture\'s lease: crash the holder, or slow its link by a second.', params: { ...LEASE_SEED_PRESETS.renewEvery5s } },
  { id: 'lease-gc-unfenced', algorithm: 'lease', name: 'Lease: 8 s GC pause, no fencing', summary: '5 s lease renewed every 2 s; pause the holder 8 s and watch two leaders write.', params: { ...LEASE_SEED_PRESETS.gcPauseUnfenced } },
  { id: 'lease-gc-fenced', algorithm: 'lease', name: 'Lease: 8 s GC pause, fencing on', summary: 'The same pause; storage refuses the stale token.', params: { ...LEASE_SEED_PRESETS.gcPauseFenced } },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

export function defaultPresetFor(algorithm: Algorithm): Preset {
  return PRESETS.find((preset) => preset.algorithm === algorithm)!;
}
