import type { TruthMessage } from '@/shared/game/screen-view';
import { kindLook, PALETTE } from './look';
import { lerp, type Point } from './ring-layout';

type Props = {
  message: TruthMessage;
  from: Point;
  to: Point;
  /** Estimated room time now. */
  now: number;
  /** Pill font size (0: a dot only, for crowded rings). */
  fontSize: number;
  /** How far from each end's centre the trip starts and stops, so pills never hide a node's label. */
  trim: number;
  /** Label of the sender and receiver, for the accessible name and the host's Drop. */
  names: { from: string; to: string };
  onSelect?: () => void;
};

/**
 * A message travelling along its link: sentAt -> deliverAt, interpolated with the room
 * time. Messages are nudged to the left of their direction so a request and its reply on
 * the same link do not sit on top of each other. A lost message fades out in red.
 */
export function MessageFlight({ message, from: start, to: end, now, fontSize, trim, names, onSelect }: Props) {
  const span = Math.max(1, message.deliverAt - message.sentAt);
  const progress = Math.max(0, Math.min(1, (now - message.sentAt) / span));
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy) || 1;
  const cut = Math.min(trim, length * 0.35);
  const from = { x: start.x + (dx / length) * cut, y: start.y + (dy / length) * cut };
  const to = { x: end.x - (dx / length) * cut, y: end.y - (dy / length) * cut };
  const nudge = Math.max(10, fontSize * 0.7);
  const at = lerp(from, to, progress);
  const x = at.x + (dy / length) * nudge;
  const y = at.y - (dx / length) * nudge;
  const look = kindLook(message);
  const colour = message.lost ? PALETTE.coral : look.colour;
  const label = message.lost ? `${look.label} ✗` : look.label;
  const opacity = message.lost ? Math.max(0.25, 1 - progress * 0.75) : 1;
  const name = `${message.kind} from ${names.from} to ${names.to}${message.lost ? ' (lost)' : ''}`;
  const interactive = onSelect
    ? { role: 'button', tabIndex: 0, 'aria-label': `Message ${name}`, onClick: onSelect, style: { cursor: 'pointer' } }
    : {};

  if (fontSize === 0) {
    return (
      <g transform={`translate(${x}, ${y})`} opacity={opacity} data-testid="message-in-flight" {...interactive}>
        <title>{name}</title>
        <circle r={9} fill={colour} stroke={PALETTE.abyss} strokeWidth={3} />
      </g>
    );
  }
  const width = label.length * fontSize * 0.6 + fontSize * 0.9;
  const height = fontSize * 1.45;
  return (
    <g transform={`translate(${x}, ${y})`} opacity={opacity} data-testid="message-in-flight" data-kind={message.kind} {...interactive}>
      <title>{name}</title>
      <rect x={-width / 2} y={-height / 2} width={width} height={height} rx={height / 2} fill={colour} stroke={PALETTE.abyss} strokeWidth={3} strokeDasharray={message.lost ? '6 5' : undefined} />
      <text fontSize={fontSize} fontWeight={800} textAnchor="middle" dominantBaseline="central" fill={PALETTE.abyss}>
        {label}
      </text>
    </g>
  );
}
