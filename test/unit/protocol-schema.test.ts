/**
 * docs/protocol.schema.json is what bot writers read: it must be exactly what the zod
 * schemas of shared/protocol.ts generate today. Fails when a schema changed and nobody ran
 * `npm run protocol:schema`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientEvents, serverEvents } from '../../shared/protocol';
import { buildProtocolSchema, renderProtocolSchema } from '../../scripts/protocol-schema/build';

const committed = readFileSync(resolve(__dirname, '../../docs/protocol.schema.json'), 'utf8');

describe('the generated protocol schema (docs/protocol.schema.json)', () => {
  it('is up to date with shared/protocol.ts (run `npm run protocol:schema` if this fails)', () => {
    expect(committed).toBe(renderProtocolSchema());
  });

  it('describes every client request and its ack, every pushed event and the handshake', () => {
    const defs = Object.keys(buildProtocolSchema().$defs as object);
    const expected = [
      'handshake.auth',
      ...Object.keys(clientEvents).flatMap((name) => [`client.${name}.request`, `client.${name}.ack`]),
      ...Object.keys(serverEvents).map((name) => `server.${name}`),
    ];
    expect(defs.sort()).toEqual(expected.sort());
  });

  it('says what a bot may send: host:round:start takes an optional seed and startPaused', () => {
    const start = (buildProtocolSchema().$defs as Record<string, { properties: Record<string, unknown>; required: string[] }>)['client.host:round:start.request']!;
    expect(start.properties.seed).toMatchObject({ type: 'integer', minimum: 0 });
    expect(start.properties.startPaused).toMatchObject({ type: 'boolean', default: false });
    expect(start.required).not.toContain('seed');
  });
});
