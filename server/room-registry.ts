/**
 * The rooms in memory: each is the fold of its log, kept next to the seq it has folded up
 * to. A room is loaded on first use (snapshot + the log after it, room-snapshots.ts) and
 * leaves memory when idle (evictIdle), so start-up and memory do not grow with history.
 * One command at a time per room (Node is single-threaded and the store is synchronous):
 * decide, append, evolve, then tell the broadcaster.
 */
import { decideRoom, type Decision } from '../shared/room/decide';
import type { RoomEvent } from '../shared/room/events';
import { evolveRoom } from '../shared/room/evolve';
import type { RoomCommand } from '../shared/room/commands';
import type { MaybeRoom, RoomState } from '../shared/room/state';
import type { EventStore, LogSource, StoredEvent, StoredText } from './event-store';
import { decideGame, type GameDecision } from '../shared/game/decide';
import type { GameCommand } from '../shared/game/commands';
import { newRoomCode } from './secrets';
import { refuseAdmin, refused } from '../shared/rules/refusal';
import { RoomCatalog } from './room-catalog';
import { loadRoom, saveSnapshot, SNAPSHOT_EVERY, toNewEvent } from './room-snapshots';
import { GroupCommit } from './group-commit';

type LiveRoom = { state: RoomState; seq: number; snapshotSeq: number; idleSince: number | null };

/** A round left running with nobody connected this long leaves memory too (as on a restart). */
const ABANDONED_ROUND_MS = 60 * 60_000;

export type IdleRule = { idleMs: number; now: number; isConnected: (code: string) => boolean };
/** `groupCommit`: the game's commands of one event-loop turn share one transaction (group-commit.ts). */
export type RegistryOptions = { groupCommit?: boolean };

export class RoomRegistry {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly listeners: Array<(code: string, events: readonly RoomEvent[]) => void> = [];
  private readonly loadListeners: Array<(code: string, state: RoomState) => void> = [];
  private readonly leaveListeners: Array<(code: string) => void> = [];
  private readonly deleteListeners: Array<(code: string) => void> = [];
  readonly catalog: RoomCatalog;
  private readonly group: GroupCommit | null;

  constructor(
    private readonly store: EventStore,
    { groupCommit = false }: RegistryOptions = {},
  ) {
    this.catalog = new RoomCatalog(store);
    this.group = groupCommit
      ? new GroupCommit(store, (codes, error) => {
          console.error(`[log] could not write the events of ${codes.join(', ')}; they reload from the log`, error);
          for (const code of codes) if (this.rooms.has(code)) this.leave(code);
        })
      : null;
  }

  /** A registry over a store. Nothing is folded yet: rooms load on first use. */
  static load(store: EventStore, options: RegistryOptions = {}): RoomRegistry {
    return new RoomRegistry(store, options);
  }

  /**
   * Runs `fn(true)` once every event appended so far is durable (at once without group
   * commit): an answer sent from here never tells of a fact a restart would forget.
   */
  whenDurable(fn: (durable: boolean) => void): void {
    if (this.group) this.group.whenDurable(fn);
    else fn(true);
  }

  /**
   * Runs `fn` at the end of this turn, after the answers of this turn's write left (the
   * broadcaster's views: they follow their acks in the same turn); without group commit,
   * at the end of the turn (setImmediate), as before.
   */
  endOfTurn(fn: () => void): void {
    if (this.group) this.group.afterAnswers(fn);
    else setImmediate(fn);
  }

  /** Writes the events waiting for the end of this turn now (before reading the log, evicting, closing). */
  flush(): void {
    this.group?.flush();
  }

  /** Rooms in memory now. */
  get size(): number {
    return this.rooms.size;
  }

  /** The room, loading it from disk if it is not in memory. */
  get(code: string): RoomState | undefined {
    return this.live(code)?.state;
  }

  /** The room only if it is in memory: for work that must not bring a room back (views, presence). */
  peek(code: string): RoomState | undefined {
    return this.rooms.get(code)?.state;
  }

  isInMemory(code: string): boolean {
    return this.rooms.has(code);
  }

  /** Called after events are durably appended and folded (the broadcaster listens). */
  onChange(listener: (code: string, events: readonly RoomEvent[]) => void): void {
    this.listeners.push(listener);
  }

