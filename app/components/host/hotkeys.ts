/**
 * The teacher's hotkeys: ONE table, which the `?` overlay lists and the panel listens to.
 * To add one (story mode's "next beat"), add a row here and hand its handler to
 * `useHostHotkeys`; a row without a handler on the current screen is not listed there.
 */
'use client';

import { useEffect, useRef } from 'react';

export interface Hotkey {
  id: string;
  /** `KeyboardEvent.key` values, lower case. */
  keys: string[];
  /** What the overlay prints on the key cap. */
  hint: string;
  does: string;
}

export const HOST_HOTKEYS: Hotkey[] = [
  { id: 'clock', keys: ['p'], hint: 'P', does: 'Pause or resume the room clock' },
  { id: 'step', keys: ['.'], hint: '.', does: 'Step a paused clock by one second' },
  { id: 'crash-leader', keys: ['c'], hint: 'C', does: 'Crash the leader (of every team)' },
  { id: 'help', keys: ['?'], hint: '?', does: 'Show or hide this list' },
];

export type HotkeyHandlers = Partial<Record<string, () => void>>;

/** Typing in a field is not a hotkey. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Calls the handler of the row whose key was pressed (no Ctrl/Alt/Meta; Shift only makes "?"). */
export function useHostHotkeys(handlers: HotkeyHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) return;
      const key = event.key.toLowerCase();
      const row = HOST_HOTKEYS.find((h) => h.keys.includes(key));
      const handler = row ? latest.current[row.id] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
