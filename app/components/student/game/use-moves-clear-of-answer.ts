'use client';

import { useLayoutEffect, useRef, useState } from 'react';

/** Room left between the last move and the answer's banner. */
const GAP_PX = 12;

/**
 * Keeps the moves clear of the answer to the last click (FeedbackBanner), which is fixed at
 * the bottom of the screen, where the thumb is. A refusal stays 9 s, and on a 390x844 phone
 * it covered the lower moves: the student could not make the next (legal) move without
 * dismissing the lesson first. So once an answer shows, the page keeps room at its end for
 * the banner (it can scroll that far), and when the banner lands on the move pad the page
 * scrolls up until the pad ends above it, as a snackbar lifts the button under it. Never so
 * far that the pad's top leaves the screen: a pad taller than the room above the banner
 * keeps its first moves in view. Returns the refs to put on the pad and on the banner's
 * card, and the room (px) to keep at the page's end (0 until a first answer shows).
 */
export function useMovesClearOfAnswer(serial: number | null) {
  const pad = useRef<HTMLDivElement>(null);
  const banner = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState(0);

  // The banner's room from its top to the screen's bottom, as laid out: its sentence wraps
  // differently on each screen, and a turned phone re-wraps it.
  useLayoutEffect(() => {
    const card = banner.current;
    if (serial === null || !card) return;
    // It only grows, and stays when the banner goes: giving room back (a shorter answer, or
    // none) would pull a page scrolled to its end, and its moves, down under the thumb.
    const measure = () => setRoom((kept) => Math.max(kept, Math.ceil(window.innerHeight - card.getBoundingClientRect().top) + GAP_PX));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(card);
    return () => observer.disconnect();
  }, [serial]);

  // Runs once the room is laid out (so the page can scroll far enough), for each new answer.
  useLayoutEffect(() => {
    const card = banner.current;
    const moves = pad.current;
    if (room === 0 || !card || !moves) return;
    const cardBox = card.getBoundingClientRect();
    const padBox = moves.getBoundingClientRect();
    // On a laptop the pad is a column of its own and may sit beside the banner.
    const sideBySide = padBox.right <= cardBox.left || cardBox.right <= padBox.left;
    const lift = Math.min(padBox.bottom + GAP_PX - cardBox.top, padBox.top - GAP_PX);
    if (sideBySide || lift < 1) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: lift, behavior: still ? 'instant' : 'smooth' });
  }, [room, serial]);

  return { pad, banner, room };
}
