/**
 * What story mode changes on a phone: the student's cue (the sentence and the one move the
 * story needs from them now), and the move pad's highlights. While a story plays, a move
 * is drawn urgent only when it is the cued move and allowed now (for a `duty` cue, only
 * when the rules ask for it too), so D and E are calm while B and C stand.
 */
import type { StoryState } from '../stories/engine';
import type { NodeCue } from '../stories/schema';
import { cueFor } from '../stories/engine';
import type { Move } from './moves';
import type { MoveOption } from './seat-view';

export interface SeatCue {
  /** The sentence for this student now. */
  text: string;
  /** The pad's id of the move the story needs ("GrantVote:1"), if the pad has it now. */
  moveId: string | null;
  /** The move to send (with the value to write, for a write). */
  move: Move | null;
}

export interface SeatStory {
  title: string;
  /** Playing: the cues rule the pad; finished: the lesson is shown and the pad is the rules' own again. */
  status: 'playing' | 'finished';
  /** The current beat's projector cue, so the phone can say what is happening. */
  beat: string;
  /** This student's cue; null: nothing is asked of them now (calm). */
  cue: SeatCue | null;
}

type CuedMove = NonNullable<NodeCue['move']>;

function optionFor(moves: readonly MoveOption[], wanted: CuedMove | undefined): MoveOption | null {
  if (!wanted) return null;
  return moves.find((m) => {
    if (m.move.type !== wanted.type) return false;
    if (wanted.peer === undefined) return true;
    const target = (m.move as { candidate?: unknown; to?: unknown }).candidate ?? (m.move as { to?: unknown }).to;
    return target === wanted.peer;
  }) ?? null;
}

/** The pad's option for the cued move, or for the cue's way back when the cued move is not allowed now. */
function cuedOption(moves: readonly MoveOption[], cue: NodeCue): { option: MoveOption | null; wanted: CuedMove | undefined } {
  const option = optionFor(moves, cue.move);
  if (option?.allowed || !cue.orElse) return { option, wanted: cue.move };
  const fallback = optionFor(moves, cue.orElse);
  return fallback?.allowed ? { option: fallback, wanted: cue.orElse } : { option, wanted: cue.move };
}

/** The phone's story part and its pad with the story's highlights (the pad unchanged outside a story). */
export function storyOnPhone(story: StoryState | null | undefined, team: number, index: number, moves: MoveOption[], ended: boolean): { story: SeatStory | null; moves: MoveOption[] } {
  if (!story || story.status === 'stopped' || ended) return { story: null, moves };
  if (story.status === 'finished') return { story: { title: story.story.title, status: 'finished', beat: story.story.lesson, cue: null }, moves };
  const beat = story.story.beats[story.beat]!;
  const cue = cueFor(story, team, index);
  const { option, wanted } = cue ? cuedOption(moves, cue) : { option: null, wanted: undefined };
  // A `duty` waits for the rules to ask for the cued move; the way back is needed at once.
  const waitsForRules = Boolean(cue?.duty) && wanted === cue?.move;
  const highlighted = moves.map((m) => ({ ...m, urgent: (m === option && m.allowed && (!waitsForRules || m.urgent)) || (Boolean(cue?.keepDuties) && m.urgent && m.allowed) }));
  const move = option && wanted?.value !== undefined ? { ...option.move, value: wanted.value } : (option?.move ?? null);
  return {
    story: { title: story.story.title, status: 'playing', beat: beat.cue, cue: cue ? { text: cue.text, moveId: option?.id ?? null, move } : null },
    moves: highlighted,
  };
}

/** The projector's story banner: the beat's cue, who must do what, and the punch lines reached. */
export interface ScreenStory {
  id: string;
  title: string;
  /** 1-based number of the current beat, and how many there are. */
  beat: number;
  beats: number;
  cue: string;
  /** Per cued node (label): what the story asks of it now. */
  nodeCues: { label: string; text: string }[];
  /** The punch lines reached so far in this beat and before, oldest first. */
  punches: string[];
  /** The beat waits for the teacher's Next (it has no end condition of its own). */
  waitsForNext: boolean;
  status: 'playing' | 'finished';
  /** The lesson, one sentence (the recap shows it; the banner once the story is over). */
  lesson: string;
}

export function storyOnScreen(story: StoryState | null | undefined, label: (index: number) => string): ScreenStory | null {
  if (!story || story.status === 'stopped') return null;
  const beat = story.story.beats[story.beat]!;
  return {
    id: story.story.id,
    title: story.story.title,
    beat: story.beat + 1,
    beats: story.story.beats.length,
    cue: beat.cue,
    nodeCues: story.status === 'playing' ? Object.entries(beat.nodes).map(([index, cue]) => ({ label: label(Number(index)), text: cue.text })) : [],
    punches: story.punches.map((p) => p.text),
    waitsForNext: story.status === 'playing' && !beat.until,
    status: story.status,
    lesson: story.story.lesson,
  };
}
