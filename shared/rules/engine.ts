/**
 * The pure core: `decide(state, command)` answers with the events the command causes or
 * a refusal; `evolve(state, event)` folds one event. Time moves only through the Tick
 * command, which delivers the messages and fires the timers due by then, in a fixed
 * order, so the same state and commands always give the same events.
 */
import type { Emitter } from './algorithm';
import { trueClock } from './clock';
import { evolveCommon, type CopyCluster, type OwnedLists } from './common-evolve';
import { spreadCopy } from './copy-cluster';
import { owned as ownedBy, type ClusterDraft } from './draft';
import { createDueQueue, observeDue, peekDue, takeDue, type DueEntry, type DueQueue } from './due-queue';
import { connected } from './network';
import { seedRng } from './prng';
import { refuse, type Decision, type Refusal } from './refusal';
import { algorithmModule } from './registry';
import { decideHostCommand, isHostCommand } from './host-commands';
import type { Algorithm, ClusterCore, ClusterState, Command, CommonEvent, Event, Message, NetworkParams, NodeBase } from './types';
import { SERVICE } from './types';

type AnyRules = ReturnType<typeof algorithmModule>['rules'];

/** The one decision shape, plus the cluster after the events (unchanged when refused). */
export type ClusterDecision = Decision<Event> & { state: ClusterState };

const COMMON_EVENTS: ReadonlySet<string> = new Set<CommonEvent['type']>([
  'ClockAdvanced', 'MessagesSent', 'MessageDelivered', 'MessageDropped', 'TimerSet', 'TimerCleared', 'TimerFired',
  'NodeCrashed', 'NodeRestarted', 'NodePaused', 'NodeResumed', 'ClockSkewed', 'NetworkChanged', 'LinkChanged',
  'Partitioned', 'PartitionHealed', 'FaultEndScheduled', 'FaultEndReached',
]);

export const DEFAULT_NETWORK: NetworkParams = { delayMs: 1000, jitterMs: 500, dropRate: 0 };

export interface ClusterConfig {
  algorithm: Algorithm;
  nodeCount: number;
  seed: number;
  now?: number;
  network?: Partial<NetworkParams>;
  params?: Record<string, unknown>;
}

export function createCluster(config: ClusterConfig): ClusterState {
  const now = config.now ?? 0;
  const nodes: NodeBase[] = Array.from({ length: config.nodeCount }, (_, index) => ({
    index, status: 'live', clock: trueClock(now), timers: {}, inbox: [],
  }));
  const network = { ...DEFAULT_NETWORK, ...config.network };
  const core: ClusterCore = {
    now,
    rng: seedRng(config.seed),
    nodes,
    network: { ...network, links: {}, partition: null, inFlight: [], nextMessageId: 1 },
    stats: { elections: 0, messagesSent: 0, messagesDelivered: 0, messagesDropped: 0, leaderlessMs: 0 },
  };
  const module = algorithmModule(config.algorithm);
  // The edge refuses bad settings with a sentence (paramsInForce); here they are a bug.
  return module.init(core, module.params.parse(config.params ?? {}));
}

export function evolve(state: ClusterState, event: Event): ClusterState {
  return evolveWith(state, event, undefined, undefined);
}

/**
 * `evolve` on a run's draft (draft.ts): what the run made is changed in place, anything
 * else is copied on its first write. `state` is the run's cluster so far (or the one it
 * opened with); the answer equals `evolve(state, event)`, and may be `state` itself.
 */
export function evolveOnDraft(draft: ClusterDraft, state: ClusterState, event: Event): ClusterState {
  return evolveWith(state, event, draft, draft);
}

/** `owned`: the lists a run of decide made and may change in place (common-evolve.ts); `draft`: all a team run made. */
function evolveWith(state: ClusterState, event: Event, owned: OwnedLists | undefined, draft: ClusterDraft | undefined): ClusterState {
  const rules = algorithmModule(state.algorithm).rules;
  const copy: CopyCluster<ClusterState> = rules.copyState ?? spreadCopy;
  let next = state;
  // A plain read, not `'rng' in event`: that `in`, asked of every event, was 3 % of the replay's fold in a profile.
  const rng = (event as { rng?: ClusterState['rng'] }).rng;
  if (rng !== undefined) {
    next = ownedBy(draft, next, copy);
    next.rng = rng; // this event's own copy (or the draft's)
  }
  if (COMMON_EVENTS.has(event.type)) next = evolveCommon(next, event as CommonEvent, rules.hasLeader, copy, owned, draft);
  return rules.evolve(next, event, draft);
}

/** Folds events one at a time; `state` is always the fold of `events`. */
export function createEmitter(initial: ClusterState): Emitter & { events: Event[] } {
  let state = initial;
  const events: Event[] = [];
  // The lists this run made itself: changed in place from then on (never the initial state's).
  const owned: OwnedLists = new WeakSet();
  return {
    get state() { return state; },
    events,
    emit(event: Event) { state = evolveWith(state, event, owned, undefined); events.push(event); },
  };
}

export function decide(state: ClusterState, command: Command): ClusterDecision {
  const out = createEmitter(state);
  const refusal = command.type === 'Tick' ? advance(out, command.to) : decideCommand(out, command);
  if (refusal) {
    if (out.events.length > 0) throw new Error(`${command.type}: refused after emitting events`);
    return { ok: false, refusal, events: [], state };
  }
  return { ok: true, events: out.events, state: out.state };
}

/** Thrown by the dry run's emitter on the first event: a command that emits was accepted. */
const ACCEPTED: unique symbol = Symbol('accepted');

