/**
 * The lean student page's HTTP route (server/http/lean-join-route.ts) over a real HTTP
 * server and a build directory written here: which shell each path gets (the same reading
 * as the browser's router in app/join/lean/StudentPage.tsx), assets gzipped only when the
 * browser asks, unknown files and other paths left to Next.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeOf } from '../../shared/room/student-route';
import { leanJoinRoute, studentPageOf } from '../../server/http/lean-join-route';

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lean-join-'));
  const dir = join(root, '.lean', 'join');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const pages = { join: 'join.html', seat: 'seat.html', 'bad-code': 'bad-code.html' };
  for (const [page, file] of Object.entries(pages)) writeFileSync(join(dir, file), `<p>${page}</p>`);
  writeFileSync(join(dir, 'assets', 'student-A1.js'), 'console.log("student")');
  writeFileSync(join(dir, 'assets', 'student-A1.js.gz'), gzipSync('console.log("student")'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ assetPrefix: '/join-assets/', pages, assets: ['student-A1.js'] }));
  const route = leanJoinRoute({ dev: false, root });
  server = createServer((req, res) => {
    if (!route(req, res)) res.writeHead(404, { 'x-handled-by': 'next' }).end();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  rmSync(root, { recursive: true, force: true });
});

const paths = ['/join', '/join/', '/join/K7P3QX', '/join/k7p-3qx', '/join/K7P%203QX', '/join/ABC', '/join/%E0%A4%A', '/join/K7P3QX?from=qr'];

describe('the lean student page route', () => {
  it.each(paths)('%s gets the shell the browser router renders', async (path) => {
    const browserPage = routeOf(new URL(path, base).pathname).page;
    expect(studentPageOf(new URL(path, base).pathname)).toBe(browserPage);
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe(`<p>${browserPage}</p>`);
  });

  it('serves a built asset gzipped to a browser that accepts gzip, plain to one that does not', async () => {
    // fetch undoes the gzip itself, so the text reads plain only if the header told the truth.
    const zipped = await fetch(`${base}/join-assets/student-A1.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('cache-control')).toContain('immutable');
    expect(await zipped.text()).toBe('console.log("student")');
    const plain = await fetch(`${base}/join-assets/student-A1.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log("student")');
  });

  it.each(['/join-assets/../manifest.json', '/join-assets/other.js', '/join/K7P3QX/extra', '/host/K7P3QX', '/joined'])('leaves %s to Next', async (path) => {
    const res = await fetch(`${base}${path}`);
    expect(res.headers.get('x-handled-by')).toBe('next');
  });
});
