/**
 * How the cluster looks: every role has a shape, a word and a colour (never colour
 * alone, so a colour-blind student or a washed-out projector still tells a leader from a
 * candidate), and every message kind a short label and a colour. The roles come from the
 * algorithm's role table (shared/rules/<name>/module.ts, sent in every view): the phone
 * and the projector draw the same role the same way.
 */
import type { TruthMessage, TruthNode } from '@/shared/game/screen-view';
import type { RoleColour, RoleLook, RoleShape, RoleTable, TeamWords } from '@/shared/rules/module';

export type Shape = RoleShape;

/** What the screens need to draw an algorithm's nodes: its role table and its team words (both in the view). */
export type ScreenLook = { roles: RoleTable; words: TeamWords };

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

/** The paint of each colour name of the role tables. */
const PAINT: Record<RoleColour, Pick<Look, 'fill' | 'stroke' | 'ink'>> = {
  brass: { fill: PALETTE.brass, stroke: '#fff3cf', ink: PALETTE.abyss },
  amber: { fill: PALETTE.amber, stroke: '#ffe0bf', ink: PALETTE.abyss },
  ember: { fill: PALETTE.navy, stroke: PALETTE.amber, ink: PALETTE.amber },
  dusk: { fill: PALETTE.deck, stroke: PALETTE.amber, ink: PALETTE.foam },
  wave: { fill: PALETTE.wave, stroke: '#9fd3f2', ink: PALETTE.foam },
  alarm: { fill: '#4a1420', stroke: PALETTE.coral, ink: PALETTE.coral },
};

/** Text in the role's colour, readable on the navy card (the phone's role word). */
const ACCENT: Record<RoleColour, string> = {
  brass: PALETTE.brass, amber: PALETTE.amber, ember: PALETTE.amber, dusk: PALETTE.amber, wave: '#9fd3f2', alarm: PALETTE.coral,
};

export function roleAccent(roles: RoleTable, role: string): string {
  return ACCENT[(roles[role] ?? UNKNOWN).colour];
}

const CRASHED: Look = { shape: 'circle', word: 'DOWN', fill: '#262f3b', stroke: PALETTE.grey, ink: '#8793a3' };
const UNKNOWN: RoleLook = { word: '?', shape: 'circle', colour: 'wave' };

/** A role's look from the table: its shape, its colour's paint, its word in capitals. */
export function roleLook(roles: RoleTable, role: string): Look {
  const entry = roles[role] ?? UNKNOWN;
  return { shape: entry.shape, word: entry.word.toUpperCase(), ...PAINT[entry.colour], dashed: entry.dashed };
}

/** Paused keeps its role word (a paused leader is still a leader, it just cannot act). */
function pausedLook(base: Look, plain: boolean): Look {
  return { ...base, word: plain ? 'PAUSED' : `PAUSED ${base.word}`, fill: '#173b52', stroke: PALETTE.ice, ink: PALETTE.ice, dashed: true };
}

/** The look of a node: its status (down, frozen) first, then its role. */
export function lookOf(node: Pick<TruthNode, 'status' | 'role'>, roles: RoleTable): Look {
  const base = roleLook(roles, node.role);
  if (node.status === 'crashed') return { ...CRASHED, shape: base.shape === 'crown' ? 'crown' : 'circle' };
  if (node.status === 'paused') return pausedLook(base, roles[node.role]?.plain ?? false);
  return base;
}

export interface KindLook {
  label: string;
  colour: string;
}

/** A message pill: the label and colour name the view carries, in paint. */
export function kindLook(message: Pick<TruthMessage, 'label' | 'colour'>): KindLook {
  return { label: message.label, colour: PALETTE[message.colour] };
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

/** The legend under the ring: each shape with its word, for the roles this algorithm lists. */
export function legendFor(roles: RoleTable, legend: string[]): { look: Look; word: string }[] {
  const plain = legend.find((role) => roles[role]?.plain) ?? legend[legend.length - 1] ?? '';
  const common = [{ look: CRASHED, word: 'DOWN' }, { look: pausedLook(roleLook(roles, plain), true), word: 'PAUSED' }];
  return [...legend.map((role) => ({ look: roleLook(roles, role), word: roleLook(roles, role).word })), ...common];
}
