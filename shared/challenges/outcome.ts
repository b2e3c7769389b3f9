/**
 * Who won a challenge (SPEC K3..K5), derived from its folded state, and what the screens
 * show of it: the projector sees every team's standing and the rules that held; a phone
 * sees the goal, the timer and the winner (class-wide facts only, no other student's line).
 */
import { CHALLENGE_TITLES, LEADERLESS_LIMIT_MS, type ChallengeKind, type ChallengeState } from './types';

export interface ChallengeOutcome {
  /** Who won, in words ("Team 2", "The rules"), or null while nobody has yet. */
  winner: string | null;
  /** One sentence: why. */
  detail: string;
}

export interface ChallengeView {
  kind: ChallengeKind;
  title: string;
  goal: string;
  startedAt: number;
  endsAt: number;
  ended: boolean;
  winner: string | null;
  detail: string;
}

export interface ChallengeScreenView extends ChallengeView {
  /** The last attempts the rules held: who tried what, and which rule held. */
  held: { at: number; team: number; who: string; move: string | null; rule: string }[];
  heldByRule: Record<string, number>;
  teams: { team: number; leaderlessSince: number | null; longestLeaderlessMs: number; faults: number; bestRecoveryMs: number | null; breach: string | null }[];
  faultsToSurvive: number;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const teamName = (state: ChallengeState, team: number) => (state.teams.length > 1 ? `Team ${team + 1}` : 'The class');

export function challengeOutcome(state: ChallengeState, label: (team: number, node: number) => string): ChallengeOutcome {
  const over = state.ended !== null;
  switch (state.kind) {
    case 'break-safety': {
      // K3: the first breach wins; at the end of the timer without one, the rules won.
      const breaches = state.teams.flatMap((t) => (t.breach ? [{ team: t.team, ...t.breach }] : [])).sort((a, b) => a.at - b.at);
      const first = breaches[0];
      if (first) return { winner: `${teamName(state, first.team)} (${label(first.team, first.node)})`, detail: `Safety broken: ${first.text}.` };
      const tried = Object.values(state.heldByRule).reduce((a, b) => a + b, 0);
      const rules = Object.entries(state.heldByRule).sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ×${n}`).join(', ');
      const held = tried === 0 ? 'No attempt yet.' : `${tried} attempt${tried === 1 ? '' : 's'} refused: ${rules}.`;
      return over ? { winner: 'The rules', detail: `Safety held. ${held}` } : { winner: null, detail: held };
    }
    case 'fastest-recovery': {
      // K4: the shortest time from a leader's crash to the next leader.
      const best = state.teams.flatMap((t) => t.recoveries.map((r) => ({ team: t.team, ...r }))).sort((a, b) => a.ms - b.ms || a.at - b.at)[0];
      if (!best) return { winner: null, detail: over ? 'No leader crashed and came back in time: no winner.' : 'Crash a leader: the fastest new leader wins.' };
      const who = best.node === null ? teamName(state, best.team) : `${teamName(state, best.team)} (${label(best.team, best.node)})`;
      return { winner: over ? who : null, detail: `${over ? 'Fastest' : 'Best so far'}: ${who}, a new leader ${secs(best.ms)} after the crash.` };
    }
    case 'no-leader-lost': {
      // K5: N faults survived, never a whole second without a leader.
      const standing = state.teams.map((t) => ({ team: t.team, lost: t.longestLeaderlessMs >= LEADERLESS_LIMIT_MS, faults: t.faults }));
      const survivors = standing.filter((t) => !t.lost && t.faults >= state.faultsToSurvive);
      const status = standing.map((t) => `${teamName(state, t.team)}: ${t.lost ? 'lost its leader' : `${Math.min(t.faults, state.faultsToSurvive)}/${state.faultsToSurvive} faults survived`}`).join('; ');
      if (!over) return { winner: null, detail: status };
      return survivors.length > 0 ? { winner: survivors.map((t) => teamName(state, t.team)).join(', '), detail: status } : { winner: 'Nobody', detail: status };
    }
  }
}

export function challengeView(state: ChallengeState, label: (team: number, node: number) => string): ChallengeView {
  const outcome = challengeOutcome(state, label);
  return { kind: state.kind, title: CHALLENGE_TITLES[state.kind], goal: state.goal, startedAt: state.startedAt, endsAt: state.endsAt, ended: state.ended !== null, ...outcome };
}

/** `noun` names a move in words ("vote", "candidacy"): the algorithm's scoring nouns. */
export function challengeScreenView(state: ChallengeState, label: (team: number, node: number) => string, noun: (move: string) => string = (m) => m): ChallengeScreenView {
  return {
    ...challengeView(state, label),
    held: state.held.map((h) => ({ at: h.at, team: h.team, who: label(h.team, h.node), move: h.move === null ? null : noun(h.move), rule: h.rule })),
    heldByRule: state.heldByRule,
    teams: state.teams.map((t) => ({
      team: t.team, leaderlessSince: t.leaderlessSince, longestLeaderlessMs: t.longestLeaderlessMs, faults: t.faults,
      bestRecoveryMs: t.recoveries.length > 0 ? Math.min(...t.recoveries.map((r) => r.ms)) : null,
      breach: t.breach?.text ?? null,
    })),
    faultsToSurvive: state.faultsToSurvive,
  };
}
