/**
 * A round of the game inside a room: the algorithm, the teams (each its own cluster)
 * and the room clock as the log last recorded it. Plain JSON, folded from room events.
 */
import type { Algorithm, ClusterState, NetworkParams } from '../rules/types';
import type { ScoringState } from '../scoring/types';
import type { Temperament } from './bot-policy';
import type { StoryState } from '../stories/engine';
import type { ChallengeState } from '../challenges/types';
import type { TickerLine } from './ticker';
import type { TeamRecapFold } from './recap';

export interface RoundConfig {
  algorithm: Algorithm;
  preset: string;
  params: Record<string, unknown>;
  network: NetworkParams;
  /** null: the whole class is one cluster; otherwise teams of about this size (3 to 9). */
  teamSize: number | null;
  /** A student whose phone disconnects is a crashed node until it comes back. */
  crashOnDisconnect: boolean;
  /** A bot stands in for an absent or kicked student (SPEC AP5, AP6). */
  autopilot: boolean;
  /** The seed of the round's randomness (team t plays seed + t); logged so a replay reproduces. */
  seed: number;
  /** The round began with its clock paused (host:round:start `startPaused`). */
  startPaused: boolean;
}

/** Seeds are 31-bit non-negative integers (what the server draws, what a host may pass). */
export const SEED_MAX = 2 ** 31 - 1;

export type { TickerLine } from './ticker';

/** A refused move, for the projector's line "who tried what, which rule, why" (issue 8). */
export interface RefusalRecord {
  /** Room time of the refusal. */
  at: number;
  node: number;
  /** The move's type ("StartElection"). */
  move: string;
  code: string;
  rule: string;
  /** The rules' sentence (absent in logs written before it was logged). */
  message?: string;
  bot?: boolean;
}

export interface TeamState {
  team: number;
  /** Student node ids; a student's node index in the cluster is their position here. */
  members: number[];
  cluster: ClusterState;
  refusedMoves: number;
  ticker: TickerLine[];
  /** The ticker's headline (shared/game/ticker.ts); absent in older snapshots. */
  headline?: TickerLine | null;
  /** The last few refused moves, oldest first; absent in older snapshots. */
  refusals?: RefusalRecord[];
  /** The recap's fold: leader spells and refusals by rule (shared/game/recap.ts); absent in older snapshots. */
  recap?: TeamRecapFold;
  /** Nodes crashed because their phone went away; they restart when it comes back. */
  away: number[];
}

export interface RoundClockRecord {
  running: boolean;
  rate: number;
  /** Room time when the clock was last set. */
  roomTime: number;
}

/** A bot playing a node this round: its temperament, when it looks at its phone next, its PRNG. */
export interface BotMind {
  temperament: Temperament;
  nextAt: number;
  rng: number;
  /** Standing in for a student (why), with the moves it played for them, by the phone's label. */
  standIn?: { reason: 'away' | 'kicked'; played: Record<string, number> };
}

export interface RoundState {
  id: number;
  config: RoundConfig;
  startedAt: number;
  clock: RoundClockRecord;
  teams: TeamState[];
  ended: boolean;
  /** The scoring fold so far (SPEC S1), folded from the same log as the clusters. */
  scoring: ScoringState;
  /** Nodes played by bots, keyed by node id (SPEC AP1). Older logs lack it: none. */
  bots: Record<string, BotMind>;
  /** What a stand-in bot did while a student was away, told on their phone once back (SPEC AP5). */
  notes?: Record<string, string>;
  /** The story being told in this round (story mode), if any; older logs have none. */
  story?: StoryState | null;
  /** The challenge the host started in this round, running or over (SPEC K1..K6); older logs lack it. */
  challenge?: ChallengeState | null;
}

/** Room ms after the start at which every bot first looks at its phone. */
export const BOT_FIRST_LOOK_MS = 500;

/** Where a student sits in the round, if they play in it. */
export function seatInRound(round: RoundState, nodeId: number): { team: TeamState; index: number } | null {
  for (const team of round.teams) {
    const index = team.members.indexOf(nodeId);
    if (index !== -1) return { team, index };
  }
  return null;
}

/** The latest room time any record of the round reached (where a restarted server resumes). */
export function lastRoomTime(round: RoundState): number {
  let t = round.clock.roomTime;
  for (const team of round.teams) t = Math.max(t, team.cluster.now);
  return t;
}
