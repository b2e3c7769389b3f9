import { describe, expect, it } from 'vitest';
import { defaultRoomSettings, readConfig, readRoomSettings } from '../../../server/config';

const env = (vars: Record<string, string> = {}) => vars as NodeJS.ProcessEnv;

describe('server settings from the environment', () => {
  it('defaults: 500 seats, idle after 10 minutes, logs kept 30 days, synchronous NORMAL, group commit on', () => {
    expect(readRoomSettings(env())).toEqual({ maxSeats: 500, idleMs: 600_000, retentionMs: 30 * 86_400_000, groupCommit: true, viewPatches: true });
    expect(readRoomSettings(env())).toEqual(defaultRoomSettings);
    expect(readConfig([], env()).synchronous).toBe('NORMAL');
  });
  it('reads MAX_SEATS, IDLE_MINUTES, RETENTION_DAYS, GROUP_COMMIT and SQLITE_SYNCHRONOUS', () => {
    expect(readRoomSettings(env({ MAX_SEATS: '40', IDLE_MINUTES: '1', RETENTION_DAYS: '0', GROUP_COMMIT: '0', VIEW_PATCHES: '0' }))).toEqual({ maxSeats: 40, idleMs: 60_000, retentionMs: 0, groupCommit: false, viewPatches: false });
    expect(readConfig([], env({ SQLITE_SYNCHRONOUS: 'full' })).synchronous).toBe('FULL');
  });
  it.each([
    ['MAX_SEATS', 'lots'],
    ['MAX_SEATS', '1'],
    ['IDLE_MINUTES', '-5'],
    ['RETENTION_DAYS', 'Infinity'],
  ])('a malformed %s=%s stops the server with a message', (name, value) => {
    expect(() => readRoomSettings(env({ [name]: value }))).toThrow(name);
  });
  it('a malformed SQLITE_SYNCHRONOUS stops the server with a message', () => {
    expect(() => readConfig([], env({ SQLITE_SYNCHRONOUS: 'OFF' }))).toThrow('SQLITE_SYNCHRONOUS');
  });
});
