/**
 * Game commands. The server fills in what the pure core may not produce itself: the
 * wall time (`at`), the room clock's reading (`roomTime`), the seed, and the hash of the
 * host token presented. A player's move arrives with the seat already identified.
 */
import type { Algorithm, NetworkParams } from '../rules/types';
import type { Fault, Move } from './moves';
import type { StartChallenge, StopChallenge } from '../challenges/decide';

export type { StartChallenge, StopChallenge };

export type StartRound = {
  type: 'StartRound';
  at: number;
  hostTokenHash: string;
  algorithm: Algorithm;
  preset: string;
  params?: Record<string, unknown>;
  network?: Partial<NetworkParams>;
  teamSize: number | null;
  crashOnDisconnect: boolean;
  /** A bot stands in for an absent or kicked student (SPEC AP5, AP6). */
  autopilot?: boolean;
  seed: number;
  startPaused?: boolean;
  /**
   * Students whose phone is connected at the start; the others are silent (crashed) nodes
   * from the first instant when the round crashes the absent. Omitted: everyone is here.
   */
  online?: readonly number[];
};

export type EndRound = { type: 'EndRound'; at: number; hostTokenHash: string; roomTime: number };

export type SetRoundClock = {
  type: 'SetRoundClock';
  at: number;
  hostTokenHash: string;
  roomTime: number;
  action: 'pause' | 'resume' | 'rate' | 'step';
  rate?: number;
  stepMs?: number;
};

export type InjectFault = { type: 'InjectFault'; at: number; hostTokenHash: string; roomTime: number; team: number; fault: Fault };

export type PlayMove = { type: 'PlayMove'; at: number; roomTime: number; nodeId: number; move: Move };

/** Time passing: deliver what is due in every team. */
export type TickRound = { type: 'TickRound'; at: number; roomTime: number };

/** A student's phone went away or came back (only acts when the round crashes the absent). */
/** `kicked`: the host removed the student; their node never waits for them (SPEC AP6). */
export type SeatPresence = { type: 'SeatPresence'; at: number; roomTime: number; nodeId: number; online: boolean; kicked?: boolean };

/** Story mode: one click sets up the round and plays the story's first beat. */
export type StartStory = {
  type: 'StartStory';
  at: number;
  hostTokenHash: string;
  story: string;
  /** Omitted: the story's own seed (the same story, the same timer draws). */
  seed?: number;
  online?: readonly number[];
};

/** The teacher's Next, Back or Replay of the current beat, or Stop (the round goes on without cues). */
export type StoryControl = { type: 'StoryControl'; at: number; hostTokenHash: string; roomTime: number; action: 'next' | 'back' | 'replay' | 'stop' };

/** The teacher's scores switch (SPEC S11): a setting of the class, kept across rounds. */
export type SetScores = { type: 'SetScores'; at: number; hostTokenHash: string; on: boolean };

export type GameCommand = StartRound | EndRound | SetRoundClock | InjectFault | PlayMove | TickRound | SeatPresence | StartStory | StoryControl | StartChallenge | StopChallenge | SetScores;
