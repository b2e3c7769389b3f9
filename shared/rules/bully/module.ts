/** Bully, in one place: its rules, parameters, presets, roles, views and words (shared/rules/module.ts). */
import { rankLabel } from '../labels';
import type { AlgorithmModule } from '../module';
import { bullyExtrasSchema, bullyMoveSchemas, bullyNodeViewSchema } from './wire-schema';
import { bullyScoring } from './scoring';
import { bullyChallenges } from './challenge';
import { narrateBully, bullyNarrationReads } from './narrate';
import { rankBullyEvent } from './ticker';
import { bullyParamsSchema } from './params';
import { bullyInboxLine, bullySummary } from './phone';
import { bullyRules, initBully } from './rules';
import { actingCoordinators, bullyTeam, bullyTeamLine, bullyTruth } from './screen';
import type { BullyCluster, BullyCommand, BullyParams } from './types';
import { DEFAULT_BULLY_PARAMS } from './types';
import { bullyMoveChoices, bullyNodeView, type BullyNodeView } from './view';

export const bullyModule: AlgorithmModule<BullyCluster, BullyCommand, BullyParams, BullyNodeView> = {
  name: 'bully',
  title: 'Bully',
  line: 'The highest rank alive wins; elections cost many messages.',
  rules: bullyRules,
  init: initBully,
  params: bullyParamsSchema,
  presets: [
    { id: 'bully-classroom', algorithm: 'bully', name: 'Bully: classroom', summary: 'The top rank leads; "I\'m alive" every 5 s, suspicion after 15 s, T 15 s, T\' 30 s.', params: { ...DEFAULT_BULLY_PARAMS } },
  ],
  // Bully is about ranks: nodes are named 1, 2, 3... (index + 1).
  nodeLabel: rankLabel,
  roles: {
    leader: { word: 'Coordinator', shape: 'crown', colour: 'brass' },
    electing: { word: 'Electing', shape: 'diamond', colour: 'amber' },
    waiting: { word: 'Waiting', shape: 'square', colour: 'dusk' },
    suspicious: { word: 'Suspicious', shape: 'circle', colour: 'wave', dashed: true },
    follower: { word: 'Member', shape: 'circle', colour: 'wave', plain: true },
  },
  messages: {
    ELECTION: { label: 'ELECTION', colour: 'amber' },
    ANSWER: { label: 'ANSWER', colour: 'kelp' },
    COORDINATOR: { label: 'COORD', colour: 'brass' },
    ALIVE: { label: 'ALIVE', colour: 'ice' },
  },
  team: { elections: 'Elections', service: false, legend: ['leader', 'electing', 'waiting', 'suspicious', 'follower'] },
  seat: {
    source: (state, index) => state.bully[index],
    node: bullyNodeView,
    summary: bullySummary,
    moves: bullyMoveChoices,
    inboxLine: bullyInboxLine,
  },
  screen: { node: bullyTruth, team: bullyTeam, summary: bullyTeamLine },
  wire: { node: bullyNodeViewSchema, extras: bullyExtrasSchema, moves: bullyMoveSchemas },
  narrate: narrateBully,
  narrationReads: bullyNarrationReads,
  leaderEvents: ['CoordinatorAnnounced'],
  rankEvent: rankBullyEvent,
  actingLeaders: actingCoordinators,
  scoring: bullyScoring,
  challenges: bullyChallenges,
};
