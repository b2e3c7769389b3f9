/**
 * A second Transport (server/transport.ts) besides socket.io: connections are objects in
 * this process, an audience is a set of them. Integration tests serve the real game with it.
 */
import type { Connection, RequestHandlers, Transport } from '../../server/transport';
import { followScreenView } from '../../shared/game/view-patch';

/** Connections are objects in this process; an audience is a set of them. */
export class InProcessTransport implements Transport {
  private handlers: RequestHandlers | null = null;
  private readonly audiences = new Map<string, Set<InProcessConnection>>();
  private nextId = 0;
  /** Audiences a test holds "still writing" (server/transport.ts, isBehind). */
  readonly behind = new Set<string>();

  serve(handlers: RequestHandlers): void {
    this.handlers = handlers;
  }
  connect(): InProcessConnection {
    return new InProcessConnection(`c${++this.nextId}`, this);
  }
  request(connection: InProcessConnection, event: string, payload: unknown): Promise<any> {
    return new Promise((resolve) => this.handlers!.request(connection, event, payload, resolve));
  }
  enter(connection: InProcessConnection, audience: string): void {
    const members = this.audiences.get(audience) ?? new Set();
    this.audiences.set(audience, members.add(connection));
  }
  broadcast(audience: string, event: string, payload: unknown): void {
    for (const connection of this.audiences.get(audience) ?? []) connection.send(event, payload);
  }
  isBehind(audience: string): boolean {
    return this.behind.has(audience);
  }
  audienceSize(audience: string): number {
    return this.audiences.get(audience)?.size ?? 0;
  }
  disband(audience: string): void {
    this.audiences.delete(audience);
  }
  connectionCount(): number {
    return this.nextId;
  }
  async close(): Promise<void> {
    this.audiences.clear();
  }
}

export class InProcessConnection implements Connection {
  readonly received: { event: string; payload: any }[] = [];
  private readonly handlers = new Map<string, (payload: unknown) => void>();
  constructor(
    readonly id: string,
    private readonly transport: InProcessTransport,
  ) {
    // Watchers get the whole view once, then patches: what is received is the followed view.
    followScreenView((event, handler) => this.handlers.set(event, handler), (view) => this.received.push({ event: 'game:view', payload: view }));
  }
  join(audience: string): void {
    this.transport.enter(this, audience);
  }
  send(event: string, payload: unknown): void {
    const handler = this.handlers.get(event);
    if (handler) handler(payload);
    else this.received.push({ event, payload });
  }
  ask(event: string, payload: unknown): Promise<any> {
    return this.transport.request(this, event, payload);
  }
  /** The latest payload of an event, once the broadcaster has flushed (it coalesces). */
  async latest(event: string, where: (payload: any) => boolean = () => true): Promise<any> {
    for (let i = 0; i < 100; i++) {
      const hit = this.received.filter((r) => r.event === event && where(r.payload)).at(-1);
      if (hit) return hit.payload;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no ${event} for ${this.id}`);
  }
}

