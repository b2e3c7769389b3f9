/**
 * The host's challenge commands (SPEC K1, K6) and the end a tick decides (K1: the timer;
 * K3: a breach ends *Break safety* at once). Who may ask (the host token) and whether a
 * round is live are checked by decideGame before these run.
 */
import { algorithmModule } from '../rules/registry';
import { accepted, refuse, refused, type Decision } from '../rules/refusal';
import type { ChallengeEnded, ChallengeStarted } from './events';
import { CHALLENGE_KINDS, MAX_CHALLENGE_MS, MIN_CHALLENGE_MS, type ChallengeKind, type ChallengeState } from './types';

export type StartChallenge = { type: 'StartChallenge'; at: number; hostTokenHash: string; roomTime: number; kind: ChallengeKind; durationMs: number; faults?: number };
export type StopChallenge = { type: 'StopChallenge'; at: number; hostTokenHash: string; roomTime: number };

/** What decideChallenge needs of the round: its algorithm, parameters and current challenge. */
export interface ChallengeRound {
  config: { algorithm: string; params: Record<string, unknown> };
  challenge?: ChallengeState | null;
}

const running = (round: ChallengeRound) => !!round.challenge && round.challenge.ended === null;

export function decideStartChallenge(round: ChallengeRound, command: StartChallenge): Decision<ChallengeStarted> {
  if (running(round)) return refused(refuse('challenge-running', 'K1', 'A challenge is already running: stop it before starting another.'));
  if (!CHALLENGE_KINDS.includes(command.kind)) return refused(refuse('bad-parameter', 'K1', 'Pick one of the challenges offered.'));
  if (!Number.isInteger(command.durationMs) || command.durationMs < MIN_CHALLENGE_MS || command.durationMs > MAX_CHALLENGE_MS) {
    return refused(refuse('bad-parameter', 'K1', `A challenge lasts ${MIN_CHALLENGE_MS / 1000} s to ${MAX_CHALLENGE_MS / 60000} minutes.`));
  }
  const module = algorithmModule(round.config.algorithm);
  let goal: string;
  if (command.kind === 'break-safety') {
    // K2: the goal, the breach and the rules that hold are the algorithm's own words.
    if (!module.challenges) return refused(refuse('challenge-not-offered', 'K2', `${module.title} does not offer Break safety.`));
    goal = module.challenges.breakSafetyGoal(round.config.params);
  } else if (command.kind === 'fastest-recovery') {
    goal = 'Crash the leader (teacher), then elect a new one: the shortest time without a leader wins.';
  } else {
    const n = command.faults ?? 1;
    if (!Number.isInteger(n) || n < 1 || n > 20) return refused(refuse('bad-parameter', 'K1', 'Survive 1 to 20 faults.'));
    goal = `Survive ${n} fault${n === 1 ? '' : 's'} without a whole second with no leader.`;
  }
  return accepted({
    type: 'ChallengeStarted', at: command.at, kind: command.kind, roomTime: command.roomTime, durationMs: command.durationMs, goal,
    ...(command.kind === 'no-leader-lost' && { faults: command.faults ?? 1 }),
  });
}

export function decideStopChallenge(round: ChallengeRound, command: StopChallenge): Decision<ChallengeEnded> {
  if (!running(round)) return refused(refuse('no-challenge', 'K6', 'No challenge is running.'));
  return accepted({ type: 'ChallengeEnded', at: command.at, roomTime: command.roomTime, reason: 'host' });
}

/** The end a tick (or the round's end) decides: time is up, or safety was broken (K1, K3). */
export function challengeDue(round: ChallengeRound, at: number, roomTime: number, roundEnding = false): ChallengeEnded | null {
  const challenge = round.challenge;
  if (!challenge || challenge.ended !== null) return null;
  if (roomTime >= challenge.endsAt) return { type: 'ChallengeEnded', at, roomTime: challenge.endsAt, reason: 'time' };
  if (challenge.kind === 'break-safety' && challenge.teams.some((t) => t.breach)) return { type: 'ChallengeEnded', at, roomTime, reason: 'goal' };
  return roundEnding ? { type: 'ChallengeEnded', at, roomTime, reason: 'host' } : null;
}
