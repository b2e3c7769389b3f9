/**
 * The JSON-only packet encoder (server/json-packets.ts) skips socket.io's scan for binary
 * but must put the same text on the wire as the stock encoder, for every kind of packet
 * this server sends, so clients keep decoding with the stock parser.
 */
import * as parser from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { jsonOnlyParser } from '../../../server/json-packets';

const { PacketType } = parser;
const view = { inRound: true, computedAt: 12_345, moves: [{ move: { type: 'GrantVote', candidate: 2 }, allowed: false, refusal: { code: 'already-voted', rule: 'R4', message: 'You already voted "yes" in term 3.' } }], peers: Array.from({ length: 60 }, (_, i) => ({ index: i, nickname: `bot ${i} ✓`, timer: null })) };
const packets: parser.Packet[] = [
  { type: PacketType.EVENT, nsp: '/', data: ['game:seat', view] },
  { type: PacketType.EVENT, nsp: '/', data: ['game:seat', null] },
  { type: PacketType.EVENT, nsp: '/', data: ['game:view:patch', { after: 3, countdownMs: 100, ops: [{ op: 'replace', path: '/teams/0/leader', value: 4 }] }] },
  { type: PacketType.ACK, nsp: '/', id: 41, data: [{ ok: false, refusal: { code: 'not-leader', rule: 'R7', message: 'Only the leader writes.' } }] },
  { type: PacketType.ACK, nsp: '/', id: 0, data: [{ ok: true }] },
  { type: PacketType.EVENT, nsp: '/admin', id: 7, data: ['room:view', { locked: false }] },
  { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } },
  { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'protocol-mismatch', data: { code: 'protocol-mismatch' } } },
  { type: PacketType.DISCONNECT, nsp: '/' },
];

describe('the JSON-only packet encoder', () => {
  it("writes every packet this server sends exactly as socket.io's own encoder does", () => {
    const ours = new jsonOnlyParser.Encoder();
    const stock = new parser.Encoder();
    for (const packet of packets) expect(ours.encode(packet)).toEqual(stock.encode(packet));
  });

  it("is read back by socket.io's own decoder", () => {
    const decoded: unknown[] = [];
    const decoder = new parser.Decoder();
    decoder.on('decoded', (packet) => decoded.push(packet));
    for (const packet of packets) for (const part of new jsonOnlyParser.Encoder().encode(packet)) decoder.add(part);
    expect(decoded).toEqual(packets);
  });
});
