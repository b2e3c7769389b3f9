/**
 * Headless players for `npm run load`: a host and a projector per class, and students who
 * click like students (mostly a move their phone shows as allowed, sometimes one it greys
 * out), over socket.io with the websocket transport, exactly as the browser talks.
 *
 * Click-to-view: the server answers a move's ack synchronously while handling it and
 * sends views later (coalesced per room), and socket.io keeps a connection's packets in
 * order; so the first 'game:seat' that arrives after an accepted move's ack was built from
 * a state that includes the move. The latency is emit -> that view. Only moves that change
 * the player's own node are measured this way (a RefuseVote only sends a message, so no
 * new view is due; its ack is the answer, as for refused moves).
 */
import { prng } from './seeded-random';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { Move } from '../shared/game/moves';
import type { GameScreenView } from '../shared/game/screen-view';
import type { GameSeatView, MoveOption } from '../shared/game/seat-view';
import { COMPRESSED_VIEWS_QUERY } from '../shared/compressed-views';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { AudienceBytes, countBytes, type Audience } from './load-bytes';
import { followScreenView } from '../shared/game/view-patch';
import { lazyViewParser, type JsonText } from './load-decoder';

/** Raft moves that change the mover's own node, so a new 'game:seat' must follow. */
const VIEW_CHANGING = new Set(['StandForElection', 'GrantVote', 'SendHeartbeat', 'WriteCommand']);
/** The server folds the same move content within 400 ms into the first answer (a double tap). */
const DOUBLE_TAP_MS = 450;
/** How often a student picks RefuseVote relative to any other allowed move. */
const REFUSE_VOTE_WEIGHT = 0.2;
const ACK_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 10_000;

/** One click as the generator saw it, on the epoch clock the server's TURN_TRACE uses (bench/relay-trace.ts). */
export interface TracedClick {
  moveId: string;
  type: string;
  sent: number;
  ack: number | null;
  /** The first game:seat after an accepted, measured move's ack (null when none was due). */
  view: number | null;
}
const epochNow = () => performance.timeOrigin + performance.now();

export type Ack = { ok: true; [key: string]: unknown } | { ok: false; refusal: { code: string; rule?: string; message: string } };

/** Everything measured on the generator side; samples count only for clicks sent inside the window. */
export class Recorder {
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;
  readonly ackMs: number[] = [];
  readonly viewMs: number[] = [];
  readonly viewMsByType = new Map<string, number[]>();
  clicks = 0;
  accepted = 0;
  refused = 0;
  noAck = 0;
  idle = 0;
  doubleTaps = 0;
  missingViews = 0;
  seatViews = 0;
  screenViews = 0;
  roomViews = 0;
  readonly disconnects = new Map<string, number>();
  readonly acceptedByType = new Map<string, number>();
  readonly refusedByCode = new Map<string, number>();
  /** Frames received in the window, per audience and event (bench/load-bytes.ts). */
  readonly bytes = new AudienceBytes();
  /** LOAD_CLICK_TRACE=1: every click in the window, for bench/relay-trace.ts. */
  readonly clickTrace: TracedClick[] | null = process.env.LOAD_CLICK_TRACE ? [] : null;

  inWindow(t: number): boolean {
    return t >= this.windowStart && t < this.windowEnd;
  }
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Every socket this process opened, so that a run that fails half-way still closes them all. */
const opened = new Set<Socket>();

export function disconnectAll(): void {
  for (const socket of opened) socket.disconnect();
  opened.clear();
}

export function connect(url: string, rec: Recorder, audience: Audience = 'students'): Promise<Socket> {
  // Hosts and projectors ask for deflated views, as their pages do (shared/compressed-views.ts).
  const query = audience === 'watchers' ? COMPRESSED_VIEWS_QUERY : undefined;
  // Views stay JSON text until a bot reads them (bench/load-decoder.ts): the generator shares the server's cores.
  const socket = io(url, { forceNew: true, parser: lazyViewParser, transports: ['websocket'], reconnection: false, timeout: CONNECT_TIMEOUT_MS, auth: { protocolVersion: PROTOCOL_VERSION }, ...(query && { query }) });
  opened.add(socket);
  countBytes(socket, audience, rec.bytes, () => rec.inWindow(performance.now()));
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    const phase = rec.windowStart === Number.POSITIVE_INFINITY ? 'before the window' : rec.inWindow(performance.now()) ? 'in the window' : 'after the window';
    bump(rec.disconnects, `${reason}, ${phase}`);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

export function ask(socket: Socket, event: string, payload: unknown): Promise<Ack> {
  return socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload) as Promise<Ack>;
}

/**
 * Calls `click` `rate` times a second on average, at a random phase, each gap within
 * ±25 % (students are not metronomes). Returns the function that stops it.
 */
export function clickAtRandomPhase(rate: number, random: () => number, click: () => void): () => void {
  const gap = 1000 / rate;
  let timer: NodeJS.Timeout | null = null;
  const next = (delay: number) => {
    timer = setTimeout(() => {
      click();
      next(gap * (0.75 + 0.5 * random()));
    }, delay);
  };
  next(gap * random());
  return () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
}

export class Student {
  /** The latest 'game:seat' as it came (JSON text); parsed only when the bot reads it. */
  private latestText: JsonText<GameSeatView | null> | null = null;
  private awaitingView: { sentAt: number; type: string; traced?: TracedClick }[] = [];
  /** Moves on their way (by content), and when each content was last accepted (wall clock). */
  private readonly inFlight = new Map<string, number>();
  private readonly acceptedAt = new Map<string, number>();
  private stopClicking: () => void = () => {};
  private moves = 0;

