/** Raft, in one place: its rules, parameters, presets, roles, views and words (shared/rules/module.ts). */
import type { AlgorithmModule } from '../module';
import { raftExtrasSchema, raftMoveSchemas, raftNodeViewSchema } from './wire-schema';
import { raftScoring } from './scoring';
import { raftChallenges } from './challenge';
import { raftReplayMarkers } from './replay';
import { narrateRaft, raftNarrationReads } from './narrate';
import { rankRaftEvent, raftActingLeaders } from './ticker';
import { raftParamsSchema } from './params';
import { raftInboxLine, raftSummary } from './phone';
import { raftRules } from './rules';
import { raftTeam, raftTeamLine, raftTruth } from './screen';
import { initRaft, nodeLabel } from './state';
import type { RaftCluster, RaftCommand, RaftParams } from './types';
import { DEFAULT_RAFT_PARAMS, RAFT_SEED_PRESET } from './types';
import { raftMoveChoices, raftNodeView, type RaftNodeView } from './view';

export const raftModule: AlgorithmModule<RaftCluster, RaftCommand, RaftParams, RaftNodeView> = {
  name: 'raft',
  title: 'Raft',
  line: 'Terms, votes and a replicated log: the ship follows what a majority holds.',
  rules: raftRules,
  init: initRaft,
  params: raftParamsSchema,
  presets: [
    { id: 'raft-classroom', algorithm: 'raft', name: 'Raft: classroom', summary: 'Heartbeat every 3 s, election timeout 15-30 s, logs on.', params: { ...DEFAULT_RAFT_PARAMS } },
    { id: 'raft-lecture', algorithm: 'raft', name: 'Raft: the lecture (A leads)', summary: 'A is captain of term 1; crash it and watch B and C stand.', params: { ...RAFT_SEED_PRESET.params } },
    { id: 'raft-prevote', algorithm: 'raft', name: 'Raft: PreVote + CheckQuorum', summary: 'The options etcd runs with: no disruptive rejoiners, leaders step down without a quorum.', params: { ...DEFAULT_RAFT_PARAMS, preVote: true, checkQuorum: true } },
  ],
  nodeLabel,
  roles: {
    leader: { word: 'Leader', shape: 'crown', colour: 'brass' },
    candidate: { word: 'Candidate', shape: 'diamond', colour: 'amber' },
    precandidate: { word: 'Pre-candidate', shape: 'diamond', colour: 'ember', dashed: true },
    follower: { word: 'Follower', shape: 'circle', colour: 'wave', plain: true },
  },
  messages: {
    RequestVote: { label: 'Vote?', colour: 'amber' },
    VoteReply: { label: 'Vote', colour: 'kelp' },
    PreVoteRequest: { label: 'PreVote?', colour: 'amber' },
    PreVoteReply: { label: 'PreVote', colour: 'kelp' },
    AppendEntries: { label: 'Append', colour: 'ice' },
    AppendReply: { label: 'Ack', colour: 'mist' },
  },
  team: { elections: 'Elections', service: false, legend: ['leader', 'candidate', 'precandidate', 'follower'] },
  seat: {
    source: (state, index) => state.raft[index],
    node: raftNodeView,
    summary: raftSummary,
    moves: raftMoveChoices,
    inboxLine: raftInboxLine,
  },
  screen: { node: raftTruth, team: raftTeam, summary: raftTeamLine },
  wire: { node: raftNodeViewSchema, extras: raftExtrasSchema, moves: raftMoveSchemas },
  narrate: narrateRaft,
  narrationReads: raftNarrationReads,
  leaderEvents: ['LeaderElected'],
  rankEvent: rankRaftEvent,
  actingLeaders: raftActingLeaders,
  scoring: raftScoring,
  challenges: raftChallenges,
  replayMarkers: raftReplayMarkers,
};
