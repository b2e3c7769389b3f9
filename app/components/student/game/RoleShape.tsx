/**
 * A node drawn by its role: each role has its own shape (never colour alone), with the
 * node's label written inside. Crashed and paused nodes keep their shape, greyed or iced.
 */
import type { NodeStatus } from '@/shared/rules/types';
import type { RoleKey } from './node-summary';

const SHAPES: Record<RoleKey, string> = {
  // A five-pointed star: the captain.
  leader: 'M50 4 L61.8 35.5 L95.1 36.5 L69 57.5 L78.2 89.5 L50 71 L21.8 89.5 L31 57.5 L4.9 36.5 L38.2 35.5 Z',
  // A diamond: someone asking for votes / running an election.
  candidate: 'M50 4 L96 50 L50 96 L4 50 Z',
  precandidate: 'M50 4 L96 50 L50 96 L4 50 Z',
  electing: 'M50 4 L96 50 L50 96 L4 50 Z',
  // A hexagon: waiting for a result.
  waiting: 'M27 8 L73 8 L96 50 L73 92 L27 92 L4 50 Z',
  // A shield: the lease holder, guarded by its token.
  holder: 'M50 4 L92 18 L88 58 Q80 84 50 96 Q20 84 12 58 L8 18 Z',
  // A circle: an ordinary crew member.
  follower: 'M50 6 A44 44 0 1 1 49.9 6 Z',
  idle: 'M50 6 A44 44 0 1 1 49.9 6 Z',
};

const COLOURS: Record<RoleKey, { fill: string; text: string }> = {
  leader: { fill: 'fill-brass', text: 'fill-abyss' },
  holder: { fill: 'fill-brass', text: 'fill-abyss' },
  candidate: { fill: 'fill-sky-400', text: 'fill-abyss' },
  precandidate: { fill: 'fill-sky-400/40', text: 'fill-foam' },
  electing: { fill: 'fill-sky-400', text: 'fill-abyss' },
  waiting: { fill: 'fill-violet-300', text: 'fill-abyss' },
  follower: { fill: 'fill-foam', text: 'fill-abyss' },
  idle: { fill: 'fill-mist/40', text: 'fill-foam' },
};

/** Text colour matching the role, for labels next to the shape. */
export const ROLE_TEXT: Record<RoleKey, string> = {
  leader: 'text-brass',
  holder: 'text-brass',
  candidate: 'text-sky-300',
  precandidate: 'text-sky-300',
  electing: 'text-sky-300',
  waiting: 'text-violet-300',
  follower: 'text-foam',
  idle: 'text-mist',
};

export function RoleShape({ role, label, status = 'live', className = 'size-24' }: { role: RoleKey; label: string; status?: NodeStatus; className?: string }) {
  const colours = status === 'crashed' ? { fill: 'fill-slate-600', text: 'fill-slate-300' } : status === 'paused' ? { fill: 'fill-cyan-100', text: 'fill-abyss' } : COLOURS[role];
  const dashed = role === 'precandidate' && status === 'live';
  const fontSize = label.length > 2 ? 26 : label.length > 1 ? 34 : 42;
  return (
    <svg viewBox="0 0 100 100" className={className} aria-hidden>
      <path d={SHAPES[role]} className={colours.fill} stroke={dashed ? 'currentColor' : 'none'} strokeWidth={dashed ? 4 : 0} strokeDasharray={dashed ? '8 6' : undefined} />
      <text x="50" y={role === 'leader' ? 60 : 52} textAnchor="middle" dominantBaseline="central" fontSize={fontSize} fontWeight={900} className={colours.text}>
        {label}
      </text>
      {status === 'crashed' ? <path d="M22 22 L78 78 M78 22 L22 78" stroke="#ef5b5b" strokeWidth={8} strokeLinecap="round" /> : null}
    </svg>
  );
}
