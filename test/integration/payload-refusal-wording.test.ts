/**
 * A payload that fails the protocol's schemas is refused with each field's path and zod's
 * English reason, over a real socket. The schemas are zod/mini (issue 12), which carries no
 * messages of its own: the wording comes from the locale the server switches on, and this
 * is the check that a bot writer still reads why (docs/PROTOCOL.md, refusals).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { EventStore } from '../../server/event-store';
import { attachGameServer } from '../../server/game-server';

it('a bad payload is refused naming each field and saying in English what is wrong with it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'captain-down-wording-'));
  const store = EventStore.openIn(dir);
  const http = createServer((_req, res) => res.writeHead(404).end());
  const game = attachGameServer(http, store);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const socket = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION } });
  try {
    const answer = await socket.timeout(5000).emitWithAck('seat:join', { code: 'K7P3QX', nickname: 5, previousSeatToken: 'short' });
    expect(answer).toMatchObject({ ok: false, refusal: { code: 'invalid-payload' } });
    const message = (answer as { refusal: { message: string } }).refusal.message;
    expect(message).toContain('nickname: Invalid input: expected string, received number');
    expect(message).toContain('previousSeatToken: Too small: expected string to have >=16 characters');
  } finally {
    socket.disconnect();
    await game.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
