/**
 * The commands of a Raft transcript, run through the engine's public entry points
 * (decide + evolve, as the server does) and told with the projector's ticker (narrate).
 * After every command the safety invariants must hold; at the end, replaying the log
 * must give the live state byte for byte (checked by the driver test).
 *
 *   raft [nodes=5] [leader=A] [preVote] [checkQuorum] [logs=off] [seed=1]
 *                                       a cluster whose messages take exactly 1 s
 *   crash A | restart A | heal | partition A B | C D E | link C->D delay=8s drop=1
 *   stand B | vote D for B | refuse-vote B for D | heartbeat A | write A N
 *   wait 2s | wait until B C may stand
 *   beat A every 3s until E may stand | beat A every 3s until A steps down
 *   show [A B ...] | cluster
 */
import { decide, evolve } from '../../../../shared/rules/engine';
import { narrate } from '../../../../shared/game/narrate';
import type { ClusterState, Command, Event } from '../../../../shared/rules/types';
import type { Run } from '../harness';
import { expectSafe, node, raft, untilDue } from '../raft/helpers';
import { describeCluster, describeNode, letter, quietFact, time } from './raft-describe';

const MAX_BEAT_MS = 120_000;

function parseNode(word: string | undefined, run: Run | null): number {
  const index = word && /^[A-Z]$/.test(word) ? word.charCodeAt(0) - 65 : -1;
  if (index < 0 || (run && index >= run.state.nodes.length)) throw new Error(`"${word}" is not a node letter of this cluster`);
  return index;
}

