/**
 * A team's cluster moved to a room time (and maybe a command run there), as one batch of
 * the log: shared by the game's decisions and story mode.
 */
import { accepted, refused, type Decision } from '../rules/refusal';
import { decide } from '../rules/engine';
import type { ClusterState, Command, Event } from '../rules/types';
import type { ClusterEvents } from './events';

/** Ticks a team's cluster to `roomTime`, then optionally runs a command; both as one batch. */
export function advanceAndRun(cluster: ClusterState, roomTime: number, command?: Command): Decision<Event> {
  const tick = decide(cluster, { type: 'Tick', to: roomTime });
  if (!tick.ok || !command) return tick;
  const run = decide(tick.state, command);
  // Refused, the time that passed before the command still happened.
  return run.ok ? accepted(...tick.events, ...run.events) : refused(run.refusal, tick.events);
}

export const onlyTime = (events: Event[]) => events.every((e) => e.type === 'ClockAdvanced');

export function batch(at: number, team: number, cause: ClusterEvents['cause'], events: Event[], node?: number): ClusterEvents {
  return node === undefined ? { type: 'ClusterEvents', at, team, cause, events } : { type: 'ClusterEvents', at, team, cause, node, events };
}

