/**
 * How the cluster looks: every role has a shape, a word and a colour (never colour
 * alone, so a colour-blind student or a washed-out projector still tells a leader from a
 * candidate), and every message kind a short label and a colour.
 */
import type { NodeRole, TruthNode } from '@/shared/game/screen-view';

export type Shape = 'crown' | 'diamond' | 'circle' | 'square' | 'warning';

export interface Look {
  shape: Shape;
  /** The word under the node, in capitals on the projector. */
  word: string;
  fill: string;
  stroke: string;
  /** Text colour on the fill. */
  ink: string;
  dashed?: boolean;
}

export const PALETTE = {
  brass: '#f5b82e',
  coral: '#ef5b5b',
  kelp: '#3ccf91',
  wave: '#1f7fb8',
  foam: '#e8f4fb',
  mist: '#a9c4dc',
  navy: '#0b1f3a',
  deck: '#13305a',
  abyss: '#06142b',
  amber: '#ff9f43',
  ice: '#8fe3ff',
  violet: '#b892ff',
  grey: '#5d6b7c',
} as const;

const ROLE_LOOKS: Record<NodeRole, Look> = {
  leader: { shape: 'crown', word: 'LEADER', fill: PALETTE.brass, stroke: '#fff3cf', ink: PALETTE.abyss },
  holder: { shape: 'crown', word: 'HOLDER', fill: PALETTE.brass, stroke: '#fff3cf', ink: PALETTE.abyss },
  candidate: { shape: 'diamond', word: 'CANDIDATE', fill: PALETTE.amber, stroke: '#ffe0bf', ink: PALETTE.abyss },
  precandidate: { shape: 'diamond', word: 'PRE-VOTE', fill: PALETTE.navy, stroke: PALETTE.amber, ink: PALETTE.amber, dashed: true },
  electing: { shape: 'diamond', word: 'ELECTING', fill: PALETTE.amber, stroke: '#ffe0bf', ink: PALETTE.abyss },
  waiting: { shape: 'square', word: 'WAITING', fill: PALETTE.deck, stroke: PALETTE.amber, ink: PALETTE.foam },
  follower: { shape: 'circle', word: 'FOLLOWER', fill: PALETTE.wave, stroke: '#9fd3f2', ink: PALETTE.foam },
  idle: { shape: 'circle', word: 'IDLE', fill: PALETTE.wave, stroke: '#9fd3f2', ink: PALETTE.foam },
};

/** A Lease client that believes it leads without holding the lock: the dangerous one. */
const STALE_LEADER: Look = { shape: 'warning', word: 'THINKS IT LEADS', fill: '#4a1420', stroke: PALETTE.coral, ink: PALETTE.coral, dashed: true };
const CRASHED: Look = { shape: 'circle', word: 'DOWN', fill: '#262f3b', stroke: PALETTE.grey, ink: '#8793a3' };

/** The look of a node: its status (down, frozen) first, then its role. */
export function lookOf(node: TruthNode, algorithm: string): Look {
  if (node.status === 'crashed') return { ...CRASHED, shape: ROLE_LOOKS[node.role].shape === 'crown' ? 'crown' : 'circle' };
  const role = ROLE_LOOKS[node.role];
  const base = algorithm === 'lease' && node.role === 'leader' ? STALE_LEADER : algorithm === 'bully' && node.role === 'leader' ? { ...role, word: 'COORDINATOR' } : role;
  // Paused keeps its role word (a paused leader is still a leader, it just cannot act).
  const pausedWord = base.word === 'FOLLOWER' || base.word === 'IDLE' ? 'PAUSED' : `PAUSED ${base.word}`;
  if (node.status === 'paused') return { ...base, word: pausedWord, fill: '#173b52', stroke: PALETTE.ice, ink: PALETTE.ice, dashed: true };
  return base;
}

export interface KindLook {
  label: string;
  colour: string;
}

/** Short labels: a pill in flight must fit a few letters, readable at a distance. */
const KINDS: Record<string, KindLook> = {
  RequestVote: { label: 'Vote?', colour: PALETTE.amber },
  VoteReply: { label: 'Vote', colour: PALETTE.kelp },
  PreVoteRequest: { label: 'PreVote?', colour: PALETTE.amber },
  PreVoteReply: { label: 'PreVote', colour: PALETTE.kelp },
  AppendEntries: { label: 'Append', colour: PALETTE.ice },
  AppendReply: { label: 'Ack', colour: PALETTE.mist },
  ELECTION: { label: 'ELECTION', colour: PALETTE.amber },
  ANSWER: { label: 'ANSWER', colour: PALETTE.kelp },
  COORDINATOR: { label: 'COORD', colour: PALETTE.brass },
  ALIVE: { label: 'ALIVE', colour: PALETTE.ice },
  LeaseAcquire: { label: 'Acquire', colour: PALETTE.brass },
  LeaseRenew: { label: 'Renew', colour: PALETTE.brass },
  LeaseRelease: { label: 'Release', colour: PALETTE.mist },
  LeaseGrant: { label: 'Grant', colour: PALETTE.kelp },
  LeaseReleaseAck: { label: 'Released', colour: PALETTE.mist },
  LeaseRefusal: { label: 'Refused', colour: PALETTE.coral },
  StorageWrite: { label: 'Write', colour: PALETTE.violet },
  StorageAck: { label: 'Written', colour: PALETTE.violet },
  StorageRefusal: { label: 'Write ✗', colour: PALETTE.coral },
};

export function kindLook(kind: string): KindLook {
  return KINDS[kind] ?? { label: kind.slice(0, 8), colour: PALETTE.mist };
}

/** "2x", "0.5x", "+5 s", "2x +5 s": the node's clock if it differs from the room's. */
export function skewText(clock: TruthNode['clock']): string | null {
  const parts: string[] = [];
  if (clock.rate !== 1) parts.push(`${clock.rate}x`);
  if (Math.abs(clock.driftMs) >= 500) parts.push(`${clock.driftMs > 0 ? '+' : '−'}${seconds(Math.abs(clock.driftMs))}`);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Milliseconds as "4 s", "12.5 s" or "2 min 5 s": short and spoken-like. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  if (s >= 120) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${s >= 10 || Number.isInteger(s) ? Math.round(s) : s.toFixed(1)} s`;
}

/** Room time as a clock face "03:27" for the ticker. */
export function clockFace(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The legend under the ring: each shape with its word, for the roles this algorithm has. */
export function legendFor(algorithm: string): { look: Look; word: string }[] {
  const pick = (role: NodeRole, word?: string) => ({ look: ROLE_LOOKS[role], word: word ?? ROLE_LOOKS[role].word });
  const common = [{ look: CRASHED, word: 'DOWN' }, { look: { ...ROLE_LOOKS.follower, fill: '#173b52', stroke: PALETTE.ice, ink: PALETTE.ice, dashed: true }, word: 'PAUSED' }];
  if (algorithm === 'bully') return [pick('leader', 'COORDINATOR'), pick('electing'), pick('waiting'), pick('follower'), ...common];
  if (algorithm === 'lease') return [pick('holder'), { look: STALE_LEADER, word: 'THINKS IT LEADS' }, pick('idle'), ...common];
  return [pick('leader'), pick('candidate'), pick('precandidate'), pick('follower'), ...common];
}

export const ALGORITHM_NAMES: Record<string, string> = { raft: 'Raft', bully: 'Bully', lease: 'Lease' };