function parseMs(word: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(word ?? '');
  if (!match) throw new Error(`"${word}" is not a duration like 2s or 500ms`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

function options(words: string[]): Record<string, string> {
  return Object.fromEntries(words.map((w) => (w.includes('=') ? (w.split('=', 2) as [string, string]) : [w, 'on'])));
}

export interface TranscriptRun {
  run(line: string): string[];
  /** The run so far (throws before the "raft" line). */
  current(): Run;
}

export function raftInterpreter(): TranscriptRun {
  let current: Run | null = null;
  const run = (): Run => {
    if (!current) throw new Error('start with a "raft" line');
    return current;
  };

  /** Decides and folds one command; prints the ticker lines, or the refusal (and checks nothing changed). */
  function apply(command: Command, mute: (e: Event) => boolean = () => false): string[] {
    const r = run();
    const decision = decide(r.state, command);
    if (!decision.ok) {
      const { code, rule, message } = decision.refusal;
      return [`refused ${code}${message.includes(`(${rule})`) ? '' : ` (${rule})`}: ${message}`];
    }
    const lines: string[] = [];
    for (const event of decision.events) {
      const before = r.state;
      r.state = evolve(before, event);
      r.events.push(event);
      const line = mute(event) ? null : narrate(event, before, r.state) ?? quietFact(event, before);
      if (line) lines.push(`${time(r.state.now)} ${line}`);
    }
    return lines;
  }

  function beat(leader: number, everyMs: number, until: string[]): string[] {
    const r = run();
    const lines: string[] = [];
    let beats = 0;
    const done = (): boolean => {
      const who = parseNode(until[0], r);
      if (until.join(' ') === `${until[0]} may stand`) return node(r, who).electionDue;
      if (until.join(' ') === `${until[0]} steps down`) return node(r, who).role !== 'leader';
      throw new Error('expected "until X may stand" or "until X steps down"');
    };
    const startedAt = r.state.now;
    while (!done()) {
      if (r.state.now - startedAt > MAX_BEAT_MS) throw new Error(`still not done after ${MAX_BEAT_MS / 1000} s`);
      const isBeat = (e: Event) => e.type === 'MessagesSent' && e.messages[0]?.payload.kind === 'AppendEntries' && e.messages[0].from === leader;
      lines.push(...apply({ type: 'SendHeartbeat', node: leader }, isBeat));
      beats++;
      lines.push(...apply({ type: 'Tick', to: r.state.now + everyMs }, isBeat));
    }
    return [...lines, `${letter(leader)} sent ${beats} heartbeat${beats === 1 ? '' : 's'}, one every ${everyMs / 1000} s; now ${time(r.state.now)}.`];
  }

  return {
    run(line: string): string[] {
      const lines = dispatch(line);
      if (current) expectSafe(current); // the safety invariants hold after every command
      return lines;
    },
    current: run,
  };

  function dispatch(line: string): string[] {
    const [verb, ...args] = line.split(/\s+/);
    const n = (i: number) => parseNode(args[i], current);
    switch (verb) {
      case 'raft': {
        const o = options(args);
        const leader = o.leader ? { startWithLeader: parseNode(o.leader, null) } : {};
        current = raft(
          { ...leader, ...(o.preVote ? { preVote: true } : {}), ...(o.checkQuorum ? { checkQuorum: true } : {}), ...(o.logs === 'off' ? { logs: false } : {}) },
          { nodeCount: Number(o.nodes ?? 5), seed: Number(o.seed ?? 1) },
        );
        return describeCluster(current, 'nodes');
      }
      case 'crash': return apply({ type: 'CrashNode', node: n(0) });
      case 'restart': return apply({ type: 'RestartNode', node: n(0) });
      case 'heal': return apply({ type: 'HealPartition' });
      case 'partition':
        return apply({ type: 'Partition', groups: args.join(' ').split('|').map((g) => g.trim().split(/\s+/).map((w) => parseNode(w, run()))) });
      case 'link': {
        const [from, to] = (args[0] ?? '').split('->');
        const o = options(args.slice(1));
        return apply({
          type: 'SetLink', from: parseNode(from, run()), to: parseNode(to, run()),
          ...(o.delay ? { delayMs: parseMs(o.delay) } : {}), ...(o.drop ? { dropRate: Number(o.drop) } : {}),
        });
      }
      case 'stand': return apply({ type: 'StandForElection', node: n(0) });
      case 'vote': return apply({ type: 'GrantVote', node: n(0), candidate: n(2) });
      case 'refuse-vote': return apply({ type: 'RefuseVote', node: n(0), candidate: n(2) });
      case 'heartbeat': return apply({ type: 'SendHeartbeat', node: n(0) });
      case 'write': return apply({ type: 'WriteCommand', node: n(0), command: args.slice(1).join(' ') });
      case 'wait': {
        if (args[0] !== 'until') return apply({ type: 'Tick', to: run().state.now + parseMs(args[0]) });
        if (args.slice(-2).join(' ') !== 'may stand') throw new Error('expected "wait 2s" or "wait until B C may stand"');
        // Tick to each node's election deadline in turn, until all of them may stand.
        const nodes = args.slice(1, -2).map((w) => parseNode(w, run()));
        const [before, from] = [run().state, run().events.length];
        untilDue(run(), ...nodes);
        return tickerLines(before, run().events.slice(from));
      }
      case 'beat': {
        if (args[1] !== 'every' || args[3] !== 'until') throw new Error('expected "beat A every 3s until ..."');
        return beat(n(0), parseMs(args[2]), args.slice(4));
      }
      case 'show': return args.length === 0 ? describeCluster(run(), 'nodes') : args.map((w) => describeNode(run(), parseNode(w, run())));
      case 'cluster': return describeCluster(run(), 'monitor');
      default: throw new Error(`unknown command "${verb}"`);
    }
  }
}

/** The ticker lines for events a helper already folded (the helper checked their decisions). */
function tickerLines(from: ClusterState, events: Event[]): string[] {
  let state = from;
  const lines: string[] = [];
  for (const event of events) {
    const before = state;
    state = evolve(before, event);
    const line = narrate(event, before, state) ?? quietFact(event, before);
    if (line) lines.push(`${time(state.now)} ${line}`);
  }
  return lines;
}
