/**
 * Serves the lean student page (issue 12): /join and /join/CODE as the HTML shells that
 * scripts/build-lean-join.mjs wrote to .lean/join/, and their scripts and CSS under the
 * manifest's asset prefix. Next never sees these URLs: a phone loads React and our code,
 * not Next's client runtime. Production reads the build once at start; dev rebuilds
 * before serving a page whenever a source changed (esbuild takes about a second).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { routeOf } from '../../shared/room/student-route';

type Manifest = { assetPrefix: string; pages: Record<Page, string>; assets: string[] };
type Page = 'join' | 'seat' | 'bad-code';
type Build = { manifest: Manifest; html: Record<Page, Buffer> };

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** Which shell a path gets, or null when the path is not a student page: the browser's own reading (routeOf). */
export function studentPageOf(pathname: string): Page | null {
  const segments = pathname.split('/').filter(Boolean);
  if (segments[0] !== 'join' || segments.length > 2) return null;
  return routeOf(pathname).page;
}

function readBuild(dir: string): Build {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const html = Object.fromEntries(Object.entries(manifest.pages).map(([page, file]) => [page, readFileSync(join(dir, file))])) as Record<Page, Buffer>;
  return { manifest, html };
}

export function leanJoinRoute({ dev, root = process.cwd() }: { dev: boolean; root?: string }) {
  const dir = join(root, '.lean', dev ? 'join-dev' : 'join'); // as scripts/build-lean-join.mjs writes them
  let build: Build | null = null;
  let building: Promise<void> | null = null;
  if (!dev) {
    if (existsSync(join(dir, 'manifest.json'))) build = readBuild(dir);
    else console.error('The lean student page is not built (.lean/join): run `npm run build`; /join answers 503 until then.');
  }

  /** Dev: one rebuild at a time, only when a source is newer than the last build. */
  const refresh = async (): Promise<void> => {
    const builder = await import('../../scripts/build-lean-join.mjs');
    const reason = builder.leanJoinIsStale({ dev: true });
    if (reason || !build) {
      if (reason) {
        console.log(`Building the lean student page (${reason})...`);
        await builder.buildLeanJoin({ dev: true });
      }
      build = readBuild(dir);
    }
  };

  const sendPage = (req: IncomingMessage, res: ServerResponse, page: Page) => {
    if (!build) return void res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The student page is not built yet: run npm run build.');
    // Revalidated each time: a new build's shell names new asset files.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : build.html[page]);
  };

  const sendAsset = (req: IncomingMessage, res: ServerResponse, file: string): boolean => {
    if (!build || !build.manifest.assets.includes(file)) return false;
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    let body: Buffer;
    try {
      body = readFileSync(join(dir, 'assets', gzip ? `${file}.gz` : file));
    } catch {
      return false; // gone with a build two builds back: Next answers 404
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[file.split('.').pop()!] ?? 'application/octet-stream',
      // Names carry a content hash, so a file never changes under its name.
      'cache-control': dev ? 'no-cache' : 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };

  /** True when it answered (or will answer) the request; false lets Next have it. */
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const page = studentPageOf(pathname);
    const prefix = build?.manifest.assetPrefix ?? '/join-assets/';
    if (!page && !pathname.startsWith(prefix)) return false;
    if (dev && page) {
      building ??= refresh().finally(() => (building = null));
      building.then(
        () => sendPage(req, res, page),
        (error: unknown) => {
          console.error(error);
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`The student page failed to build:\n${String(error)}`);
        },
      );
      return true;
    }
    if (page) {
      sendPage(req, res, page);
      return true;
    }
    return sendAsset(req, res, pathname.slice(prefix.length));
  };
}
