/**
 * Copies of a cluster state to change before returning it (evolve never mutates a state
 * it was given; a fresh copy is its own until returned). Written field by field: in V8
 * (Node 20), spreading an object that was itself made by a spread takes a slow path,
 * about ten times the cost of an object literal, and the fold copies the cluster once or
 * twice per event (issue 12: 430,000 events in 0.5 s). Each algorithm lists its own
 * fields after the core's (`copyState` in its rules); the order of the fields is the
 * order the state was built in, so a copy serializes byte for byte like the original.
 */
import type { ClusterCore, ClusterState } from './types';

/** The shared fields, in the order createCluster builds them. */
export function copyCore(state: ClusterCore): ClusterCore {
  return { now: state.now, rng: state.rng, nodes: state.nodes, network: state.network, stats: state.stats };
}

/** Timed faults' ends are added last, when the host first sets one (see common-evolve). */
export function finishCopy<S extends ClusterState>(copy: S, state: S): S {
  if (state.scheduled !== undefined) copy.scheduled = state.scheduled;
  return copy;
}

/** For an algorithm that does not list its fields: correct, only slower. */
export function spreadCopy<S extends ClusterState>(state: S): S {
  return { ...state };
}
