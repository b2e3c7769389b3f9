/**
 * A room's log cut into rounds. A round's replay needs the room as it stood when the
 * round started (seats, nicknames), so a slice is the room events before the round
 * (not the rounds before it) followed by every row from its RoundStarted to the next.
 */
import { gameEventSchemas } from '../game/events';
import type { RoomEvent } from '../room/events';
import type { SeqEvent } from './log-rows';

export interface RoundSlice {
  round: number;
  /** Room-level facts before the round (RoomCreated, joins, kicks, locks). */
  prelude: SeqEvent[];
  /** From the round's RoundStarted up to (not including) the next round's. */
  rows: SeqEvent[];
}

/**
 * Facts that only fold inside a round (evolveGame refuses them outside one): every game
 * event but the class's scores switch. Read from the schemas, so a new round fact (bots'
 * looks, challenges...) never lands in a later round's prelude, where it would make that
 * round unreplayable ("BotLooked outside a round").
 */
const ROUND_TYPES: ReadonlySet<RoomEvent['type']> = new Set(
  gameEventSchemas.map((schema) => schema.shape.type.value).filter((type) => type !== 'ScoresSwitched'),
);

/** Every round of the log, in order. */
export function sliceRounds(log: readonly SeqEvent[]): RoundSlice[] {
  const slices: RoundSlice[] = [];
  const prelude: SeqEvent[] = [];
  let current: RoundSlice | null = null;
  for (const row of log) {
    if (row.event.type === 'RoundStarted') {
      current = { round: row.event.round, prelude: prelude.slice(), rows: [row] };
      slices.push(current);
      continue;
    }
    if (current) current.rows.push(row);
    if (!ROUND_TYPES.has(row.event.type)) prelude.push(row);
  }
  return slices;
}

export function sliceRound(log: readonly SeqEvent[], round: number): RoundSlice | null {
  return sliceRounds(log).find((slice) => slice.round === round) ?? null;
}
