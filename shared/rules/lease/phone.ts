/** What a Lease player's phone says: its own belief (never the lock's truth), in words. */
import type { Fact, InboxTone, NodeSummary, PeerName, TimerFact } from '../module';
import type { InboxEntry, NodeIndex } from '../types';
import { secondsText, whoIs } from '../words';
import { letterLabel } from '../labels';
import type { LeaseCluster, LeaseWire } from './types';
import { leaseNodeView } from './view';

export function leaseSummary(state: LeaseCluster, index: NodeIndex, peers: PeerName[]): NodeSummary {
  const node = leaseNodeView(state, index)!;
  const { params } = node;
  const holder = node.knownHolder === null ? null : letterLabel(node.knownHolder);
  const facts: Fact[] = [
    { id: 'holder', label: 'Lock service last said', value: node.knownVersion === 0 && holder === null ? 'nothing yet' : holder ? `${whoIs(peers, holder, node.label)} holds it` : 'the lease is free' },
    { id: 'version', label: 'Lease version seen', value: String(node.knownVersion) },
  ];
  const footnote = `This round: a lease lasts ${secondsText(params.leaseDurationMs)}, renew within ${secondsText(params.renewDeadlineMs)}, retry every ${secondsText(params.retryPeriodMs)}, fencing ${params.fencing ? 'on' : 'off'}.`;

  const timers: TimerFact[] = [];
  // The renew deadline is the end of the belief (L6): one countdown, "leads for", shows both.
  if (node.leadsForMs !== null) timers.push({ id: 'leads', label: 'Leads for', then: 'you stop leading unless renewed', remainingMs: node.leadsForMs, totalMs: params.renewDeadlineMs, critical: true });
  if (node.timers.retry !== null) timers.push({ id: 'retry', label: node.leading ? 'Renew reminder' : 'Retry', then: node.leading ? 'renew' : 'try to acquire again', remainingMs: node.timers.retry, totalMs: params.retryPeriodMs });

  let callout: string | null = null;
  if (node.leading && node.timers.retry === null) callout = 'Time to renew your lease.';
  else if (!node.leading && holder === node.label) callout = 'Your own clock says your time is up: you stopped leading, though the service last named you.';
  else if (!node.leading && holder === null && node.knownVersion > 0) callout = 'The lease is free: acquire it.';

  return {
    // A belief, never the truth: only the lock service knows who really holds the lease.
    role: node.leading ? 'believer' : 'idle',
    headline: { label: 'Token', value: node.token === null ? '—' : String(node.token) },
    facts,
    timers,
    callout,
    footnote,
  };
}

export function leaseInboxLine(entry: InboxEntry): { text: string; tone: InboxTone } {
  const m = entry.payload as LeaseWire;
  switch (m.kind) {
    case 'LeaseGrant':
      return { text: `Lease ${m.request === 'acquire' ? 'granted' : 'renewed'}, token ${m.token}`, tone: 'good' };
    case 'LeaseReleaseAck':
      return { text: 'Lease released: the lock service confirms', tone: 'info' };
    case 'LeaseRefusal':
      // The service's own sentence says why (late, held, stale version), citing the rule.
      return { text: `${m.request[0]?.toUpperCase()}${m.request.slice(1)} refused: ${m.message}`, tone: 'bad' };
    case 'StorageAck':
      return { text: `Write "${m.value}" stored with token ${m.token}`, tone: 'good' };
    case 'StorageRefusal':
      return { text: `Write "${m.value}" refused: ${m.message}`, tone: 'bad' };
    default:
      // Requests travel to the service, never to a node; shown plainly should one appear.
      return { text: m.kind, tone: 'info' };
  }
}
