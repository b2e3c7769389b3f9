/**
 * The session report's story of one round (issue 11, SPEC S9): folded from the round's
 * logged rows alone, so a live class, a restarted server and an imported file tell the
 * same story. Per team: who led when and the gaps between leaders (with the fact that
 * opened each gap, e.g. "A crashed."), the elections (a gap that ended with a new leader,
 * and how long it took), messages sent and lost, and the moments the algorithm's own
 * screen raised a safety alert (split brain, a stale leader). Refusals by rule come from
 * the logged MoveRefused rows. Which state counts as "a leader" is the module's
 * `hasLeader`; which words tell a fact are the projector's ticker words (narrate).
 */
import { evolve } from '../rules/engine';
import { algorithmModule } from '../rules/registry';
import type { ClusterState, Event } from '../rules/types';
import { evolveRoom } from '../room/evolve';
import type { RoomState } from '../room/state';
import { narrate } from '../game/narrate';
import type { RoundSlice } from '../replay/rounds';

/** A stretch of room time with one leader, or none (`leader` null: a gap). */
export interface LeadershipSpan {
  from: number;
  to: number;
  /** The leader's label ("B"), null in a gap. */
  leader: string | null;
  /** For a gap: the fact that opened it ("A crashed."), or "round start". */
  cause: string | null;
  /** The gap opened on a fault the host injected or a phone that went away. */
  fault: boolean;
}

export interface Election {
  from: number;
  to: number;
  ms: number;
  winner: string;
}

export interface TeamStory {
  team: number;
  leadership: LeadershipSpan[];
  elections: Election[];
  messages: { sent: number; lost: number };
  /** Safety alerts the algorithm raised, the first time each was raised. */
  alerts: { at: number; text: string }[];
}

export interface RoundStory {
  round: number;
  algorithm: string;
  title: string;
  startTime: number;
  endTime: number;
  teams: TeamStory[];
  /** Refused moves by rule ID, the whole class (which rules the class found hard). */
  refusalsByRule: Record<string, number>;
  /** Room time of the first refusal by each rule (where the replay link of a bar points). */
  firstRefusalAt: Record<string, number>;
}

interface TeamFold {
  story: TeamStory;
  open: { from: number; leader: string | null; cause: string | null; fault: boolean };
  lastAlerts: string[];
}

export function roundStory(slice: RoundSlice): RoundStory {
  let room = slice.prelude.reduce<RoomState | null>((r, row) => evolveRoom(r, row.event), null);
  const first = slice.rows[0]?.event;
  if (!room || !first || first.type !== 'RoundStarted') throw new Error('a round slice starts with RoundStarted, after RoomCreated');
  room = evolveRoom(room, first)!;
  const module = algorithmModule(first.config.algorithm);
  const start = first.forkedFrom?.roomTime ?? 0;
  const folds: TeamFold[] = room.round!.teams.map((team) => {
    const leads = module.rules.hasLeader(team.cluster);
    return {
      story: { team: team.team, leadership: [], elections: [], messages: { sent: 0, lost: 0 }, alerts: [] },
      open: { from: start, leader: leads ? leaderLabel(team.cluster) : null, cause: leads ? null : 'round start', fault: false },
      lastAlerts: [],
    };
  });
  const refusalsByRule: Record<string, number> = {};
  const firstRefusalAt: Record<string, number> = {};
  let end = start;
  // Each team's cluster, folded here rule event by rule event: only a round's start and its
  // ClusterEvents rows change a cluster (shared/game/evolve.ts), so the rest of the room is
  // not folded again per row (that second fold of an hour was most of a report's minute of CPU).
  const clusters = room.round!.teams.map((team) => team.cluster);
  for (let i = 1; i < slice.rows.length; i++) {
    const event = slice.rows[i]!.event;
    if (event.type === 'MoveRefused') {
      refusalsByRule[event.rule] = (refusalsByRule[event.rule] ?? 0) + 1;
      firstRefusalAt[event.rule] ??= clusters[event.team]?.now ?? end;
    }
    if (event.type === 'RoundClockSet') end = Math.max(end, event.roomTime);
    if (event.type === 'ClusterEvents') {
      const fold = folds[event.team];
      let cluster = clusters[event.team];
      if (fold && cluster) {
        for (const rule of event.events as Event[]) {
          const before: ClusterState = cluster;
          cluster = evolve(cluster, rule);
          step(fold, rule, before, cluster, event.cause === 'fault' || event.cause === 'presence');
        }
        end = Math.max(end, cluster.now);
        const alerts = module.screen.team(cluster).alerts;
        for (const text of alerts) if (!fold.lastAlerts.includes(text)) fold.story.alerts.push({ at: cluster.now, text });
        fold.lastAlerts = alerts;
        clusters[event.team] = cluster;
      }
    }
    if (event.type === 'RoundEnded') break;
  }
  for (const fold of folds) close(fold, end);
  return { round: slice.round, algorithm: module.name, title: module.title, startTime: start, endTime: end, teams: folds.map((f) => f.story), refusalsByRule, firstRefusalAt };
}

function step(fold: TeamFold, rule: Event, before: ClusterState, after: ClusterState, byFault: boolean): void {
  const module = algorithmModule(after.algorithm);
  const label = (n: number) => module.nodeLabel(n);
  if (rule.type === 'MessagesSent') fold.story.messages.sent += rule.messages.length;
  if (rule.type === 'MessageDropped') fold.story.messages.lost += 1;
  const had = module.rules.hasLeader(before);
  const has = module.rules.hasLeader(after);
  const newLeader = module.leaderEvents.includes(rule.type) && 'node' in rule && typeof rule.node === 'number' ? label(rule.node) : null;
  if (has && (!had || (newLeader && newLeader !== fold.open.leader))) {
    const gap = fold.open.leader === null ? fold.open : null;
    const winner = newLeader ?? leaderLabel(after) ?? '?';
    if (gap) fold.story.elections.push({ from: gap.from, to: after.now, ms: after.now - gap.from, winner });
    close(fold, after.now);
    fold.open = { from: after.now, leader: winner, cause: null, fault: false };
  } else if (had && !has) {
    close(fold, after.now);
    fold.open = { from: after.now, leader: null, cause: narrate(rule, before, after) ?? rule.type, fault: byFault };
  }
}

function close(fold: TeamFold, at: number): void {
  const { from, leader, cause, fault } = fold.open;
  if (at > from || fold.story.leadership.length === 0) fold.story.leadership.push({ from, to: Math.max(at, from), leader, cause, fault });
}

/** The label of the node the screen draws as leader (a solid crown: "Leader", "Coordinator", "Holder"), if one. */
function leaderLabel(cluster: ClusterState): string | null {
  const module = algorithmModule(cluster.algorithm);
  const leadRole = Object.entries(module.roles).find(([, look]) => look.shape === 'crown' && !look.dashed)?.[0];
  for (let i = 0; i < cluster.nodes.length; i++) {
    if (cluster.nodes[i]?.status !== 'crashed' && module.screen.node(cluster, i, cluster.now).role === leadRole) return module.nodeLabel(i);
  }
  return null;
}