  constructor(
    readonly socket: Socket,
    private readonly code: string,
    readonly seatToken: string,
    private readonly tag: string,
    private readonly rec: Recorder,
    private readonly random: () => number,
    private readonly preferAllowed: number,
  ) {
    socket.on('game:seat', (view: JsonText<GameSeatView | null>) => this.onView(view));
  }

  /** The phone's latest view (parsed on first read; a bot reads it when it clicks). */
  get latest(): GameSeatView | null {
    return this.latestText?.value ?? null;
  }

  /** The latest view's size in characters of JSON (as sent). */
  get latestChars(): number {
    return this.latestText?.text.length ?? 'null'.length;
  }

  private onView(view: JsonText<GameSeatView | null>): void {
    const now = performance.now();
    if (this.rec.inWindow(now)) this.rec.seatViews++;
    for (const { sentAt, type, traced } of this.awaitingView) {
      if (traced) traced.view = epochNow();
      const ms = now - sentAt;
      this.rec.viewMs.push(ms);
      const list = this.rec.viewMsByType.get(type) ?? [];
      list.push(ms);
      this.rec.viewMsByType.set(type, list);
    }
    this.awaitingView = [];
    this.latestText = view;
  }

  /** Clicks `rate` times a second on average, at a random phase, each gap within ±25 %. */
  start(rate: number): void {
    this.stopClicking = clickAtRandomPhase(rate, this.random, () => this.click());
  }

  stop(): void {
    this.stopClicking();
  }

  /** Accepted moves still waiting for their view when the run ended (none expected). */
  finish(): void {
    this.rec.missingViews += this.awaitingView.length;
    this.awaitingView = [];
  }

  private choose(): Move | null {
    const moves = this.latest?.moves ?? [];
    if (moves.length === 0) return null;
    const allowed = moves.filter((m) => m.allowed);
    const pool = allowed.length > 0 && this.random() < this.preferAllowed ? allowed : moves;
    // Students vote, stand, heartbeat and steer; few keep refusing votes, though it is allowed.
    const weight = (m: MoveOption) => (m.move.type === 'RefuseVote' ? REFUSE_VOTE_WEIGHT : 1);
    let pick = this.random() * pool.reduce((sum, m) => sum + weight(m), 0);
    for (const m of pool) {
      pick -= weight(m);
      if (pick < 0) return m.move;
    }
    return pool[pool.length - 1]!.move;
  }

  /**
   * Would the server fold this click into an earlier answer (same move content within
   * 400 ms of an accepted one, or while that one is still on its way)? Then it changes
   * nothing and no view is due. Judged on the shared wall clock: the server remembered
   * the earlier move before its ack arrived here, and reads this one after it was sent.
   */
  private foldedByServer(content: string, now: number): boolean {
    if ((this.inFlight.get(content) ?? 0) > 0) return true;
    const acceptedAt = this.acceptedAt.get(content);
    return acceptedAt !== undefined && now - acceptedAt < DOUBLE_TAP_MS;
  }

