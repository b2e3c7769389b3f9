/**
 * Headless students for `npm run soak` that behave like the browser across a server
 * crash: socket.io reconnects by itself, and on every (re)connect the student presents
 * its seat token again (`seat:resume`), the host re-attaches and the projector re-watches.
 * Every answered move goes into a ledger, to be checked against the log afterwards.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { GameSeatView } from '../shared/game/seat-view';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { RECONNECTION } from '../shared/reconnection';
import { ask, clickAtRandomPhase, type Ack } from './load-players';
import { prng } from './seeded-random';

/** One answered move, as the student's phone saw it. */
export type LedgerEntry = { code: string; nodeId: number; moveId: string; moveType: string; ok: boolean; refusalCode?: string; rule?: string };


/** The browser's reconnection policy (shared/reconnection.ts), so the soak times what a class gets. */
function reconnectingSocket(url: string): Socket {
  return io(url, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION }, ...RECONNECTION });
}

/** performance.now() of the steps of one return: socket connected, seat:resume answered, round view. */
export type ReturnSteps = { connectedAt: number; resumedAt: number; backAt: number };

export class SoakStudent {
  /** Resumes that did not succeed, by refusal code (printed by the soak). */
  static readonly resumeProblems = new Map<string, number>();
  latest: GameSeatView | null = null;
  /** performance.now() when the student was last back on their node (resume ok, then a round view). */
  backAt = 0;
  /** The steps of the last return, to show where its time went. */
  lastReturn: ReturnSteps = { connectedAt: 0, resumedAt: 0, backAt: 0 };
  private resumedAt = 0;
  private connectedAt = 0;
  private stopClicking: () => void = () => {};
  private moves = 0;
  /**
   * SPEC G7 folds a move into the answer before it when it repeats the seat's previous
   * move and nothing was logged in between; on a busy server two packets can be read back
   * to back whatever their spacing on the phone. A bot never repeats its previous move, so
   * every answer it gets is its own fact in the log and the check can be exact.
   */
  private lastContent = '';
  private readonly random: () => number;

  private constructor(
    readonly socket: Socket,
    readonly code: string,
    readonly nodeId: number,
    private readonly seatToken: string,
    private readonly ledger: LedgerEntry[],
    seed: number,
  ) {
    this.random = prng(seed);
    socket.on('game:seat', (view: GameSeatView | null) => {
      this.latest = view;
      if (this.resumedAt > 0 && view?.inRound) {
        this.backAt = performance.now();
        this.lastReturn = { connectedAt: this.connectedAt, resumedAt: this.resumedAt, backAt: this.backAt };
        this.resumedAt = 0;
      }
    });
    // Every reconnect after the first: present the seat again, as the browser's keepIdentified does.
    // (The socket is already connected when a student is made: every 'connect' here is a reconnect.)
    socket.on('connect', () => {
      this.connectedAt = performance.now();
      // The callback form, not emitWithAck: it runs as the ack packet is decoded, before the
      // view packed behind it (a promise would resolve a microtask too late).
      socket.timeout(5_000).emit('seat:resume', { code, seatToken }, (error: Error | null, ack: Ack) => {
        const problem = error ? 'no answer' : ack.ok ? null : ack.refusal.code;
        if (!problem) this.resumedAt = performance.now();
        else SoakStudent.resumeProblems.set(problem, (SoakStudent.resumeProblems.get(problem) ?? 0) + 1);
      });
    });
  }

  static async join(url: string, code: string, nickname: string, ledger: LedgerEntry[], seed: number): Promise<SoakStudent> {
    const socket = reconnectingSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const joined = await ask(socket, 'seat:join', { code, nickname });
    if (!joined.ok) throw new Error(`seat:join refused: ${joined.refusal.message}`);
    const view = joined.view as { nodeId: number };
    return new SoakStudent(socket, code, view.nodeId, joined.seatToken as string, ledger, seed);
  }

  start(rate: number): void {
    this.stopClicking = clickAtRandomPhase(rate, this.random, () => this.click());
  }

  stop(): void {
    this.stopClicking();
  }

  private click(): void {
    if (!this.socket.connected) return;
    const options = (this.latest?.moves ?? []).filter((m) => JSON.stringify(m.move) !== this.lastContent);
    if (options.length === 0) return;
    const allowed = options.filter((m) => m.allowed);
    const pool = allowed.length > 0 && this.random() < 0.8 ? allowed : options;
    const move = pool[Math.floor(this.random() * pool.length)]!.move;
    this.lastContent = JSON.stringify(move);
    const moveId = `${this.code}-${this.nodeId}-${++this.moves}`;
    ask(this.socket, 'seat:move', { code: this.code, seatToken: this.seatToken, moveId, move }).then(
      (ack) => {
        const entry: LedgerEntry = { code: this.code, nodeId: this.nodeId, moveId, moveType: move.type, ok: ack.ok };
        if (!ack.ok) Object.assign(entry, { refusalCode: ack.refusal.code, rule: ack.refusal.rule });
        this.ledger.push(entry);
      },
      () => undefined, // no answer (the server died first): nothing was promised
    );
  }
}

export type SoakClass = { code: string; host: Socket; projector: Socket; students: SoakStudent[]; hostAsk: (event: string, payload?: Record<string, unknown>) => Promise<Ack> };

export async function openSoakClass(url: string, index: number, size: number, ledger: LedgerEntry[]): Promise<SoakClass> {
  const host = reconnectingSocket(url);
  await new Promise<void>((resolve) => host.once('connect', () => resolve()));
  const created = await ask(host, 'room:create', {});
  if (!created.ok) throw new Error(`room:create refused: ${created.refusal.message}`);
  const code = created.code as string;
  const hostToken = created.hostToken as string;
  host.io.on('reconnect', () => void ask(host, 'host:attach', { code, hostToken }).catch(() => undefined));
  const projector = reconnectingSocket(url);
  await new Promise<void>((resolve) => projector.once('connect', () => resolve()));
  await ask(projector, 'screen:watch', { code });
  projector.io.on('reconnect', () => void ask(projector, 'screen:watch', { code }).catch(() => undefined));
  const students: SoakStudent[] = [];
  for (let i = 0; i < size; i++) students.push(await SoakStudent.join(url, code, `soak${index}-${i}`, ledger, index * 1000 + i + 1));
  return { code, host, projector, students, hostAsk: (event, payload = {}) => ask(host, event, { code, hostToken, ...payload }) };
}
