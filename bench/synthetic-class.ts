/**
 * A synthetic class for the benchmarks: 60 players clicking twice a second each for an
 * hour, through the real engine (decide + evolve), with bots that play sensibly (the
 * leader heartbeats when its reminder runs out, voters answer requests, the timed-out
 * stand) and the host crashing the leader every ten minutes. Bots pick their move with
 * cheap checks on the state, so generating the hour stays quick; a click that is not
 * legal is refused by the engine and logs nothing, as in class.
 */
import { createCluster, decide } from '../shared/rules/engine';
import { drawInt } from '../shared/rules/prng';
import type { BullyCluster } from '../shared/rules/bully/types';
import type { LeaseCluster } from '../shared/rules/lease/types';
import type { RaftCluster } from '../shared/rules/raft/types';
import type { Algorithm, ClusterState, Command, Event } from '../shared/rules/types';

export interface SyntheticClass {
  initial: ClusterState;
  final: ClusterState;
  events: Event[];
  /** Events per accepted decision, in order: each is one logged batch (ClusterEvents) in class. */
  batches: number[];
  clicks: number;
  refused: number;
  /** Cost of deciding each click, split by outcome, and of each Tick (time passing: deliveries and timers). */
  decideMs: { accepted: number[]; refused: number[]; tick: number[] };
}

function raftClick(state: RaftCluster, i: number, coin: number): Command {
  const node = state.raft[i]!;
  if (node.role === 'leader') {
    if (state.nodes[i]!.timers.heartbeat === undefined) return { type: 'SendHeartbeat', node: i };
    return coin < 0.1 ? { type: 'WriteCommand', node: i, command: 'NESW'[Math.floor(coin * 40)] ?? 'N' } : { type: 'SendHeartbeat', node: -1 };
  }
  const request = node.requests.find((r) => r.term === node.term);
  if (request && node.votedFor === null) return { type: 'GrantVote', node: i, candidate: request.candidate };
  return { type: 'StandForElection', node: i };
}

function bullyClick(state: BullyCluster, i: number): Command {
  const node = state.bully[i]!;
  if (node.coordinator === i) {
    return state.nodes[i]!.timers.heartbeat === undefined ? { type: 'SendAlive', node: i } : { type: 'DeclareCoordinator', node: -1 };
  }
  const unanswered = node.electionsHeard.find((h) => !h.answered);
  if (unanswered) return { type: 'Answer', node: i, to: unanswered.from };
  if (node.phase !== 'idle') return { type: 'DeclareCoordinator', node: i };
  return { type: 'StartElection', node: i };
}

function leaseClick(state: LeaseCluster, i: number, coin: number): Command {
  const client = state.clients[i]!;
  if (client.leading) return coin < 0.3 ? { type: 'Renew', node: i } : { type: 'Write', node: i, value: 'x' };
  return state.nodes[i]!.timers.retry === undefined ? { type: 'Acquire', node: i } : { type: 'Renew', node: i };
}

function botClick(state: ClusterState, i: number, coin: number): Command {
  if (state.algorithm === 'raft') return raftClick(state, i, coin);
  if (state.algorithm === 'bully') return bullyClick(state, i);
  return leaseClick(state, i, coin);
}

function leaderOf(state: ClusterState): number {
  if (state.algorithm === 'raft') return state.raft.findIndex((n, i) => n.role === 'leader' && state.nodes[i]!.status === 'live');
  if (state.algorithm === 'bully') return state.bully.findIndex((n, i) => n.coordinator === i && state.nodes[i]!.status === 'live');
  return state.clients.findIndex((c, i) => c.leading && state.nodes[i]!.status === 'live');
}

export function playSyntheticClass(algorithm: Algorithm, options: { nodes?: number; minutes?: number; clicksPerSecond?: number; seed?: number } = {}): SyntheticClass {
  const nodes = options.nodes ?? 60;
  const durationMs = (options.minutes ?? 60) * 60_000;
  const clicksPerSecond = options.clicksPerSecond ?? 2;
  const initial = createCluster({ algorithm, nodeCount: nodes, seed: options.seed ?? 2026 });
  let state = initial;
  let botRng = 12345;
  const events: Event[] = [];
  const batches: number[] = [];
  const decideMs = { accepted: [] as number[], refused: [] as number[], tick: [] as number[] };
  let clicks = 0;
  let refused = 0;
  const gapMs = 1000 / (nodes * clicksPerSecond);
  let crashedLeader = -1;
  const apply = (command: Command, measure: boolean) => {
    const t0 = performance.now();
    const decision = decide(state, command);
    if (command.type === 'Tick') decideMs.tick.push(performance.now() - t0);
    else if (measure) (decision.ok ? decideMs.accepted : decideMs.refused).push(performance.now() - t0);
    if (!decision.ok) return false;
    state = decision.state;
    for (const e of decision.events) events.push(e);
    if (decision.events.length > 0) batches.push(decision.events.length);
    return true;
  };
  for (let t = gapMs; t < durationMs; t += gapMs) {
    apply({ type: 'Tick', to: Math.floor(t) }, true);
    // The host's faults: crash the leader every ten minutes, restart it thirty seconds later.
    if (Math.floor(t / 600_000) !== Math.floor((t - gapMs) / 600_000)) {
      crashedLeader = leaderOf(state);
      if (crashedLeader >= 0) apply({ type: 'CrashNode', node: crashedLeader }, false);
    }
    if (crashedLeader >= 0 && t % 600_000 > 30_000) {
      apply({ type: 'RestartNode', node: crashedLeader }, false);
      crashedLeader = -1;
    }
    const who = drawInt(botRng, 0, nodes);
    const coin = drawInt(who.next, 0, 1_000_000);
    botRng = coin.next;
    clicks++;
    if (!apply(botClick(state, who.value, coin.value / 1_000_000), true)) refused++;
  }
  return { initial, final: state, events, batches, clicks, refused, decideMs };
}
