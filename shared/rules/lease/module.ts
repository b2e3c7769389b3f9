/** Lease, in one place: its rules, parameters, presets, roles, views and words (shared/rules/module.ts). */
import { leaseBot } from './bot';
import { letterLabel } from '../labels';
import type { AlgorithmModule } from '../module';
import { leaseExtrasSchema, leaseMoveSchemas, leaseNodeViewSchema } from './wire-schema';
import { leaseScoring } from './scoring';
import { leaseChallenges } from './challenge';
import { leaseReplayMarkers } from './replay';
import { initLease } from './init';
import { narrateLease, leaseNarrationReads } from './narrate';
import { leaseActingLeaders, rankLeaseEvent } from './ticker';
import { leaseParamsSchema } from './params';
import { leaseInboxLine, leaseSummary } from './phone';
import { leaseRules } from './rules';
import { leaseTeam, leaseTeamLine, leaseTruth } from './screen';
import type { LeaseCluster, LeaseCommand, LeaseParams } from './types';
import { DEFAULT_LEASE_PARAMS, LEASE_SEED_PRESETS } from './types';
import { leaseMoveChoices, leaseNodeView, type LeaseNodeView } from './view';

export const leaseModule: AlgorithmModule<LeaseCluster, LeaseCommand, LeaseParams, LeaseNodeView | null> = {
  name: 'lease',
  title: 'Lease',
  line: 'A lock with an expiry; clocks and pauses decide who really leads.',
  rules: leaseRules,
  init: initLease,
  params: leaseParamsSchema,
  presets: [
    { id: 'lease-classroom', algorithm: 'lease', name: 'Lease: classroom', summary: '30 s lease, renew deadline 20 s, retry every 5 s, fencing on.', params: { ...DEFAULT_LEASE_PARAMS } },
    { id: 'lease-lecture', algorithm: 'lease', name: 'Lease: 10 s, renew every 5 s', summary: 'The lecture\'s lease: crash the holder, or slow its link by a second.', params: { ...LEASE_SEED_PRESETS.renewEvery5s } },
    { id: 'lease-gc-unfenced', algorithm: 'lease', name: 'Lease: 8 s GC pause, no fencing', summary: '5 s lease renewed every 2 s; pause the holder 8 s and watch two leaders write.', params: { ...LEASE_SEED_PRESETS.gcPauseUnfenced } },
    { id: 'lease-gc-fenced', algorithm: 'lease', name: 'Lease: 8 s GC pause, fencing on', summary: 'The same pause; storage refuses the stale token.', params: { ...LEASE_SEED_PRESETS.gcPauseFenced } },
  ],
  nodeLabel: letterLabel,
  roles: {
    holder: { word: 'Holder', shape: 'crown', colour: 'brass' },
    // The phone knows only its belief: "you believe you lead" (the lock may disagree).
    believer: { word: 'You believe you lead', shape: 'crown', colour: 'brass', dashed: true },
    stale: { word: 'Thinks it leads', shape: 'warning', colour: 'alarm', dashed: true },
    idle: { word: 'Not leading', shape: 'circle', colour: 'wave', plain: true },
  },
  messages: {
    LeaseAcquire: { label: 'Acquire', colour: 'brass' },
    LeaseRenew: { label: 'Renew', colour: 'brass' },
    LeaseRelease: { label: 'Release', colour: 'mist' },
    LeaseGrant: { label: 'Grant', colour: 'kelp' },
    LeaseReleaseAck: { label: 'Released', colour: 'mist' },
    LeaseRefusal: { label: 'Refused', colour: 'coral' },
    StorageWrite: { label: 'Write', colour: 'violet' },
    StorageAck: { label: 'Written', colour: 'violet' },
    StorageRefusal: { label: 'Write ✗', colour: 'coral' },
  },
  team: { elections: 'Lease handovers', service: true, serviceName: 'Lock service', legend: ['holder', 'stale', 'idle'] },
  seat: {
    source: (state, index) => state.clients[index],
    node: leaseNodeView,
    summary: leaseSummary,
    moves: leaseMoveChoices,
    inboxLine: leaseInboxLine,
  },
  screen: { node: leaseTruth, team: leaseTeam, summary: leaseTeamLine },
  wire: { node: leaseNodeViewSchema, extras: leaseExtrasSchema, moves: leaseMoveSchemas },
  narrate: narrateLease,
  narrationReads: leaseNarrationReads,
  leaderEvents: ['LeaseAcquired'],
  rankEvent: rankLeaseEvent,
  actingLeaders: leaseActingLeaders,
  scoring: leaseScoring,
  challenges: leaseChallenges,
  replayMarkers: leaseReplayMarkers,
  bot: leaseBot,
};
