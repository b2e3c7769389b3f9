/**
 * The challenge fold (SPEC K1..K6): a running challenge reads every logged batch of the
 * round (ClusterEvents, MoveRefused) with the team's cluster before and after it. Whether
 * a team has a leader is the algorithm's `hasLeader`; what breaks safety and which
 * automatic refusals show a rule holding are the algorithm's `challenges` hooks (its
 * own folder). Pure: the room keeps the state, the fold never mutates it.
 */
import { algorithmModule } from '../rules/registry';
import type { ClusterState, Event } from '../rules/types';
import type { ChallengeEnded, ChallengeStarted } from './events';
import { HELD_LIST, type ChallengeState, type ChallengeTeam, type HeldAttempt } from './types';

export function startChallenge(event: ChallengeStarted, clusters: readonly ClusterState[]): ChallengeState {
  return {
    kind: event.kind,
    goal: event.goal,
    startedAt: event.roomTime,
    endsAt: event.roomTime + event.durationMs,
    faultsToSurvive: event.kind === 'no-leader-lost' ? (event.faults ?? 1) : 0,
    teams: clusters.map((cluster, team) => {
      const leads = algorithmModule(cluster.algorithm).rules.hasLeader(cluster);
      return { team, now: event.roomTime, hasLeader: leads, hadLeader: leads, leaderlessSince: null, longestLeaderlessMs: 0, faults: 0, downSince: null, recoveries: [], breach: null };
    }),
    held: [],
    heldByRule: {},
    ended: null,
  };
}

export function endChallenge(state: ChallengeState, event: ChallengeEnded): ChallengeState {
  const teams = state.teams.map((t) => closeLeaderless(t, event.roomTime));
  return { ...state, teams, ended: { at: event.roomTime, reason: event.reason } };
}

/** K2: a refused move is an attempt the rules held (its rule ID is the lesson). */
export function challengeRefused(state: ChallengeState, team: number, node: number, move: string, rule: string, at: number): ChallengeState {
  if (state.ended) return state;
  return remember(state, { at, team, node, rule, move });
}

/** One logged batch of a team's rule events, with the cluster before and after it. */
export function challengeBatch(state: ChallengeState, team: number, cause: string, events: readonly Event[], before: ClusterState, after: ClusterState): ChallengeState {
  const current = state.teams[team];
  if (state.ended || !current) return state;
  const module = algorithmModule(after.algorithm);
  let next = state;
  let t: ChallengeTeam = { ...current, now: Math.max(current.now, after.now) };
  if (cause === 'fault') t = { ...t, faults: t.faults + 1 };
  const had = module.rules.hasLeader(before);
  const has = module.rules.hasLeader(after);
  if (had && !has) {
    // K4: recovery is timed from the crash that took the leader away.
    const crashed = events.some((e) => e.type === 'NodeCrashed');
    t = { ...t, hasLeader: false, leaderlessSince: t.hadLeader ? after.now : null, downSince: crashed ? after.now : t.downSince };
  } else if (!had && has) {
    const elected = events.find((e) => module.leaderEvents.includes(e.type));
    const node = elected && 'node' in elected && typeof elected.node === 'number' ? elected.node : null;
    t = closeLeaderless({ ...t, hasLeader: true, hadLeader: true }, after.now);
    if (t.downSince !== null) t = { ...t, recoveries: t.recoveries.concat({ ms: after.now - t.downSince, at: after.now, node }), downSince: null };
  }
  const hooks = module.challenges;
  if (hooks && next.kind === 'break-safety') {
    for (const event of events) {
      const held = hooks.held(event);
      if (held) next = remember(next, { at: after.now, team, node: held.node, rule: held.rule, move: null });
      const breach = t.breach ? null : hooks.breach(event, after);
      if (breach) t = { ...t, breach: { at: after.now, ...breach } };
    }
  }
  const teams = next.teams.slice();
  teams[team] = t;
  return { ...next, teams };
}

function closeLeaderless(t: ChallengeTeam, at: number): ChallengeTeam {
  if (t.leaderlessSince === null) return t;
  return { ...t, leaderlessSince: null, longestLeaderlessMs: Math.max(t.longestLeaderlessMs, at - t.leaderlessSince) };
}

function remember(state: ChallengeState, attempt: HeldAttempt): ChallengeState {
  return {
    ...state,
    held: state.held.concat(attempt).slice(-HELD_LIST),
    heldByRule: { ...state.heldByRule, [attempt.rule]: (state.heldByRule[attempt.rule] ?? 0) + 1 },
  };
}
