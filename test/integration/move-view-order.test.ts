/**
 * A click's view (issue 12, `npm run load:relay`): the phone whose move was accepted is
 * waiting for the view that shows it. That view leaves in the same turn as the move's ack
 * (not one turn later, behind whatever the next read brings), and before the other
 * phones' views of the same flush. Proven by the order of what the server sends, through
 * the real registry, SQLite log (group commit) and broadcaster on an in-process transport.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore } from '../../server/event-store';
import { serveGame, type GameServer } from '../../server/game-server';
import type { RequestHandlers } from '../../server/transport';
import { InProcessTransport, type InProcessConnection } from './in-process-transport';

/** Records, in one list, every ack (by connection) and every broadcast (by audience), in the order they leave. */
class OrderedTransport extends InProcessTransport {
  readonly sent: string[] = [];
  override serve(handlers: RequestHandlers): void {
    super.serve({
      request: (connection, event, payload, reply) =>
        handlers.request(connection, event, payload, reply && ((answer) => {
          this.sent.push(`${connection.id} ack ${event}`);
          // A promise settled with the ack: it runs once the task that sent the ack is done
          // (after its process.nextTick callbacks), before any read, timer or other task.
          queueMicrotask(() => this.sent.push('(a promise queued with an ack ran)'));
          reply(answer);
        })),
      disconnected: (connection) => handlers.disconnected(connection),
    });
  }
  override broadcast(audience: string, event: string, payload: unknown): void {
    this.sent.push(`${audience} ${event}`);
    super.broadcast(audience, event, payload);
  }
}

let game: GameServer | null = null;
let store: EventStore | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await game?.close();
  store?.close();
  game = store = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Six students in teams of three, a paused Raft round that starts with a leader in each
 * team (raft-lecture). Seats are dealt to teams in turn, so node 2 leads the second team:
 * it comes after node 1 in seat order, and its WriteCommand is accepted and changes its
 * own view (its log).
 */
async function sixStudentsInTwoTeams() {
  const dir = mkdtempSync(join(tmpdir(), 'captain-down-order-'));
  dirs.push(dir);
  const transport = new OrderedTransport();
  store = EventStore.openIn(dir);
  game = serveGame(transport, store, { settings: { groupCommit: true } });
  const host = transport.connect();
  const created = await host.ask('room:create', {});
  const code: string = created.code;
  const students: InProcessConnection[] = [];
  const tokens: string[] = [];
  for (const i of [1, 2, 3, 4, 5, 6]) {
    const student = transport.connect();
    const joined = await student.ask('seat:join', { code, nickname: `S${i}` });
    students.push(student);
    tokens.push(joined.seatToken);
  }
  const started = await host.ask('host:round:start', { code, hostToken: created.hostToken, algorithm: 'raft', preset: 'raft-lecture', teamSize: 3, seed: 5, startPaused: true });
  expect(started, JSON.stringify(started)).toMatchObject({ ok: true });
  const leaderView = await students[1]!.latest('game:seat', (v) => v !== null);
  // The case's premise: node 2 leads and may write a command now (its log, so its view, changes).
  const write = leaderView.moves.find((m: { move: { type: string } }) => m.move.type === 'WriteCommand');
  expect(write).toMatchObject({ allowed: true });
  await new Promise((resolve) => setTimeout(resolve, 50)); // every view of the start has gone
  transport.sent.length = 0;
  const writeCommand = (moveId: string) => students[1]!.ask('seat:move', { code, seatToken: tokens[1], moveId, move: write.move });
  return { transport, code, students, tokens, writeCommand };
}

describe("a click's view", () => {
  it('leaves right after its ack, before the event loop runs anything else', async () => {
    const { transport, code, students, writeCommand } = await sixStudentsInTwoTeams();
    expect(await writeCommand('w1')).toEqual({ ok: true });
    const seat2 = `node:${code}:2 game:seat`;
    const ack = transport.sent.indexOf(`${students[1]!.id} ack seat:move`);
    expect(ack).toBeGreaterThanOrEqual(0);
    expect(transport.sent.slice(ack + 1, ack + 2)).toEqual([seat2]);
    // Nothing else ran in between: no read, no timer, not even a promise.
    expect(transport.sent.indexOf(seat2)).toBeLessThan(transport.sent.indexOf('(a promise queued with an ack ran)'));
  });

  it("goes before the other phones' views of the same flush", async () => {
    const { transport, code, students, tokens, writeCommand } = await sixStudentsInTwoTeams();
    // In the same turn, the other five come back (each needs its view again) and node 2 moves.
    const resume = (i: number) => students[i]!.ask('seat:resume', { code, seatToken: tokens[i] });
    const answers = await Promise.all([resume(0), writeCommand('w2'), resume(2), resume(3), resume(4), resume(5)]);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, true, true, true]);
    const views = transport.sent.filter((s) => s.endsWith(' game:seat'));
    expect(views).toEqual([2, 1, 3, 4, 5, 6].map((nodeId) => `node:${code}:${nodeId} game:seat`));
  });
});
