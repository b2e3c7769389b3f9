/**
 * The story catalogue: every story file, parsed by the story schema when this module
 * loads (a malformed story fails at start-up and in the tests, never mid-class). The
 * host's list, the game's StartStory and the tests iterate it.
 */
import { bullyCaptainDown } from './bully-captain-down';
import { leaseGcFenced } from './lease-gc-fenced';
import { leaseGcUnfenced } from './lease-gc-unfenced';
import { leaseLateRenewal } from './lease-late-renewal';
import { leaseTakeover } from './lease-takeover';
import { raftCaptainDown } from './raft-captain-down';
import { raftSplitVote } from './raft-split-vote';
import { raftStaleLeader } from './raft-stale-leader';
import { storySchema, type Story, type StoryInput } from './schema';

/** In lecture order: the five stories of the seed script, then the split vote and the stale leader. */
export const STORY_FILES: readonly StoryInput[] = [
  bullyCaptainDown, raftCaptainDown, leaseTakeover, leaseLateRenewal, leaseGcUnfenced, leaseGcFenced, raftSplitVote, raftStaleLeader,
];

export const STORIES: readonly Story[] = STORY_FILES.map((file) => storySchema.parse(file));

export function findStory(id: string): Story | undefined {
  return STORIES.find((story) => story.id === id);
}

/** What the host's list shows of a story. */
export interface StoryListing {
  id: string;
  title: string;
  shows: string;
  algorithm: string;
  nodes: number;
  beats: number;
}

export function storyListings(): StoryListing[] {
  return STORIES.map((s) => ({ id: s.id, title: s.title, shows: s.shows, algorithm: s.algorithm, nodes: s.nodes, beats: s.beats.length }));
}
