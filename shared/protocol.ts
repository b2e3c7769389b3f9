/**
 * The wire contract between the server and every client (browser or bot).
 * Every socket event name and its zod schema lives here; docs/PROTOCOL.md explains them.
 *
 * Shape of every client -> server event: `socket.emit(name, payload, ack)`.
 * The ack is always `{ ok: true, ...result }` or `{ ok: false, refusal }`.
 *
 * Written with zod/mini: the browser loads these schemas to check what it receives, and
 * mini's functions leave out what a page does not call (issue 12, docs/PERFORMANCE.md);
 * the server parses with the same objects. Its refusals read zod's English messages,
 * which the classic zod the server also imports switches on for both (checked by
 * test/integration/payload-refusal-wording.test.ts).
 */
import * as z from 'zod/mini';
import type { Refusal, RefusalCode, Result } from './rules/refusal';
import { refusalSchema } from './rules/refusal-schema';
import { isRoomCode, normalizeRoomCode } from './room/code';
import { networkParamsSchema } from './game/network-params';
import { TEMPERAMENTS } from './game/bot-policy';
import { faultSchema, moveSchema } from './game/moves';
import { fromWires } from './rules/wire-registry';
import { SEED_MAX } from './game/round';
import type { NodeSummary, RoomView, SeatView } from './room/views';
import { MAX_RATE, MAX_STEP_MS, MIN_RATE, MIN_STEP_MS } from './game/room-clock';
import { gameScreenViewSchema, gameSeatViewSchema } from './game/view-schemas';
import { viewPatchSchema } from './game/view-patch-schema';
import { CHALLENGE_KINDS, MAX_CHALLENGE_MS, MIN_CHALLENGE_MS } from './challenges/types';

/** Bump when a change would break an older client or bot. Sent in the handshake `auth`. */
export const PROTOCOL_VERSION = 1;

// ---------------------------------------------------------------------------
// Refusals: why a command was not carried out, in a sentence a student understands.

export { refusalSchema };
export type { Refusal, RefusalCode };

// ---------------------------------------------------------------------------
// Building blocks.

/** Room codes are normalised (upper case, spaces/dashes dropped) before validation. */
const roomCode = z
  .pipe(z.string().check(z.maxLength(32)), z.transform(normalizeRoomCode))
  .check(z.refine(isRoomCode, 'not a room code (6 letters/digits, no 0, O, 1 or I)'));

/** Secrets are 43-char base64url strings; accept a generous range, never parse further. */
const secret = z.string().check(z.minLength(16), z.maxLength(128));

/** Raw nickname; the room decides (trim, length, markup) so the refusal can be precise. */
const rawNickname = z.string().check(z.maxLength(200));

const nodeId = z.int().check(z.positive());

// ---------------------------------------------------------------------------
// Views pushed to clients. Never contain token hashes or any other secret.

export const nodeSummarySchema = z.object({
  nodeId,
  nickname: z.string(),
  /** True while at least one browser holding this seat is connected. */
  online: z.boolean(),
  /** Played by a bot of this temperament (SPEC AP1). */
  bot: z.optional(z.enum(TEMPERAMENTS)),
}) satisfies z.ZodMiniType<NodeSummary>;

/** What the host panel and the projector see: the whole room. */
export const roomViewSchema = z.object({
  code: z.string(),
  locked: z.boolean(),
  /** Active (not kicked) nodes, in join order. */
  nodes: z.array(nodeSummarySchema),
  kickedCount: z.int().check(z.nonnegative()),
  /** The teacher switched scores off (SPEC S11). */
  scoresOff: z.boolean(),
}) satisfies z.ZodMiniType<RoomView>;

/** What one student sees: their own node and a little about the room. */
export const seatViewSchema = z.object({
  code: z.string(),
  nodeId,
  nickname: z.string(),
  status: z.enum(['active', 'kicked']),
  locked: z.boolean(),
  crewSize: z.int().check(z.nonnegative()),
}) satisfies z.ZodMiniType<SeatView>;
export type { NodeSummary, RoomView, SeatView };

// ---------------------------------------------------------------------------
// Client -> server events: request payload schema + the fields of a successful ack.

// The getters below return schemas built once per registry generation, never one per call:
// zod compiles an object schema's fast path on its first parse, so a schema made per
// request (or per view, in the browser) recompiled it every time (5.8 % of the server's
// busy time at 1,500 students, issue 12).
const seatMoveSchemas = fromWires(() => ({
  request: z.object({ code: roomCode, seatToken: secret, moveId: z.string().check(z.minLength(1), z.maxLength(64)), move: moveSchema() }),
  result: z.object({}),
}));
const gameViewEventSchema = fromWires(() => z.nullable(gameScreenViewSchema()));
const gameSeatEventSchema = fromWires(() => z.nullable(gameSeatViewSchema()));
const protocolRefusedSchema = fromWires(() => z.object({ event: z.string(), refusal: refusalSchema() }));

