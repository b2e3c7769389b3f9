/**
 * Plays the student's moves and keeps the answer to show. A button is busy while its
 * request is in flight, so a double click (or a held key) is one action; the server also
 * carries out each moveId once.
 */
'use client';

import { useCallback, useRef, useState } from 'react';
import type { MoveOutcome } from '@/app/client/seat-moves';
import type { Move } from '@/shared/game/moves';
import type { MoveOption } from '@/shared/game/seat-view';

export interface Feedback {
  /** Increases with every answer, so the banner restarts its timer. */
  serial: number;
  label: string;
  outcome: MoveOutcome;
}

/** `play` sends one move and resolves with the server's answer (seat-moves.ts in the app). */
export function useMovePlayer(play: (move: Move) => Promise<MoveOutcome>) {
  const inFlight = useRef(new Set<string>());
  const serial = useRef(0);
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const press = useCallback(
    async (option: MoveOption, move: Move = option.move, label: string = option.label): Promise<MoveOutcome | null> => {
      // A ref, not state: two clicks in the same frame must both see the first one.
      if (inFlight.current.has(option.id)) return null;
      inFlight.current.add(option.id);
      setPending(new Set(inFlight.current));
      const outcome = await play(move);
      inFlight.current.delete(option.id);
      setPending(new Set(inFlight.current));
      serial.current += 1;
      setFeedback({ serial: serial.current, label, outcome });
      return outcome;
    },
    [play],
  );

  // Takes down one answer, never a later one: a banner's timer can fire after the next
  // answer was set but before the banner re-rendered and cleared that timer (a refusal's
  // 9 s running out as the next move's acceptance lands), and then it must leave the
  // acceptance on screen, not hide it unseen.
  const dismiss = useCallback((serial: number) => setFeedback((shown) => (shown?.serial === serial ? null : shown)), []);

  return { pending, feedback, press, dismiss };
}
