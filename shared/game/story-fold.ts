/**
 * Story mode inside a round: folding the story's facts, and the role a node shows on the
 * projector (what a story's `role` conditions read), from the algorithm's module.
 */
import { localTime } from '../rules/clock';
import { algorithmModule } from '../rules/registry';
import type { ClusterState } from '../rules/types';
import { evolveStory, startStoryState, type StoryState } from '../stories/engine';
import type { StoryEvent } from '../stories/events';
import type { RoundState } from './round';

export function foldStory(round: RoundState, event: StoryEvent): StoryState {
  if (event.type === 'StoryStarted') return startStoryState(event.story, round.teams.length, event.roomTime);
  if (!round.story) throw new Error(`${event.type} without a story: the log is corrupt`);
  return evolveStory(round.story, event);
}

/** The node's role key as the projector draws it (null: no such node). */
export function truthRole(cluster: ClusterState, node: number): string | null {
  const base = cluster.nodes[node];
  if (!base) return null;
  return algorithmModule(cluster.algorithm).screen.node(cluster, node, localTime(base.clock, cluster.now)).role;
}
