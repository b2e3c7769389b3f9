/** Students over the raw game protocol (socket.io), for journeys where phones are not the point. */
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import type { GameSeatView } from '../../shared/game/seat-view';
import { expect } from './fixtures';

export type Bot = {
  socket: Socket;
  view: () => GameSeatView | null;
  /** Plays the move once the view allows it; false if it does not. */
  play: (id: string) => Promise<boolean>;
  /** Sends the move even if the view says it will be refused (a student clicking anyway): the server's ack. */
  attempt: (id: string) => Promise<{ ok: boolean; refusal?: { code: string; rule?: string } }>;
};

/** A student over the raw protocol, who plays a move by its id once the view allows it. */
export async function boardBot(url: string, code: string, nickname: string): Promise<Bot> {
  const socket = connect(url, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION } });
  let latest: GameSeatView | null = null;
  socket.on('game:seat', (view: GameSeatView | null) => void (latest = view));
  const joined = (await socket.timeout(5000).emitWithAck('seat:join', { code, nickname })) as { ok: boolean; seatToken: string };
  expect(joined.ok).toBe(true);
  let n = 0;
  const play = async (id: string) => {
    const option = latest?.moves.find((m) => m.id === id && m.allowed);
    if (!option) return false;
    const ack = (await socket.timeout(5000).emitWithAck('seat:move', { code, seatToken: joined.seatToken, moveId: `${nickname}-${++n}`, move: option.move })) as { ok: boolean };
    return ack.ok;
  };
  const attempt = async (id: string) => {
    const option = latest?.moves.find((m) => m.id === id);
    if (!option) throw new Error(`${nickname} has no move ${id}`);
    return (await socket.timeout(5000).emitWithAck('seat:move', { code, seatToken: joined.seatToken, moveId: `${nickname}-${++n}`, move: option.move })) as { ok: boolean; refusal?: { code: string; rule?: string } };
  };
  return { socket, view: () => latest, play, attempt };
}

export async function boardBots(url: string, code: string, names: string[]): Promise<Bot[]> {
  const bots: Bot[] = [];
  for (const name of names) bots.push(await boardBot(url, code, name));
  return bots;
}

/** Waits until some bot may play `id` (the room clock may run fast meanwhile), and returns it. */
export async function firstAllowed(bots: Bot[], id: string, timeoutMs = 30_000): Promise<Bot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const bot = bots.find((b) => b.view()?.moves.some((m) => m.id === id && m.allowed));
    if (bot) return bot;
    if (Date.now() > deadline) throw new Error(`nobody may play ${id}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

