/**
 * The live rooms: each is the fold of its log, kept in memory next to the seq it has
 * folded up to. One command at a time per room (Node is single-threaded and the store
 * is synchronous): decide, append, evolve, then tell the broadcaster.
 */
import { decideRoom, type Decision } from '../shared/room/decide';
import { roomEventSchema, type RoomEvent } from '../shared/room/events';
import { evolveRoom } from '../shared/room/evolve';
import type { RoomCommand } from '../shared/room/commands';
import type { MaybeRoom, RoomState } from '../shared/room/state';
import type { EventStore, NewEvent, StoredEvent } from './event-store';
import { decideGame, type GameDecision } from '../shared/game/decide';
import type { GameCommand } from '../shared/game/commands';
import { newRoomCode } from './secrets';
import { refuseAdmin, refused } from '../shared/rules/refusal';

type LiveRoom = { state: RoomState; seq: number };

export class RoomRegistry {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly listeners: Array<(code: string, events: readonly RoomEvent[]) => void> = [];

  private constructor(private readonly store: EventStore) {}

  /** Rebuilds every room by replaying its log: a restart is just a replay. */
  static load(store: EventStore): RoomRegistry {
    const registry = new RoomRegistry(store);
    for (const code of store.rooms()) {
      let state: MaybeRoom = null;
      let seq = 0;
      for (const stored of store.read(code)) {
        state = evolveRoom(state, toRoomEvent(stored));
        seq = stored.seq;
      }
      if (state) registry.rooms.set(code, { state, seq });
    }
    return registry;
  }

  get size(): number {
    return this.rooms.size;
  }

  get(code: string): RoomState | undefined {
    return this.rooms.get(code)?.state;
  }

  /** Called after events are durably appended and folded (the broadcaster listens). */
  onChange(listener: (code: string, events: readonly RoomEvent[]) => void): void {
    this.listeners.push(listener);
  }

  /** A code no live room uses. 10^9 codes make a collision rare; retry anyway. */
  freshCode(): string {
    for (;;) {
      const code = newRoomCode();
      if (!this.rooms.has(code)) return code;
    }
  }

  /**
   * Runs a command against a room. The log is appended BEFORE the in-memory state moves
   * and before anyone is told, so nothing is ever broadcast that a restart would forget.
   */
  execute(code: string, command: RoomCommand): Decision {
    const live = this.rooms.get(code);
    const decision = decideRoom(live?.state ?? null, command);
    if (!decision.ok || decision.events.length === 0) return decision;

    this.commit(code, live, decision.events);
    return decision;
  }

  /**
   * Runs a game command. Unlike room commands, a refused player move still logs a fact
   * (MoveRefused, and the clock ticks that preceded it), so events and a refusal can
   * come together.
   */
  executeGame(code: string, command: GameCommand): GameDecision {
    const live = this.rooms.get(code);
    if (!live) return refused(refuseAdmin('unknown-room', 'There is no class with that code. Check the code on the board.'));
    const decision = decideGame(live.state, command);
    if (decision.events.length > 0) this.commit(code, live, decision.events);
    return decision;
  }

  /** Runs a decision made outside the command set (a fork from a replay), with the same append-first path. */
  executeDecided(code: string, decide: (state: RoomState) => GameDecision): GameDecision {
    const live = this.rooms.get(code);
    if (!live) return refused(refuseAdmin('unknown-room', 'There is no class with that code. Check the code on the board.'));
    const decision = decide(live.state);
    if (decision.events.length > 0) this.commit(code, live, decision.events);
    return decision;
  }

  /** The room's log as the store holds it (for History, export and replays). */
  log(code: string): StoredEvent[] {
    return this.rooms.has(code) ? this.store.read(code) : [];
  }

  /** Append first, then fold, then tell: the order that makes the log the truth. */
  private commit(code: string, live: LiveRoom | undefined, events: readonly RoomEvent[]): void {
    const seq = this.store.append(code, live?.seq ?? 0, events.map(toNewEvent));
    let state: MaybeRoom = live?.state ?? null;
    for (const event of events) state = evolveRoom(state, event);
    if (!state) throw new Error('A room fold produced no room');
    this.rooms.set(code, { state, seq });
    for (const listener of this.listeners) listener(code, events);
  }

  /** How far this room's log has come (changes with every appended fact). */
  seqOf(code: string): number {
    return this.rooms.get(code)?.seq ?? 0;
  }

  /** Codes of rooms whose round is being played (the tick loop visits these). */
  liveRounds(): string[] {
    const codes: string[] = [];
    for (const [code, live] of this.rooms) if (live.state.round && !live.state.round.ended) codes.push(code);
    return codes;
  }
}

/** The store's rows hold {type, at} in columns and the rest of the event as payload. */
function toNewEvent(event: RoomEvent): NewEvent {
  const { type, at, ...payload } = event;
  return { type, at, payload };
}

/** Parsing on replay means a damaged or hand-edited log fails loudly at start-up. */
function toRoomEvent(stored: StoredEvent): RoomEvent {
  return roomEventSchema.parse({ ...stored.payload, type: stored.type, at: stored.at });
}
