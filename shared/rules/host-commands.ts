/**
 * The teacher's faults: crash, restart, pause, skew, slow links, drops and partitions.
 * Each is validated like a player's move, so a replayed log can only contain legal ones.
 */
import type { Emitter } from './algorithm';
import type { Refusal } from './refusal';
import { refuse } from './refusal';
import { algorithmModule } from './registry';
import { badFaultDuration, scheduleFaultEnd } from './timed-faults';
import type { Command, NodeIndex } from './types';
import { localTime } from './clock';

/** SPEC C3: a skewed clock runs between a quarter and four times true speed... */
export const MIN_SKEW_RATE = 0.25;
export const MAX_SKEW_RATE = 4;
/** ...and one skew moves it by at most ten minutes, never to before time 0. */
export const MAX_SKEW_OFFSET_MS = 600_000;

function badNode(out: Emitter, node: NodeIndex): Refusal | null {
  return out.state.nodes[node] ? null : refuse('unknown-node', 'C0', `There is no node ${node} in this cluster.`);
}

function badRate(rate: number | undefined): Refusal | null {
  if (rate === undefined || (Number.isFinite(rate) && rate >= MIN_SKEW_RATE && rate <= MAX_SKEW_RATE)) return null;
  return refuse('bad-parameter', 'C3', `A clock runs between ${MIN_SKEW_RATE}x and ${MAX_SKEW_RATE}x true speed.`);
}

function badOffset(out: Emitter, node: NodeIndex, offsetMs: number | undefined): Refusal | null {
  if (offsetMs === undefined) return null;
  if (!Number.isFinite(offsetMs) || Math.abs(offsetMs) > MAX_SKEW_OFFSET_MS) {
    return refuse('bad-parameter', 'C3', `A clock can be moved by at most ${MAX_SKEW_OFFSET_MS / 60_000} minutes either way.`);
  }
  const reads = localTime(out.state.nodes[node]!.clock, out.state.now);
  if (reads + offsetMs < 0) return refuse('bad-parameter', 'C3', 'A clock cannot be set to before the start of time (it would read below 0).');
  return null;
}

/**
 * SPEC C4: a partition has at least two sides, each naming at least one node of this
 * cluster (the Lease service, -1, may join a side but is not a side alone), and no node
 * on two sides. A node named on no side is isolated, as C4 says.
 */
function badPartition(out: Emitter, groups: readonly (readonly NodeIndex[])[]): Refusal | null {
  const seen = new Set<number>();
  for (const group of groups) {
    for (const n of group) {
      if (n !== -1 && !out.state.nodes[n]) return refuse('unknown-node', 'C0', `There is no node ${n} in this cluster.`);
      if (seen.has(n)) return refuse('bad-partition', 'C4', 'A node can be on one side of a partition only.');
      seen.add(n);
    }
    if (!group.some((n) => n !== -1)) return refuse('bad-partition', 'C4', 'Every side of a partition needs at least one node.');
  }
  if (groups.length < 2) return refuse('bad-partition', 'C4', 'A partition needs at least two sides.');
  return null;
}

function badProbability(p: number | undefined): Refusal | null {
  if (p === undefined || (Number.isFinite(p) && p >= 0 && p <= 1)) return null;
  return refuse('bad-parameter', 'C0', 'A drop rate is a probability between 0 and 1.');
}

function badDelay(ms: number | undefined): Refusal | null {
  if (ms === undefined || (Number.isFinite(ms) && ms >= 0 && ms <= 600_000)) return null;
  return refuse('bad-parameter', 'C0', 'A delay is between 0 and 600000 ms.');
}

/** The teacher's commands; every other command is a player's move (the engine routes on this). */
export const HOST_COMMAND_TYPES = [
  'CrashNode', 'RestartNode', 'PauseNode', 'ResumeNode', 'SkewClock', 'SetNetwork', 'SetLink', 'Partition', 'HealPartition', 'DropMessage',
] as const satisfies readonly Command['type'][];
export type HostCommand = Extract<Command, { type: (typeof HOST_COMMAND_TYPES)[number] }>;

export function isHostCommand(command: Command): command is HostCommand {
  return (HOST_COMMAND_TYPES as readonly string[]).includes(command.type);
}

