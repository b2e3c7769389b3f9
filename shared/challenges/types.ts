/**
 * Challenges the host starts during a round (issue 11, SPEC K1..K6): a goal, a timer on the
 * room clock and a winner, folded from the same log as the clusters. Plain JSON.
 */
export const CHALLENGE_KINDS = ['break-safety', 'fastest-recovery', 'no-leader-lost'] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

/** K1: a challenge lasts 10 s to 10 min of room time. */
export const MIN_CHALLENGE_MS = 10_000;
export const MAX_CHALLENGE_MS = 600_000;
/** K5: a leaderless stretch this long (room time) loses *No leader lost*. */
export const LEADERLESS_LIMIT_MS = 1_000;
/** How many refused attempts the projector's list keeps (the tally keeps them all). */
export const HELD_LIST = 8;

export const CHALLENGE_TITLES: Record<ChallengeKind, string> = {
  'break-safety': 'Break safety',
  'fastest-recovery': 'Fastest recovery',
  'no-leader-lost': 'No leader lost',
};

export interface HeldAttempt {
  /** Room time of the refusal. */
  at: number;
  team: number;
  node: number;
  /** The rule that held (an ID from SPEC.md). */
  rule: string;
  /** The move refused, or null when the server refused by itself (a service's answer). */
  move: string | null;
}

export interface ChallengeTeam {
  team: number;
  /** Room time the team's cluster last reached. */
  now: number;
  hasLeader: boolean;
  /** K5 counts leaderless time only once the team has had a leader in the challenge. */
  hadLeader: boolean;
  leaderlessSince: number | null;
  longestLeaderlessMs: number;
  /** Faults the host injected into this team since the start (K5). */
  faults: number;
  /** Room time the leader crashed, while no new leader has been seen (K4). */
  downSince: number | null;
  recoveries: { ms: number; at: number; node: number | null }[];
  breach: { at: number; node: number; text: string } | null;
}

export interface ChallengeState {
  kind: ChallengeKind;
  goal: string;
  startedAt: number;
  endsAt: number;
  /** K5's N (0 for the other kinds). */
  faultsToSurvive: number;
  teams: ChallengeTeam[];
  held: HeldAttempt[];
  heldByRule: Record<string, number>;
  ended: { at: number; reason: 'time' | 'goal' | 'host' } | null;
}
