/**
 * Keeps each seat's double-tap memory (the rule itself is pure: shared/game/double-tap.ts).
 */
import { recallMove, rememberMove, type MoveAnswer, type MoveAsk, type SeatMoves } from '../shared/game/double-tap';

export class MoveDeduper<A extends MoveAnswer> {
  private readonly seats = new Map<string, SeatMoves<A>>();

  recall(code: string, nodeId: number, ask: MoveAsk): A | null {
    return recallMove(this.seats.get(`${code}:${nodeId}`), ask);
  }

  remember(code: string, nodeId: number, ask: MoveAsk, answer: A): void {
    const key = `${code}:${nodeId}`;
    this.seats.set(key, rememberMove(this.seats.get(key), ask, answer));
  }

  /** The room left memory; its next round would start a fresh memory anyway. */
  forgetRoom(code: string): void {
    for (const key of this.seats.keys()) if (key.startsWith(`${code}:`)) this.seats.delete(key);
  }
}