/**
 * `decide`'s answer without its events: the same code path, stopped at the first emit.
 * Sound because a command validates before it emits (`decide` throws on a refusal after
 * events), so the first event means "accepted"; nothing is evolved, so a phone's moves on
 * a 300-node cluster cost no copy of the cluster. A Tick (never a move) is decided in full.
 */
export function decideAnswer(state: ClusterState, command: Command): Decision<never> {
  if (command.type === 'Tick') {
    const full = decide(state, command);
    return full.ok ? { ok: true, events: [] } : { ok: false, refusal: full.refusal, events: [] };
  }
  const dry: Emitter & { events: Event[] } = { state, events: [], emit() { throw ACCEPTED; } };
  try {
    const refusal = decideCommand(dry, command);
    return refusal ? { ok: false, refusal, events: [] } : { ok: true, events: [] };
  } catch (thrown) {
    if (thrown === ACCEPTED) return { ok: true, events: [] };
    throw thrown;
  }
}

function decideCommand(out: Emitter & { events: Event[] }, command: Exclude<Command, { type: 'Tick' }>): Refusal | void {
  return isHostCommand(command) ? decideHostCommand(out, command) : decidePlayerCommand(out, command);
}

function decidePlayerCommand(out: Emitter, command: Command): Refusal | void {
  const rules = algorithmModule(out.state.algorithm).rules;
  if (!(rules.commandTypes as readonly string[]).includes(command.type)) {
    return refuse('wrong-algorithm', 'C0', `"${command.type}" is not a move in ${out.state.algorithm} rounds.`);
  }
  const nodeIndex = (command as { node: number }).node;
  const node = out.state.nodes[nodeIndex];
  if (!node) return refuse('unknown-node', 'C0', `There is no node ${nodeIndex} in this cluster.`);
  if (node.status === 'crashed') return refuse('node-crashed', 'C1', 'Your node has crashed: a crashed node cannot act until the host restarts it (C1).');
  if (node.status === 'paused') return refuse('node-paused', 'C2', 'Your node is frozen in a pause: it cannot act until the pause ends (C2).');
  return rules.decideNode(out, command);
}

type Due = DueEntry | { at: number; service: true } | { at: number; faultEnd: true };

/**
 * The next thing due at or before `to`: messages first (by id), then timers (by node,
 * name), then a service deadline, then a timed fault's end. Messages and timers come from
 * the Tick's due queue (see due-queue.ts); the other two are one value each.
 */
function nextDue(state: ClusterState, to: number, queue: DueQueue, rules: AnyRules): Due | null {
  let best: Due | null = peekDue(queue, state);
  const deadline = rules.nextServiceDeadline?.(state) ?? null;
  if (deadline !== null && deadline <= to && (!best || deadline < best.at)) best = { at: deadline, service: true };
  const faultEnd = state.scheduled?.[0];
  if (faultEnd && faultEnd.at <= to && (!best || faultEnd.at < best.at)) best = { at: faultEnd.at, faultEnd: true };
  return best;
}

const MAX_STEPS_PER_TICK = 100_000;

function advance(out: Emitter, to: number): Refusal | void {
  if (!Number.isFinite(to)) return refuse('bad-time', 'C0', 'Time must be a finite number.');
  const rules = algorithmModule(out.state.algorithm).rules;
  const queue = createDueQueue(out.state, to);
  let tracked: Emitter | null = null;
  for (let steps = 0; ; steps++) {
    if (steps > MAX_STEPS_PER_TICK) throw new Error('tick did not settle: a rule keeps scheduling work at the same instant');
    const due = nextDue(out.state, to, queue, rules);
    if (!due) break;
    if ('message' in due || 'timer' in due) takeDue(queue);
    // The hooks emit through `tracked`, so the queue learns what each event makes due.
    tracked ??= trackingEmitter(out, queue);
    // Never move the clock backwards: something overdue (held by a pause) happens now.
    if (due.at > out.state.now) tracked.emit({ type: 'ClockAdvanced', to: Math.ceil(due.at) });
    if ('message' in due) deliver(tracked, due.message, rules);
    else if ('service' in due) rules.onServiceDeadline?.(tracked);
    else if ('faultEnd' in due) endFault(tracked);
    else {
      tracked.emit({ type: 'TimerFired', node: due.node, timer: due.timer });
      rules.onTimer(tracked, due.node, due.timer);
    }
  }
  if (to > out.state.now) out.emit({ type: 'ClockAdvanced', to });
}

/** A timed fault's end: taken off the schedule, then its undo decided (a refusal, e.g. the host already restarted the node, changes nothing). */
function endFault(out: Emitter): void {
  const end = out.state.scheduled?.[0];
  if (!end) return;
  out.emit({ type: 'FaultEndReached', at: end.at });
  if (isHostCommand(end.undo)) decideHostCommand(out, end.undo);
}

function trackingEmitter(out: Emitter, queue: DueQueue): Emitter {
  return {
    get state() { return out.state; },
    emit(event: Event) {
      const before = out.state;
      out.emit(event);
      observeDue(queue, before, out.state, event);
    },
  };
}

function deliver(out: Emitter, message: Message, rules: AnyRules): void {
  const state = out.state;
  if (message.lost) return out.emit({ type: 'MessageDropped', id: message.id, reason: 'lost' });
  if (!connected(state, message.from, message.to)) return out.emit({ type: 'MessageDropped', id: message.id, reason: 'partition' });
  if (message.to !== SERVICE && state.nodes[message.to]?.status === 'crashed') {
    return out.emit({ type: 'MessageDropped', id: message.id, reason: 'crashed' });
  }
  out.emit({ type: 'MessageDelivered', id: message.id });
  rules.onMessage(out, message);
}
