/** Everything the server reads from its environment, in one place. */
import { resolve } from 'node:path';

export type ServerConfig = {
  port: number;
  host: string | undefined;
  dataDir: string;
  dev: boolean;
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
    gameOnly: argv.includes('--game-only'),
  };
}
