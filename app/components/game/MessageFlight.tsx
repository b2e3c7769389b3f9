import type { TruthMessage } from '@/shared/game/screen-view';
import { flightShape, pillSize } from './flight-geometry';
import { kindLook, PALETTE } from './look';
import type { Box, Point } from './ring-layout';

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
  /** The nodes' word boxes: a pill that would cross one is drawn as a dot (flight-geometry.ts). */
  labels: readonly (Box | null)[];
  /** Label of the sender and receiver, for the accessible name and the host's Drop. */
  names: { from: string; to: string };
  onSelect?: () => void;
};

/**
 * A message travelling along its link: sentAt -> deliverAt, interpolated with the room
 * time (its place and shape: flight-geometry.ts). A lost message fades out in red.
 */
export function MessageFlight({ message, from: start, to: end, now, fontSize, trim, labels, names, onSelect }: Props) {
  const span = Math.max(1, message.deliverAt - message.sentAt);
  const progress = Math.max(0, Math.min(1, (now - message.sentAt) / span));
  const look = kindLook(message);
  const colour = message.lost ? PALETTE.coral : look.colour;
  const label = message.lost ? `${look.label} ✗` : look.label;
  const shape = flightShape(start, end, progress, label, fontSize, trim, labels);
  const { x, y } = shape.at;
  const opacity = message.lost ? Math.max(0.25, 1 - progress * 0.75) : 1;
  const name = `${message.kind} from ${names.from} to ${names.to}${message.lost ? ' (lost)' : ''}`;
  const interactive = onSelect
    ? { role: 'button', tabIndex: 0, 'aria-label': `Message ${name}`, onClick: onSelect, style: { cursor: 'pointer' } }
    : {};

  if (shape.kind === 'dot') {
    return (
      <g transform={`translate(${x}, ${y})`} opacity={opacity} data-testid="message-in-flight" data-kind={message.kind} {...interactive}>
        <title>{name}</title>
        <circle r={Math.max(9, fontSize * 0.4)} fill={colour} stroke={PALETTE.abyss} strokeWidth={3} />
      </g>
    );
  }
  const { width, height } = pillSize(label, fontSize);
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
