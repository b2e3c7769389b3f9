/**
 * A dummy algorithm, "talking stick", added from outside shared/ to prove that adding an
 * algorithm is one folder (issue 10). One node holds the stick; only the holder may pass
 * it (rule D1); the stick travels as a message and its receiver holds it on arrival. A
 * reminder timer asks the holder to pass within `holdMs`.
 */
import type { AlgorithmRules } from '../../../../shared/rules/algorithm';
import { send } from '../../../../shared/rules/network';
import { moduleRefusals } from '../../../../shared/rules/refusal';
import { clearTimer, setTimer } from '../../../../shared/rules/timers';
import type { ClusterCore, Event, Message, NodeIndex, WirePayload } from '../../../../shared/rules/types';

export interface StickParams {
  holdMs: number;
}

/** The dummy's state: the common core plus who holds the stick (plain JSON). */
export type StickCluster = ClusterCore & { algorithm: 'stick'; params: StickParams; holder: NodeIndex | null; passes: number };
export type StickCommand = { type: 'PassStick'; node: NodeIndex; to: NodeIndex };
export type StickEvent = { type: 'StickPassed'; node: NodeIndex; to: NodeIndex } | { type: 'StickReceived'; node: NodeIndex; from: NodeIndex };

export const HOLD_TIMER = 'hold';

/** The dummy's own refusal codes (registered with the module: shared/rules/refusal.ts `moduleRefusals`). */
export const stickRefusals = moduleRefusals(['not-stick-holder', 'bad-stick-target']);
const { refuse } = stickRefusals;

// The engine's types list the built-in algorithms' events and messages: a foreign
// algorithm's are cast at this one seam.
const asEvent = (event: StickEvent) => event as unknown as Event;
const asStickEvent = (event: Event) => event as unknown as StickEvent | { type: string };
type Out = { readonly state: StickCluster; emit(event: Event): void };

export function initStick(core: ClusterCore, params: StickParams): StickCluster {
  const nodes = core.nodes.map((node) => (node.index === 0 ? { ...node, timers: { [HOLD_TIMER]: core.now + params.holdMs } } : node));
  return { ...core, nodes, algorithm: 'stick', params, holder: core.nodes.length > 0 ? 0 : null, passes: 0 };
}

export const stickRules: AlgorithmRules<never, never> = {
  commandTypes: ['PassStick' as never],
  decideNode(out, command) {
    const o = out as unknown as Out;
    const { node, to } = command as unknown as StickCommand;
    if (o.state.holder !== node) return refuse('not-stick-holder', 'D1', 'Only the node holding the stick may pass it (D1).');
    if (to === node || !o.state.nodes[to]) return refuse('bad-stick-target', 'D1', 'Pass the stick to another node of your cluster (D1).');
    o.emit(asEvent({ type: 'StickPassed', node, to }));
    clearTimer(out, node, HOLD_TIMER);
    send(out, node, [{ to, payload: { kind: 'Stick' } as unknown as WirePayload }]);
  },
  onMessage(out, message: Message) {
    const o = out as unknown as Out;
    o.emit(asEvent({ type: 'StickReceived', node: message.to, from: message.from }));
    setTimer(out, message.to, HOLD_TIMER, o.state.params.holdMs);
  },
  onTimer() {
    // The reminder only colours the holder's screen: passing is still a click.
  },
  onRestart() {},
  evolve(state, event) {
    const s = state as unknown as StickCluster;
    const e = asStickEvent(event);
    if (e.type === 'StickPassed') return { ...s, holder: null, passes: s.passes + 1 } as never;
    if (e.type === 'StickReceived') return { ...s, holder: (e as { node: number }).node } as never;
    return state;
  },
  hasLeader: (state) => (state as unknown as StickCluster).holder !== null,
  invariants: () => [],
};
