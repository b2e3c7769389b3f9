/**
 * The custom server: one port for HTTP (Next.js pages) and socket.io (the game).
 *   npm start      -> production (scripts/start.mjs builds Next first if needed)
 *   npm run dev    -> `tsx watch server/index.ts --dev`
 *   node --import tsx server/index.ts --game-only -> the protocol without the web pages (bots)
 * Env: PORT (3000), HOST (all interfaces), DATA_DIR (./data), MAX_SEATS (500),
 * IDLE_MINUTES (10), RETENTION_DAYS (30; 0 keeps logs for ever), SQLITE_SYNCHRONOUS,
 * TRUST_PROXY (0), ALLOWED_ORIGINS (none): see server/config.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import next from 'next';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { readConfig } from './config';
import { EventStore } from './event-store';
import { attachGameServer } from './game-server';
import { securityHeaders } from './http/security-headers';
import { handleReplayRoute } from './http/replay-routes';
import { answerMalformedPath } from './http/malformed-path';
import { leanJoinRoute } from './http/lean-join-route';
import { ReplayShares } from './replay-shares';
import { serveReport } from './report-route';

async function main(): Promise<void> {
  const config = readConfig(process.argv, process.env);
  const store = EventStore.openIn(config.dataDir, { synchronous: config.synchronous });
  const shares = ReplayShares.openIn(config.dataDir);

  const nextApp = config.gameOnly ? null : next({ dev: config.dev, dir: process.cwd(), hostname: 'localhost', port: config.port });
  await nextApp?.prepare();
  const handleNext = nextApp?.getRequestHandler() ?? ((_req: IncomingMessage, res: ServerResponse) => res.writeHead(404).end());

  const withHeaders = securityHeaders({ dev: config.dev });
  // The student pages are served without Next's client runtime (issue 12; the route says how).
  const handleStudentPage = config.gameOnly ? () => false : leanJoinRoute({ dev: config.dev });
  // The game is attached below; routes reach it through this holder (set before listen).
  let game: ReturnType<typeof attachGameServer> | null = null;
  const httpServer = createServer((req, res) =>
    withHeaders(req, res, () => {
      // A cheap liveness probe for tests and process supervisors.
      if (req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, protocolVersion: PROTOCOL_VERSION }));
        return;
      }
      if (answerMalformedPath(req, res)) return;
      if (game && handleReplayRoute(req, res, { game, shares, trustProxy: config.trustProxy })) return;
      // The host's report data (issue 11): JSON and CSV from the log.
      if (game && serveReport(req, res, game.registry, store)) return;
      if (handleStudentPage(req, res)) return;
      void handleNext(req, res);
    }),
  );

  game = attachGameServer(httpServer, store, {
    keepOtherUpgrades: config.dev,
    settings: config.rooms,
    trustProxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins,
    watcherDeflate: config.watcherDeflate,
  });
  // A deleted class (host or retention) takes its published replay links with it.
  shares.followDeletions(game.registry);
  if (config.dev && nextApp) {
    const handleUpgrade = nextApp.getUpgradeHandler();
    httpServer.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket.io')) void handleUpgrade(req, socket, head);
    });
  }

  httpServer.listen(config.port, config.host, () => {
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Captain Down ${config.dev ? '(dev) ' : ''}${config.gameOnly ? '(game only, no web pages) ' : ''}on http://localhost:${port}  data: ${config.dataDir}  rooms: ${game.registry.catalog.count()} stored, ${game.registry.size} loaded`);
    for (const url of lanUrls(port)) console.log(`  students on this network: ${url}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    // Don't let a stuck connection keep the process (and the port) forever.
    setTimeout(() => process.exit(0), 3_000).unref();
    void game!.close().finally(() => {
      store.close();
      shares.close();
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
