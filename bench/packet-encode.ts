/**
 * `npx tsx bench/packet-encode.ts`: CPU of encoding one outgoing socket.io packet, with
 * socket.io's stock encoder (which first walks the payload for Buffers) and with the
 * server's JSON-only encoder (server/json-packets.ts), for a phone's game:seat view of a
 * 60-node and of a 5-node cluster (rooms played by bench/synthetic-room.ts) and an ack.
 * Prints figures and the load average; asserts nothing. Interleaved passes, best of each.
 */
import { loadavg } from 'node:os';
import * as parser from 'socket.io-parser';
import { gameSeatView } from '../shared/game/seat-view';
import { jsonOnlyParser } from '../server/json-packets';
import { seatedRoundRoom } from './synthetic-room';

const ROUNDS = 5;
const REPEAT = 4_000;
const payloads: Array<[string, unknown]> = [
  ['game:seat, one cluster of 60', gameSeatView(seatedRoundRoom(60, {}), 1, 5_000)],
  ['game:seat, teams of 5 (30 students)', gameSeatView(seatedRoundRoom(30, { teamSize: 5 }), 1, 5_000)],
  ['ack { ok: false, refusal }', { ok: false, refusal: { code: 'not-leader', rule: 'R7', message: 'Only the leader can write a command.' } }],
];
const encoders = { 'stock (hasBinary + JSON)': new parser.Encoder(), 'JSON only': new jsonOnlyParser.Encoder() };

console.log(`Packet encoding (${new Date().toISOString()}, node ${process.version}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; best of ${ROUNDS} interleaved passes of ${REPEAT}`);
for (const [name, data] of payloads) {
  const best = new Map<string, number>();
  const packet = name.startsWith('ack') ? { type: parser.PacketType.ACK, nsp: '/', id: 7, data: [data] } : { type: parser.PacketType.EVENT, nsp: '/', data: [name.split(',')[0], data] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, encoder] of Object.entries(encoders)) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < REPEAT; i++) encoder.encode(packet);
      const us = Number(process.hrtime.bigint() - t0) / 1_000 / REPEAT;
      best.set(label, Math.min(best.get(label) ?? Infinity, us));
    }
  }
  const chars = JSON.stringify(data).length;
  console.log(`  ${name} (${(chars / 1024).toFixed(1)} KB): ${[...best].map(([label, us]) => `${label} ${us.toFixed(2)} µs`).join(', ')}`);
}
