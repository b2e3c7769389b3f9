/**
 * socket.io-client's packet decoder for the load generator's players: the views a bot may
 * never read stay JSON text. The stock decoder JSON-parses every packet as it arrives: a
 * phone's 5 KB view, and every host's and projector's patch and whole view, though a bot
 * reads its phone's view only when it next clicks (to pick a move) and a run follows one
 * class's screen. That parsing ran on the same two cores as the server under test
 * (docs/PERFORMANCE.md, "Session 6: students per process"). The measurement does not need
 * the contents: a move's view is the first 'game:seat' after its ack (bench/load-players.ts).
 *
 * An event named in LAZY_EVENTS, sent with one argument and no ack id in the default
 * namespace (`2["game:seat",{...}]`), is handed to its listener as the argument's JSON
 * text; `readJson` parses it when asked. Every other packet is decoded by the stock decoder.
 */
import * as parser from 'socket.io-parser';

const LAZY_EVENTS = ['game:seat', 'game:view', 'game:view:patch'] as const;
const PREFIXES = LAZY_EVENTS.map((event) => ({ event, prefix: `${parser.PacketType.EVENT}${JSON.stringify([event]).slice(0, -1)},` }));

/** A view as its JSON text, parsed on demand (at most once per text: see `JsonText.value`). */
export class JsonText<T> {
  private parsed = false;
  private cached: T | undefined;

  constructor(readonly text: string) {}

  get value(): T {
    if (!this.parsed) {
      this.cached = JSON.parse(this.text) as T;
      this.parsed = true;
    }
    return this.cached as T;
  }
}

class LazyViewDecoder extends parser.Decoder {
  override add(obj: unknown): void {
    if (typeof obj === 'string' && obj.endsWith(']')) {
      for (const { event, prefix } of PREFIXES) {
        if (!obj.startsWith(prefix)) continue;
        // The stock decoder's packet for an event: type, namespace, [name, ...args].
        const packet = { type: parser.PacketType.EVENT, nsp: '/', data: [event, new JsonText(obj.slice(prefix.length, -1))] };
        (this as unknown as { emitReserved(name: 'decoded', packet: unknown): void }).emitReserved('decoded', packet);
        return;
      }
    }
    super.add(obj as string);
  }
}

/** The `parser` option of socket.io-client's `io()`: the stock encoder, the decoder above. */
export const lazyViewParser = { ...parser, Decoder: LazyViewDecoder };
