/**
 * Bots at the table (SPEC AP1-AP3): when the room clock reaches a bot's next look, it reads
 * its phone (the same GameSeatView a student's phone gets: its own node, its move pad),
 * its policy picks a move or waits, and the move goes through the very decision a
 * student's `seat:move` goes through (`play`), refused by the same rules. Its batch is
 * logged with cause "bot" (a refusal with `bot: true`), then a BotLooked fact records
 * when it looks next and its PRNG state, so a replay folds to the same room.
 */
import type { Decision } from '../rules/refusal';
import { chooseBotMove } from './bot-policy';
import type { PlayMove } from './commands';
import type { GameEvent } from './events';
import { evolveGame } from './evolve';
import type { GameRoom } from './room';
import { gameSeatView } from './seat-view';
import { algorithmModule } from '../rules/registry';

export type PlayDecision = (room: GameRoom, command: PlayMove) => Decision<GameEvent>;

/** Bots whose look is due at `roomTime`, in node order (so a replay meets them in the same order). */
function dueBots(room: GameRoom, roomTime: number): number[] {
  const bots = room.round?.bots ?? {};
  return Object.keys(bots).map(Number).filter((id) => bots[id]!.nextAt <= roomTime).sort((a, b) => a - b);
}

export function decideBots(room: GameRoom, at: number, roomTime: number, play: PlayDecision): GameEvent[] {
  const events: GameEvent[] = [];
  let current = room;
  const record = (event: GameEvent) => {
    events.push(event);
    current = evolveGame(current, event);
  };
  for (const nodeId of dueBots(room, roomTime)) {
    const mind = current.round!.bots[nodeId]!;
    const phone = gameSeatView(current, nodeId, roomTime);
    const hint = algorithmModule(current.round!.config.algorithm).bot;
    const extra = phone?.node && hint ? hint.duties(phone.node as never) : [];
    // Story mode: the bot follows the story's cue, like a student reading their phone.
    const story = phone?.story?.status === 'playing' ? { move: phone.story.cue?.move ?? null } : undefined;
    const choice = chooseBotMove(phone?.moves ?? [], mind.temperament, mind.rng, extra, story);
    let played: string | undefined;
    if (choice.move) {
      const decision = play(current, { type: 'PlayMove', at, roomTime, nodeId, move: choice.move });
      for (const event of decision.events) record(asBots(event));
      if (decision.ok) played = phone?.moves.find((m) => m.move.type === choice.move!.type && JSON.stringify({ ...m.move, value: undefined }) === JSON.stringify({ ...choice.move, value: undefined }))?.label;
    }
    record({ type: 'BotLooked', at, nodeId, nextAt: roomTime + choice.nextInMs, rng: choice.rng, ...(played && { played }) });
  }
  return events;
}

export { standInFor } from './stand-in';

/** The same facts a student's move produces, marked as a bot's. */
function asBots(event: GameEvent): GameEvent {
  if (event.type === 'ClusterEvents' && event.cause === 'move') return { ...event, cause: 'bot' };
  if (event.type === 'MoveRefused') return { ...event, bot: true };
  return event;
}