export const clientEvents = {
  /** Open a new class. The host token in the ack is the only proof of being the host. */
  'room:create': {
    request: z.object({}),
    result: z.object({ code: z.string(), hostToken: z.string(), view: roomViewSchema }),
  },
  /** (Re)identify as host of a room; subscribes this socket to `room:view`. */
  'host:attach': {
    request: z.object({ code: roomCode, hostToken: secret }),
    result: z.object({ view: roomViewSchema }),
  },
  'host:kick': {
    request: z.object({ code: roomCode, hostToken: secret, nodeId }),
    result: z.object({}),
  },
  /** Seat bots until the class has `upTo` players (SPEC AP4); they play from the next round on. */
  'host:bots:fill': {
    request: z.object({ code: roomCode, hostToken: secret, upTo: z.int().check(z.minimum(1), z.maximum(50)), temperament: z._default(z.enum(TEMPERAMENTS), 'diligent') }),
    result: z.object({}),
  },
  'host:lock': {
    request: z.object({ code: roomCode, hostToken: secret }),
    result: z.object({}),
  },
  'host:unlock': {
    request: z.object({ code: roomCode, hostToken: secret }),
    result: z.object({}),
  },
  /**
   * "Delete this class": the room's log and snapshot are removed for good; its host
   * panels, projectors and students hear `room:deleted` and are let go of the room.
   */
  'host:room:delete': {
    request: z.object({ code: roomCode, hostToken: secret }),
    result: z.object({}),
  },
  /**
   * Take a new seat. `previousSeatToken` is the seat this browser held before, if any:
   * a kicked seat is refused, a still-valid one is handed back instead of a duplicate.
   */
  'seat:join': {
    request: z.object({ code: roomCode, nickname: rawNickname, previousSeatToken: z.optional(secret) }),
    result: z.object({ seatToken: z.string(), view: seatViewSchema }),
  },
  /** Come back to the same node after a reload or reconnect; subscribes to `seat:view`. */
  'seat:resume': {
    request: z.object({ code: roomCode, seatToken: secret }),
    result: z.object({ view: seatViewSchema }),
  },
  /**
   * Start a round: the algorithm, a preset (shared/game/presets.ts) with optional
   * parameter overrides, the network, one cluster (teamSize null) or teams of 3-9.
   */
  'host:round:start': {
    request: z.object({
      code: roomCode,
      hostToken: secret,
      algorithm: z.string().check(z.maxLength(32)), // a registered algorithm's name (shared/rules/registry.ts); decideGame refuses others
      preset: z.string().check(z.maxLength(64)),
      params: z.optional(z.record(z.string(), z.union([z.number(), z.boolean(), z.null()]))),
      network: z.optional(z.partial(networkParamsSchema)),
      teamSize: z.nullable(z.int().check(z.minimum(3), z.maximum(9))),
      crashOnDisconnect: z._default(z.boolean(), true),
      /** A bot plays the node of a student whose phone went away, or who was kicked (SPEC AP5). */
      autopilot: z._default(z.boolean(), false),
      /** The round's random seed (0 to 2^31-1); omitted, the server draws one. Same seed, same moves: same round. */
      seed: z.optional(z.int().check(z.minimum(0), z.maximum(SEED_MAX))),
      /** Start with the room clock paused (the host or a bot then resumes or steps it). */
      startPaused: z._default(z.boolean(), false),
    }),
    result: z.object({ round: z.int(), seed: z.int() }),
  },
  /**
   * Story mode (issue 8): one click sets up the story's round (its algorithm, preset and
   * numbers; autopilot on) and plays its first beat. `story` is an id of shared/stories/.
   */
  'host:story:start': {
    request: z.object({ code: roomCode, hostToken: secret, story: z.string().check(z.minLength(1), z.maxLength(40)), seed: z.optional(z.int().check(z.minimum(0), z.maximum(SEED_MAX))) }),
    result: z.object({ round: z.int(), seed: z.int() }),
  },
  /** The teacher's Next, Back (previous beat), Replay (this beat again) or Stop (no more cues; the round goes on). */
  'host:story:beat': {
    request: z.object({ code: roomCode, hostToken: secret, action: z.enum(['next', 'back', 'replay', 'stop']) }),
    result: z.object({}),
  },
  /** The scores switch (SPEC S11); a challenge in the live round (K1..K5: `faults` for no-leader-lost) and its stop (K6). */
  'host:scores': { request: z.object({ code: roomCode, hostToken: secret, on: z.boolean() }), result: z.object({}) },
  'host:challenge:start': {
    request: z.object({ code: roomCode, hostToken: secret, kind: z.enum(CHALLENGE_KINDS), durationMs: z.int().check(z.minimum(MIN_CHALLENGE_MS), z.maximum(MAX_CHALLENGE_MS)), faults: z.optional(z.int().check(z.minimum(1), z.maximum(20))) }),
    result: z.object({}),
  },
  'host:challenge:stop': { request: z.object({ code: roomCode, hostToken: secret }), result: z.object({}) },
  'host:round:end': {
    request: z.object({ code: roomCode, hostToken: secret }),
    result: z.object({}),
  },
  /** The room clock: pause, resume, step (while paused) or set the rate (0.25x-4x). */
  'host:clock': {
    request: z.object({
      code: roomCode,
      hostToken: secret,
      action: z.enum(['pause', 'resume', 'step', 'rate']),
      rate: z.optional(z.number().check(z.minimum(MIN_RATE), z.maximum(MAX_RATE))),
      stepMs: z.optional(z.int().check(z.minimum(MIN_STEP_MS), z.maximum(MAX_STEP_MS))),
    }),
    result: z.object({}),
  },
  /** A fault for one team's cluster: crash, restart, pause, skew, network, partition, drop. */
  'host:fault': {
    request: z.object({ code: roomCode, hostToken: secret, team: z.int().check(z.minimum(0), z.maximum(200)), fault: faultSchema }),
    result: z.object({}),
  },
  /**
   * A player's move for their own node (the seat token says which). Refused moves come
   * back with `code`, the rule ID (`rule`) and a sentence; the same `moveId` sent twice
   * (a double tap or a retry) is carried out once and answered with the first answer.
   */
  // A getter: the moves are every registered algorithm's (one registered at start-up too).
  get 'seat:move'() {
    return seatMoveSchemas();
  },
  /** Watch a room read-only (the projector); subscribes to `room:view`. */
  'screen:watch': {
    request: z.object({ code: roomCode }),
    result: z.object({ view: roomViewSchema }),
  },
} as const;

