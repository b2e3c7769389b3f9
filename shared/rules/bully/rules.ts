/**
 * Bully's rules as the engine's AlgorithmRules: the player's decisions (decide.ts), the
 * mandatory reactions (react.ts), the fold (evolve.ts) and the checks (monitor.ts).
 */
import type { AlgorithmRules } from '../algorithm';
import { localTime } from '../clock';
import type { ClusterCore } from '../types';
import { decideBully } from './decide';
import { copyBullyCluster, evolveBully } from './evolve';
import { bullyHasLeader, bullyInvariants } from './monitor';
import { onBullyMessage, onBullyTimer } from './react';
import type { BullyCluster, BullyCommand, BullyNode, BullyParams } from './types';
import { BULLY_TIMERS } from './types';

/**
 * Play starts with a working cluster: the highest rank is the coordinator and everyone
 * knows it; it owes its first "I'm alive" within a heartbeat, the others watch it.
 */
export function initBully(core: ClusterCore, params: BullyParams): BullyCluster {
  const top = core.nodes.length - 1;
  const bully: BullyNode[] = core.nodes.map((node) => ({
    coordinator: top >= 0 ? top : null,
    suspecting: false,
    recovered: false,
    lowerCoordinator: null,
    phase: 'idle',
    round: 0,
    answersFrom: [],
    electionsHeard: [],
    declaredRound: node.index === top ? -1 : 0,
    announced: node.index === top,
  }));
  const nodes = core.nodes.map((node) => {
    const local = localTime(node.clock, core.now);
    const timers = node.index === top
      ? { ...node.timers, [BULLY_TIMERS.heartbeat]: local + params.heartbeatMs }
      : { ...node.timers, [BULLY_TIMERS.suspicion]: local + params.suspicionMs };
    return { ...node, timers };
  });
  return {
    ...core,
    nodes,
    algorithm: 'bully',
    params,
    bully,
    electingCount: 0,
    tallies: {
      current: 0,
      open: false,
      recent: [],
      totals: { sent: { election: 0, answer: 0, coordinator: 0, alive: 0 }, delivered: { election: 0, answer: 0, coordinator: 0 } },
    },
  };
}

export const bullyRules: AlgorithmRules<BullyCluster, BullyCommand> = {
  commandTypes: ['SendAlive', 'StartElection', 'Answer', 'DeclareCoordinator'],
  copyState: copyBullyCluster,
  decideNode: decideBully,
  onMessage: onBullyMessage,
  onTimer: onBullyTimer,
  onRestart() {
    // Nothing happens by itself: the fold marks the node as recovered, which gives its
    // player the right to start an election (B1, B9). People decide.
  },
  evolve: evolveBully,
  hasLeader: bullyHasLeader,
  invariants: bullyInvariants,
};
