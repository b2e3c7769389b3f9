/**
 * The custom server: one port for HTTP (Next.js pages) and socket.io (the game).
 *   npm start      -> production (scripts/start.mjs builds Next first if needed)
 *   npm run dev    -> `tsx watch server/index.ts --dev`
 *   node --import tsx server/index.ts --game-only -> the protocol without the web pages (bots)
 * Env: PORT (3000), HOST (all interfaces), DATA_DIR (./data).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import next from 'next';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { readConfig } from './config';
import { EventStore } from './event-store';
import { attachGameServer } from './game-server';
import { serveReport } from './report-route';

async function main(): Promise<void> {
  const config = readConfig(process.argv, process.env);
  const store = EventStore.openIn(config.dataDir);

  const nextApp = config.gameOnly ? null : next({ dev: config.dev, dir: process.cwd(), hostname: 'localhost', port: config.port });
  await nextApp?.prepare();
  const handleNext = nextApp?.getRequestHandler() ?? ((_req: IncomingMessage, res: ServerResponse) => res.writeHead(404).end());

  // The game server is attached below; the report route reads its registry (issue 11).
  let reports: ((req: IncomingMessage, res: ServerResponse) => boolean) | null = null;
  const httpServer = createServer((req, res) => {
    if (reports?.(req, res)) return;
    // A cheap liveness probe for tests and process supervisors.
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, protocolVersion: PROTOCOL_VERSION }));
      return;
    }
    void handleNext(req, res);
  });

  const game = attachGameServer(httpServer, store, { keepOtherUpgrades: config.dev });
  reports = (req, res) => serveReport(req, res, game.registry, store);
  if (config.dev && nextApp) {
    const handleUpgrade = nextApp.getUpgradeHandler();
    httpServer.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket.io')) void handleUpgrade(req, socket, head);
    });
  }

  httpServer.listen(config.port, config.host, () => {
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Captain Down ${config.dev ? '(dev) ' : ''}${config.gameOnly ? '(game only, no web pages) ' : ''}on http://localhost:${port}  data: ${config.dataDir}  rooms: ${game.registry.size}`);
    for (const url of lanUrls(port)) console.log(`  students on this network: ${url}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    // Don't let a stuck connection keep the process (and the port) forever.
    setTimeout(() => process.exit(0), 3_000).unref();
    void game.close().finally(() => {
      store.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Addresses a phone on the same Wi-Fi could use (the QR needs one of these, not localhost). */
function lanUrls(port: number): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => `http://${i!.address}:${port}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
