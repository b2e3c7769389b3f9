/**
 * decideGame: the room-level law of a round. It checks who may ask (host token, a seat
 * that plays in the round), moves the clusters to the room time the server read, runs
 * the rules, and returns the facts to log. A refused *move* is itself logged
 * (MoveRefused: the cluster does not change, but the class's counter of refused moves
 * does, and a replay shows it); every other refusal logs nothing.
 */
import { accepted, refuse as ruleRefusal, refuseAdmin, refused, type Decision, type RefusalCode } from '../rules/refusal';
import type { Command } from '../rules/types';
import type { GameRoom } from './room';
import { playerIds } from './room';
import type { EndRound, GameCommand, InjectFault, PlayMove, SeatPresence, SetRoundClock, StartRound, TickRound } from './commands';
import type { ClusterEvents, GameEvent } from './events';
import { moveToCommand } from './moves';
import { isAlgorithm, paramsInForce } from '../rules/registry';
import { presetsFor } from './presets';
import { seatInRound, type RoundState } from './round';
import { arrangeTeams } from './teams';
import { DEFAULT_NETWORK } from '../rules/engine';
import { evolveGame } from './evolve';
import { decideBots, standInFor } from './bots';
import { advanceAndRun, batch, onlyTime } from './cluster-batch';
import { decideStartStory, decideStoryControl, decideStoryTick } from './story-decide';
import { challengeDue, decideStartChallenge, decideStopChallenge } from '../challenges/decide';
import { DEFAULT_STEP_MS, isClockRate, isClockStep, MAX_RATE, MAX_STEP_MS, MIN_RATE } from './room-clock';

export type GameDecision = Decision<GameEvent>;

const refuse = (code: RefusalCode, message: string): GameDecision => refused(refuseAdmin(code, message));
const accept = (...events: GameEvent[]): GameDecision => accepted(...events);

const MIN_PLAYERS = 2;

export function decideGame(room: GameRoom, command: GameCommand): GameDecision {
  if ('hostTokenHash' in command && command.hostTokenHash !== room.hostTokenHash) {
    return refuse('not-host', 'Only the teacher who opened this class can do that.');
  }
  switch (command.type) {
    case 'StartRound':
      return decideStart(room, command);
    case 'TickRound':
      return withLiveRound(room, (round) => decideTick(room, round, command));
    case 'PlayMove':
      return withLiveRound(room, (round) => decideMove(round, command));
    case 'InjectFault':
      return withLiveRound(room, (round) => decideFault(round, command));
    case 'SetRoundClock':
      return withLiveRound(room, (round) => decideClock(round, command));
    case 'SeatPresence':
      return withLiveRound(room, (round) => standInFor(round, command) ?? decidePresence(round, command));
    case 'EndRound':
      return withLiveRound(room, (round) => decideEnd(round, command));
    case 'StartStory':
      return decideStartStory(room, command, decideStart);
    case 'StoryControl':
      return withLiveRound(room, (round) => decideStoryControl(round, command));
    case 'StartChallenge':
      return withLiveRound(room, (round) => decideStartChallenge(round, command));
    case 'StopChallenge':
      return withLiveRound(room, (round) => decideStopChallenge(round, command));
    case 'SetScores':
      // SPEC S11: switching to what is already in force is refused, so the log holds only changes.
      if (!room.scoresOff === command.on) return refused(ruleRefusal('scores-already', 'S11', command.on ? 'Scores are already on.' : 'Scores are already off.'));
      return accept({ type: 'ScoresSwitched', at: command.at, on: command.on });
  }
}

function withLiveRound(room: GameRoom, fn: (round: RoundState) => GameDecision): GameDecision {
  if (!room.round || room.round.ended) return refuse('no-round', 'No round is being played right now. Wait for the teacher to start one.');
  return fn(room.round);
}

