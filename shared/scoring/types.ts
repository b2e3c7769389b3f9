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
