/**
 * The host's round commands: start, end, the room clock and faults. Each presents the
 * host token this browser holds (never a URL) and resolves with the server's ack, so the
 * panel can show a refusal in the server's own words.
 */
'use client';

import type { Ack, ClientRequest } from '@/shared/protocol';
import { request } from './connection';
import { loadHostToken } from './storage';

const noToken = { ok: false as const, refusal: { code: 'no-host-token' as const, message: 'This browser does not hold the host key for this class.' } };

export type RoundSetup = Omit<ClientRequest<'host:round:start'>, 'code' | 'hostToken'>;
/** A fault as the wire carries it (the cluster fills in the rest). */
export type FaultRequest = ClientRequest<'host:fault'>['fault'];

function withToken<T>(code: string, send: (hostToken: string) => Promise<T>): Promise<T | typeof noToken> {
  const hostToken = loadHostToken(code);
  return hostToken ? send(hostToken) : Promise.resolve(noToken);
}

export function startRound(code: string, setup: RoundSetup): Promise<Ack<'host:round:start'>> {
  return withToken(code, (hostToken) => request('host:round:start', { code, hostToken, ...setup }));
}

export function endRound(code: string): Promise<Ack<'host:round:end'>> {
  return withToken(code, (hostToken) => request('host:round:end', { code, hostToken }));
}

export type ClockAction = { action: 'pause' } | { action: 'resume' } | { action: 'step'; stepMs: number } | { action: 'rate'; rate: number };

export function setClock(code: string, clock: ClockAction): Promise<Ack<'host:clock'>> {
  return withToken(code, (hostToken) => request('host:clock', { code, hostToken, ...clock }));
}

export function injectFault(code: string, team: number, fault: FaultRequest): Promise<Ack<'host:fault'>> {
  return withToken(code, (hostToken) => request('host:fault', { code, hostToken, team, fault }));
}

/** Story mode: one click sets up the story's round and plays its first beat. */
export function startStory(code: string, story: string): Promise<Ack<'host:story:start'>> {
  return withToken(code, (hostToken) => request('host:story:start', { code, hostToken, story }));
}

export type StoryAction = ClientRequest<'host:story:beat'>['action'];

export function storyBeat(code: string, action: StoryAction): Promise<Ack<'host:story:beat'>> {
  return withToken(code, (hostToken) => request('host:story:beat', { code, hostToken, action }));
}

/** The scores switch (SPEC S11). */
export function setScores(code: string, on: boolean): Promise<Ack<'host:scores'>> {
  return withToken(code, (hostToken) => request('host:scores', { code, hostToken, on }));
}

export type ChallengeSetup = Omit<ClientRequest<'host:challenge:start'>, 'code' | 'hostToken'>;

/** Start or stop a challenge in the live round (SPEC K1, K6). */
export function startChallenge(code: string, setup: ChallengeSetup): Promise<Ack<'host:challenge:start'>> {
  return withToken(code, (hostToken) => request('host:challenge:start', { code, hostToken, ...setup }));
}

export function stopChallenge(code: string): Promise<Ack<'host:challenge:stop'>> {
  return withToken(code, (hostToken) => request('host:challenge:stop', { code, hostToken }));
}
