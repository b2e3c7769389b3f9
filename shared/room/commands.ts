/**
 * Commands: imperatives asking the room to change. The server fills in everything the
 * pure core may not produce itself: the time (`at`), the new room code, and the SHA-256
 * hashes of tokens it generated or received.
 */
import type { Temperament } from '../game/bot-policy';

export type CreateRoom = { type: 'CreateRoom'; at: number; code: string; hostTokenHash: string };

/** `maxSeats`: the server's configured cap (MAX_SEATS env); absent means the default. */
export type JoinRoom = { type: 'JoinRoom'; at: number; nickname: string; seatTokenHash: string; maxSeats?: number };

/** Host commands carry the hash of the token the caller presented; decide checks it. */
export type KickNode = { type: 'KickNode'; at: number; hostTokenHash: string; nodeId: number };
export type LockRoom = { type: 'LockRoom'; at: number; hostTokenHash: string };
export type UnlockRoom = { type: 'UnlockRoom'; at: number; hostTokenHash: string };

/** Seat bots until the class has `upTo` students and bots (SPEC AP4). */
export type FillWithBots = { type: 'FillWithBots'; at: number; hostTokenHash: string; upTo: number; temperament: Temperament };

export type RoomCommand = CreateRoom | JoinRoom | KickNode | LockRoom | UnlockRoom | FillWithBots;
