/**
 * The contract each algorithm (Raft, Bully, Lease) fulfils. The engine owns time, the
 * network and node liveness; an algorithm owns its node state, its commands, and the
 * reactions its rules make mandatory when a message arrives or a timer fires.
 *
 * Hooks never return new states: they emit events into an Emitter, which folds each
 * event with `evolve` at once, so a hook can read `out.state` after every emit and the
 * events it produced are exactly what a replay will fold.
 */
import type { ClusterDraft } from './draft';
import type { Refusal } from './refusal';
import type { ClusterState, Command, Event, Message, NodeIndex } from './types';

export interface Emitter<S extends ClusterState = ClusterState> {
  readonly state: S;
  emit(event: Event): void;
}

export interface AlgorithmRules<S extends ClusterState, C extends Command> {
  /** The command types this algorithm accepts from players (each carries `node`). */
  readonly commandTypes: readonly C['type'][];
  /** Validate first, then emit. Returning a refusal after emitting is a bug (the engine throws). */
  decideNode(out: Emitter<S>, command: C): Refusal | void;
  /** Called after MessageDelivered was folded; the message is addressed to a live node or the service. */
  onMessage(out: Emitter<S>, message: Message): void;
  /** Called after TimerFired was folded (the timer is already cleared). */
  onTimer(out: Emitter<S>, node: NodeIndex, timer: string): void;
  /** Called after NodeRestarted was folded: volatile state is gone, persistent state stays. */
  onRestart(out: Emitter<S>, node: NodeIndex): void;
  /** Called after NodeResumed was folded (a GC pause ended). */
  onResume?(out: Emitter<S>, node: NodeIndex): void;
  /**
   * Optional: a copy of the state, field by field (see copy-cluster.ts), for the fold to
   * change before returning it. Without it the engine spreads, which is correct but slower.
   */
  copyState?(state: S): S;
  /**
   * Folds algorithm events; receives every event after the common fold (may ignore most).
   * With a draft (shared/rules/draft.ts) it may write in place what the draft owns, and
   * must copy anything else before writing it; without one it never writes in place.
   */
  evolve(state: S, event: Event, draft?: ClusterDraft): S;
  /**
   * Optional: the room instant of the next deadline kept by the service itself (not by a
   * node), e.g. Lease's expiry, which the service judges on the room clock. The Tick loop
   * treats it like a timer (after messages and node timers due at the same instant).
   */
  nextServiceDeadline?(state: S): number | null;
  /** Called when the Tick loop reaches `nextServiceDeadline`; must emit something that moves or clears it. */
  onServiceDeadline?(out: Emitter<S>): void;
  /** Whether some live node is the leader right now (for the "time without a leader" counter). */
  hasLeader(state: S): boolean;
  /** Safety invariants; returns the violated ones as sentences (empty = all hold). */
  invariants(state: S): string[];
}
