/**
 * A bot written from docs/PROTOCOL.md alone. It imports nothing from this project: only
 * node, vitest, socket.io-client and an RFC 6902 library (fast-json-patch) for the
 * projector view's patches. It starts the real server as a child process
 * (`node --import tsx server/index.ts --game-only`, PORT and DATA_DIR), opens a class as
 * host, seats four bots, starts a Raft round with a fixed seed and a paused clock, and
 * plays: at every step each bot, in node order, tries its moves (vote for a candidate,
 * stand for election, send a heartbeat) until one is accepted, then the host steps the
 * clock two seconds. Between steps the bots wait out the double-tap window (SPEC G7), or a
 * repeated move would get its first answer instead of a new one. It stops when the projector's view shows a leader.
 *
 * Done twice, the two runs must tell the same story: the same answers to every move, the
 * same narrated ticker, the same leader in the same term at the same room time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EventEmitter } from 'node:events';
import { applyPatch, type Operation } from 'fast-json-patch';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SEED = 20_261_202;
const BOTS = 4;
const STEP_MS = 2000;
const MAX_STEPS = 45;
/** A double tap is one action (SPEC G7): the same move within 400 ms gets the first answer. */
const SAME_MOVE_PAUSE_MS = 450;

// ---------------------------------------------------------------------------
// The server, as a child process on a free loopback port with its own data directory.

let server: ChildProcess;
let url = '';
let dataDir = '';

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(): Promise<void> {
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'captain-down-bot-'));
  url = `http://127.0.0.1:${port}`;
  let output = '';
  server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--game-only'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${output}`);
    const health = await fetch(`${url}/healthz`).then((r) => r.json(), () => null);
    if (health?.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy:\n${output}`);
}

// ---------------------------------------------------------------------------
// The wire, as docs/PROTOCOL.md describes it.

type Refusal = { code: string; rule?: string; message: string };
type Ack = { ok: true; [field: string]: any } | { ok: false; refusal: Refusal };

async function connect(): Promise<Socket> {
  const socket = io(url, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: 1 } });
  await new Promise<void>((done, fail) => {
    socket.once('connect', () => done());
    socket.once('connect_error', fail);
  });
  return socket;
}

const ask = (socket: Socket, event: string, payload: unknown): Promise<Ack> => socket.timeout(5000).emitWithAck(event, payload);
/** A polite bot (PROTOCOL.md, Limits): over budget it waits a second and asks again, so its story does not depend on its speed. */
async function askWithinLimits(socket: Socket, event: string, payload: unknown): Promise<Ack> {
  for (;;) {
    const answer = await ask(socket, event, payload);
    if (answer.ok || answer.refusal.code !== 'rate-limited') return answer;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

function expectOk(ack: Ack, what: string): asserts ack is Extract<Ack, { ok: true }> {
  if (!ack.ok) throw new Error(`${what} refused: ${ack.refusal.code} ${ack.refusal.message}`);
}

/** The next payload of `event` on this socket that satisfies `where`. */
type Emitter = { on: (event: string, listener: (payload: any) => void) => unknown; off: (event: string, listener: (payload: any) => void) => unknown };

/**
 * The whole round view a host holds: each 'game:view', then each 'game:view:patch' (RFC
 * 6902 operations, `after` patches since the last whole view) applied to it; emitted as 'view'.
 */
function followScreen(host: Socket): EventEmitter {
  const views = new EventEmitter();
  let held: { view: ScreenView | null; patches: number } | null = null;
  host.on('game:view', (view: ScreenView | null) => {
    held = { view, patches: 0 };
    views.emit('view', view);
  });
  host.on('game:view:patch', ({ after, ops }: { after: number; ops: Operation[] }) => {
    if (!held?.view || held.patches !== after) return void (held = null);
    held = { view: applyPatch(held.view, ops, false, false).newDocument, patches: after + 1 };
    views.emit('view', held.view);
  });
  return views;
}

function next<T>(socket: Emitter, event: string, where: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no such ${event} within 10 s`)), 10_000);
    const listener = (payload: T) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      done(payload);
    };
    socket.on(event, listener);
  });
}

// ---------------------------------------------------------------------------
// One game: what a bot and a host see, and what the bots did.

