/**
 * What one node's player may see: its own belief, knowledge, timers (on ITS clock) and
 * inbox. Never the lock's true state: a node knows the lease only through replies.
 * Moves are dry runs of the engine's `decide`, so the rules live in one place only.
 */
import { localTime } from '../clock';
import { letterLabel } from '../labels';
import { letterKey, type MoveChoice } from '../module';
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

/** A placeholder for Write's text; the phone puts the typed text in `value`. */
const SAMPLE_VALUE = 'x';

/** The four moves; the ones the lease's state asks for now (renew when due, acquire when free) drawn urgent. */
export function leaseMoveChoices(state: LeaseCluster, index: NodeIndex): MoveChoice<LeaseCommand>[] {
  const client = state.clients[index];
  const node = state.nodes[index];
  if (!client || !node) return [];
  const renewDue = client.leading && node.timers[RETRY_TIMER] === undefined;
  const seenFree = !client.leading && client.knownHolder === null && client.knownVersion > 0;
  return [
    { command: { type: 'Acquire', node: index }, label: 'Acquire the lease', layout: { kind: 'main' }, urgent: seenFree, shortcut: letterKey('a') },
    { command: { type: 'Renew', node: index }, label: 'Renew', layout: { kind: 'main' }, urgent: renewDue, shortcut: letterKey('r') },
    { command: { type: 'Release', node: index }, label: 'Release', layout: { kind: 'main' }, secondary: true, shortcut: letterKey('l') },
    { command: { type: 'Write', node: index, value: SAMPLE_VALUE }, label: 'Write', layout: { kind: 'write', field: 'value' }, shortcut: letterKey('w') },
  ];
}