  private click(): void {
    const move = this.choose();
    const sentAt = performance.now();
    const counted = this.rec.inWindow(sentAt);
    if (!move) {
      if (counted) this.rec.idle++;
      return;
    }
    if (counted) this.rec.clicks++;
    const content = JSON.stringify(move);
    const doubleTap = this.foldedByServer(content, Date.now());
    this.inFlight.set(content, (this.inFlight.get(content) ?? 0) + 1);
    const payload = { code: this.code, seatToken: this.seatToken, moveId: `${this.tag}-${++this.moves}`, move };
    const traced: TracedClick | undefined = counted && this.rec.clickTrace ? { moveId: payload.moveId, type: move.type, sent: epochNow(), ack: null, view: null } : undefined;
    if (traced) this.rec.clickTrace!.push(traced);
    // The callback form (not emitWithAck): it runs synchronously when the ack packet is
    // decoded, before any packet behind it, which is what orders ack and view correctly.
    this.socket.timeout(ACK_TIMEOUT_MS).emit('seat:move', payload, (error: Error | null, ack: Ack) => {
      const ackAt = performance.now();
      if (traced) traced.ack = epochNow();
      this.inFlight.set(content, (this.inFlight.get(content) ?? 1) - 1);
      if (!error && ack.ok) this.acceptedAt.set(content, Date.now());
      if (!counted) return;
      if (error) {
        this.rec.noAck++;
        return;
      }
      this.rec.ackMs.push(ackAt - sentAt);
      if (!ack.ok) {
        this.rec.refused++;
        bump(this.rec.refusedByCode, ack.refusal.rule ? `${ack.refusal.code} (${ack.refusal.rule})` : ack.refusal.code);
        return;
      }
      this.rec.accepted++;
      bump(this.rec.acceptedByType, move.type);
      if (doubleTap) this.rec.doubleTaps++;
      else if (VIEW_CHANGING.has(move.type)) this.awaitingView.push({ sentAt, type: move.type, ...(traced && { traced }) });
    });
  }
}

export interface LoadClass {
  code: string;
  host: Socket;
  projector: Socket;
  students: Student[];
  hostAsk: (event: string, payload?: Record<string, unknown>) => Promise<Ack>;
  /** The projector's latest view of the truth (for the host's faults). */
  screen: () => GameScreenView | null;
}

/**
 * `followScreen`: the projector keeps the whole screen view through its patches (the
 * crash-the-leader option reads it, and the report prints its size). Applying every patch
 * cost the generator ~9 % of its busy time at 1,500 students (docs/PERFORMANCE.md, session 5),
 * so a run follows one class's screen unless it needs them all; the others only count.
 */
export async function openClass(url: string, index: number, size: number, rec: Recorder, seed: number, preferAllowed: number, followScreen = true): Promise<LoadClass> {
  const host = await connect(url, rec, 'watchers');
  const created = await ask(host, 'room:create', {});
  if (!created.ok) throw new Error(`room:create refused: ${created.refusal.message}`);
  const code = created.code as string;
  const hostToken = created.hostToken as string;
  const countScreen = () => {
    if (rec.inWindow(performance.now())) rec.screenViews++;
  };
  host.on('game:view', countScreen);
  host.on('game:view:patch', countScreen);
  const countRoom = () => {
    if (rec.inWindow(performance.now())) rec.roomViews++;
  };
  host.on('room:view', countRoom);
  const projector = await connect(url, rec, 'watchers');
  let screen: GameScreenView | null = null;
  // The whole view, kept through its patches (the crash-the-leader option reads it).
  if (followScreen) {
    followScreenView<GameScreenView>((event, handler) => projector.on(event, (payload: JsonText<unknown>) => handler(payload.value)), (view) => {
      screen = view;
      countScreen();
    });
  } else {
    projector.on('game:view', countScreen);
    projector.on('game:view:patch', countScreen);
  }
  projector.on('room:view', countRoom);
  const watched = await ask(projector, 'screen:watch', { code });
  if (!watched.ok) throw new Error(`screen:watch refused: ${watched.refusal.message}`);

  const students = await Promise.all(
    Array.from({ length: size }, async (_, i) => {
      const socket = await connect(url, rec);
      const joined = await ask(socket, 'seat:join', { code, nickname: `bot${index + 1}-${i + 1}` });
      if (!joined.ok) throw new Error(`seat:join refused: ${joined.refusal.message}`);
      return new Student(socket, code, joined.seatToken as string, `c${index}s${i}`, rec, prng(seed * 1000 + index * 100 + i), preferAllowed);
    }),
  );
  return {
    code,
    host,
    projector,
    students,
    hostAsk: (event, payload = {}) => ask(host, event, { code, hostToken, ...payload }),
    screen: () => screen,
  };
}

/** Resolves once every student of the class sees a round view of their own node. */
export async function untilInRound(cls: LoadClass, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (cls.students.some((s) => !s.latest?.inRound || s.latest.moves.length === 0)) {
    if (performance.now() > deadline) throw new Error(`class ${cls.code}: not every student got a round view within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A short class played and left before the idle baseline is taken, so that code the
 * server loads and compiles on first use is not charged to the students measured.
 */
export async function warmUp(url: string): Promise<void> {
  const cls = await openClass(url, 999, 5, new Recorder(), 0, 1);
  const started = await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: false });
  if (!started.ok) throw new Error(`warm-up round refused: ${started.refusal.message}`);
  await untilInRound(cls, 10_000);
  for (const s of cls.students) s.start(10);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  for (const s of cls.students) s.stop();
  await cls.hostAsk('host:round:end');
  for (const socket of [cls.host, cls.projector, ...cls.students.map((s) => s.socket)]) socket.disconnect();
}
