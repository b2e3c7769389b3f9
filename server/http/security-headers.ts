/**
 * Security headers on every HTTP response, pages and assets alike (issue 9, finding 6),
 * set by helmet in the custom server so /healthz and every Next route get the same.
 *
 * CSP choice: script-src 'self' 'unsafe-inline'. The app router streams its data in
 * inline <script> tags; allowing them by nonce would need a per-request nonce (Next 16's
 * proxy.ts) and would turn every page into a dynamically rendered one, for pages whose
 * only user-supplied text (nicknames) React renders as text, never as HTML. What the
 * issue found missing is kept strict: no framing (frame-ancestors 'none' + X-Frame-Options
 * DENY, against clickjacking the host panel), no plugins, no <base> hijack, forms and
 * sockets only to this origin ('self' covers ws:/wss: to the same host in CSP 3).
 * No upgrade-insecure-requests and no HSTS: a classroom server is usually plain http on
 * a LAN address, where either would break the page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Powerful features this game never uses; helmet leaves Permissions-Policy to the app.
 * Only features Chromium recognises: an unknown name ('bluetooth', FLoC's 'interest-cohort')
 * prints an error in every page's console, which hides real ones from a teacher's report.
 */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), display-capture=()';

export function securityHeaders({ dev }: { dev: boolean }) {
  const applyHelmet = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Dev mode's React Refresh evaluates code; production never needs eval.
        scriptSrc: ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    applyHelmet(req, res, (error?: unknown) => {
      if (error) {
        res.statusCode = 500;
        res.end();
        return;
      }
      next();
    });
  };
}
