/**
 * The beat engine (pure, decide/evolve style; time is an input). A story's state is plain
 * JSON inside the round: the script, the current beat, when it began (room time), what
 * each team's cluster has shown since (the matched event leaves), and the punch lines
 * reached. `evolveStory` folds the story's own facts; `observeStory` folds a team's rule
 * events; `beatIsOver` tells the game's decide when a beat has ended by itself.
 */
import { holds, matchEvents } from './conditions';
import type { StoryEvent } from './events';
import type { Beat, NodeCue, Story } from './schema';

export interface StoryTeamProgress {
  /** Keys of the condition leaves matched since the beat began ("u..." until, "p..." punch). */
  matched: string[];
}

export interface StoryPunch {
  beat: number;
  text: string;
  /** Room time the punch line became true. */
  at: number;
}

export interface StoryState {
  story: Story;
  beat: number;
  beatStartedAt: number;
  /** Room time each beat (by id) last began: `elapsed` conditions may count from an earlier beat. */
  beatStarts: Record<string, number>;
  status: 'playing' | 'finished' | 'stopped';
  teams: StoryTeamProgress[];
  punches: StoryPunch[];
}

type RuleEvent = { type: string } & Record<string, unknown>;

const UNTIL = 'u';
const PUNCH = 'p';
const CUE = 'c';

export function currentBeat(state: StoryState): Beat {
  return state.story.beats[state.beat]!;
}

export function startStoryState(story: Story, teamCount: number, roomTime: number): StoryState {
  return { story, beat: 0, beatStartedAt: roomTime, beatStarts: {}, status: 'playing', teams: Array.from({ length: teamCount }, () => ({ matched: [] })), punches: [] };
}

export function evolveStory(state: StoryState, event: Exclude<StoryEvent, { type: 'StoryStarted' }>): StoryState {
  switch (event.type) {
    case 'StoryBeatShown':
      return {
        ...state,
        beat: event.beat,
        beatStartedAt: event.roomTime,
        beatStarts: { ...state.beatStarts, [state.story.beats[event.beat]!.id]: event.roomTime },
        status: 'playing',
        teams: state.teams.map(() => ({ matched: [] })),
        // A replayed beat earns its punch lines again.
        punches: state.punches.filter((p) => p.beat < event.beat),
      };
    case 'StoryFinished':
      return { ...state, status: 'finished' };
    case 'StoryStopped':
      return { ...state, status: 'stopped' };
  }
}

/**
 * A team's rule events reached the log: note what the beat's conditions waited for and,
 * once the punch line holds in a team, record it (the projector shows it at once).
 */
export function observeStory(state: StoryState, team: number, events: readonly RuleEvent[], roleOf: (node: number) => string | null, roomTime: number): StoryState {
  if (state.status !== 'playing') return state;
  const beat = currentBeat(state);
  const progress = state.teams[team];
  if (!progress) return state;
  let matched = matchEvents(beat.until, UNTIL, events, progress.matched);
  for (const [index, cue] of Object.entries(beat.nodes)) matched = matchEvents(cue.done, `${CUE}${index}`, events, matched);
  beat.punches.forEach((punch, i) => {
    matched = matchEvents(punch.when, `${PUNCH}${i}`, events, matched);
  });
  const teams = matched === progress.matched ? state.teams : state.teams.map((p, i) => (i === team ? { matched } : p));
  let punches = state.punches;
  beat.punches.forEach((punch, i) => {
    const shown = punches.some((p) => p.beat === state.beat && p.text === punch.text);
    if (!shown && holds(punch.when, `${PUNCH}${i}`, { matched, roleOf, elapsedMs: null })) punches = punches.concat({ beat: state.beat, text: punch.text, at: roomTime });
  });
  return teams === state.teams && punches === state.punches ? state : { ...state, teams, punches };
}

/** The beat's end condition holds in every team (a beat without one waits for Next). */
export function beatIsOver(state: StoryState, roleOf: (team: number, node: number) => string | null, roomTime: number): boolean {
  const beat = currentBeat(state);
  if (state.status !== 'playing' || !beat.until) return false;
  const until = beat.until;
  const elapsedMs = (since?: string) => {
    const from = since === undefined ? state.beatStartedAt : state.beatStarts[since];
    return from === undefined ? null : roomTime - from;
  };
  return state.teams.every((progress, team) => holds(until, UNTIL, { matched: progress.matched, roleOf: (node) => roleOf(team, node), elapsedMs }));
}

/** The node's cue in the current beat, if the story is playing, names it, and the cue is not spent in its team. */
export function cueFor(state: StoryState | null | undefined, team: number, index: number): NodeCue | null {
  if (!state || state.status !== 'playing') return null;
  const cue = currentBeat(state).nodes[String(index)];
  if (!cue) return null;
  const matched = state.teams[team]?.matched ?? [];
  return cue.done && holds(cue.done, `${CUE}${index}`, { matched, roleOf: () => null, elapsedMs: null }) ? null : cue;
}

/** Where a teacher's Next, Back or Replay leads, or why not. */
export function beatAfter(state: StoryState, action: 'next' | 'back' | 'replay'): { beat: number } | { finish: true } | { refusal: string } {
  if (action === 'replay') return { beat: state.beat };
  if (action === 'back') return state.beat === 0 ? { refusal: 'This is the first beat: there is nothing before it. Replay it instead.' } : { beat: state.beat - 1 };
  return state.beat + 1 < state.story.beats.length ? { beat: state.beat + 1 } : { finish: true };
}
