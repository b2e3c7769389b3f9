/** The dummy algorithm's module: everything the game, the server and the screens need. */
import { z } from 'zod';
import { letterLabel } from '../../../../shared/rules/labels';
import type { AlgorithmModule } from '../../../../shared/rules/module';
import { durationMs } from '../../../../shared/rules/params';
import { localTime } from '../../../../shared/rules/clock';
import type { Event, NodeIndex } from '../../../../shared/rules/types';
import { HOLD_TIMER, initStick, stickRefusals, stickRules, type StickCluster, type StickCommand, type StickParams } from './rules';

const paramsSchema: z.ZodType<StickParams, Record<string, unknown>> = z.object({ holdMs: durationMs(10_000, 'The holding time') }).strict();

function holdLeft(state: StickCluster, index: NodeIndex): number | null {
  const node = state.nodes[index]!;
  const at = node.timers[HOLD_TIMER];
  return at === undefined ? null : Math.max(0, at - localTime(node.clock, state.now));
}

export const stickModule: AlgorithmModule<StickCluster, StickCommand, StickParams, { holds: boolean }> = {
  name: 'stick',
  title: 'Talking stick',
  line: 'Whoever holds the stick speaks, then passes it on.',
  rules: stickRules,
  // Receiving the stick makes its receiver the speaker (its "leader").
  leaderEvents: ['StickReceived'],
  init: initStick,
  params: paramsSchema,
  presets: [{ id: 'stick-classroom', algorithm: 'stick', name: 'Stick: classroom', summary: 'Pass the stick within 10 s.', params: { holdMs: 10_000 } }],
  nodeLabel: letterLabel,
  roles: {
    speaker: { word: 'Speaker', shape: 'crown', colour: 'brass' },
    listener: { word: 'Listener', shape: 'circle', colour: 'wave', plain: true },
  },
  messages: { Stick: { label: 'Stick', colour: 'brass' } },
  team: { elections: 'Passes', service: false, legend: ['speaker', 'listener'] },
  seat: {
    source: (state) => state.holder,
    node: (state, index) => ({ holds: state.holder === index }),
    summary: (state, index) => {
      const left = holdLeft(state, index);
      return {
        role: state.holder === index ? 'speaker' : 'listener',
        headline: { label: 'Passes', value: String(state.passes) },
        facts: [{ id: 'holder', label: 'Stick', value: state.holder === null ? 'travelling' : letterLabel(state.holder) }],
        timers: left === null ? [] : [{ id: 'hold', label: 'Pass within', then: 'pass it', remainingMs: left, totalMs: state.params.holdMs }],
        callout: state.holder === index ? 'You hold the stick: pass it on.' : null,
      };
    },
    moves: (state, index) => state.nodes.flatMap((_, to) => (to === index ? [] : [{
      command: { type: 'PassStick', node: index, to }, label: `Pass to ${letterLabel(to)}`, layout: { kind: 'main' as const }, urgent: state.holder === index,
    }])),
    inboxLine: (entry, label) => ({ text: `${label(entry.from)} passed you the stick`, tone: 'good' }),
  },
  screen: {
    node: (state, index) => ({ role: state.holder === index ? 'speaker' : 'listener', leader: state.holder === null ? null : letterLabel(state.holder), timer: null, info: state.holder === index ? 'speaks' : '' }),
    team: (state) => ({ elections: state.passes, alerts: [], extras: {} }),
    summary: (nodes) => {
      const speaker = nodes.find((n) => n.role === 'speaker');
      return speaker ? `${speaker.label} speaks` : 'The stick is travelling';
    },
  },
  refusalCodes: stickRefusals.codes,
  wire: {
    node: z.object({ holds: z.boolean() }),
    extras: z.object({}),
    moves: [z.object({ type: z.literal('PassStick'), to: z.number().int().min(0).max(499) })],
  },
  narrate(event: Event) {
    const e = event as unknown as { type: string; node: number; to?: number; from?: number };
    if (e.type === 'StickPassed') return `${letterLabel(e.node)} passed the stick to ${letterLabel(e.to!)}.`;
    if (e.type === 'StickReceived') return `${letterLabel(e.node)} holds the stick.`;
    return null;
  },
};
