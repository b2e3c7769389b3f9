/**
 * Which pages may open a game socket (issue 9, finding 6). A browser always sends the
 * Origin of the page that opens a socket, so a cross-site page could otherwise drive a
 * class from a visitor's browser. Allowed: the origin the request was addressed to (the
 * Host header, i.e. the page's own server, whatever LAN address or name the class uses)
 * and the origins listed in ALLOWED_ORIGINS. A client that sends no Origin at all is not a
 * browser page (a bot, a load generator, a Node client): it is allowed, and limited by
 * the budgets like anyone else. The scheme is not compared: behind a TLS proxy the page
 * is https while the server sees plain http on the same host.
 */
import type { IncomingHttpHeaders } from 'node:http';

export function originAllowed(headers: IncomingHttpHeaders, trustProxy: number, allowedOrigins: readonly string[]): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // includes "null" (sandboxed frames, file: pages)
  }
  const forwardedHost = trustProxy > 0 ? String(headers['x-forwarded-host'] ?? '').split(',')[0]?.trim() : '';
  const host = (forwardedHost || headers.host || '').toLowerCase();
  if (host !== '' && parsed.host.toLowerCase() === host) return true;
  return allowedOrigins.some((allowed) => normalizeOrigin(allowed) === parsed.origin);
}

/** "https://Example.org/" and "https://example.org" are the same origin. */
export function normalizeOrigin(origin: string): string | null {
  try {
    return new URL(origin.trim()).origin;
  } catch {
    return null;
  }
}

/** ALLOWED_ORIGINS=https://a.example,https://b.example -> the valid origins; a typo fails loudly. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  return entries.map((entry) => {
    const origin = normalizeOrigin(entry);
    if (!origin || origin === 'null') throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin like https://example.org`);
    return origin;
  });
}
