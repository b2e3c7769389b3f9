/**
 * Hostile clients against the replay routes on a real server (socket.io + SQLite + the
 * HTTP routes): wrong methods, malformed paths and ids, bodies over 4 KB and requests in a
 * loop each get a structured JSON refusal, and the server answers the next request.
 * Found by the session 6 acceptance check (before: a malformed code was a 500, a POST to a
 * published link read it, an overlong id got Next's HTML 404, a 50 MB body a 400).
 */
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { REPLAY_REQUESTS_PER_10S } from '../../server/http/replay-routes';
import { openClass, startServerWithReplays, stopServer, type RunningWithReplays } from './game-harness';

let running: RunningWithReplays | null = null;

afterEach(async () => {
  if (!running) return;
  running.shares.close();
  await stopServer(running);
  rmSync(running.dir, { recursive: true, force: true });
  running = null;
});

/** A raw request (fetch would refuse to send some of these), answered as status + JSON. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<{ status: number; type: string; json: { ok?: boolean; refusal?: { code: string; message: string } } | null; headers: Record<string, unknown> }> {
  const { port } = new URL(running!.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), json, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('hostile requests to the replay routes get structured refusals', () => {
  it('malformed paths, unknown routes and wrong methods', async () => {
    running = await startServerWithReplays();
    const klass = await openClass(running, ['Ada']);
    const auth = { authorization: `Bearer ${klass.hostToken}` };
    expect(await raw('GET', '/api/rooms/%E0%A4%A/rounds', auth)).toMatchObject({ status: 400, json: { refusal: { code: 'malformed-path' } } });
    expect(await raw('GET', '/replay/s/%E0%A4%A')).toMatchObject({ status: 400, type: 'text/html; charset=utf-8' });
    expect(await raw('GET', `/api/rooms/${klass.code}/shares/abc`, auth)).toMatchObject({ status: 405, json: { refusal: { code: 'unknown-route' } } });
    expect(await raw('POST', `/api/rooms/${klass.code}/rounds`, auth)).toMatchObject({ status: 405, json: { refusal: { code: 'unknown-route' } } });
    expect(await raw('GET', `/api/rooms/${klass.code}/fork`, auth)).toMatchObject({ status: 405, json: { refusal: { code: 'unknown-route' } } });
    // A published link is only read: another method does not read it.
    const id = running.shares.publish(klass.code, 1, Date.now());
    expect(await raw('POST', `/api/replays/${id}`)).toMatchObject({ status: 405, json: { refusal: { code: 'unknown-route' } } });
    expect(await raw('DELETE', `/api/replays/${id}`)).toMatchObject({ status: 405 });
    // Ids that cannot be ids (too long, traversal, empty) are unknown links, in JSON.
    for (const path of [`/api/replays/${'a'.repeat(65)}`, '/api/replays/..%2F..%2Fetc%2Fpasswd', '/api/replays', '/api/replays/']) {
      expect(await raw('GET', path), path).toMatchObject({ status: 404, type: 'application/json', json: { refusal: { code: 'unknown-replay' } } });
    }
  });

  it('a body over 4 KB is refused as too large, announced or not; the next request is answered', async () => {
    running = await startServerWithReplays();
    const klass = await openClass(running, ['Ada']);
    const auth = { authorization: `Bearer ${klass.hostToken}`, 'content-type': 'application/json' };
    const big = Buffer.alloc(1024 * 1024, 'a');
    expect(await raw('POST', `/api/rooms/${klass.code}/shares`, auth, big)).toMatchObject({ status: 413, json: { refusal: { code: 'too-large' } } });
    expect(await raw('POST', `/api/rooms/${klass.code}/fork`, { ...auth, 'transfer-encoding': 'chunked' }, big)).toMatchObject({ status: 413, json: { refusal: { code: 'too-large' } } });
    expect(await raw('GET', `/api/rooms/${klass.code}/rounds`, auth)).toMatchObject({ status: 200, json: { ok: true } });
  });

  it('requests in a loop from one address are refused for rate (429, Retry-After), the server stays up', async () => {
    running = await startServerWithReplays();
    const klass = await openClass(running, ['Ada']);
    const auth = { authorization: `Bearer ${klass.hostToken}` };
    const answers = [];
    for (let i = 0; i < REPLAY_REQUESTS_PER_10S + 5; i++) answers.push(await raw('GET', `/api/replays/${'x'.repeat(43)}`));
    expect(answers.slice(0, REPLAY_REQUESTS_PER_10S).every((a) => a.status === 404)).toBe(true);
    const refused = answers.at(-1)!;
    expect(refused).toMatchObject({ status: 429, json: { refusal: { code: 'rate-limited' } } });
    expect(refused.headers['retry-after']).toBe('10');
    // Host routes share the address's budget; the game itself is untouched.
    expect((await raw('GET', `/api/rooms/${klass.code}/rounds`, auth)).status).toBe(429);
    expect(await klass.hostAsk('host:lock')).toMatchObject({ ok: true });
  });
});
