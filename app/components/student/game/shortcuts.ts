/**
 * Keyboard shortcuts for a student on a laptop: each move's own key as its algorithm's
 * module names it (S stand, H heartbeat, V vote for the first request, arrows to steer...),
 * and 1-9 for the nth move on screen.
 */
import type { MoveOption } from '@/shared/game/seat-view';

export interface Shortcuts {
  /** Lower-case `KeyboardEvent.key` -> option id. */
  byKey: Map<string, string>;
  /** Option id -> the hint drawn on its button. */
  hints: Map<string, string>;
}

export function buildShortcuts(ordered: MoveOption[]): Shortcuts {
  const byKey = new Map<string, string>();
  const hints = new Map<string, string>();
  ordered.forEach((option, i) => {
    // The move's own key, from the algorithm's module; the first of each kind gets it (V votes for the first candidate shown).
    const shortcut = option.shortcut;
    if (shortcut && !byKey.has(shortcut.key)) {
      byKey.set(shortcut.key, option.id);
      hints.set(option.id, shortcut.hint);
    }
    if (i < 9) {
      byKey.set(String(i + 1), option.id);
      if (!hints.has(option.id)) hints.set(option.id, String(i + 1));
    }
  });
  return { byKey, hints };
}

/** Keys typed into a field, or with a modifier, or held down, are not moves. */
export function isMoveKey(event: KeyboardEvent): boolean {
  if (event.repeat || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return false;
  return true;
}
