/**
 * Who asks for deflated views (shared/compressed-views.ts): the host panel and the
 * projector pages, and only an engine.io request that carries `views=deflate` is granted.
 */
import { describe, expect, it } from 'vitest';
import { asksForCompressedViews, isWatcherPage } from '../../../shared/compressed-views';

describe('compressed views are for watchers only', () => {
  it('the host panel and the projector ask; the phone, the report and the replay do not', () => {
    expect(isWatcherPage('/host/K7P3QX')).toBe(true);
    expect(isWatcherPage('/screen/K7P3QX')).toBe(true);
    for (const path of ['/join/K7P3QX', '/join', '/', '/report/K7P3QX', '/replay/K7P3QX/1', '/hostile']) expect(isWatcherPage(path)).toBe(false);
  });

  it('an upgrade request is granted deflate only with views=deflate in its query', () => {
    expect(asksForCompressedViews('/socket.io/?views=deflate&EIO=4&transport=websocket&sid=abc')).toBe(true);
    expect(asksForCompressedViews('/socket.io/?EIO=4&transport=websocket')).toBe(false);
    expect(asksForCompressedViews('/socket.io/?views=gzip&EIO=4&transport=websocket')).toBe(false);
    expect(asksForCompressedViews(undefined)).toBe(false);
  });
});
