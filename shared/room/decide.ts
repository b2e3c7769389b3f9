/**
 * decideRoom: may this command happen, and which facts does it produce?
 * Pure: the same state and command always give the same answer. A refusal produces
 * no events, so a refused command leaves no trace in the log.
 */
import { accepted, refuseAdmin, refused, type Decision as DecisionOf, type RefusalCode } from '../rules/refusal';
import type { CreateRoom, FillWithBots, JoinRoom, KickNode, LockRoom, RoomCommand, UnlockRoom } from './commands';
import type { RoomEvent } from './events';
import { checkNickname } from './nickname';
import { nicknameSkeleton } from './nickname-skeleton';
import { checkHost } from './seats';
import { activeSeats, MAX_SEATS, type MaybeRoom, type RoomState } from './state';

export type Decision = DecisionOf<RoomEvent>;

export function decideRoom(state: MaybeRoom, command: RoomCommand): Decision {
  if (command.type === 'CreateRoom') return decideCreate(state, command);
  if (state === null) return refuse('unknown-room', 'There is no class with that code. Check the code on the board.');
  switch (command.type) {
    case 'JoinRoom':
      return decideJoin(state, command);
    case 'FillWithBots':
      return decideFill(state, command);
    case 'KickNode':
      return decideKick(state, command);
    case 'LockRoom':
      return decideLock(state, command);
    case 'UnlockRoom':
      return decideUnlock(state, command);
    default:
      return assertNever(command);
  }
}

function decideCreate(state: MaybeRoom, command: CreateRoom): Decision {
  if (state !== null) return refuse('room-exists', 'A class with this code already exists.');
  const { at, code, hostTokenHash } = command;
  return accept({ type: 'RoomCreated', at, code, hostTokenHash });
}

function decideJoin(state: RoomState, command: JoinRoom): Decision {
  if (state.locked) return refuse('room-locked', 'The teacher has locked this class: no new students can join right now.');
  // Only seats in use count: a kicked seat frees its place (issue 9, finding 3), though
  // its record stays so the kicked token keeps being refused.
  const cap = command.maxSeats ?? MAX_SEATS;
  if (activeSeats(state).length >= cap) return refuse('room-full', `This class is full (${cap} seats).`);
  const checked = checkNickname(command.nickname);
  if (!checked.ok) return refused(checked.refusal);
  // Look-alikes are duplicates (issue 9, finding 5): compare confusable skeletons.
  const wanted = nicknameSkeleton(checked.nickname);
  if (activeSeats(state).some((seat) => nicknameSkeleton(seat.nickname) === wanted)) {
    return refuse('nickname-taken', `Someone in this class is already called "${checked.nickname}" (or a name that looks just like it). Add an initial or pick another name.`);
  }
  return accept({
    type: 'NodeJoined',
    at: command.at,
    // Join order, never reused: a kicked node's id stays retired so logs stay unambiguous.
    nodeId: state.seats.length + 1,
    nickname: checked.nickname,
    seatTokenHash: command.seatTokenHash,
  });
}

function decideKick(state: RoomState, command: KickNode): Decision {
  const notHost = hostRefusal(state, command.hostTokenHash);
  if (notHost) return notHost;
  const seat = state.seats.find((s) => s.nodeId === command.nodeId);
  if (!seat) return refuse('unknown-node', `There is no node ${command.nodeId} in this class.`);
  if (seat.kicked) return refuse('node-already-kicked', `Node ${command.nodeId} has already been removed.`);
  return accept({ type: 'NodeKicked', at: command.at, nodeId: command.nodeId });
}

/** Bot names: famous people of computing, so a class reads "Bot Lamport" on the ring. */
const BOT_NAMES = ['Ada', 'Grace', 'Alan', 'Barbara', 'Leslie', 'Edsger', 'Radia', 'Donald', 'Frances', 'Ken'];

function decideFill(state: RoomState, command: FillWithBots): Decision {
  const notHost = hostRefusal(state, command.hostTokenHash);
  if (notHost) return notHost;
  const missing = Math.min(command.upTo, MAX_SEATS) - activeSeats(state).length;
  if (missing <= 0) return refuse('already-filled', `The class already has ${activeSeats(state).length} players: no bot is needed.`);
  const taken = new Set(state.seats.map((s) => s.nickname.toLocaleLowerCase()));
  const events: RoomEvent[] = [];
  for (let i = 0; events.length < missing; i++) {
    const name = `Bot ${BOT_NAMES[i % BOT_NAMES.length]}${i >= BOT_NAMES.length ? ` ${Math.floor(i / BOT_NAMES.length) + 1}` : ''}`;
    if (taken.has(name.toLocaleLowerCase())) continue;
    events.push({ type: 'BotSeated', at: command.at, nodeId: state.seats.length + events.length + 1, nickname: name, temperament: command.temperament });
  }
  return accept(...events);
}

function decideLock(state: RoomState, command: LockRoom): Decision {
  const notHost = hostRefusal(state, command.hostTokenHash);
  if (notHost) return notHost;
  if (state.locked) return refuse('already-locked', 'The class is already locked.');
  return accept({ type: 'RoomLocked', at: command.at });
}

function decideUnlock(state: RoomState, command: UnlockRoom): Decision {
  const notHost = hostRefusal(state, command.hostTokenHash);
  if (notHost) return notHost;
  if (!state.locked) return refuse('already-unlocked', 'The class is already open.');
  return accept({ type: 'RoomUnlocked', at: command.at });
}

function hostRefusal(state: RoomState, hostTokenHash: string): Decision | null {
  const refusal = checkHost(state, hostTokenHash);
  return refusal ? refused(refusal) : null;
}

function accept(...events: RoomEvent[]): Decision {
  return accepted(...events);
}

function refuse(code: RefusalCode, message: string): Decision {
  return refused(refuseAdmin(code, message));
}

function assertNever(value: never): never {
  throw new Error(`Unhandled room command: ${JSON.stringify(value)}`);
}
