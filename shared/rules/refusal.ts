/**
 * The one refusal module. A refusal is the law answering a student or a host: a stable
 * machine code (kebab-case, one union below), the rule it enforces (an ID from SPEC.md,
 * absent for room administration) and one sentence a student understands.
 *
 * Every decide function answers with a `Decision` (and every lookup with a `Result`), so
 * the server turns any of them into an ack the same way. shared/protocol.ts only wraps
 * these types in zod; nothing here knows about the wire.
 */

/** Refusals of the edge and the room (join, seats, host administration). */
export const ROOM_REFUSAL_CODES = [
  'invalid-payload', 'protocol-mismatch', 'unknown-event', 'internal-error', 'rate-limited',
  'unknown-room', 'room-exists', 'room-locked', 'room-full', 'not-host', 'already-filled',
  'nickname-empty', 'nickname-too-long', 'nickname-markup', 'nickname-hidden-character', 'nickname-taken',
  'already-locked', 'already-unlocked', 'unknown-node', 'node-already-kicked', 'kicked', 'stale-seat',
] as const;

/** Refusals a client makes itself, without asking the server (no answer, no token stored). */
export const CLIENT_REFUSAL_CODES = ['timeout', 'bad-answer', 'no-host-token', 'no-seat'] as const;

/** Refusals of the round around the rules (SPEC C*: who may ask, the room clock). */
export const ROUND_REFUSAL_CODES = [
  'no-round', 'round-running', 'unknown-algorithm', 'unknown-preset', 'too-few-students', 'not-in-round', 'unknown-team',
  'clock-paused', 'clock-running', 'bad-rate', 'bad-step',
  'challenge-running', 'no-challenge', 'challenge-not-offered', 'scores-already',
  'wrong-algorithm', 'node-crashed', 'node-paused', 'bad-time', 'bad-parameter', 'bad-partition',
  'already-crashed', 'not-crashed', 'not-live', 'not-paused', 'not-partitioned', 'no-such-message',
  // Story mode (issue 8)
  'unknown-story', 'no-story', 'story-cast', 'first-beat', 'story-over',
] as const;

/** Refusals of an algorithm's rules (SPEC R*, B*, L*). */
export const RULE_REFUSAL_CODES = [
  // Raft
  'already-leader', 'election-timer-running', 'self-vote', 'no-vote-request', 'stale-term', 'already-voted',
  'stale-candidate-log', 'not-leader', 'logs-off', 'bad-command',
  // Bully
  'already-electing', 'not-electing', 'already-answered', 'answer-received', 'answer-timer-running',
  'coordinator-wait-running', 'no-election-received', 'no-reason-to-elect', 'not-coordinator', 'not-lower-rank',
  // Lease (the client's own checks and the lock service's answers)
  'already-holder', 'not-holder', 'bad-value', 'lease-held', 'lease-not-yours', 'renewal-late', 'stale-version', 'stale-token',
] as const;

export const REFUSAL_CODES = [...CLIENT_REFUSAL_CODES, ...ROOM_REFUSAL_CODES, ...ROUND_REFUSAL_CODES, ...RULE_REFUSAL_CODES] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * A code an algorithm module declares itself (its `refusalCodes`, kebab-case), made only
 * by that module's `moduleRefusals(...).refuse`; the wire accepts the registered ones.
 */
export type ModuleRefusalCode = string & { readonly declaredByAModule: true };

export interface Refusal {
  code: RefusalCode | ModuleRefusalCode;
  /** Rule ID from SPEC.md when a game rule was broken (e.g. "R3"); absent for room admin. */
  rule?: string;
  message: string;
}

/** A refusal that cites a rule (game and algorithm rules). */
export function refuse(code: RefusalCode, rule: string, message: string): Refusal {
  return { code, rule, message };
}

/**
 * A module's own refusal codes, typed within the module: `refuse` takes only these. Put
 * `codes` in the module's `refusalCodes` so the registry (and the wire) know them.
 */
export function moduleRefusals<const C extends string>(codes: readonly C[]) {
  return {
    codes,
    refuse: (code: C, rule: string, message: string): Refusal => ({ code: code as string as ModuleRefusalCode, rule, message }),
  };
}

/** A refusal of room administration (no game rule involved). */
export function refuseAdmin(code: RefusalCode, message: string): Refusal {
  return { code, message };
}

/** The answer of a lookup or a request: the value's fields, or why not. */
export type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; refusal: Refusal };

/**
 * The answer of every decide function: the facts to log, or a refusal. A refusal may still
 * carry facts (`events`): a refused move is itself logged (MoveRefused), with the time that
 * passed before it. Every other refusal carries none, so it leaves no trace in the log.
 */
export type Decision<E> = { ok: true; events: E[]; refusal?: undefined } | { ok: false; refusal: Refusal; events: E[] };

export function accepted<E>(...events: E[]): Decision<E> {
  return { ok: true, events };
}

export function refused<E>(refusal: Refusal, events: E[] = []): Decision<E> {
  return { ok: false, refusal, events };
}

/** The ack fields of a decision (a refusal's logged facts are not the client's business). */
export function answerOf(decision: Decision<unknown>): Result {
  return decision.ok ? { ok: true } : { ok: false, refusal: decision.refusal };
}