/** A fault, timed when it carries `forMs`: its end is scheduled only once the fault is in. */
export function decideHostCommand(out: Emitter, command: HostCommand): Refusal | void {
  const forMs = 'forMs' in command ? command.forMs : undefined;
  const badDuration = badFaultDuration(forMs);
  if (badDuration) return badDuration;
  const refusal = decideFault(out, command);
  if (refusal || forMs === undefined) return refusal;
  scheduleFaultEnd(out, command, forMs);
}

function decideFault(out: Emitter, command: HostCommand): Refusal | void {
  const state = out.state;
  switch (command.type) {
    case 'CrashNode': {
      const status = state.nodes[command.node]?.status;
      if (status === undefined) return badNode(out, command.node) ?? undefined;
      if (status === 'crashed') return refuse('already-crashed', 'C1', 'That node is already down.');
      return out.emit({ type: 'NodeCrashed', node: command.node });
    }
    case 'RestartNode': {
      const status = state.nodes[command.node]?.status;
      if (status === undefined) return badNode(out, command.node) ?? undefined;
      if (status !== 'crashed') return refuse('not-crashed', 'C1', 'Only a crashed node can be restarted.');
      out.emit({ type: 'NodeRestarted', node: command.node });
      return algorithmModule(state.algorithm).rules.onRestart(out, command.node);
    }
    case 'PauseNode': {
      const status = state.nodes[command.node]?.status;
      if (status === undefined) return badNode(out, command.node) ?? undefined;
      if (status !== 'live') return refuse('not-live', 'C2', 'Only a running node can be paused.');
      return out.emit({ type: 'NodePaused', node: command.node });
    }
    case 'ResumeNode': {
      const status = state.nodes[command.node]?.status;
      if (status === undefined) return badNode(out, command.node) ?? undefined;
      if (status !== 'paused') return refuse('not-paused', 'C2', 'That node is not paused.');
      out.emit({ type: 'NodeResumed', node: command.node });
      return algorithmModule(state.algorithm).rules.onResume?.(out, command.node);
    }
    case 'SkewClock': {
      const problem = badNode(out, command.node) ?? badRate(command.rate) ?? badOffset(out, command.node, command.offsetMs);
      if (problem) return problem;
      const rate = command.rate ?? state.nodes[command.node]!.clock.rate;
      return out.emit({ type: 'ClockSkewed', node: command.node, rate, offsetMs: command.offsetMs ?? 0 });
    }
    case 'SetNetwork': {
      const problem = badDelay(command.delayMs) ?? badDelay(command.jitterMs) ?? badProbability(command.dropRate);
      if (problem) return problem;
      const net = state.network;
      return out.emit({
        type: 'NetworkChanged',
        delayMs: command.delayMs ?? net.delayMs,
        jitterMs: command.jitterMs ?? net.jitterMs,
        dropRate: command.dropRate ?? net.dropRate,
      });
    }
    case 'SetLink': {
      const known = (n: NodeIndex) => n === -1 || state.nodes[n] !== undefined;
      if (!known(command.from) || !known(command.to) || command.from === command.to) {
        return refuse('unknown-node', 'C0', 'A link joins two different nodes of this cluster.');
      }
      const problem = badDelay(command.delayMs) ?? badProbability(command.dropRate);
      if (problem) return problem;
      const setting = { ...(command.delayMs !== undefined && { delayMs: command.delayMs }), ...(command.dropRate !== undefined && { dropRate: command.dropRate }) };
      out.emit({ type: 'LinkChanged', from: command.from, to: command.to, setting });
      if (command.bothWays) out.emit({ type: 'LinkChanged', from: command.to, to: command.from, setting });
      return;
    }
    case 'Partition':
      return badPartition(out, command.groups) ?? out.emit({ type: 'Partitioned', groups: command.groups.map((g) => g.slice()) });
    case 'HealPartition':
      if (state.network.partition === null) return refuse('not-partitioned', 'C0', 'The network is not partitioned.');
      return out.emit({ type: 'PartitionHealed' });
    case 'DropMessage':
      if (!state.network.inFlight.some((m) => m.id === command.id)) {
        return refuse('no-such-message', 'C0', 'That message is no longer in flight.');
      }
      return out.emit({ type: 'MessageDropped', id: command.id, reason: 'byHand' });
    default:
      return assertNever(command);
  }
}

function assertNever(command: never): never {
  throw new Error(`Unhandled host command: ${JSON.stringify(command)}`);
}
