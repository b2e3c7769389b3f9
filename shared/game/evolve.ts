/**
 * evolveGame: folds the game's facts into the room. Rule events are folded one at a time
 * with the rules' own evolve, narrating each into the team's ticker as it goes, so a
 * replayed room tells the same story the live one told (shared/game/team-run.ts).
 */
import { createCluster } from '../rules/engine';
import type { GameRoom } from './room';
import type { ClusterEvents, GameEvent, RoundStarted } from './events';
import { seedRng } from '../rules/prng';
import { startScoring } from '../scoring/score-round';
import { evolveStandIn } from './stand-in';
import { observeStory } from '../stories/engine';
import { foldStory, truthRole } from './story-fold';
import { challengeBatch, challengeRefused, endChallenge, startChallenge } from '../challenges/fold';
import { BOT_FIRST_LOOK_MS, type BotMind, type RoundState, type TeamState } from './round';
import { startRecap } from './recap';
import { withRound } from './round-copy';
import { closeTeamRun, foldTeamRefusal, foldTeamRow, openTeamRun } from './team-run';

export function evolveGame<R extends GameRoom>(room: R, event: GameEvent): R {
  // A setting of the class, with or without a round (SPEC S11).
  if (event.type === 'ScoresSwitched') return { ...room, scoresOff: !event.on };
  if (event.type === 'RoundStarted') {
    const { config } = event;
    // A fork carries on from its source's clusters and room time (see forkOriginSchema).
    const startTime = event.forkedFrom?.roomTime ?? 0;
    const round: RoundState = {
      id: event.round,
      config,
      startedAt: event.at,
      clock: { running: !config.startPaused, rate: 1, roomTime: startTime },
      ended: false,
      scoring: startScoring(event),
      bots: {},
      teams: event.teams.map((members, team) => teamAtStart(event, members, team, startTime)),
    };
    return { ...room, round: { ...round, bots: botsAtStart(room, event) }, roundsPlayed: event.round };
  }
  const round = room.round;
  if (!round) throw new Error(`${event.type} outside a round: the log is corrupt`);
  switch (event.type) {
    case 'RoundClockSet':
      return withRound(room, { ...round, clock: { running: event.running, rate: event.rate, roomTime: event.roomTime } });
    case 'RoundEnded':
      return withRound(room, { ...round, ended: true, clock: { ...round.clock, running: false } });
    case 'BotLooked': {
      const mind = (round.bots ?? {})[event.nodeId];
      if (!mind) throw new Error(`BotLooked for node ${event.nodeId}, which no bot plays: the log is corrupt`);
      const standIn = mind.standIn && event.played ? { ...mind.standIn, played: { ...mind.standIn.played, [event.played]: (mind.standIn.played[event.played] ?? 0) + 1 } } : mind.standIn;
      return withRound(room, { ...round, bots: { ...round.bots, [event.nodeId]: { ...mind, nextAt: event.nextAt, rng: event.rng, ...(standIn && { standIn }) } } });
    }
    case 'BotTookOver':
    case 'BotHandedBack':
      return withRound(room, evolveStandIn(round, event));
    case 'ChallengeStarted':
      return withRound(room, { ...round, challenge: startChallenge(event, round.teams.map((t) => t.cluster)) });
    case 'ChallengeEnded':
      return round.challenge ? withRound(room, { ...round, challenge: endChallenge(round.challenge, event) }) : room;
    case 'MoveRefused': {
      // A run of one row, as a batch is (shared/game/team-run.ts): the replay player folds refusals inside the team's runs.
      const run = openTeamRun(room, event.team);
      foldTeamRefusal(run, event);
      const folded = closeTeamRun(run);
      const challenge = round.challenge && challengeRefused(round.challenge, event.team, event.node, event.move, event.rule, round.teams[event.team]?.cluster.now ?? 0);
      return challenge ? withRound(folded, { ...folded.round!, challenge }) : folded;
    }
    case 'ClusterEvents': {
      // A run of one row (shared/game/team-run.ts): the replay player folds longer runs with the same code.
      const run = openTeamRun(room, event.team);
      foldTeamRow(run, event);
      const folded = closeTeamRun(run);
      const story = observed(folded.round!, event);
      // Most rows change no story: the room the run made is kept (one room copy per row).
      const next = story === folded.round ? folded : withRound(folded, story);
      const challenge = round.challenge;
      if (!challenge || challenge.ended) return next;
      // The challenge reads the batch with the team's cluster before and after it (SPEC K2..K5).
      const before = round.teams[event.team]!.cluster;
      const after = next.round!.teams[event.team]!.cluster;
      return withRound(next, { ...next.round!, challenge: challengeBatch(challenge, event.team, event.cause, event.events, before, after) });
    }
    case 'StoryStarted':
    case 'StoryBeatShown':
    case 'StoryFinished':
    case 'StoryStopped':
      return withRound(room, { ...round, story: foldStory(round, event) });
  }
}

/** A story follows the same log: its beats, and what each team's cluster showed (story mode). */
function observed(round: RoundState, batch: ClusterEvents): RoundState {
  if (!round.story || round.story.status !== 'playing') return round;
  const cluster = round.teams[batch.team]!.cluster;
  const story = observeStory(round.story, batch.team, batch.events as unknown as { type: string }[], (node) => truthRole(cluster, node), cluster.now);
  return story === round.story ? round : { ...round, story };
}

function teamAtStart(event: RoundStarted, members: number[], team: number, startTime: number): TeamState {
  const { config } = event;
  // Each team gets its own seed so teams of the same round play different games.
  const cluster = event.clusters?.[team] ?? createCluster({ algorithm: config.algorithm, nodeCount: members.length, seed: config.seed + team, now: 0, network: config.network, params: config.params });
  return {
    team,
    members,
    cluster,
    refusedMoves: 0,
    ticker: event.forkedFrom ? [{ at: startTime, text: `Forked from round ${event.forkedFrom.round}: what happens this time?` }] : [],
    away: [],
    recap: startRecap(cluster),
  };
}

/** Every bot seat of the round gets a mind: it first looks at its phone after BOT_FIRST_LOOK_MS. */
function botsAtStart(room: GameRoom, event: RoundStarted): Record<string, BotMind> {
  const bots: Record<string, BotMind> = {};
  const playing = new Set(event.teams.flat());
  for (const seat of room.seats) {
    if (!seat.bot || seat.kicked || !playing.has(seat.nodeId)) continue;
    bots[seat.nodeId] = { temperament: seat.bot, nextAt: BOT_FIRST_LOOK_MS, rng: seedRng(event.config.seed * 977 + seat.nodeId) };
  }
  return bots;
}

