/**
 * Budgets applied to connections (issue 9, findings 1-2). Every client request passes
 * here before it is parsed: over budget, it is answered `rate-limited` and never reaches
 * the registry, so it writes nothing to any log. A connection that keeps flooding is cut.
 * Requests of one connection are served one after the other, in arrival order.
 */
import { createHash } from 'node:crypto';
import type { Refusal } from '../../shared/protocol';
import { normalizeRoomCode } from '../../shared/room/code';
import type { Connection } from '../transport';
import { EdgeBudgets } from './budgets';
import type { LimitsConfig } from './limits-config';

type Answer = { ok: boolean; refusal?: Refusal };
/**
 * What the guard keeps per connection: its queue of requests, whether it is gone, and the
 * seat its last move was for (the token's hash with the room code).
 */
type EdgeState = { queue: Promise<void>; gone: boolean; seat?: string };

const rateLimited = (message: string): Refusal => ({ code: 'rate-limited', message });
const TOO_FAST = rateLimited('You are clicking faster than the game allows. Wait a second, then try again.');
const TOO_MANY_ROOMS = rateLimited('Too many classes were opened from this network. Wait a minute, then try again.');
const TOO_MANY_JOINS = rateLimited('Too many students are joining from this network right now. Wait a few seconds, then try again.');
/** Requests that first find a room by its code: an answer to one reveals whether the code exists. */
const ENTRY_EVENTS = new Set(['seat:join', 'seat:resume', 'host:attach', 'screen:watch']);

export class EdgeGuard {
  readonly budgets: EdgeBudgets;
  private readonly states = new WeakMap<Connection, EdgeState>();

  /**
   * `afterAnswers`: runs its function once the answers already given have left (the game's
   * answers wait for the log: server/group-commit.ts), so a flooder hears them before the cut.
   */
  constructor(
    limits: LimitsConfig,
    private readonly afterAnswers: (fn: () => void) => void = (fn) => fn(),
  ) {
    this.budgets = new EdgeBudgets(limits);
  }

  /**
   * Queues one request of this connection: admit (or refuse for rate), run, answer, observe.
   * `reply`'s `ran` says whether the handler ran (false: refused here, nothing was decided or logged).
   */
  serve(connection: Connection, name: string, payload: unknown, run: () => Answer, reply: (answer: Answer, ran: boolean) => void): void {
    const state = this.stateOf(connection);
    state.queue = state.queue
      .then(async () => {
        if (state.gone) return; // a cut flooder's backlog is dropped unanswered
        const refusal = await this.admit(connection, state, name, payload);
        if (refusal) {
          reply({ ok: false, refusal }, false);
          // A seat already cut for flooding that connects again and floods again gets no
          // second grace of 50 strikes: a script that reconnects at once costs a handshake.
          const again = state.seat !== undefined && (await this.budgets.isFlooder(state.seat));
          if ((again || (await this.budgets.strike(connection.id))) && !state.gone) {
            if (!again) console.warn(`[limits] ${addressOf(connection)}: connection cut for flooding`);
            if (state.seat) await this.budgets.markFlooder(state.seat);
            state.gone = true;
            this.afterAnswers(() => connection.close?.());
          }
          return;
        }
        const answer = run();
        reply(answer, true);
        await this.observe(connection, name, payload, answer);
      })
      .catch((error: unknown) => console.error('[limits] failed', error));
  }

  /** The connection is gone: what it still had queued is dropped. */
  disconnected(connection: Connection): void {
    this.stateOf(connection).gone = true;
  }

  private stateOf(connection: Connection): EdgeState {
    let state = this.states.get(connection);
    if (!state) this.states.set(connection, (state = { queue: Promise.resolve(), gone: false }));
    return state;
  }

  private async admit(connection: Connection, state: EdgeState, name: string, payload: unknown): Promise<Refusal | null> {
    const address = addressOf(connection);
    if (!(await this.budgets.connection(connection.id))) return TOO_FAST;
    if (name === 'room:create' && !(await this.budgets.roomCreation(address))) return TOO_MANY_ROOMS;
    const code = codeOf(payload);
    // A locked-out address goes on playing in rooms it got into (a school NAT whose
    // students reconnect), but learns nothing about any other code.
    if (code) {
      const waitS = await this.budgets.lockedOutFor(address);
      if (waitS > 0 && !(await this.budgets.knowsRoom(address, code))) {
        return rateLimited(`Too many wrong class codes were tried from this network. Wait ${waitS} s, then check the code on the board.`);
      }
    }
    if (name === 'seat:join' && !(await this.budgets.joins(address))) return TOO_MANY_JOINS;
    const seatToken = (payload as { seatToken?: unknown } | null)?.seatToken;
    if (name === 'seat:move' && code && typeof seatToken === 'string') {
      // Per seat, whatever the number of connections holding it (the token's hash is the key).
      const seat = `${code}:${createHash('sha256').update(seatToken).digest('base64url')}`;
      state.seat = seat;
      if (!(await this.budgets.seatMoves(seat))) return TOO_FAST;
    }
    return null;
  }

  private async observe(connection: Connection, name: string, payload: unknown, answer: Answer): Promise<void> {
    const address = addressOf(connection);
    const code = codeOf(payload) ?? (answer as { code?: unknown }).code;
    if (answer.refusal?.code === 'unknown-room') await this.budgets.missedCode(address);
    else if (answer.ok && typeof code === 'string' && (ENTRY_EVENTS.has(name) || name === 'room:create')) await this.budgets.rememberEntry(address, normalizeRoomCode(code));
  }
}

/** A transport that knows no addresses (in-process) shares one address budget. */
const addressOf = (connection: Connection): string => connection.address ?? 'unknown';

function codeOf(payload: unknown): string | null {
  const code = (payload as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? normalizeRoomCode(code) : null;
}