  /** Called when a room is loaded from disk (at start-up or on first use after eviction). */
  onLoad(listener: (code: string, state: RoomState) => void): void {
    this.loadListeners.push(listener);
  }

  /**
   * Called when a room is deleted for good, BEFORE its log goes: what refers to the room
   * elsewhere (published replay links) is removed first, so a crash in between never
   * leaves a reference to a code a new class may get.
   */
  onDelete(listener: (code: string) => void): void {
    this.deleteListeners.push(listener);
  }

  /** Called when a room leaves memory (evicted or deleted): drop what is kept beside it. */
  onLeave(listener: (code: string) => void): void {
    this.leaveListeners.push(listener);
  }

  /** Loads the rooms whose round was open when the server stopped, so their clocks run. */
  loadOpenRounds(): number {
    let loaded = 0;
    for (const code of this.catalog.withOpenRound()) if (this.live(code)) loaded += 1;
    return loaded;
  }

  /** A code no room uses, in memory or on disk. 10^9 codes make a collision rare; retry anyway. */
  freshCode(): string {
    for (;;) {
      const code = newRoomCode();
      if (!this.rooms.has(code) && !this.catalog.exists(code)) return code;
    }
  }

  /**
   * Runs a command against a room. The log is appended BEFORE the in-memory state moves
   * and before anyone is told, so nothing is ever broadcast that a restart would forget.
   */
  execute(code: string, command: RoomCommand): Decision {
    const live = this.live(code);
    const decision = decideRoom(live?.state ?? null, command);
    if (!decision.ok || decision.events.length === 0) return decision;
    this.commit(code, live, decision.events, true);
    return decision;
  }

  /**
   * Runs a game command. Unlike room commands, a refused player move still logs a fact
   * (MoveRefused, and the clock ticks that preceded it), so events and a refusal can
   * come together.
   */
  executeGame(code: string, command: GameCommand): GameDecision {
    const live = this.live(code);
    if (!live) return refused(refuseAdmin('unknown-room', 'There is no class with that code. Check the code on the board.'));
    const decision = decideGame(live.state, command);
    if (decision.events.length > 0) this.commit(code, live, decision.events, false);
    return decision;
  }

  /** Runs a decision made outside the command set (a fork from a replay), with the same append-first path. */
  executeDecided(code: string, decide: (state: RoomState) => GameDecision): GameDecision {
    const live = this.live(code);
    if (!live) return refused(refuseAdmin('unknown-room', 'There is no class with that code. Check the code on the board.'));
    const decision = decide(live.state);
    if (decision.events.length > 0) this.commit(code, live, decision.events, true);
    return decision;
  }

  /** The room's log with each payload as the JSON text stored (for exports). */
  logText(code: string): StoredText[] {
    this.flush();
    return this.live(code) ? this.store.readText(code) : [];
  }

  /**
   * The log's file, for the reader thread that answers exports and the first History off the
   * event loop (server/log-reader/). Call `flush` first: it reads only what is committed.
   */
  get logSource(): LogSource {
    return this.store;
  }

  /** The room's log as the store holds it (for History, export and replays). */
  log(code: string): StoredEvent[] {
    this.flush();
    return this.live(code) ? this.store.read(code) : [];
  }

  /**
   * Fold (pure, into a new value), append, then keep and tell: the log is the truth. With
   * group commit the state is kept at once (the next command decides on it) and the rows
   * are written at the end of this turn, or now when `durableNow` (room commands, forks:
   * rare, and answered as soon as they return); only then is anyone told.
   */
  private commit(code: string, live: LiveRoom | undefined, events: readonly RoomEvent[], durableNow: boolean): void {
    let state: MaybeRoom = live?.state ?? null;
    for (const event of events) state = evolveRoom(state, event);
    if (!state) throw new Error('A room fold produced no room');
    const openRound = Boolean(state.round && !state.round.ended);
    const expectedSeq = live?.seq ?? 0;
    const next: LiveRoom = { state, seq: expectedSeq + events.length, snapshotSeq: live?.snapshotSeq ?? 0, idleSince: null };
    const append = { room: code, expectedSeq, events: events.map(toNewEvent), note: { openRound } };
    if (!this.group) {
      this.store.append(append.room, append.expectedSeq, append.events, append.note);
      this.rooms.set(code, next);
      this.committed(code, next, events);
      return;
    }
    this.rooms.set(code, next);
    this.group.add({ ...append, done: () => this.committed(code, next, events) });
    if (durableNow && !this.group.flush()) throw new Error(`Room ${code}: the event log could not be written`);
  }

