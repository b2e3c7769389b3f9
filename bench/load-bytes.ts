/**
 * Bytes and message sizes per audience for `npm run load`: every engine.io message a
 * player's socket receives in the measured window is counted by audience (students, or
 * watchers: hosts and projectors) and by socket.io event (acks together). Sizes are the
 * length of the text frame in characters, which is its size in bytes for the ASCII JSON
 * the game sends (nicknames aside).
 */
import type { Socket } from 'socket.io-client';

export type Audience = 'students' | 'watchers';

export interface EventSizes {
  count: number;
  chars: number;
  max: number;
}

type WireSocket = { bytesRead: number };
/** The websocket transport's ws client and its TCP socket (node only): the bytes on the wire. */
const tcpOf = (socket: Socket): WireSocket | undefined => (socket.io.engine?.transport as unknown as { ws?: { _socket?: WireSocket } } | undefined)?.ws?._socket;

export class AudienceBytes {
  readonly byAudience: Record<Audience, Map<string, EventSizes>> = { students: new Map(), watchers: new Map() };
  /** Bytes read from the TCP socket of each player (compressed frames as they came), per audience. */
  private readonly tcp: Record<Audience, Socket[]> = { students: [], watchers: [] };
  private readonly wireAt: Record<Audience, number> = { students: 0, watchers: 0 };
  readonly wire: Record<Audience, number> = { students: 0, watchers: 0 };

  /** At the window's start and end: what came over the wire in between (frames, headers, pings). */
  markWire(edge: 'start' | 'end'): void {
    for (const audience of ['students', 'watchers'] as const) {
      const now = this.tcp[audience].reduce((sum, s) => sum + (tcpOf(s)?.bytesRead ?? 0), 0);
      if (edge === 'start') this.wireAt[audience] = now;
      else this.wire[audience] = now - this.wireAt[audience];
    }
  }

  watchWire(audience: Audience, socket: Socket): void {
    this.tcp[audience].push(socket);
  }

  add(audience: Audience, frame: string): void {
    const event = eventOf(frame);
    const map = this.byAudience[audience];
    const sizes = map.get(event) ?? { count: 0, chars: 0, max: 0 };
    sizes.count += 1;
    sizes.chars += frame.length;
    if (frame.length > sizes.max) sizes.max = frame.length;
    map.set(event, sizes);
  }

  total(audience: Audience): EventSizes {
    const out = { count: 0, chars: 0, max: 0 };
    for (const sizes of this.byAudience[audience].values()) {
      out.count += sizes.count;
      out.chars += sizes.chars;
      out.max = Math.max(out.max, sizes.max);
    }
    return out;
  }
}

/** `2["game:seat",{...}]` -> game:seat; `3<id>[...]` (an ack) -> ack. */
function eventOf(frame: string): string {
  if (frame.startsWith('3')) return 'ack';
  const match = /^2\d*\["([^"]+)"/.exec(frame);
  return match?.[1] ?? 'other';
}

/** Counts every message frame this socket receives while `counting()` says so. */
export function countBytes(socket: Socket, audience: Audience, bytes: AudienceBytes, counting: () => boolean): void {
  bytes.watchWire(audience, socket);
  const attach = () =>
    socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type === 'message' && typeof packet.data === 'string' && counting()) bytes.add(audience, packet.data);
    });
  if (socket.io.engine) attach();
  else socket.io.once('open', attach);
}
