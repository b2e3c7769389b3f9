/**
 * What the game server needs from the wire, and nothing more: connections that make
 * requests and join audiences, and sends to an audience. socket.io is one implementation
 * (socket-io-transport.ts); the handlers and the broadcaster talk only to this, so rooms
 * could be served by another transport, or by another instance behind a shared adapter.
 */

/** One client's connection (a phone, a host panel, a projector, a bot). */
export interface Connection {
  readonly id: string;
  /** Receives what is broadcast to this audience from now on. */
  join(audience: string): void;
  /** Sends one event to this connection only. */
  send(event: string, payload: unknown): void;
  /** Who address-based limits charge (server/limits/client-address.ts); absent: one shared budget. */
  readonly address?: string;
  /** Ends the connection from the server's side (a flooding client is cut). */
  close?(): void;
}

export interface RequestHandlers {
  /**
   * A client's request. `reply` answers it (the ack); it is null when the client asked
   * for no answer, and the handler decides what such a client hears instead.
   */
  request(connection: Connection, event: string, payload: unknown, reply: ((answer: unknown) => void) | null): void;
  /** The connection is gone (closed, or silent past the transport's ping timeout). */
  disconnected(connection: Connection): void;
}

export interface Transport {
  /** Starts handing every connection's requests to the handlers. */
  serve(handlers: RequestHandlers): void;
  /** Sends one event to every connection in an audience. */
  broadcast(audience: string, event: string, payload: unknown): void;
  /**
   * Has some connection of the audience not finished writing what it was last sent (a
   * websocket still deflating, or a slow reader)? The watchers' flush then waits, and its
   * next patch covers everything since. Transports that write at once leave it out.
   */
  isBehind?(audience: string): boolean;
  /** How many connections are in an audience right now (0: nobody is listening). */
  audienceSize(audience: string): number;
  /** Every connection leaves the audience (a kicked seat hears no more of its room). */
  disband(audience: string): void;
  /** Open connections (for load figures). */
  connectionCount(): number;
  close(): Promise<void>;
}
