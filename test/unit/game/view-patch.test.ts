/**
 * Watchers' views as patches (issue 12): what a projector rebuilds from one whole view
 * and the patches after it is exactly the view the server built each time (and it parses
 * with the protocol's schema); parts that did not change keep their identity; a patch that
 * does not follow what is held is refused, so the page asks for the whole view again.
 */
import { describe, expect, it } from 'vitest';
import { decideGame } from '../../../shared/game/decide';
import type { GameCommand } from '../../../shared/game/commands';
import { gameScreenView, type GameScreenView } from '../../../shared/game/screen-view';
import { applyViewPatch, followScreenView, heldFull, type HeldView } from '../../../shared/game/view-patch';
import type { ViewPatch } from '../../../shared/game/view-patch-schema';
import { serverEvents } from '../../../shared/protocol';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { ScreenPatches } from '../../../server/screen-patches';
import { HOST, T0, created, given, joined } from '../room/given';

function play(state: RoomState, command: GameCommand): RoomState {
  const decision = decideGame(state, command);
  return decision.events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, state);
}

/** A Raft round of ten in teams of five, moved by ticks and moves: the views a projector sees. */
function screens(): GameScreenView[] {
  let room = given(created(), ...Array.from({ length: 10 }, (_, i) => joined(i + 1, `S${i + 1}`)));
  room = play(room, { type: 'StartRound', at: T0 + 10, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-classroom', teamSize: 5, crashOnDisconnect: false, seed: 11 });
  const views: GameScreenView[] = [];
  const online = Array.from({ length: 10 }, (_, i) => i + 1);
  for (let t = 100; t <= 40_000; t += 100) {
    room = play(room, { type: 'TickRound', at: T0 + 10 + t, roomTime: t });
    if (t % 700 === 0) for (const nodeId of [1 + ((t / 700) % 10), 1 + ((t / 350) % 10)]) room = play(room, { type: 'PlayMove', at: T0 + 10 + t, roomTime: t, nodeId, move: { type: 'StandForElection' } });
    if (t % 900 === 0) room = play(room, { type: 'PlayMove', at: T0 + 10 + t, roomTime: t, nodeId: 1 + ((t / 900) % 10), move: { type: 'GrantVote', candidate: (t / 900) % 5 } });
    views.push(gameScreenView(room, t, online)!);
  }
  return views;
}

/** As the wire carries it. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('watcher views as patches', () => {
  it('one whole view then patches rebuild every view the server built, and each parses', () => {
    const server = new ScreenPatches(true);
    const received: Array<GameScreenView | null> = [];
    const handlers = new Map<string, (payload: unknown) => void>();
    followScreenView<GameScreenView>((event, handler) => handlers.set(event, handler), (view) => received.push(view));
    const built = screens();
    let patches = 0;
    let patchChars = 0;
    let fullChars = 0;
    for (const view of built) {
      const message = server.next('K7P3QX', view)!;
      patchChars += JSON.stringify(message.payload).length; // what was sent, patch or whole
      if (message.event === 'game:view:patch') {
        patches += 1;
        expect(serverEvents['game:view:patch'].safeParse(wire(message.payload)).success).toBe(true);
      }
      fullChars += JSON.stringify(view).length;
      handlers.get(message.event)!(wire(message.payload));
    }
    // Mostly patches; a whole view where a patch would be larger than half of it.
    expect(patches).toBeGreaterThan(built.length * 0.8);
    expect(received).toHaveLength(built.length);
    received.forEach((view, i) => expect(view).toEqual(wire(built[i])));
    expect(serverEvents['game:view'].safeParse(received.at(-1)).error?.issues ?? []).toEqual([]);
    // What the patches are for: far fewer bytes than the whole view every time.
    expect(patchChars).toBeLessThan(fullChars / 3);
  });

  it('a patch keeps the parts it does not touch: a team that did not change is the same object', () => {
    const [a, b] = screens().slice(50, 52) as [GameScreenView, GameScreenView];
    const server = new ScreenPatches(true);
    server.next('K7P3QX', a);
    const message = server.next('K7P3QX', b);
    const held = heldFull(wire(a));
    const after = applyViewPatch(held, wire(message!.payload) as ViewPatch)!;
    expect(after.view).toEqual(wire(b));
    expect(after.view!.roles).toBe(held.view!.roles);
  });

  it('a running timer that only ticked costs no operation: both sides count it down by the patch\'s countdownMs', () => {
    const built = screens();
    const [a, b] = built.slice(100, 102) as [GameScreenView, GameScreenView];
    const server = new ScreenPatches(true);
    server.next('K7P3QX', a);
    const patch = server.next('K7P3QX', b)!.payload as ViewPatch;
    expect(patch.countdownMs).toBe(b.clock.roomNow - a.clock.roomNow);
    const ticking = b.teams.flatMap((t) => t.nodes).filter((n) => n.timer && !n.clock.frozen && n.timer.remainingMs > 0).length;
    expect(ticking).toBeGreaterThan(0);
    expect(patch.ops.filter((op) => op.path.endsWith('/timer/remainingMs'))).toEqual([]);
    expect(applyViewPatch(heldFull(wire(a)), wire(patch))!.view).toEqual(wire(b));
  });

  it('a patch that does not follow what is held is refused (ask for the whole view); a new watcher gets the whole view', () => {
    const [a, b, c] = screens().slice(10, 13) as [GameScreenView, GameScreenView, GameScreenView];
    const server = new ScreenPatches(true);
    expect(server.next('K7P3QX', a)?.event).toBe('game:view');
    const first = server.next('K7P3QX', b)!.payload as ViewPatch;
    const second = server.next('K7P3QX', c)!.payload as ViewPatch;
    const held: HeldView<GameScreenView> = heldFull(wire(a));
    expect(applyViewPatch(held, second)).toBeNull(); // missed the first
    expect(applyViewPatch(null, first)).toBeNull(); // nothing held
    expect(applyViewPatch(held, first)?.patches).toBe(1);
    server.resend('K7P3QX');
    expect(server.next('K7P3QX', c)?.event).toBe('game:view');
    expect(new ScreenPatches(false).next('K7P3QX', c)?.event).toBe('game:view'); // VIEW_PATCHES=0
    // A change larger than half the whole view (here every team gained 20 KB) goes whole.
    expect(server.next('K7P3QX', { ...c, teams: c.teams.map((t) => ({ ...t, padding: 'x'.repeat(20_000) })) })?.event).toBe('game:view');
  });
});