function decideStart(room: GameRoom, command: StartRound): GameDecision {
  if (room.round && !room.round.ended) return refuse('round-running', 'A round is already running: end it before starting another.');
  if (!isAlgorithm(command.algorithm)) return refuse('unknown-algorithm', 'Pick one of the algorithms offered.');
  const preset = presetsFor(command.algorithm).find((p) => p.id === command.preset);
  if (!preset) return refuse('unknown-preset', 'Pick one of the presets offered for this algorithm.');
  // G9: the preset's values under the host's; a value out of range is refused, never replaced.
  const params = paramsInForce(command.algorithm, { ...preset.params, ...command.params });
  if (!params.ok) return refused(params.refusal);
  const players = playerIds(room);
  if (players.length < MIN_PLAYERS) return refuse('too-few-students', `A round needs at least ${MIN_PLAYERS} students in the class.`);
  const started: GameEvent = {
    type: 'RoundStarted',
    at: command.at,
    round: (room.roundsPlayed ?? 0) + 1,
    config: {
      algorithm: command.algorithm,
      preset: preset.id,
      params: params.params,
      network: { ...DEFAULT_NETWORK, ...command.network },
      teamSize: command.teamSize,
      crashOnDisconnect: command.crashOnDisconnect,
      autopilot: command.autopilot ?? false,
      seed: command.seed,
      startPaused: command.startPaused ?? false,
    },
    teams: arrangeTeams(players, command.teamSize),
  };
  return accept(started, ...absentAtStart(evolveGame(room, started), command));
}

/** Students not connected when the round starts are silent nodes from its first instant. */
function absentAtStart(room: GameRoom, command: StartRound): GameEvent[] {
  if (!command.online) return [];
  // Bots are always at the table (SPEC AP1).
  const online = new Set([...command.online, ...room.seats.filter((s) => s.bot).map((s) => s.nodeId)]);
  const events: GameEvent[] = [];
  for (const nodeId of room.round!.teams.flatMap((team) => team.members)) {
    if (online.has(nodeId)) continue;
    const away = decidePresence(room.round!, { type: 'SeatPresence', at: command.at, roomTime: 0, nodeId, online: false });
    for (const event of away.events) room = evolveGame(room, event);
    events.push(...away.events);
  }
  return events;
}

/** Time passing: each team's cluster moves to the room time, then the bots whose look is due play (SPEC AP3). */
function decideTick(room: GameRoom, round: RoundState, command: TickRound): GameDecision {
  const events: GameEvent[] = [];
  for (const team of round.teams) {
    const result = advanceAndRun(team.cluster, command.roomTime);
    // A tick in which nothing but time passed is not worth a log row: the next fact
    // carries the clock forward itself, and views project the time on their own.
    if (result.events.length > 0 && !onlyTime(result.events)) events.push(batch(command.at, team.team, 'tick', result.events));
  }
  let ticked = events.reduce(evolveGame, room);
  // A story's beat that ended by itself gives way to the next before the bots look (story mode).
  const story = decideStoryTick(ticked, command.at, command.roomTime);
  ticked = story.reduce(evolveGame, ticked);
  const bots = decideBots(ticked, command.at, command.roomTime, (r, move) => withLiveRound(r, (live) => decideMove(live, move)));
  // SPEC K1, K3: a challenge ends when its timer runs out or its goal is reached.
  const running = ticked.round?.challenge && ticked.round.challenge.ended === null;
  const due = running ? challengeDue(bots.reduce(evolveGame, ticked).round!, command.at, command.roomTime) : null;
  return accept(...events, ...story, ...bots, ...(due ? [due] : []));
}

function decideMove(round: RoundState, command: PlayMove): GameDecision {
  const seat = seatInRound(round, command.nodeId);
  if (!seat) return refuse('not-in-round', 'You joined after this round started: you will play in the next one.');
  const result = advanceAndRun(seat.team.cluster, command.roomTime, moveToCommand(command.move, seat.index));
  const events: GameEvent[] = [];
  const moved = result.events.length > 0 && !(!result.ok && onlyTime(result.events));
  if (moved) events.push(batch(command.at, seat.team.team, result.ok ? 'move' : 'tick', result.events, seat.index));
  if (result.ok) return accept(...events);
  const { code, rule = 'C0', message } = result.refusal;
  events.push({ type: 'MoveRefused', at: command.at, team: seat.team.team, node: seat.index, move: command.move.type, code, rule, message });
  return refused({ code, rule, message }, events);
}

