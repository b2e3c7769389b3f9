/**
 * Markers: the facts of a round worth a mark on the scrubber, read off the rule events
 * of each logged batch (and the cluster right after it, for the few that need it).
 * Event types, not algorithm names, decide: a new algorithm's events join the tables.
 */
import { staleLeaders } from '../rules/raft';
import { algorithmModule } from '../rules/registry';
import type { ClusterState, Event } from '../rules/types';
import type { RoomEvent } from '../room/events';
import type { MarkerKind } from './marker-kinds';

export interface Marker {
  kind: MarkerKind;
  /** Room time of the logged row that holds the fact. */
  at: number;
  /** Index of that row in the round's timeline. */
  index: number;
  team: number;
  node: number | null;
  /** A short sentence for the tooltip and the list. */
  text: string;
}

type Simple = { kind: MarkerKind; text: (who: string) => string };

/** One rule event, one marker: the straightforward ones. */
const BY_EVENT: Record<string, Simple> = {
  LeaderElected: { kind: 'leader', text: (who) => `${who} elected leader` },
  CoordinatorAnnounced: { kind: 'leader', text: (who) => `${who} declares itself coordinator` },
  LeaderSteppedDown: { kind: 'leader-lost', text: (who) => `Leader ${who} steps down` },
  LeaseExpired: { kind: 'leader-lost', text: (who) => `${who}'s lease expired` },
  LeaseReleased: { kind: 'leader-lost', text: (who) => `${who} released the lease` },
  NodeCrashed: { kind: 'crash', text: (who) => `${who} crashed` },
  NodeRestarted: { kind: 'restart', text: (who) => `${who} restarted` },
  NodePaused: { kind: 'pause', text: (who) => `${who} frozen (GC pause)` },
  NodeResumed: { kind: 'resume', text: (who) => `${who} resumed` },
  Partitioned: { kind: 'partition', text: () => 'Network partitioned' },
  PartitionHealed: { kind: 'heal', text: () => 'Partition healed' },
  SplitBrainDetected: { kind: 'split-brain', text: () => 'Split brain: two leaders wrote' },
  StorageWriteAccepted: { kind: 'commit', text: (who) => `${who}'s write stored` },
};

/** Rule events that can make a marker; a batch without one (most of them) costs one scan. */
const MARKING: ReadonlySet<string> = new Set([...Object.keys(BY_EVENT), 'LeaseAcquired', 'CommitAdvanced']);
const marks = (rule: { type: string }) => MARKING.has(rule.type);

/** Most rows mark nothing: one shared empty answer instead of an array per row. */
const NO_MARKERS: readonly Marker[] = Object.freeze([]);

/** Markers of one logged row; `before`/`after` are the row's team cluster around it. */
export function markersOf(event: RoomEvent, index: number, at: number, before: ClusterState | null, after: ClusterState | null): readonly Marker[] {
  if (event.type === 'MoveRefused') {
    return [{ kind: 'refused', at, index, team: event.team, node: event.node, text: `${event.move} refused: ${event.code} (${event.rule})` }];
  }
  if (event.type !== 'ClusterEvents' || !before || !after || !event.events.some(marks)) return NO_MARKERS;
  const out: Marker[] = [];
  const module = algorithmModule(after.algorithm);
  const label = (node: number) => module.nodeLabel(node);
  // The registry says whether a cluster has a leader; a crash that leaves it without one lost it.
  const lostLeader = module.rules.hasLeader(before) && !module.rules.hasLeader(after);
  for (const rule of event.events as Event[]) {
    const node = 'node' in rule && typeof rule.node === 'number' ? rule.node : null;
    const who = node === null ? '' : label(node);
    const add = (kind: MarkerKind, text: string) => out.push({ kind, at, index, team: event.team, node, text });
    if (rule.type === 'NodeCrashed' && lostLeader) add('leader-lost', `${who} crashed: no leader now`);
    if (rule.type === 'LeaseAcquired' && rule.transitions > 1) add('handover', `Lease handed over to ${who} (token ${rule.token})`);
    else if (rule.type === 'LeaseAcquired') add('leader', `${who} holds the lease`);
    if (rule.type === 'CommitAdvanced' && after.algorithm === 'raft' && after.raft[rule.node]?.role === 'leader') add('commit', `${who} commits entry ${rule.commitIndex}`);
    const simple = BY_EVENT[rule.type];
    if (simple) add(simple.kind, simple.text(who));
  }
  // A Raft leader cut off from the majority keeps leading an older term (the lecture's story).
  if (after.algorithm === 'raft' && out.some((m) => m.kind === 'leader')) {
    const stale = staleLeaders(after);
    if (stale.length > 0) out.push({ kind: 'stale-leader', at, index, team: event.team, node: stale[0]!, text: `Stale leader ${stale.map(label).join(', ')} still leads an older term` });
  }
  return out;
}
