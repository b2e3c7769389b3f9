/**
 * The reactions Bully makes mandatory: what happens by itself when a message arrives
 * or a timer runs out. Players never click these; the server applies them.
 */
import type { Emitter } from '../algorithm';
import { clearTimer, setTimer } from '../timers';
import type { Message, NodeIndex } from '../types';
import type { BullyCluster } from './types';
import { BULLY_TIMERS } from './types';
import { isBullyWire } from './wire';

type Out = Emitter<BullyCluster>;

export function onBullyMessage(out: Out, message: Message): void {
  const payload = message.payload;
  const node = out.state.bully[message.to];
  if (!node || !isBullyWire(payload)) return;
  const { from, to } = message;
  switch (payload.kind) {
    case 'ELECTION':
      // B6 makes a downward ELECTION impossible; ignore one defensively rather than obey it.
      if (from < to) out.emit({ type: 'ElectionHeard', node: to, from, round: payload.round, episode: payload.episode });
      return;
    case 'ANSWER': {
      if (from <= to) return;
      // An answer for the round in progress stops T and starts T' (B2); a stale one changes nothing.
      const fresh = node.round === payload.round && (node.phase === 'awaitingAnswer' || node.phase === 'mayDeclare');
      out.emit({ type: 'AnswerReceived', node: to, from, round: payload.round, episode: payload.episode });
      if (fresh) {
        clearTimer(out, to, BULLY_TIMERS.answer);
        setTimer(out, to, BULLY_TIMERS.coordinatorWait, out.state.params.coordinatorTimeoutMs);
      }
      return;
    }
    case 'COORDINATOR':
      // B3: everyone adopts the sender and ends its round; B5 (from a lower rank) is recorded by the fold.
      out.emit({ type: 'CoordinatorAccepted', node: to, from, episode: payload.episode });
      clearTimer(out, to, BULLY_TIMERS.answer);
      clearTimer(out, to, BULLY_TIMERS.coordinatorWait);
      clearTimer(out, to, BULLY_TIMERS.heartbeat);
      setTimer(out, to, BULLY_TIMERS.suspicion, out.state.params.suspicionMs);
      return;
    case 'ALIVE':
      // B8: only the coordinator this node believes in keeps its suspicion at bay.
      if (node.coordinator !== from) return;
      if (node.suspecting) out.emit({ type: 'SuspicionCleared', node: to, coordinator: from });
      setTimer(out, to, BULLY_TIMERS.suspicion, out.state.params.suspicionMs);
      return;
  }
}

export function onBullyTimer(out: Out, index: NodeIndex, timer: string): void {
  const node = out.state.bully[index];
  if (!node) return;
  switch (timer) {
    case BULLY_TIMERS.suspicion:
      if (node.coordinator !== null && node.coordinator !== index && !node.suspecting) {
        out.emit({ type: 'CoordinatorSuspected', node: index, coordinator: node.coordinator });
      }
      return;
    case BULLY_TIMERS.answer:
      if (node.phase === 'awaitingAnswer') out.emit({ type: 'AnswerTimedOut', node: index, round: node.round });
      return;
    case BULLY_TIMERS.coordinatorWait:
      if (node.phase === 'awaitingCoordinator') out.emit({ type: 'CoordinatorWaitTimedOut', node: index, round: node.round });
      return;
    default:
      // The heartbeat timer is only a reminder for the coordinator's player (B7).
      return;
  }
}
