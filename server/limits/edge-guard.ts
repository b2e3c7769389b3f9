/**
 * Budgets applied to sockets (issue 9, findings 1-2). Every client event passes here
 * before it is parsed: over budget, it is answered `rate-limited` and never reaches the
 * registry, so it writes nothing to any log. A connection that keeps flooding is cut.
 * Events of one connection are served one after the other, in arrival order.
 */
import { createHash } from 'node:crypto';
import type { Socket } from 'socket.io';
import type { Refusal } from '../../shared/protocol';
import { normalizeRoomCode } from '../../shared/room/code';
import { EdgeBudgets } from './budgets';
import { clientAddress } from './client-address';
import type { LimitsConfig } from './limits-config';

type Answer = { ok: boolean; refusal?: Refusal };
/** What the guard keeps on socket.data: the client's address and its queue of events. */
export type EdgeData = { edge?: { address: string; queue: Promise<void> } };

const rateLimited = (message: string): Refusal => ({ code: 'rate-limited', message });
const TOO_FAST = rateLimited('You are clicking faster than the game allows. Wait a second, then try again.');
const TOO_MANY_ROOMS = rateLimited('Too many classes were opened from this network. Wait a minute, then try again.');
const TOO_MANY_JOINS = rateLimited('Too many students are joining from this network right now. Wait a few seconds, then try again.');
/** Events that first find a room by its code: an answer to one reveals whether the code exists. */
const ENTRY_EVENTS = new Set(['seat:join', 'seat:resume', 'host:attach', 'screen:watch']);

export class EdgeGuard {
  readonly budgets: EdgeBudgets;

  constructor(limits: LimitsConfig, private readonly trustProxy: number) {
    this.budgets = new EdgeBudgets(limits);
  }

  /** Queues one event of this socket: admit (or refuse for rate), run, answer, observe. */
  serve(socket: Socket, name: string, payload: unknown, run: () => Answer, reply: (answer: Answer) => void): void {
    const edge = this.edgeOf(socket);
    edge.queue = edge.queue
      .then(async () => {
        if (socket.disconnected) return; // a cut flooder's backlog is dropped unanswered
        const refusal = await this.admit(socket, name, payload);
        if (refusal) {
          reply({ ok: false, refusal });
          if (await this.budgets.strike(socket.id)) {
            console.warn(`[limits] ${edge.address}: connection cut for flooding`);
            socket.disconnect(true);
          }
          return;
        }
        const answer = run();
        reply(answer);
        await this.observe(socket, name, payload, answer);
      })
      .catch((error: unknown) => console.error('[limits] failed', error));
  }

  private edgeOf(socket: Socket): NonNullable<EdgeData['edge']> {
    const data = socket.data as EdgeData;
    data.edge ??= { address: clientAddress(socket.handshake.address, socket.handshake.headers, this.trustProxy), queue: Promise.resolve() };
    return data.edge;
  }

  private async admit(socket: Socket, name: string, payload: unknown): Promise<Refusal | null> {
    const { address } = this.edgeOf(socket);
    if (!(await this.budgets.connection(socket.id))) return TOO_FAST;
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
      const seat = createHash('sha256').update(seatToken).digest('base64url');
      if (!(await this.budgets.seatMoves(`${code}:${seat}`))) return TOO_FAST;
    }
    return null;
  }

  private async observe(socket: Socket, name: string, payload: unknown, answer: Answer): Promise<void> {
    const edge = this.edgeOf(socket);
    const code = codeOf(payload) ?? (answer as { code?: unknown }).code;
    if (answer.refusal?.code === 'unknown-room') await this.budgets.missedCode(edge.address);
    else if (answer.ok && typeof code === 'string' && (ENTRY_EVENTS.has(name) || name === 'room:create')) await this.budgets.rememberEntry(edge.address, normalizeRoomCode(code));
  }
}

function codeOf(payload: unknown): string | null {
  const code = (payload as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? normalizeRoomCode(code) : null;
}
