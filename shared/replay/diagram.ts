/**
 * The space-time diagram's data (ShiViz-style): one lane per node, each message an arrow
 * from its send to its delivery (or to where it was lost), role bands along each lane and
 * faults drawn on it. Built from the same rule events the fold applies, in the same pass.
 */
import type { Event, Message } from '../rules/types';
import type { ClusterEvents } from '../game/events';

export type DiagramRole = 'leader' | 'candidate' | 'precandidate' | 'electing' | 'follower' | 'idle';

export interface DiagramMessage {
  team: number;
  id: number;
  from: number;
  to: number;
  kind: string;
  sentAt: number;
  /** When it was delivered or dropped; null while still in flight at the end of the log. */
  endAt: number | null;
  outcome: 'delivered' | 'lost' | 'partition' | 'crashed' | 'byHand' | 'in-flight';
}

export interface DiagramSpan {
  team: number;
  /** null: the whole team (a partition). */
  node: number | null;
  from: number;
  /** null: still open at the end of the log. */
  to: number | null;
}

export interface DiagramBand extends DiagramSpan { role: DiagramRole }
export interface DiagramFault extends DiagramSpan { kind: 'crashed' | 'paused' | 'partition'; groups?: number[][] }

export interface DiagramData {
  messages: DiagramMessage[];
  bands: DiagramBand[];
  faults: DiagramFault[];
}

/** Which role a node takes on by a rule event of its own (node = the event's node). */
const ROLE_BY_EVENT: Record<string, DiagramRole> = {
  ElectionStarted: 'candidate',
  PreVoteStarted: 'precandidate',
  LeaderElected: 'leader',
  TermAdopted: 'follower',
  LeaderHeard: 'follower',
  LeaderSteppedDown: 'follower',
  BullyElectionStarted: 'electing',
  CoordinatorAnnounced: 'leader',
  CoordinatorAccepted: 'follower',
  LeadershipBelieved: 'leader',
  LeadershipLost: 'idle',
};

const FAULT_START: Record<string, 'crashed' | 'paused'> = { NodeCrashed: 'crashed', NodePaused: 'paused' };
const FAULT_END: Record<string, 'crashed' | 'paused'> = { NodeRestarted: 'crashed', NodeResumed: 'paused' };

export interface DiagramBuilder {
  data: DiagramData;
  /** Folds one logged batch; `nowBefore` is its team's cluster time before it (each ClockAdvanced moves it on). */
  addBatch(batch: ClusterEvents, nowBefore: number): void;
}

/**
 * Accumulates the diagram while the timeline folds the round. An hour holds hundreds of
 * thousands of messages: open ones are found by number (a map per team, a list per node),
 * not by a string key made per event, which was a fifth of the player's fold (issue 7).
 */
export function createDiagramBuilder(teamSizes: readonly number[], startAt: number, initialRole: DiagramRole): DiagramBuilder {
  const data: DiagramData = { messages: [], bands: [], faults: [] };
  const open: Map<number, DiagramMessage>[] = teamSizes.map(() => new Map());
  const openBand: DiagramBand[][] = teamSizes.map(() => []);
  const openFault = new Map<string, DiagramFault>();

  const send = (team: number, m: Message) => {
    const record: DiagramMessage = { team, id: m.id, from: m.from, to: m.to, kind: m.payload.kind, sentAt: m.sentAt, endAt: null, outcome: 'in-flight' };
    data.messages.push(record);
    open[team]!.set(m.id, record);
  };
  const end = (team: number, id: number, at: number, outcome: DiagramMessage['outcome']) => {
    const record = open[team]!.get(id);
    if (!record) return;
    record.endAt = at;
    record.outcome = outcome;
    open[team]!.delete(id);
  };
  const setRole = (team: number, node: number, role: DiagramRole, at: number) => {
    const lane = openBand[team]!;
    const current = lane[node];
    if (current?.role === role) return;
    if (current) current.to = at;
    const band: DiagramBand = { team, node, role, from: at, to: null };
    data.bands.push(band);
    lane[node] = band;
  };
  // Faults are rare (a handful an hour): a key string is fine here.
  const startFault = (team: number, node: number | null, kind: DiagramFault['kind'], at: number, groups?: number[][]) => {
    const key = `${team}:${node}:${kind}`;
    const current = openFault.get(key);
    if (current) current.to = at; // a new partition replaces the old one
    const fault: DiagramFault = groups ? { team, node, kind, from: at, to: null, groups } : { team, node, kind, from: at, to: null };
    data.faults.push(fault);
    openFault.set(key, fault);
  };
  const endFault = (team: number, node: number | null, kind: DiagramFault['kind'], at: number) => {
    const key = `${team}:${node}:${kind}`;
    const current = openFault.get(key);
    if (!current) return;
    current.to = at;
    openFault.delete(key);
  };

  teamSizes.forEach((size, team) => {
    for (let node = 0; node < size; node++) setRole(team, node, initialRole, startAt);
  });

  return {
    data,
    addBatch(batch, nowBefore) {
      const team = batch.team;
      const events = batch.events as Event[];
      let at = nowBefore;
      for (let i = 0; i < events.length; i++) {
        const event = events[i]!;
        const type = event.type;
        // The cluster's time after the event: only a ClockAdvanced moves it (never backwards).
        if (type === 'ClockAdvanced') {
          if (event.to > at) at = event.to;
          continue;
        }
        if (type === 'MessagesSent') {
          for (const m of event.messages) send(team, m);
          continue;
        }
        if (type === 'MessageDelivered') {
          end(team, event.id, at, 'delivered');
          continue;
        }
        if (type === 'MessageDropped') {
          end(team, event.id, at, event.reason);
          continue;
        }
        if (type === 'Partitioned') startFault(team, null, 'partition', at, event.groups);
        else if (type === 'PartitionHealed') endFault(team, null, 'partition', at);
        const node = (event as { node?: unknown }).node;
        if (typeof node !== 'number') continue;
        const role = ROLE_BY_EVENT[type];
        if (role) setRole(team, node, role, at);
        const start = FAULT_START[type];
        if (start) startFault(team, node, start, at);
        const stop = FAULT_END[type];
        if (stop) endFault(team, node, stop, at);
      }
    },
  };
}