  /** The rows up to `live.seq` are durable: snapshot if due, then tell the listeners. */
  private committed(code: string, live: LiveRoom, events: readonly RoomEvent[]): void {
    // A snapshot bounds the next load's fold: every SNAPSHOT_EVERY events and at a round's end.
    const current = this.rooms.get(code);
    const since = Math.max(live.snapshotSeq, current?.snapshotSeq ?? 0);
    if (live.seq - since >= SNAPSHOT_EVERY || events.some((e) => e.type === 'RoundEnded')) {
      this.snapshot(code, live);
      if (current) current.snapshotSeq = Math.max(current.snapshotSeq, live.seq);
    }
    for (const listener of this.listeners) listener(code, events);
  }

  private snapshot(code: string, live: LiveRoom): void {
    saveSnapshot(this.catalog, code, live.state, live.seq);
    live.snapshotSeq = live.seq;
  }

  private live(code: string): LiveRoom | undefined {
    const known = this.rooms.get(code);
    if (known) return known;
    const loaded = loadRoom(this.store, this.catalog, code);
    if (!loaded) return undefined;
    const live: LiveRoom = { ...loaded, idleSince: null };
    this.rooms.set(code, live);
    for (const listener of this.loadListeners) listener(code, live.state);
    return live;
  }

  /** How far this room's log has come (changes with every appended fact). */
  seqOf(code: string): number {
    return this.live(code)?.seq ?? 0;
  }

  /** Codes of in-memory rooms whose round is being played (the tick loop visits these). */
  liveRounds(): string[] {
    const codes: string[] = [];
    for (const [code, live] of this.rooms) if (live.state.round && !live.state.round.ended) codes.push(code);
    return codes;
  }

  /**
   * Idle rooms leave memory: nobody connected and no running round for `idleMs` (a round
   * whose clock runs keeps its room, unless abandoned for an hour). The room is written
   * as a snapshot first, so its next load folds nothing. Returns the evicted codes.
   */
  evictIdle({ idleMs, now, isConnected }: IdleRule): string[] {
    this.flush(); // a snapshot is made only of durable state
    const evicted: string[] = [];
    for (const [code, live] of this.rooms) {
      if (isConnected(code)) {
        live.idleSince = null;
        continue;
      }
      live.idleSince ??= now;
      const round = live.state.round;
      const running = Boolean(round && !round.ended && round.clock.running);
      const idleFor = now - live.idleSince;
      if (idleFor < idleMs || (running && idleFor < idleMs + ABANDONED_ROUND_MS)) continue;
      if (live.seq > live.snapshotSeq) this.snapshot(code, live);
      this.leave(code);
      evicted.push(code);
    }
    return evicted;
  }

  /** "Delete this class": its log, snapshot and catalogue row go for good. */
  delete(code: string): boolean {
    this.flush();
    if (!this.live(code)) return false;
    for (const listener of this.deleteListeners) listener(code);
    this.catalog.deleteRoom(code);
    this.leave(code);
    return true;
  }

  /**
   * Retention: rooms last used before `cutoffAt` are deleted, except one someone is
   * connected to. At most `limit` per call, so a sweep never blocks the event loop long.
   */
  deleteUnusedSince(cutoffAt: number, isConnected: (code: string) => boolean, limit = 500): string[] {
    this.flush();
    const deleted: string[] = [];
    for (const code of this.catalog.lastUsedBefore(cutoffAt, limit)) {
      if (this.rooms.has(code) && isConnected(code)) continue;
      for (const listener of this.deleteListeners) listener(code);
      this.catalog.deleteRoom(code);
      if (this.rooms.has(code)) this.leave(code);
      deleted.push(code);
    }
    return deleted;
  }

  private leave(code: string): void {
    this.rooms.delete(code);
    this.store.forget(code);
    for (const listener of this.leaveListeners) listener(code);
  }
}