function decideFault(round: RoundState, command: InjectFault): GameDecision {
  const team = round.teams[command.team];
  if (!team) return refuse('unknown-team', `There is no team ${command.team + 1} in this round.`);
  const result = advanceAndRun(team.cluster, command.roomTime, command.fault);
  if (!result.ok) return refused(result.refusal);
  return accept(batch(command.at, team.team, 'fault', result.events));
}

function decideClock(round: RoundState, command: SetRoundClock): GameDecision {
  const { running, rate } = round.clock;
  const at = command.at;
  switch (command.action) {
    case 'pause':
      if (!running) return refuse('clock-paused', 'The clock is already paused.');
      return accept(...ticksTo(round, at, command.roomTime, 'clock'), { type: 'RoundClockSet', at, running: false, rate, roomTime: command.roomTime });
    case 'resume':
      if (running) return refuse('clock-running', 'The clock is already running.');
      return accept({ type: 'RoundClockSet', at, running: true, rate, roomTime: command.roomTime });
    case 'rate': {
      const next = command.rate ?? rate;
      if (!isClockRate(next)) return refuse('bad-rate', `The clock runs between ${MIN_RATE}x and ${MAX_RATE}x.`);
      return accept({ type: 'RoundClockSet', at, running, rate: next, roomTime: command.roomTime });
    }
    case 'step': {
      const stepMs = command.stepMs ?? DEFAULT_STEP_MS;
      if (running) return refuse('clock-running', 'Pause the clock before stepping it.');
      if (!isClockStep(stepMs)) return refuse('bad-step', `A step is between 1 ms and ${MAX_STEP_MS / 1000} s.`);
      const to = command.roomTime + stepMs;
      return accept(...ticksTo(round, at, to, 'clock'), { type: 'RoundClockSet', at, running: false, rate, roomTime: to });
    }
  }
}

function ticksTo(round: RoundState, at: number, roomTime: number, cause: ClusterEvents['cause']): ClusterEvents[] {
  const out: ClusterEvents[] = [];
  for (const team of round.teams) {
    const result = advanceAndRun(team.cluster, roomTime);
    if (result.events.length > 0) out.push(batch(at, team.team, cause, result.events));
  }
  return out;
}

function decidePresence(round: RoundState, command: SeatPresence): GameDecision {
  // A kicked student's node crashes even when the absent are not crashed: never live and unplayed (SPEC AP6).
  if (!round.config.crashOnDisconnect && !command.kicked) return accept();
  const seat = seatInRound(round, command.nodeId);
  if (!seat) return accept();
  const status = seat.team.cluster.nodes[seat.index]?.status;
  // Away: the node crashes (it is silent to the cluster). Back: it restarts, unless the
  // host crashed it on purpose in the meantime, which only the host undoes.
  let fault: Command | null = null;
  if (!command.online && status !== 'crashed') fault = { type: 'CrashNode', node: seat.index };
  if (command.online && status === 'crashed' && seat.team.away.includes(seat.index)) fault = { type: 'RestartNode', node: seat.index };
  if (!fault) return accept();
  const result = advanceAndRun(seat.team.cluster, command.roomTime, fault);
  if (!result.ok) return accept();
  return accept(batch(command.at, seat.team.team, 'presence', result.events, seat.index));
}

function decideEnd(round: RoundState, command: EndRound): GameDecision {
  const due = challengeDue(round, command.at, command.roomTime, true);
  return accept(...ticksTo(round, command.at, command.roomTime, 'clock'), ...(due ? [due] : []), { type: 'RoundEnded', at: command.at });
}
