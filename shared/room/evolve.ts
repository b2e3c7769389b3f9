/**
 * evolveRoom: apply one fact to the state. Total and pure; it never refuses, because
 * a fact in the log has already happened. A room is `events.reduce(evolveRoom, null)`.
 */
import { evolveGame } from '../game/evolve';
import type { RoomEvent } from './events';
import { BOT_TOKEN_HASH, type MaybeRoom, type RoomState } from './state';

export function evolveRoom(state: MaybeRoom, event: RoomEvent): MaybeRoom {
  if (event.type === 'RoomCreated') {
    return { code: event.code, createdAt: event.at, hostTokenHash: event.hostTokenHash, locked: false, seats: [], round: null, roundsPlayed: 0 };
  }
  if (state === null) throw new Error(`${event.type} before RoomCreated: the log is corrupt`);
  return evolveExisting(state, event);
}

function evolveExisting(state: RoomState, event: Exclude<RoomEvent, { type: 'RoomCreated' }>): RoomState {
  switch (event.type) {
    case 'NodeJoined':
      return {
        ...state,
        seats: [
          ...state.seats,
          { nodeId: event.nodeId, nickname: event.nickname, seatTokenHash: event.seatTokenHash, joinedAt: event.at, kicked: false },
        ],
      };
    case 'BotSeated':
      return {
        ...state,
        seats: [...state.seats, { nodeId: event.nodeId, nickname: event.nickname, seatTokenHash: BOT_TOKEN_HASH, joinedAt: event.at, kicked: false, bot: event.temperament }],
      };
    case 'NodeKicked':
      return {
        ...state,
        seats: state.seats.map((seat) => (seat.nodeId === event.nodeId ? { ...seat, kicked: true } : seat)),
      };
    case 'RoomLocked':
      return { ...state, locked: true };
    case 'RoomUnlocked':
      return { ...state, locked: false };
    case 'RoundStarted':
    case 'RoundClockSet':
    case 'ClusterEvents':
    case 'MoveRefused':
    case 'BotLooked':
    case 'BotTookOver':
    case 'BotHandedBack':
    case 'RoundEnded':
    case 'StoryStarted':
    case 'StoryBeatShown':
    case 'StoryFinished':
    case 'StoryStopped':
    case 'ChallengeStarted':
    case 'ChallengeEnded':
    case 'ScoresSwitched':
      return evolveGame(state, event);
    default:
      return assertNever(event);
  }
}

/** Replays a whole log: restart and replay are the same fold. */
export function foldRoom(events: readonly RoomEvent[]): MaybeRoom {
  return events.reduce<MaybeRoom>(evolveRoom, null);
}

function assertNever(value: never): never {
  throw new Error(`Unhandled room event: ${JSON.stringify(value)}`);
}
