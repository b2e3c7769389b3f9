/**
 * A bot standing in for a student (SPEC AP5, AP6). With the round's autopilot on, a student
 * whose phone goes away, or whom the host kicks, leaves their node to a diligent bot
 * instead of crashing it; a student who comes back gets the node back, with one line on
 * their phone telling what the bot did meanwhile. Without autopilot a kicked student's
 * node crashes (never left live and unplayed), whatever the round's crashOnDisconnect.
 */
import { accepted, type Decision } from '../rules/refusal';
import { seedRng } from '../rules/prng';
import type { SeatPresence } from './commands';
import type { GameEvent } from './events';
import { seatInRound, type BotMind, type RoundState } from './round';

/** The decision when a stand-in bot is concerned, or null to let the plain presence rule speak. */
export function standInFor(round: RoundState, command: SeatPresence): Decision<GameEvent> | null {
  if (!seatInRound(round, command.nodeId)) return null;
  const mind = round.bots[command.nodeId];
  if (command.online) {
    if (!mind?.standIn || mind.standIn.reason !== 'away') return null;
    return accepted({ type: 'BotHandedBack', at: command.at, nodeId: command.nodeId, note: meanwhile(mind.standIn.played) });
  }
  if (mind) return accepted(); // a bot already plays it
  // Without autopilot the plain presence rule crashes the node (a kicked one always).
  if (!round.config.autopilot) return null;
  const rng = seedRng(round.config.seed * 31 + command.nodeId * 7919 + Math.floor(command.roomTime));
  return accepted({ type: 'BotTookOver', at: command.at, nodeId: command.nodeId, reason: command.kicked ? 'kicked' : 'away', rng, roomTime: command.roomTime });
}

/** "While you were away, a bot played for you: Send heartbeat ×4, Vote for B." */
export function meanwhile(played: Record<string, number>): string {
  const parts = Object.entries(played).map(([label, n]) => (n > 1 ? `${label} ×${n}` : label));
  return parts.length === 0 ? 'While you were away, a bot watched your node: it had nothing to do.' : `While you were away, a bot played for you: ${parts.join(', ')}.`;
}

export function evolveStandIn(round: RoundState, event: Extract<GameEvent, { type: 'BotTookOver' | 'BotHandedBack' }>): RoundState {
  const key = String(event.nodeId);
  if (event.type === 'BotTookOver') {
    const mind: BotMind = { temperament: 'diligent', nextAt: event.roomTime, rng: event.rng, standIn: { reason: event.reason, played: {} } };
    const { [key]: _old, ...notes } = round.notes ?? {};
    return { ...round, bots: { ...round.bots, [key]: mind }, notes };
  }
  const { [key]: _gone, ...bots } = round.bots;
  return { ...round, bots, notes: { ...(round.notes ?? {}), [key]: event.note } };
}
