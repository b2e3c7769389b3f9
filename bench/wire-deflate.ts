/**
 * What permessage-deflate puts on the wire for a stream of messages to one connection, as
 * ws does it (lib/permessage-deflate.js): a raw deflate stream per connection, each message
 * flushed with Z_SYNC_FLUSH and its 4-byte tail dropped; without context takeover the
 * stream is reset after each message and messages under the threshold go plain (with it,
 * ws compresses every message). Used by
 * bench/watcher-bytes.ts and bench/flush-cpu.ts to choose the watchers' settings
 * (server/socket-io-transport.ts, WATCHER_DEFLATE) without sockets.
 */
import { constants, createDeflateRaw, type DeflateRaw } from 'node:zlib';
import { WATCHER_DEFLATE } from '../server/socket-io-transport';

export type DeflateSettings = { label: string; level: number; windowBits: number; memLevel: number; contextTakeover: boolean; threshold: number };

const server = WATCHER_DEFLATE;
/** The server's settings first, then the alternatives they were chosen against. */
export const DEFLATE_CHOICES: DeflateSettings[] = [
  { label: 'server (level 1, window 2^15, memLevel 8, no context takeover, threshold 1024)', level: server.zlibDeflateOptions.level, windowBits: server.serverMaxWindowBits, memLevel: server.zlibDeflateOptions.memLevel, contextTakeover: !server.serverNoContextTakeover, threshold: server.threshold },
  // With context takeover ws ignores the threshold: every message is compressed (threshold 0 here).
  { label: 'context takeover (level 1, window 2^15, memLevel 8)', level: 1, windowBits: 15, memLevel: 8, contextTakeover: true, threshold: 0 },
  { label: 'ws defaults (zlib level 6, window 2^15, memLevel 8, context takeover)', level: constants.Z_DEFAULT_COMPRESSION, windowBits: 15, memLevel: 8, contextTakeover: true, threshold: 0 },
  { label: 'window 2^13, memLevel 7 (level 1, context takeover)', level: 1, windowBits: 13, memLevel: 7, contextTakeover: true, threshold: 0 },
  { label: 'level 6, no context takeover (window 2^15, memLevel 8, threshold 1024)', level: 6, windowBits: 15, memLevel: 8, contextTakeover: false, threshold: 1024 },
];

const open = (s: DeflateSettings): DeflateRaw => createDeflateRaw({ level: s.level, windowBits: s.windowBits, memLevel: s.memLevel });

function deflateOne(stream: DeflateRaw, message: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const onData = (chunk: Buffer) => void (bytes += chunk.length);
    stream.on('data', onData);
    stream.once('error', reject);
    stream.write(message);
    stream.flush(constants.Z_SYNC_FLUSH, () => {
      stream.off('data', onData);
      stream.off('error', reject);
      resolve(bytes - 4); // ws drops the sync flush's 00 00 ff ff
    });
  });
}

/** Wire bytes (payloads; frame headers aside) and this process's CPU ms for the messages in order. */
export async function deflatedStream(messages: readonly string[], settings: DeflateSettings): Promise<{ bytes: number; cpuMs: number; compressed: number }> {
  let stream = open(settings);
  let bytes = 0;
  let compressed = 0;
  const before = process.cpuUsage();
  for (const text of messages) {
    const message = Buffer.from(text);
    if (message.length < settings.threshold) {
      bytes += message.length;
      continue;
    }
    bytes += await deflateOne(stream, message);
    compressed += 1;
    if (!settings.contextTakeover) {
      stream.close();
      stream = open(settings);
    }
  }
  stream.close();
  const used = process.cpuUsage(before);
  return { bytes, cpuMs: (used.user + used.system) / 1000, compressed };
}

/**
 * The memory zlib allocates for one deflate context, by its documented formula (Node's zlib
 * docs, "Memory usage tuning"): (1 << (windowBits + 2)) + (1 << (memLevel + 9)) bytes. An
 * RSS delta over hundreds of contexts was tried and read -77 to 209 KB: the allocator reuses.
 */
export const contextMemoryKb = (settings: DeflateSettings): number => (2 ** (settings.windowBits + 2) + 2 ** (settings.memLevel + 9)) / 1024;

/** The text frame socket.io writes for an event (engine.io "4", socket.io "2", then the JSON array). */
export const socketIoFrame = (event: string, payload: unknown): string => `42${JSON.stringify([event, payload])}`;

export async function printDeflateChoices(messages: readonly string[], seconds: number, jsonBytes: number): Promise<void> {
  await deflatedStream(messages, DEFLATE_CHOICES[0]!); // warm-up: the first pass pays for the JIT
  // Three interleaved passes per choice, the least CPU of each (the machine is shared).
  const passes: Awaited<ReturnType<typeof deflatedStream>>[][] = [];
  for (let pass = 0; pass < 3; pass++) {
    const results = [];
    for (const settings of DEFLATE_CHOICES) results.push(await deflatedStream(messages, settings)); // one at a time: CPU is this process's
    passes.push(results);
  }
  for (const [i, settings] of DEFLATE_CHOICES.entries()) {
    const runs = passes.map((results) => results[i]!);
    const { bytes, compressed } = runs[0]!;
    const cpuMs = Math.min(...runs.map((run) => run.cpuMs));
    const memory = contextMemoryKb(settings);
    console.log(`  deflated, ${settings.label}: ${(bytes / 1024 / seconds).toFixed(1)} KB/s per watcher (${((bytes / jsonBytes) * 100).toFixed(1)} % of the JSON; ${compressed} of ${messages.length} messages compressed), ${(cpuMs / Math.max(1, compressed)).toFixed(3)} ms CPU a message, ${memory.toFixed(0)} KB per context (zlib's formula)`);
  }
}
