/**
 * A path whose percent-encoding is malformed ("/replay/s/%E0%A4%A") cannot be decoded by
 * any route: Next answered it with a bare "Internal Server Error". It gets a 400 that says
 * what is wrong instead, as JSON under /api/ and as a small page elsewhere (a student who
 * mistyped a shared link reads a sentence, not an error code).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MESSAGE = 'This address is malformed (a "%" in it is not followed by a valid code). Check the link you were given.';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Malformed address · Captain Down</title></head>
<body style="margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#06142b;color:#e8f1fb;font:20px/1.5 system-ui,sans-serif">
<main style="max-width:36rem;padding:2rem"><h1 style="font-size:2rem;margin:0 0 1rem">Malformed address</h1><p>${MESSAGE}</p><p><a href="/" style="color:#f5b82e">Back to the harbour</a></p></main></body></html>`;

export function isMalformedPath(url: string): boolean {
  try {
    decodeURIComponent(url.split('?')[0]!);
    return false;
  } catch {
    return true;
  }
}

/** Answers a malformed path with a 400 and returns true; false for any other request. */
export function answerMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/';
  if (!isMalformedPath(url)) return false;
  if (url.startsWith('/api/')) {
    res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ ok: false, refusal: { code: 'malformed-path', message: MESSAGE } }));
  } else {
    res.writeHead(400, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(PAGE);
  }
  return true;
}
