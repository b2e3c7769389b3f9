/**
 * How the phone lays out the moves the server offered: one row per request to answer
 * ("C asks for your vote (term 4)" with Vote / Refuse), then the main decisions, then the
 * steering pad or the write box. Layout only: where each move goes, whether it is
 * allowed and what it is titled all come with the move (the algorithm's module says so).
 */
import type { MoveOption } from '@/shared/game/seat-view';

export type MoveGroup =
  | { kind: 'main'; options: MoveOption[] }
  /** `open`: the student can still grant it (vote / answer); otherwise it is drawn muted. */
  | { kind: 'reply'; key: string; title: string; stale: boolean; open: boolean; options: MoveOption[] }
  | { kind: 'steer'; title: string; options: MoveOption[] }
  | { kind: 'write'; options: MoveOption[] };

export function groupMoves(moves: MoveOption[]): MoveGroup[] {
  const main: MoveOption[] = [];
  const steer: MoveOption[] = [];
  const write: MoveOption[] = [];
  const replies = new Map<number, MoveOption[]>();
  for (const option of moves) {
    const layout = option.layout;
    if (layout.kind === 'reply') replies.set(layout.peer, [...(replies.get(layout.peer) ?? []), option]);
    else if (layout.kind === 'steer') steer.push(option);
    else if (layout.kind === 'write') write.push(option);
    else main.push(option);
  }
  // Requests this student can still grant come first (they wait on them), the newest first;
  // the ones they can no longer grant (already voted, answered) come last, still clickable.
  const rows = [...replies.entries()].reverse().map(([peer, options]) => {
    const layout = options[0]!.layout as Extract<MoveOption['layout'], { kind: 'reply' }>;
    return {
      kind: 'reply' as const, key: String(peer), title: layout.title, stale: layout.stale, options,
      open: options.some((o) => o.allowed && o.layout.kind === 'reply' && o.layout.grants),
    };
  });
  const groups: MoveGroup[] = rows.filter((row) => row.open);
  // What may be done now first, under the thumb; the locked moves below.
  if (main.length > 0) groups.push({ kind: 'main', options: [...main.filter((o) => o.allowed), ...main.filter((o) => !o.allowed)] });
  if (steer.length > 0) groups.push({ kind: 'steer', title: (steer[0]!.layout as { title: string }).title, options: steer });
  if (write.length > 0) groups.push({ kind: 'write', options: write });
  groups.push(...rows.filter((row) => !row.open));
  return groups;
}

/** The moves in the order they are drawn: what the 1-9 keys count through. */
export function drawnOrder(groups: MoveGroup[]): MoveOption[] {
  return groups.flatMap((group) => group.options);
}

/** A free-text move with the typed text put where its layout says. */
export function withText(option: MoveOption, text: string): MoveOption['move'] {
  const field = option.layout.kind === 'write' ? option.layout.field : 'value';
  return { ...option.move, [field]: text } as MoveOption['move'];
}
