/**
 * The one module that owns the socket. Components never see it: they call `request`,
 * `subscribe` and `keepIdentified`, usually through the hooks next to this file.
 *
 * socket.io reconnects by itself after a drop or a server restart; every identity a page
 * registered with `keepIdentified` (host token, seat token, screen watch) is replayed on
 * each (re)connect, so views come back without a reload.
 */
'use client';

import { io, type Socket } from 'socket.io-client';
import {
  ackSchema,
  PROTOCOL_VERSION,
  serverEvents,
  type Ack,
  type ClientEventName,
  type ClientRequest,
  type ServerEventName,
  type ServerPayload,
} from '@/shared/protocol';
import { COMPRESSED_VIEWS_QUERY, isWatcherPage } from '@/shared/compressed-views';
import { RECONNECTION } from '@/shared/reconnection';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting';

const REQUEST_TIMEOUT_MS = 10_000;

let socket: Socket | null = null;
let status: ConnectionStatus = 'connecting';
let everConnected = false;
const statusListeners = new Set<() => void>();
const identities = new Set<() => void>();

function setStatus(next: ConnectionStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of statusListeners) listener();
}

function ensureSocket(): Socket {
  if (socket) return socket;
  const s = io({
    auth: { protocolVersion: PROTOCOL_VERSION },
    // Host panel and projector: their views come deflated; a phone's do not (shared/compressed-views.ts).
    ...(isWatcherPage(window.location.pathname) && { query: COMPRESSED_VIEWS_QUERY }),
    // A class waits for a restarted server: retry quickly and forever (shared/reconnection.ts says why).
    ...RECONNECTION,
  });
  s.on('connect', () => {
    everConnected = true;
    setStatus('online');
    for (const identify of identities) identify();
  });
  s.on('disconnect', (reason) => {
    setStatus('reconnecting');
    // The server dropping us on purpose disables auto-reconnect; we still want back in.
    if (reason === 'io server disconnect') s.connect();
  });
  s.on('connect_error', () => setStatus(everConnected ? 'reconnecting' : 'connecting'));
  socket = s;
  return s;
}

/** Sends a command and resolves with its ack (or a refusal if the server never answers). */
export async function request<E extends ClientEventName>(event: E, payload: ClientRequest<E>): Promise<Ack<E>> {
  const s = ensureSocket();
  try {
    const raw: unknown = await s.timeout(REQUEST_TIMEOUT_MS).emitWithAck(event, payload);
    const parsed = ackSchema(event).safeParse(raw);
    if (parsed.success) return parsed.data as Ack<E>;
    return { ok: false, refusal: { code: 'bad-answer', message: 'The server answered in a way this page does not understand. Reload the page.' } };
  } catch {
    return { ok: false, refusal: { code: 'timeout', message: 'The server did not answer. Check your connection and try again.' } };
  }
}

/** Listens to a server event; payloads that fail their schema are dropped. */
export function subscribe<E extends ServerEventName>(event: E, listener: (payload: ServerPayload<E>) => void): () => void {
  const s = ensureSocket();
  const handler = (raw: unknown) => {
    const parsed = serverEvents[event].safeParse(raw);
    if (parsed.success) listener(parsed.data as ServerPayload<E>);
  };
  s.on(event as string, handler);
  return () => void s.off(event as string, handler);
}

/** Runs every identity again now (a view that fell out of step is sent whole after it). */
export function reidentify(): void {
  if (!ensureSocket().connected) return; // the reconnect will identify anyway
  for (const identify of identities) identify();
}

/** Runs `identify` now if connected, and again after every reconnect, until unsubscribed. */
export function keepIdentified(identify: () => void): () => void {
  const s = ensureSocket();
  identities.add(identify);
  if (s.connected) identify();
  return () => void identities.delete(identify);
}

export function getConnectionStatus(): ConnectionStatus {
  return status;
}

export function onConnectionStatus(listener: () => void): () => void {
  ensureSocket();
  statusListeners.add(listener);
  return () => void statusListeners.delete(listener);
}