type ScreenView = {
  seed: number;
  clock: { running: boolean; roomNow: number };
  teams: { nodes: { label: string; role: string; term?: number }[]; ticker: { at: number; text: string }[] }[];
};
type SeatGame = { seed: number; inRound: boolean; index: number | null; peers: { index: number; label: string }[] };

interface Story {
  seed: number;
  startedPaused: boolean;
  answers: string[];
  ticker: string[];
  leader: string;
  term: number | undefined;
  roomTime: number;
}

async function playOneRound(): Promise<Story> {
  const sockets: Socket[] = [];
  try {
    const host = await connect();
    sockets.push(host);
    const created = await ask(host, 'room:create', {});
    expectOk(created, 'room:create');
    const { code, hostToken } = created;

    const bots: { socket: Socket; seatToken: string; firstGame: Promise<SeatGame> }[] = [];
    for (let i = 1; i <= BOTS; i++) {
      const socket = await connect();
      sockets.push(socket);
      const firstGame = next<SeatGame | null>(socket, 'game:seat', (g) => g !== null && g.inRound) as Promise<SeatGame>;
      const joined = await ask(socket, 'seat:join', { code, nickname: `bot-${i}` });
      expectOk(joined, 'seat:join');
      bots.push({ socket, seatToken: joined.seatToken, firstGame });
    }

    const screens = followScreen(host);
    const firstScreen = next<ScreenView | null>(screens, 'view', (v) => v !== null) as Promise<ScreenView>;
    const started = await ask(host, 'host:round:start', {
      code, hostToken, algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: false, seed: SEED, startPaused: true,
    });
    expectOk(started, 'host:round:start');
    const screen = await firstScreen;
    // Each bot learns its index and its peers from its first game:seat.
    const seats = await Promise.all(bots.map((b) => b.firstGame));

    const answers: string[] = [];
    let moveCount = 0;
    let view = screen;
    for (let step = 0; step < MAX_STEPS; step++) {
      for (const [b, bot] of bots.entries()) {
        const me = seats[b]!;
        const tries = [
          ...me.peers.filter((p) => p.index !== me.index).map((p) => ({ type: 'GrantVote', candidate: p.index })),
          { type: 'StandForElection' },
          { type: 'SendHeartbeat' },
        ];
        for (const move of tries) {
          const answer = await askWithinLimits(bot.socket, 'seat:move', { code, seatToken: bot.seatToken, moveId: `m${++moveCount}`, move });
          answers.push(`${step} ${me.index} ${JSON.stringify(move)} ${answer.ok ? 'ok' : `${answer.refusal.code} ${answer.refusal.rule ?? ''}`}`);
          if (answer.ok) break;
        }
      }
      // The first game:view at the stepped room time shows the room after the step, and
      // nothing moves while the clock is paused. (Listen before asking: the view may come
      // in the same packet batch as the ack.)
      const target = view.clock.roomNow + STEP_MS;
      const afterStep = next<ScreenView>(screens, 'view', (v) => v.clock.roomNow >= target);
      const stepped = await ask(host, 'host:clock', { code, hostToken, action: 'step', stepMs: STEP_MS });
      expectOk(stepped, 'host:clock step');
      view = await afterStep;
      await new Promise((r) => setTimeout(r, SAME_MOVE_PAUSE_MS));
      const leader = view.teams[0]!.nodes.find((n) => n.role === 'leader');
      if (leader) {
        return {
          seed: view.seed,
          startedPaused: screen.clock.running === false,
          answers,
          ticker: view.teams[0]!.ticker.map((line) => `${line.at} ${line.text}`),
          leader: leader.label,
          term: leader.term,
          roomTime: view.clock.roomNow,
        };
      }
    }
    throw new Error(`no leader after ${MAX_STEPS} steps; ticker: ${JSON.stringify(view.teams[0]?.ticker.slice(-5))}`);
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}

describe('a bot written from docs/PROTOCOL.md plays a Raft round with a fixed seed', () => {
  beforeAll(startServer, 40_000);
  afterAll(() => {
    server?.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('elects a leader, and a second round with the same seed and the same moves tells the same story', async () => {
    const first = await playOneRound();
    const second = await playOneRound();

    expect(first.seed).toBe(SEED);
    expect(first.startedPaused).toBe(true);
    expect(first.ticker.some((line) => /leader|captain/i.test(line))).toBe(true);
    expect(first.answers.some((a) => a.endsWith('ok'))).toBe(true);
    expect(second).toEqual(first);
  }, 120_000);
});
