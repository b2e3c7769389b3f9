/**
 * The load generator's decoder (bench/load-decoder.ts) keeps views as JSON text until a bot
 * reads them; what it hands over must be what the stock socket.io decoder would have given,
 * and every other packet (acks above all: they carry the answer a click waits for) is decoded
 * by the stock decoder.
 */
import { describe, expect, it } from 'vitest';
import * as parser from 'socket.io-parser';
import { JsonText, lazyViewParser } from '../../../bench/load-decoder';

type Packet = { type: number; nsp: string; id?: number; data?: unknown[] };

function decodeWith(decoder: parser.Decoder, frame: string): Packet {
  let out: Packet | null = null;
  decoder.on('decoded', (packet: Packet) => (out = packet));
  decoder.add(frame);
  if (!out) throw new Error(`nothing decoded from ${frame}`);
  return out;
}

const encode = (packet: parser.Packet) => new parser.Encoder().encode(packet)[0] as string;
const view = { round: 3, moves: [{ id: 'GrantVote:2', allowed: true, move: { type: 'GrantVote', to: 2 } }], note: 'a "quoted" ] bracket' };

describe("the load generator's lazy view decoder", () => {
  it.each(['game:seat', 'game:view', 'game:view:patch'])('hands %s over as its JSON text, which reads as the stock decoder would have decoded it', (event) => {
    const frame = encode({ type: parser.PacketType.EVENT, nsp: '/', data: [event, view] });
    const lazy = decodeWith(new lazyViewParser.Decoder(), frame);
    const stock = decodeWith(new parser.Decoder(), frame);
    expect(lazy.data?.[0]).toBe(event);
    const text = lazy.data?.[1];
    expect(text).toBeInstanceOf(JsonText);
    expect((text as JsonText<unknown>).value).toEqual(stock.data?.[1]);
  });

  it('hands a null view over as text that reads null', () => {
    const frame = encode({ type: parser.PacketType.EVENT, nsp: '/', data: ['game:seat', null] });
    expect((decodeWith(new lazyViewParser.Decoder(), frame).data?.[1] as JsonText<unknown>).value).toBeNull();
  });

  it('decodes acks and other events exactly as the stock decoder does', () => {
    for (const packet of [
      { type: parser.PacketType.ACK, nsp: '/', id: 12, data: [{ ok: false, refusal: { code: 'not-leader', message: 'No.' } }] },
      { type: parser.PacketType.EVENT, nsp: '/', data: ['room:view', { seats: [] }] },
      { type: parser.PacketType.EVENT, nsp: '/', data: ['game:seats', { seats: [] }] },
    ]) {
      const frame = encode(packet);
      expect(decodeWith(new lazyViewParser.Decoder(), frame)).toEqual(decodeWith(new parser.Decoder(), frame));
    }
  });
});
