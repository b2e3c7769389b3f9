/**
 * How a client comes back after the server restarts or the network drops. The browser
 * (app/client/connection.ts) uses these options and so do the soak's headless students
 * (bench/soak-bots.ts), so `npm run soak` measures the return the class actually gets.
 *
 * Why these numbers (issue 9: every student back on their node <= 2 s after the server is
 * ready):
 * - socket.io's backoff doubles from `reconnectionDelay` up to `reconnectionDelayMax`, each
 *   wait moved by up to +-`randomizationFactor`. A server restart takes seconds, so the
 *   backoff reaches its cap: the last wait before the server is back is at most
 *   1,000 x 1.25 = 1.25 s (it was 2,000 x 1.5 = 3 s, which alone missed the target).
 *   While the server is down a failed attempt is one refused TCP connect per phone per
 *   second: nothing for the machine. The jitter spreads a class's returns over ~0.5 s.
 * - `timeout` abandons an attempt that got no handshake within 5 s (socket.io's default
 *   is 20 s). An attempt that reached a server still starting, or a half-open connection
 *   on a flaky Wi-Fi, otherwise blocks every retry for 20 s while the page says
 *   "reconnecting". A healthy handshake takes milliseconds.
 */
export const RECONNECTION = {
  reconnection: true,
  reconnectionDelay: 250,
  reconnectionDelayMax: 1_000,
  randomizationFactor: 0.25,
  timeout: 5_000,
} as const;
