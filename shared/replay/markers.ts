/**
 * Markers: the facts of a round worth a mark on the scrubber, read off the rule events
 * of each logged batch (and the cluster right after it, for the few that need it).
 * Event types, not algorithm names, decide: the common facts are in the table below, and
 * an algorithm's own marks come from its module's `replayMarkers` (shared/rules/replay-hooks.ts).
 */
import { algorithmModule } from '../rules/registry';
import type { ReplayMark } from '../rules/replay-hooks';
import type { ClusterState, Event, NodeIndex } from '../rules/types';
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

/** One rule event, one marker: the straightforward ones, common to every algorithm. */
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

type Module = ReturnType<typeof algorithmModule>;

/** Per module: the rule event types that can make a marker; a batch without one (most) costs one scan. */
const MARKING = new WeakMap<Module, ReadonlySet<string>>();

function markingOf(module: Module): ReadonlySet<string> {
  let set = MARKING.get(module);
  if (!set) MARKING.set(module, (set = new Set([...Object.keys(BY_EVENT), ...(module.replayMarkers?.marking ?? [])])));
  return set;
}

/** Most rows mark nothing: one shared empty answer instead of an array per row. */
const NO_MARKERS: readonly Marker[] = Object.freeze([]);

function anyMarking(events: readonly { type: string }[], marking: ReadonlySet<string>): boolean {
  for (const event of events) if (marking.has(event.type)) return true;
  return false;
}

function nodeOf(rule: Event): NodeIndex | null {
  return 'node' in rule && typeof rule.node === 'number' ? rule.node : null;
}

/**
 * What markersOf reads of the team's cluster before a row, read before the row is folded
 * (a team run writes the cluster in place): whether a leader was live, asked only of a
 * batch with a crash (null otherwise, and for a row without a cluster).
 */
export function leaderBeforeRow(event: RoomEvent, before: ClusterState | null): boolean | null {
  if (event.type !== 'ClusterEvents' || !before) return null;
  for (const rule of event.events) if (rule.type === 'NodeCrashed') return algorithmModule(before.algorithm).rules.hasLeader(before);
  return null;
}

/** Markers of one logged row; `after` is the row's team cluster after it, `leaderBefore` from leaderBeforeRow. */
export function markersOf(event: RoomEvent, index: number, at: number, leaderBefore: boolean | null, after: ClusterState | null): readonly Marker[] {
  if (event.type === 'MoveRefused') {
    return [{ kind: 'refused', at, index, team: event.team, node: event.node, text: `${event.move} refused: ${event.code} (${event.rule})` }];
  }
  if (event.type !== 'ClusterEvents' || !after) return NO_MARKERS;
  const module = algorithmModule(after.algorithm);
  if (!anyMarking(event.events, markingOf(module))) return NO_MARKERS;
  const out: Marker[] = [];
  const team = event.team;
  const label = module.nodeLabel;
  const own = module.replayMarkers;
  // A crash that leaves the cluster without a leader (the registry's reading) lost it.
  let lostLeader: boolean | null = null;
  for (const rule of event.events as Event[]) {
    const node = nodeOf(rule);
    if (rule.type === 'NodeCrashed') {
      lostLeader ??= leaderBefore === true && !module.rules.hasLeader(after);
      if (lostLeader) out.push({ kind: 'leader-lost', at, index, team, node, text: `${label(node!)} crashed: no leader now` });
    }
    const mark = own?.event(rule, after, label);
    if (mark) out.push(stamped(mark, at, index, team));
    const simple = BY_EVENT[rule.type];
    if (simple) out.push({ kind: simple.kind, at, index, team, node, text: simple.text(node === null ? '' : label(node)) });
  }
  for (const mark of own?.batch?.(after, out, label) ?? []) out.push(stamped(mark, at, index, team));
  return out;
}

function stamped(mark: ReplayMark, at: number, index: number, team: number): Marker {
  return { kind: mark.kind, at, index, team, node: mark.node, text: mark.text };
}
