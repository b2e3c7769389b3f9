/**
 * Issue 9, finding 6 (the socket half), as the attack: a page on another site opens a
 * socket to the class server from a visitor's browser. Refused at the handshake; the
 * page's own origin, ALLOWED_ORIGINS and clients without an Origin (bots) get in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ask, connectClient, startServer, stopServer, type Running } from './game-harness';

let server: Running;
afterEach(async () => {
  await stopServer(server);
});

describe('socket origins', () => {
  it('a cross-site page is refused at the handshake and nothing changes', async () => {
    server = await startServer();
    await expect(connectClient(server, { origin: 'http://evil.example' })).rejects.toThrow();
    await expect(connectClient(server, { origin: 'null' })).rejects.toThrow();
    // Same host name, another port: another origin.
    await expect(connectClient(server, { origin: 'http://127.0.0.1:1' })).rejects.toThrow();
    expect(server.game.transport.connectionCount()).toBe(0);
    expect(server.game.registry.size).toBe(0);
  });

  it('the page served from this server, and a client without an Origin, are accepted', async () => {
    server = await startServer();
    const samePage = await connectClient(server, { origin: server.url });
    expect(await ask(samePage, 'room:create', {})).toMatchObject({ ok: true });
    const bot = await connectClient(server);
    expect(await ask(bot, 'room:create', {})).toMatchObject({ ok: true });
  });

  it('an origin listed in ALLOWED_ORIGINS is accepted, others still refused', async () => {
    server = await startServer(undefined, { allowedOrigins: ['https://class.example.org'] });
    const listed = await connectClient(server, { origin: 'https://class.example.org' });
    expect(await ask(listed, 'room:create', {})).toMatchObject({ ok: true });
    await expect(connectClient(server, { origin: 'https://class.example.org.evil.example' })).rejects.toThrow();
  });
});
