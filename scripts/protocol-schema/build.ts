/**
 * The whole wire protocol as one JSON Schema (draft 2020-12), made from the zod schemas of
 * shared/protocol.ts by zod 4's `z.toJSONSchema`, for bot writers in any language. Pure:
 * scripts/protocol-schema.ts writes it to docs/protocol.schema.json, and a test fails when
 * the committed file differs from what this builds (test/unit/protocol-schema.test.ts).
 *
 * Requests are described as a client may send them (zod "input": defaults optional, room
 * codes before normalisation); acks and pushed events as the server sends them ("output").
 */
import { z } from 'zod';
import { ackSchema, clientEvents, handshakeAuthSchema, PROTOCOL_VERSION, serverEvents, type ClientEventName } from '../../shared/protocol';

type JsonSchema = Record<string, unknown>;

function toJson(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    // Every payload has a real schema (game views included); an unrepresentable one fails the build.
  }) as JsonSchema;
  delete json.$schema; // one $schema, at the top
  return json;
}

export function buildProtocolSchema(): JsonSchema {
  const defs: Record<string, JsonSchema> = { 'handshake.auth': toJson(handshakeAuthSchema, 'input') };
  for (const name of Object.keys(clientEvents) as ClientEventName[]) {
    defs[`client.${name}.request`] = toJson(clientEvents[name].request, 'input');
    defs[`client.${name}.ack`] = toJson(ackSchema(name), 'output');
  }
  for (const [name, schema] of Object.entries(serverEvents)) defs[`server.${name}`] = toJson(schema, 'output');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `captain-down-protocol-v${PROTOCOL_VERSION}`,
    title: `Captain Down wire protocol, version ${PROTOCOL_VERSION}`,
    description:
      'socket.io 4 events. "client.NAME.request" is the payload of socket.emit(NAME, payload, ack); "client.NAME.ack" what the ack receives; ' +
      '"server.NAME" the payload the server pushes; "handshake.auth" the io(url, { auth }) object. Generated from shared/protocol.ts by ' +
      '`npm run protocol:schema`; do not edit by hand. Prose and examples: docs/PROTOCOL.md.',
    $defs: defs,
  };
}

/** The file's exact text (stable key order from the zod schemas, two-space indent, final newline). */
export function renderProtocolSchema(): string {
  return `${JSON.stringify(buildProtocolSchema(), null, 2)}\n`;
}
