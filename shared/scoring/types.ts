/** The scores of one round, folded from its log (SPEC S1). Plain JSON. */

export interface StudentScore {
  /** The student's node id in the room. */
  student: number;
  team: number;
  /** The node index in the team's cluster. */
  node: number;
  movesAccepted: number;
  /** Refused moves by rule ID, e.g. { R4: 1 } (SPEC S5: shown, never worth points). */
  refusedByRule: Record<string, number>;
  /** Refused moves by the move's noun and rule: "vote|R4" -> 1 (for the student's line). */
  refusedByMove: Record<string, number>;
  dutiesDone: Record<string, number>;
  dutiesMissed: Record<string, number>;
  leads: number;
  fastRecoveries: number;
  points: number;
}

export interface TeamScore {
  team: number;
  members: number[];
  points: number;
}

export interface RoundScores {
  round: number;
  algorithm: string;
  students: StudentScore[];
  teams: TeamScore[];
}

/** What the fold remembers of each team between events (plain JSON, kept by the room). */
export interface TeamMemory {
  leader: number | null;
  /** Room time the leader crashed, while no new leader has been seen (S4). */
  downSince: number | null;
  now: number;
  crashed: number[];
}

export interface ScoringState {
  round: number;
  algorithm: string;
  /** Student ids per team, in node order (RoundStarted.teams). */
  teams: number[][];
  /** Where each team's students begin in `students`. */
  offsets: number[];
  students: StudentScore[];
  memory: TeamMemory[];
}
