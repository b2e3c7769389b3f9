'use client';

import { useEffect, useRef, type Ref } from 'react';
import type { Feedback } from './use-move-player';

/** Seconds a banner stays: a refusal is a lesson and stays longer than a thumbs-up. */
const ACCEPTED_MS = 2500;
const REFUSED_MS = 9000;

type Props = {
  feedback: Feedback | null;
  onDismiss: (serial: number) => void;
  cardRef?: Ref<HTMLDivElement>;
  /** False: in the page's flow, under the moves (a phone shown inside another page, such as the replay's). */
  pinned?: boolean;
};

/**
 * The answer to the last click, pinned to the bottom of the screen where the thumb is; the
 * moves are kept clear of it (use-moves-clear-of-answer.ts measures it through `cardRef`).
 */
export function FeedbackBanner({ feedback, onDismiss, cardRef, pinned = true }: Props) {
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!feedback) return;
    // By serial: this timer may fire after a newer answer was set (use-move-player.ts).
    const id = window.setTimeout(() => onDismiss(feedback.serial), feedback.outcome.ok ? ACCEPTED_MS : REFUSED_MS);
    return () => window.clearTimeout(id);
  }, [feedback, onDismiss]);

  // Unpinned, the answer is the panel's last line, maybe below what its scroll shows: bring it in.
  useEffect(() => {
    if (feedback && !pinned) answer.current?.scrollIntoView({ block: 'nearest' });
  }, [feedback, pinned]);

  if (!feedback) return null;
  const { outcome } = feedback;
  return (
    <div ref={answer} className={pinned ? 'pointer-events-none fixed inset-x-0 bottom-0 z-40 flex justify-center p-3 pb-[max(0.75rem,env(safe-area-inset-bottom))]' : 'flex justify-center'}>
      {outcome.ok ? (
        <div ref={cardRef} aria-live="polite" data-testid="move-feedback" data-outcome="accepted" className="pointer-events-auto flex w-full max-w-xl items-center gap-3 rounded-2xl bg-kelp px-5 py-3 text-abyss shadow-2xl">
          <span className="text-2xl font-black" aria-hidden>✓</span>
          <p className="flex-1 text-lg font-black">Accepted: {feedback.label}</p>
        </div>
      ) : (
        <div ref={cardRef} role="alert" data-testid="move-feedback" data-outcome="refused" className="pointer-events-auto flex w-full max-w-xl items-start gap-3 rounded-2xl border-4 border-coral bg-abyss px-4 py-3 text-foam shadow-2xl">
          <div className="flex-1">
            <p className="text-lg font-black text-coral">
              Refused{outcome.refusal.rule ? ` (${outcome.refusal.rule})` : ''}: <span className="text-foam">{feedback.label}</span>
            </p>
            <p className="text-base leading-snug font-semibold">{outcome.refusal.message}</p>
          </div>
          <button type="button" onClick={() => onDismiss(feedback.serial)} aria-label="Dismiss" className="grid size-12 shrink-0 place-items-center rounded-xl text-2xl font-black text-mist hover:bg-deck">
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