export type ClientEventName = keyof typeof clientEvents;
export type ClientRequest<E extends ClientEventName> = z.input<(typeof clientEvents)[E]['request']>;
export type ParsedRequest<E extends ClientEventName> = z.output<(typeof clientEvents)[E]['request']>;
type InferredResult<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['result']>;
// zod infers `z.object({})` as Record<string, never>; an empty result should be `{}`.
export type ClientResult<E extends ClientEventName> = string extends keyof InferredResult<E> ? object : InferredResult<E>;
export type Ack<E extends ClientEventName> = Result<ClientResult<E>>;

/** Builds the zod schema of a whole ack for one event (clients use it to check answers). */
export function ackSchema<E extends ClientEventName>(event: E) {
  return z.union([
    z.extend(clientEvents[event].result, { ok: z.literal(true) }),
    z.object({ ok: z.literal(false), refusal: refusalSchema() }),
  ]);
}

// ---------------------------------------------------------------------------
// Server -> client events.

export const serverEvents = {
  /** The whole room, to hosts and projectors. Coalesced: at most one per room per tick. */
  'room:view': roomViewSchema,
  /** One student's own node. Status "kicked" means the seat is gone for good. */
  'seat:view': seatViewSchema,
  /** The round's truth (every team's cluster), to hosts and projectors; null before the first round. */
  // Getters: the per-algorithm parts come from every registered module (shared/game/view-schemas.ts).
  get 'game:view'() {
    return gameViewEventSchema();
  },
  /**
   * What changed in the round's truth since the last 'game:view' (and the `after` patches
   * since): RFC 6902 operations, applied with shared/game/view-patch.ts. A client whose
   * count differs asks for the whole view again (screen:watch / host:attach).
   */
  'game:view:patch': viewPatchSchema,
  /** One student's own node during a round, as their node knows it, with their moves. */
  get 'game:seat'() {
    return gameSeatEventSchema();
  },
  /** The host deleted the class: nothing of it remains; the page says so. */
  'room:deleted': z.object({ code: z.string(), message: z.string() }),
  /** Sent instead of an ack when a client emitted an event without an ack callback. */
  get 'protocol:refused'() {
    return protocolRefusedSchema();
  },
} as const;

export type ServerEventName = keyof typeof serverEvents;
export type ServerPayload<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]>;

/** The handshake `auth` object: `io(url, { auth: { protocolVersion: 1 } })`. */
export const handshakeAuthSchema = z.object({ protocolVersion: z.optional(z.int()) });

export function isClientEventName(name: string): name is ClientEventName {
  return Object.prototype.hasOwnProperty.call(clientEvents, name);
}
