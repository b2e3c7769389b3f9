import { memo } from 'react';
import type { TruthNode } from '@/shared/game/screen-view';
import type { RoleTable } from '@/shared/rules/module';
import { lookOf, PALETTE } from './look';
import { nameChars, WORDS, type Box, type Detail, type LabelSide, type Point } from './ring-layout';

type Props = {
  node: TruthNode;
  roles: RoleTable;
  detail: Detail;
  /** Where the ring layout put the words (ring-layout.ts proves no two boxes, and no box and node, overlap). */
  box: Box;
  side: LabelSide;
  /** The node's centre: the words glide with it when a partition moves it (as NodeGlyph does). */
  at: Point;
  stale: boolean;
};

/**
 * A node's words (name, role, facts) inside the box the layout gave them. Drawn after the
 * messages, with a dark halo, so a message flying past never hides a word (issue 8); a
 * pill that would cross the box shrinks to a dot (flight-geometry.ts).
 */
export const NodeWords = memo(function NodeWords({ node, roles, detail, box, side, at, stale }: Props) {
  const words = WORDS[detail];
  if (words.word === 0) return null;
  const look = lookOf(node, roles);
  const { prefix, word } = splitRole(stale ? `STALE ${look.word}` : look.word);
  const anchor = side === 'right' ? 'start' : side === 'left' ? 'end' : 'middle';
  const x = (side === 'right' ? box.x : side === 'left' ? box.x + box.width : box.x + box.width / 2) - at.x;
  const lines: { text: string; size: number; weight: number; fill: string; spacing?: number }[] = [];
  if (words.name > 0) lines.push({ text: cut(node.nickname, nameChars(detail)), size: words.name, weight: 700, fill: PALETTE.foam });
  const roleFill = stale ? PALETTE.coral : look.stroke;
  // An offline phone is said on the prefix line too (a badge beside the node would reach the neighbours' words).
  const before = [node.online ? null : 'OFFLINE', prefix].filter(Boolean).join(' ');
  if (before) lines.push({ text: before, size: words.word, weight: 900, fill: prefix ? roleFill : PALETTE.mist, spacing: 1.5 });
  lines.push({ text: word, size: words.word, weight: 900, fill: roleFill, spacing: 1.5 });
  if (words.info > 0) lines.push({ text: cut(node.info, 24), size: words.info, weight: 400, fill: PALETTE.mist });
  let y = box.y - at.y;
  return (
    <g data-testid="node-words" data-label={node.label} textAnchor={anchor} stroke={PALETTE.abyss} strokeWidth={8} strokeLinejoin="round" paintOrder="stroke" style={{ transform: `translate(${at.x}px, ${at.y}px)`, transition: 'transform 600ms ease' }}>
      {lines.map((line, i) => {
        y += line.size + (i > 0 ? 4 : 0);
        return (
          <text key={i} x={x} y={y} fontSize={line.size} fontWeight={line.weight} letterSpacing={line.spacing} fill={line.fill}>
            {line.text}
          </text>
        );
      })}
    </g>
  );
});

/** "PAUSED CANDIDATE" -> PAUSED over CANDIDATE: a line is never longer than the longest role word (ring-layout.ts sizes for it). */
export function splitRole(roleWord: string): { prefix: string | null; word: string } {
  const match = /^((?:STALE |PAUSED )+)(.+)$/.exec(roleWord);
  return match ? { prefix: match[1]!.trim(), word: match[2]! } : { prefix: null, word: roleWord };
}

/** Longer words would reach a neighbour (ring-layout.ts sizes the ring for this many characters). */
const cut = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);
