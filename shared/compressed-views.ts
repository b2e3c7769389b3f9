/**
 * Which connections get their messages deflated on the wire (permessage-deflate). Only the
 * watchers (host panel, projector): in a big room their patches are 14-21 KB of JSON ten
 * times a second, which deflate shrinks 6-8x (the server compresses messages over 8 KB). A
 * phone's views are small and its own; a zlib context per phone (4,000 of them) would cost
 * memory and CPU for little (docs/PERFORMANCE.md, "Session 5: watchers' wire bytes").
 *
 * The choice is made at the websocket handshake, before any request says who the client
 * is, so a watcher's page asks for it in the engine.io query of its connection URL.
 */
export const COMPRESSED_VIEWS_QUERY = { views: 'deflate' } as const;

/** Does this request URL (path and query) ask for compressed views? */
export function asksForCompressedViews(url: string | undefined): boolean {
  if (!url) return false;
  const query = new URL(url, 'http://localhost').searchParams;
  return query.get('views') === COMPRESSED_VIEWS_QUERY.views;
}

/** The pages that watch a room: the host panel and the projector. */
export function isWatcherPage(pathname: string): boolean {
  return pathname.startsWith('/host/') || pathname.startsWith('/screen/');
}
