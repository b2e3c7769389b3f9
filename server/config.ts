/** Everything the server reads from its environment, in one place. */
import { resolve } from 'node:path';
import { parseAllowedOrigins } from './limits/origins';

export type ServerConfig = {
  port: number;
  host: string | undefined;
  dataDir: string;
  dev: boolean;
  /** TRUST_PROXY: how many reverse proxies append X-Forwarded-For (0: none, trust no header). */
  trustProxy: number;
  /** ALLOWED_ORIGINS: pages on other origins allowed to open the game socket (comma-separated). */
  allowedOrigins: string[];
  /** `--game-only`: serve the protocol (and /healthz) without the web pages, for bots and tests: no Next build needed. */
  gameOnly: boolean;
};

export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    // Unset: listen on every interface, so phones on the classroom network can reach it.
    host: env.HOST || undefined,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    dev: argv.includes('--dev'),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    gameOnly: argv.includes('--game-only'),
  };
}

/** "true" means one proxy; a number says how many; unset, "false" or "0" means none. */
function readTrustProxy(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0) throw new Error(`TRUST_PROXY must be true, false or a number of proxies, got "${value}"`);
  return hops;
}
