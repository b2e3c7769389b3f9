/**
 * What one node's player may see: its own belief, knowledge, timers (on ITS clock) and
 * inbox. Never the lock's true state: a node knows the lease only through replies.
 * Moves are dry runs of the engine's `decide`, so the rules live in one place only.
 */
import { localTime } from '../clock';
import { decide } from '../engine';
import { letterLabel } from '../labels';
import type { Refusal } from '../refusal';
import type { InboxEntry, NodeIndex, NodeStatus } from '../types';
import type { LeaseCluster, LeaseCommand, LeaseParams } from './types';
import { RENEW_DEADLINE_TIMER, RETRY_TIMER } from './types';

export interface LeaseNodeView {
  algorithm: 'lease';
  index: NodeIndex;
  label: string;
  status: NodeStatus;
  /** The node's own clock reading (frozen during a pause, off when skewed). */
  localNow: number;
  /** L6: whether it believes it leads, and for how long more on its own clock. */
  leading: boolean;
  leadsForMs: number | null;
  token: number | null;
  knownVersion: number;
  /** The holder named by the last fresh reply: a node index, or null (free / not known). */
  knownHolder: NodeIndex | null;
  timers: { retry: number | null; renewDeadline: number | null };
  /** Configuration is public: every client is started with the same settings. */
  params: LeaseParams;
  inbox: InboxEntry[];
}

export function leaseNodeView(state: LeaseCluster, index: NodeIndex): LeaseNodeView | null {
  const node = state.nodes[index];
  const client = state.clients[index];
  if (!node || !client) return null;
  const localNow = localTime(node.clock, state.now);
  const remaining = (timer: string): number | null => {
    const at = node.timers[timer];
    return at === undefined ? null : Math.max(0, at - localNow);
  };
  return {
    algorithm: 'lease',
    index,
    label: letterLabel(index),
    status: node.status,
    localNow,
    leading: client.leading,
    leadsForMs: client.leading && client.leadUntilLocal !== null ? Math.max(0, client.leadUntilLocal - localNow) : null,
    token: client.token,
    knownVersion: client.knownVersion,
    knownHolder: client.knownHolder,
    timers: { retry: remaining(RETRY_TIMER), renewDeadline: remaining(RENEW_DEADLINE_TIMER) },
    params: state.params,
    inbox: node.inbox,
  };
}

export interface LeaseMove {
  type: LeaseCommand['type'];
  /** The command to send; for Write the UI puts the typed text in `value`. */
  command: LeaseCommand;
  allowed: boolean;
  refusal: Refusal | null;
}

/** A placeholder used to dry-run Write; any legal text gives the same answer. */
const SAMPLE_VALUE = 'x';

export function leaseMoves(state: LeaseCluster, index: NodeIndex): LeaseMove[] {
  const commands: LeaseCommand[] = [
    { type: 'Acquire', node: index },
    { type: 'Renew', node: index },
    { type: 'Release', node: index },
    { type: 'Write', node: index, value: SAMPLE_VALUE },
  ];
  return commands.map((command) => {
    const decision = decide(state, command);
    return { type: command.type, command, allowed: decision.ok, refusal: decision.ok ? null : decision.refusal };
  });
}
