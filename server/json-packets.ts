/**
 * socket.io's packet encoder without its scan for binary. The stock encoder walks every
 * outgoing payload (`hasBinary`, recursively) to decide whether Buffers must travel as
 * attachments; this server sends JSON only (views, patches, acks), so the walk found
 * nothing and cost 1.0-2.3 % of the server's busy time (a 13 KB phone view walked once per
 * emit; docs/PERFORMANCE.md, session 5). Packets are encoded by the stock encoder's own
 * text path, so the wire is byte for byte the same and clients keep the stock parser.
 * A Buffer in a payload would go out as JSON (`{"type":"Buffer","data":[...]}`), not as an
 * attachment: nothing in shared/protocol.ts carries one.
 */
import * as parser from 'socket.io-parser';

type TextEncoder = { encodeAsString(packet: parser.Packet): string };

class JsonOnlyEncoder extends parser.Encoder {
  override encode(packet: parser.Packet): string[] {
    // The stock encoder's text path (private in its types, public in its code since 4.0).
    return [(this as unknown as TextEncoder).encodeAsString(packet)];
  }
}

/** The `parser` option of socket.io's Server: the stock decoder, the encoder above. */
export const jsonOnlyParser = { ...parser, Encoder: JsonOnlyEncoder };
