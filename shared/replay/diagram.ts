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

/** Accumulates the diagram while the timeline folds the round. */
export class DiagramBuilder {
  readonly data: DiagramData = { messages: [], bands: [], faults: [] };
  private readonly open = new Map<string, DiagramMessage>();
  private readonly openBand = new Map<string, DiagramBand>();
  private readonly openFault = new Map<string, DiagramFault>();

  constructor(teamSizes: readonly number[], startAt: number, initialRole: DiagramRole) {
    teamSizes.forEach((size, team) => {
      for (let node = 0; node < size; node++) this.setRole(team, node, initialRole, startAt);
    });
  }

  /** Folds one logged batch; `times[i]` is the cluster time after its i-th rule event. */
  addBatch(batch: ClusterEvents, times: readonly number[]): void {
    const team = batch.team;
    (batch.events as Event[]).forEach((event, i) => {
      const at = times[i]!;
      const node = 'node' in event && typeof event.node === 'number' ? event.node : null;
      if (event.type === 'MessagesSent') for (const m of event.messages) this.send(team, m);
      else if (event.type === 'MessageDelivered') this.end(team, event.id, at, 'delivered');
      else if (event.type === 'MessageDropped') this.end(team, event.id, at, event.reason);
      else if (event.type === 'Partitioned') this.startFault(team, null, 'partition', at, event.groups);
      else if (event.type === 'PartitionHealed') this.endFault(team, null, 'partition', at);
      const role = ROLE_BY_EVENT[event.type];
      if (role && node !== null) this.setRole(team, node, role, at);
      const start = FAULT_START[event.type];
      if (start && node !== null) this.startFault(team, node, start, at);
      const end = FAULT_END[event.type];
      if (end && node !== null) this.endFault(team, node, end, at);
    });
  }

  private send(team: number, m: Message): void {
    const record: DiagramMessage = { team, id: m.id, from: m.from, to: m.to, kind: m.payload.kind, sentAt: m.sentAt, endAt: null, outcome: 'in-flight' };
    this.data.messages.push(record);
    this.open.set(`${team}:${m.id}`, record);
  }

  private end(team: number, id: number, at: number, outcome: DiagramMessage['outcome']): void {
    const record = this.open.get(`${team}:${id}`);
    if (!record) return;
    record.endAt = at;
    record.outcome = outcome;
    this.open.delete(`${team}:${id}`);
  }

  private setRole(team: number, node: number, role: DiagramRole, at: number): void {
    const key = `${team}:${node}`;
    const current = this.openBand.get(key);
    if (current?.role === role) return;
    if (current) current.to = at;
    const band: DiagramBand = { team, node, role, from: at, to: null };
    this.data.bands.push(band);
    this.openBand.set(key, band);
  }

  private startFault(team: number, node: number | null, kind: DiagramFault['kind'], at: number, groups?: number[][]): void {
    const key = `${team}:${node}:${kind}`;
    const current = this.openFault.get(key);
    if (current) current.to = at; // a new partition replaces the old one
    const fault: DiagramFault = groups ? { team, node, kind, from: at, to: null, groups } : { team, node, kind, from: at, to: null };
    this.data.faults.push(fault);
    this.openFault.set(key, fault);
  }

  private endFault(team: number, node: number | null, kind: DiagramFault['kind'], at: number): void {
    const key = `${team}:${node}:${kind}`;
    const current = this.openFault.get(key);
    if (!current) return;
    current.to = at;
    this.openFault.delete(key);
  }
}
