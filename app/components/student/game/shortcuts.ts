/**
 * Keyboard shortcuts for a student on a laptop: a letter per decision (S stand, H heartbeat,
 * V vote for the first request...), arrows to steer, and 1-9 for the nth move on screen.
 */
import type { MoveOption } from '@/shared/game/seat-view';

const LETTERS: Partial<Record<MoveOption['move']['type'], string>> = {
  StandForElection: 's',
  SendHeartbeat: 'h',
  GrantVote: 'v',
  RefuseVote: 'r',
  SendAlive: 'h',
  StartElection: 'e',
  Answer: 'a',
  DeclareCoordinator: 'd',
  Acquire: 'a',
  Renew: 'r',
  Release: 'l',
  Write: 'w',
};

const ARROWS: Record<string, { key: string; hint: string }> = {
  N: { key: 'arrowup', hint: '↑' },
  E: { key: 'arrowright', hint: '→' },
  S: { key: 'arrowdown', hint: '↓' },
  W: { key: 'arrowleft', hint: '←' },
};

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
    const move = option.move;
    const arrow = move.type === 'WriteCommand' ? ARROWS[move.command] : undefined;
    const letter = arrow ? undefined : LETTERS[move.type];
    // The first request of each kind gets the letter (V votes for the first candidate shown).
    if (arrow && !byKey.has(arrow.key)) {
      byKey.set(arrow.key, option.id);
      hints.set(option.id, arrow.hint);
    } else if (letter && !byKey.has(letter)) {
      byKey.set(letter, option.id);
      hints.set(option.id, letter.toUpperCase());
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
