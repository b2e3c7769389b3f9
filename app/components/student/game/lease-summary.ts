import type { GameSeatView } from '@/shared/game/seat-view';
import { letterLabel } from '@/shared/rules/labels';
import type { LeaseNodeView } from '@/shared/rules/lease/view';
import { seconds, whoIs, type Fact, type NodeSummary, type TimerFact } from './node-summary';

export function leaseSummary(node: LeaseNodeView, view: GameSeatView): NodeSummary {
  const { params } = node;
  const holder = node.knownHolder === null ? null : letterLabel(node.knownHolder);
  const facts: Fact[] = [
    { id: 'holder', label: 'Lock service last said', value: node.knownVersion === 0 && holder === null ? 'nothing yet' : holder ? `${whoIs(view.peers, holder, node.label)} holds it` : 'the lease is free' },
    { id: 'version', label: 'Lease version seen', value: String(node.knownVersion) },
  ];
  const footnote = `This round: a lease lasts ${seconds(params.leaseDurationMs)}, renew within ${seconds(params.renewDeadlineMs)}, retry every ${seconds(params.retryPeriodMs)}, fencing ${params.fencing ? 'on' : 'off'}.`;

  const timers: TimerFact[] = [];
  // The renew deadline is the end of the belief (L6): one countdown, "leads for", shows both.
  if (node.leadsForMs !== null) timers.push({ id: 'leads', label: 'Leads for', then: 'you stop leading unless renewed', remainingMs: node.leadsForMs, totalMs: params.renewDeadlineMs, critical: true });
  if (node.timers.retry !== null) timers.push({ id: 'retry', label: node.leading ? 'Renew reminder' : 'Retry', then: node.leading ? 'renew' : 'try to acquire again', remainingMs: node.timers.retry, totalMs: params.retryPeriodMs });

  let callout: string | null = null;
  if (node.leading && node.timers.retry === null) callout = 'Time to renew your lease.';
  else if (!node.leading && holder === node.label) callout = 'Your own clock says your time is up: you stopped leading, though the service last named you.';
  else if (!node.leading && holder === null && node.knownVersion > 0) callout = 'The lease is free: acquire it.';

  return {
    role: node.leading ? 'holder' : 'idle',
    // A belief, never the truth: only the lock service knows who really holds the lease.
    roleLabel: node.leading ? 'You believe you lead' : 'Not leading',
    headline: { label: 'Token', value: node.token === null ? '—' : String(node.token) },
    facts,
    timers,
    callout,
    footnote,
  };
}
