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
  /** Folds one logged batch; `times[i]` is the cluster time after its i-th rule event. */
  addBatch(batch: ClusterEvents, times: readonly number[]): void;
}

/** Accumulates the diagram while the timeline folds the round (open spans indexed by key). */
export function createDiagramBuilder(teamSizes: readonly number[], startAt: number, initialRole: DiagramRole): DiagramBuilder {
  const data: DiagramData = { messages: [], bands: [], faults: [] };
  const open: Record<string, DiagramMessage> = {};
  const openBand: Record<string, DiagramBand> = {};
  const openFault: Record<string, DiagramFault> = {};

  const send = (team: number, m: Message) => {
    const record: DiagramMessage = { team, id: m.id, from: m.from, to: m.to, kind: m.payload.kind, sentAt: m.sentAt, endAt: null, outcome: 'in-flight' };
    data.messages.push(record);
    open[`${team}:${m.id}`] = record;
  };
  const end = (team: number, id: number, at: number, outcome: DiagramMessage['outcome']) => {
    const key = `${team}:${id}`;
    const record = open[key];
    if (!record) return;
    record.endAt = at;
    record.outcome = outcome;
    delete open[key];
  };
  const setRole = (team: number, node: number, role: DiagramRole, at: number) => {
    const key = `${team}:${node}`;
    const current = openBand[key];
    if (current?.role === role) return;
    if (current) current.to = at;
    const band: DiagramBand = { team, node, role, from: at, to: null };
    data.bands.push(band);
    openBand[key] = band;
  };
  const startFault = (team: number, node: number | null, kind: DiagramFault['kind'], at: number, groups?: number[][]) => {
    const key = `${team}:${node}:${kind}`;
    const current = openFault[key];
    if (current) current.to = at; // a new partition replaces the old one
    const fault: DiagramFault = groups ? { team, node, kind, from: at, to: null, groups } : { team, node, kind, from: at, to: null };
    data.faults.push(fault);
    openFault[key] = fault;
  };
  const endFault = (team: number, node: number | null, kind: DiagramFault['kind'], at: number) => {
    const key = `${team}:${node}:${kind}`;
    const current = openFault[key];
    if (!current) return;
    current.to = at;
    delete openFault[key];
  };

  teamSizes.forEach((size, team) => {
    for (let node = 0; node < size; node++) setRole(team, node, initialRole, startAt);
  });

  return {
    data,
    addBatch(batch, times) {
      const team = batch.team;
      (batch.events as Event[]).forEach((event, i) => {
        const at = times[i]!;
        const node = 'node' in event && typeof event.node === 'number' ? event.node : null;
        if (event.type === 'MessagesSent') for (const m of event.messages) send(team, m);
        else if (event.type === 'MessageDelivered') end(team, event.id, at, 'delivered');
        else if (event.type === 'MessageDropped') end(team, event.id, at, event.reason);
        else if (event.type === 'Partitioned') startFault(team, null, 'partition', at, event.groups);
        else if (event.type === 'PartitionHealed') endFault(team, null, 'partition', at);
        const role = ROLE_BY_EVENT[event.type];
        if (role && node !== null) setRole(team, node, role, at);
        const start = FAULT_START[event.type];
        if (start && node !== null) startFault(team, node, start, at);
        const stop = FAULT_END[event.type];
        if (stop && node !== null) endFault(team, node, stop, at);
      });
    },
  };
}
