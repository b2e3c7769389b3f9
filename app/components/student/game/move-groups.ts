/**
 * How the phone lays out the moves the server offered: one row per request to answer
 * ("C asks for your vote (term 4)" with Vote / Refuse), then the main decisions, then the
 * steering pad or the write box. Layout only: whether a move is allowed comes with it.
 */
import type { AlgorithmNodeView, MoveOption } from '@/shared/game/seat-view';
import { letterLabel } from '@/shared/rules/labels';

export type MoveGroup =
  | { kind: 'main'; options: MoveOption[] }
  /** `open`: the student can still grant it (vote / answer); otherwise it is drawn muted. */
  | { kind: 'reply'; key: string; title: string; stale: boolean; open: boolean; options: MoveOption[] }
  | { kind: 'steer'; options: MoveOption[] }
  | { kind: 'write'; options: MoveOption[] };

function replyTitle(node: AlgorithmNodeView | null, target: number): { title: string; stale: boolean } {
  if (node?.algorithm === 'raft') {
    const request = node.requests.find((r) => r.candidateIndex === target);
    const who = letterLabel(target);
    if (!request) return { title: `${who} asked for your vote`, stale: false };
    return { title: `${who} asks for your vote (term ${request.term})${request.current ? '' : ': an older term'}`, stale: !request.current };
  }
  if (node?.algorithm === 'bully') {
    const open = node.electionsToAnswer.some((e) => e.from === target);
    return { title: open ? `${target + 1} called an election: answer it` : `${target + 1}'s election (answered)`, stale: !open };
  }
  return { title: '', stale: false };
}

function replyTarget(option: MoveOption): number | null {
  const move = option.move;
  if (move.type === 'GrantVote' || move.type === 'RefuseVote') return move.candidate;
  if (move.type === 'Answer') return move.to;
  return null;
}

export function groupMoves(moves: MoveOption[], node: AlgorithmNodeView | null): MoveGroup[] {
  const main: MoveOption[] = [];
  const steer: MoveOption[] = [];
  const write: MoveOption[] = [];
  const replies = new Map<number, MoveOption[]>();
  for (const option of moves) {
    const target = replyTarget(option);
    if (target !== null) replies.set(target, [...(replies.get(target) ?? []), option]);
    else if (option.move.type === 'WriteCommand') steer.push(option);
    else if (option.move.type === 'Write') write.push(option);
    else main.push(option);
  }
  // Requests this student can still grant come first (they wait on them), the newest first;
  // the ones they can no longer grant (already voted, answered) come last, still clickable.
  const rows = [...replies.entries()].reverse().map(([target, options]) => ({
    kind: 'reply' as const, key: String(target), ...replyTitle(node, target), options,
    open: options.some((o) => o.allowed && (o.move.type === 'GrantVote' || o.move.type === 'Answer')),
  }));
  const groups: MoveGroup[] = rows.filter((row) => row.open);
  // What may be done now first, under the thumb; the locked moves below.
  if (main.length > 0) groups.push({ kind: 'main', options: [...main.filter((o) => o.allowed), ...main.filter((o) => !o.allowed)] });
  if (steer.length > 0) groups.push({ kind: 'steer', options: steer });
  if (write.length > 0) groups.push({ kind: 'write', options: write });
  groups.push(...rows.filter((row) => !row.open));
  return groups;
}

/** The moves in the order they are drawn: what the 1-9 keys count through. */
export function drawnOrder(groups: MoveGroup[]): MoveOption[] {
  return groups.flatMap((group) => group.options);
}
