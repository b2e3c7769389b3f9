/**
 * Story mode's decisions (issue 8): starting a story sets up its round and plays its first
 * beat; the teacher's Next, Back and Replay begin a beat (its faults injected into every
 * team, a fault that no longer applies skipped); time passing ends a beat whose condition
 * holds in every team. Every step is a logged fact (StoryBeatShown...), so a replay shows
 * the same cues at the same instants.
 */
import { refuseAdmin, refused, accepted, type Decision, type RefusalCode } from '../rules/refusal';
import { evolve } from '../rules/engine';
import type { ClusterState, Command, Event } from '../rules/types';
import { beatAfter, beatIsOver, currentBeat } from '../stories/engine';
import { findStory } from '../stories/index';
import type { Story } from '../stories/schema';
import { advanceAndRun, batch } from './cluster-batch';
import type { StartRound, StartStory, StoryControl } from './commands';
import type { GameEvent } from './events';
import { evolveGame } from './evolve';
import { playerIds, type GameRoom } from './room';
import type { RoundState } from './round';
import { truthRole } from './story-fold';

type GameDecision = Decision<GameEvent>;
const refuse = (code: RefusalCode, message: string): GameDecision => refused(refuseAdmin(code, message));

/** The cast: one cluster of exactly the story's nodes, or teams of exactly that many. */
function castRefusal(story: Story, players: number): string | null {
  if (players >= story.nodes && players % story.nodes === 0) return null;
  const more = story.nodes - (players % story.nodes);
  return `This story needs teams of exactly ${story.nodes} nodes: the class has ${players}. Add ${more} (Fill with bots) or start a free round.`;
}

export function decideStartStory(room: GameRoom, command: StartStory, startRound: (room: GameRoom, command: StartRound) => GameDecision): GameDecision {
  const story = findStory(command.story);
  if (!story) return refuse('unknown-story', 'Pick one of the stories offered.');
  const players = playerIds(room).length;
  const cast = castRefusal(story, players);
  if (cast) return refuse('story-cast', cast);
  const started = startRound(room, {
    type: 'StartRound', at: command.at, hostTokenHash: command.hostTokenHash, algorithm: story.algorithm, preset: story.preset,
    params: story.params, network: story.network, teamSize: players === story.nodes ? null : story.nodes,
    // A student whose phone drops is played by a bot that follows the cues (SPEC AP5): the story still reaches its end.
    crashOnDisconnect: true, autopilot: true, seed: command.seed ?? story.seed, startPaused: false,
    ...(command.online && { online: command.online }),
  });
  if (!started.ok) return started;
  let after = started.events.reduce(evolveGame, room);
  const events: GameEvent[] = [...started.events];
  const record = (event: GameEvent) => {
    events.push(event);
    after = evolveGame(after, event);
  };
  record({ type: 'StoryStarted', at: command.at, story, roomTime: 0 });
  for (const event of showBeat(after.round!, command.at, 0, 0, 'start')) record(event);
  return accepted(...events);
}

export function decideStoryControl(round: RoundState, command: StoryControl): GameDecision {
  const story = round.story;
  if (!story || story.status === 'stopped') return refuse('no-story', 'No story is being told in this round. Start one from the Stories list.');
  if (command.action === 'stop') return accepted({ type: 'StoryStopped', at: command.at });
  if (story.status === 'finished' && command.action === 'next') return refuse('story-over', 'The story is over: replay its last beat, go back, or end the round.');
  // From a finished story, Replay plays its last beat again and Back goes to the one before.
  const where = beatAfter(story, command.action);
  if ('refusal' in where) return refuse('first-beat', where.refusal);
  if ('finish' in where) return accepted({ type: 'StoryFinished', at: command.at, roomTime: command.roomTime });
  return accepted(...showBeat(round, command.at, command.roomTime, where.beat, command.action));
}

/** Time passing: a playing beat whose end condition holds in every team gives way to the next one. */
export function decideStoryTick(room: GameRoom, at: number, roomTime: number): GameEvent[] {
  const round = room.round;
  const story = round?.story;
  if (!round || !story || story.status !== 'playing') return [];
  if (!beatIsOver(story, (team, node) => truthRole(round.teams[team]!.cluster, node), roomTime)) return [];
  const next = story.beat + 1;
  if (next >= story.story.beats.length) return [{ type: 'StoryFinished', at, roomTime }];
  return showBeat(round, at, roomTime, next, 'auto');
}

/** A beat begins: its fact first, then its faults in every team (one the cluster refuses now is skipped). */
function showBeat(round: RoundState, at: number, roomTime: number, beat: number, reason: 'start' | 'next' | 'back' | 'replay' | 'auto'): GameEvent[] {
  const events: GameEvent[] = [{ type: 'StoryBeatShown', at, beat, reason, roomTime }];
  const faults = currentBeat({ ...round.story!, beat }).faults;
  if (faults.length === 0) return events;
  for (const team of round.teams) {
    let cluster: ClusterState = team.cluster;
    const applied: Event[] = [];
    for (const fault of faults) {
      const result = advanceAndRun(cluster, roomTime, fault as Command);
      if (!result.ok) continue;
      applied.push(...result.events);
      cluster = result.events.reduce(evolve, cluster);
    }
    if (applied.length > 0) events.push(batch(at, team.team, 'fault', applied));
  }
  return events;
}
