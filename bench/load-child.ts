/**
 * The server under test as a child process (bench/load-server.ts): start it on a free
 * loopback port with a temporary data directory, read its /stats, stop it, clean up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ServerStats {
  wallMs: number;
  cpu: { user: number; system: number };
  memory: NodeJS.MemoryUsage;
  eventLoopDelayMs: { count: number; mean: number; p50: number; p90: number; p99: number; max: number; resolution: number };
  /** Linux: the main thread's time on a core and runnable-but-waiting for one (ms). */
  scheduler: { onCpu: number; waiting: number } | null;
  /** Linux: the main thread's CPU between two firings of a 10 ms timer (ms): the loop's stalls, apart from waiting for a core. */
  loopCpuMs: { p50: number; p99: number; max: number; over50: number; count: number } | null;
  /** Rows in the event log over every room, when asked for (events: true). */
  events: number | null;
  rooms: number;
  sockets: number;
}

export interface ChildServer {
  url: string;
  pid: number;
  /** The server's own start inside its process (store opened, game attached, listening), without node + tsx. */
  startMs: number;
  stats: (options?: { gc?: boolean; reset?: boolean; events?: boolean }) => Promise<ServerStats>;
  /** Stops the child (SIGTERM, then SIGKILL after 5 s) and returns the CPU profile path, if any. */
  stop: () => Promise<string | null>;
  /** kill -9: no clean-up of any kind in the server (the soak's crash). */
  kill9: () => Promise<void>;
}

/**
 * `dataDir`: serve this data directory (kept afterwards) instead of a fresh temporary one.
 * `port`: listen on this port (a restarted server comes back where its clients wait).
 * `script`: the server to run (default bench/load-server.ts; bench/relay-server.ts is the bare relay).
 */
export type ChildOptions = { cpuProfile: boolean; dataDir?: string; port?: number; env?: NodeJS.ProcessEnv; script?: string };

const START_TIMEOUT_MS = 20_000;

export async function startChildServer(options: ChildOptions): Promise<ChildServer> {
  const dir = mkdtempSync(join(tmpdir(), 'captain-down-load-'));
  const dataDir = options.dataDir ?? join(dir, 'data');
  const profileDir = join(dir, 'profile');
  // LOAD_SERVER_NODE_FLAGS: node flags for the server under test only (e.g. a GC setting to compare).
  const extra = (process.env.LOAD_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const args = ['--expose-gc', ...extra, ...(options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', options.script ?? 'bench/load-server.ts'];
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: { ...process.env, ...options.env, NODE_ENV: 'production', PORT: String(options.port ?? 0), DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const { port, pid, startMs } = await new Promise<{ port: number; pid: number; startMs: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the load server did not start within 20 s')), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`the load server exited early (code ${code})`)));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as { port: number; pid: number; startMs: number });
      } catch {
        reject(new Error(`unexpected first line from the load server: ${line}`));
      }
    });
  }).catch(async (error: unknown) => {
    await kill(child, exited);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid,
    startMs,
    stats: ({ gc = false, reset = false, events = false } = {}) => {
      const query = [gc && 'gc=1', reset && 'reset=1', events && 'events=1'].filter(Boolean).join('&');
      return getJson<ServerStats>(`${url}/stats?${query}`);
    },
    stop: async () => {
      await kill(child, exited);
      let profile: string | null = null;
      if (options.cpuProfile) {
        const file = readdirSync(profileDir, { withFileTypes: true }).find((f) => f.name.endsWith('.cpuprofile'));
        if (file) {
          // Keep the profile outside the temporary directory, which goes now.
          const keep = join(process.cwd(), 'test-results', `load-server-${Date.now()}.cpuprofile`);
          mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
          copyFileSync(join(profileDir, file.name), keep);
          profile = keep;
        }
      }
      rmSync(dir, { recursive: true, force: true });
      return profile;
    },
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function getJson<T>(url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = get(url, { timeout: 30_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(body) as T);
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}
