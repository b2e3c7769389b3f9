/**
 * "A double click is one action." A move is remembered by its id (a client retry) and by
 * its content for a short while (two taps that each made a new id), per seat. A repeated
 * content is only folded into the first answer while that answer still holds: the first
 * was accepted, or nothing has happened in the room since (same log position).
 */
type Answer = { ok: boolean };

const SAME_MOVE_WINDOW_MS = 400;
const REMEMBERED_PER_SEAT = 16;

interface Remembered {
  moveId: string;
  content: string;
  at: number;
  /** The room's log position after the move was answered. */
  seq: number;
  answer: Answer;
}

export class MoveDeduper {
  private readonly seats = new Map<string, Remembered[]>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  recall<A extends Answer>(code: string, nodeId: number, moveId: string, move: unknown, seq: number): A | null {
    const list = this.seats.get(`${code}:${nodeId}`);
    if (!list) return null;
    const content = JSON.stringify(move);
    const now = this.now();
    const hit = list.find(
      (r) => r.moveId === moveId || (r.content === content && now - r.at < SAME_MOVE_WINDOW_MS && (r.answer.ok || r.seq === seq)),
    );
    return hit ? (hit.answer as A) : null;
  }

  remember(code: string, nodeId: number, moveId: string, move: unknown, seq: number, answer: Answer): void {
    const key = `${code}:${nodeId}`;
    const list = this.seats.get(key) ?? [];
    list.push({ moveId, content: JSON.stringify(move), at: this.now(), seq, answer });
    if (list.length > REMEMBERED_PER_SEAT) list.shift();
    this.seats.set(key, list);
  }
}
