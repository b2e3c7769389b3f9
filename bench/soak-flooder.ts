/**
 * The soak's flooder, in a process of its own so its sending does not slow the process
 * that times the quiet classes (one event loop for both would charge the flooder's work
 * to their click-to-view). One seat sends moves back to back (FLOOD_IN_FLIGHT unanswered
 * at a time) for `ms`; when the server cuts it, it connects again at once and floods
 * again, as a hostile script would (the per-seat budget must hold across connections).
 * Prints one JSON line: what it sent and what came back.
 *
 *   node --import tsx bench/soak-flooder.ts URL CODE SEAT_TOKEN MS
 */
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/protocol';

const FLOOD_IN_FLIGHT = 256;
const [url, code, seatToken, ms] = process.argv.slice(2);
if (!url || !code || !seatToken || !ms) throw new Error('usage: soak-flooder.ts URL CODE SEAT_TOKEN MS');

const startedAt = performance.now();
const stopAt = startedAt + Number(ms);
const seen = { sent: 0, answers: {} as Record<string, number>, cuts: 0, firstCut: '' };
const socket = io(url, { forceNew: true, transports: ['websocket'], reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION } });

const sendOne = (): void => {
  if (performance.now() >= stopAt || !socket.connected) return;
  seen.sent += 1;
  // Alternating content, so the double-tap rule (same move within 400 ms) folds none of it.
  const move = { type: 'GrantVote', candidate: seen.sent % 2 };
  socket.timeout(5_000).emit('seat:move', { code, seatToken, moveId: `flood-${seen.sent}`, move }, (error: Error | null, ack: { ok: boolean; refusal?: { code: string } }) => {
    const key = error ? 'no answer' : ack.ok ? 'ok' : (ack.refusal?.code ?? '?');
    seen.answers[key] = (seen.answers[key] ?? 0) + 1;
    sendOne();
  });
};
socket.on('connect', () => {
  for (let i = 0; i < FLOOD_IN_FLIGHT; i++) sendOne();
});
socket.on('disconnect', (reason) => {
  seen.cuts += 1;
  seen.firstCut ||= reason;
  if (performance.now() < stopAt) setTimeout(() => socket.connect(), 50);
});
setTimeout(() => {
  socket.disconnect();
  console.log(JSON.stringify({ ...seen, seconds: (performance.now() - startedAt) / 1000 }));
  process.exit(0);
}, Number(ms) + 500);
