/**
 * The messages that reached a node, in plain words ("C asks for your vote (term 4)"),
 * newest first. Pure formatting of the node's own inbox.
 */
import type { AlgorithmNodeView } from '@/shared/game/seat-view';
import { letterLabel } from '@/shared/rules/labels';
import type { LeaseWire } from '@/shared/rules/lease/types';
import type { RaftWire } from '@/shared/rules/raft/types';
import type { InboxEntry } from '@/shared/rules/types';

export type InboxTone = 'ask' | 'good' | 'bad' | 'info';

export interface InboxLine {
  key: number;
  text: string;
  tone: InboxTone;
  /** Room time it arrived, when known. */
  at: number | null;
}

function raftLine(from: string, m: RaftWire): { text: string; tone: InboxTone } {
  switch (m.kind) {
    case 'RequestVote':
      return { text: `${from} asks for your vote (term ${m.term})`, tone: 'ask' };
    case 'VoteReply':
      return m.granted ? { text: `${from} voted for you (term ${m.term})`, tone: 'good' } : { text: `${from} refused you its vote (term ${m.term})`, tone: 'bad' };
    case 'PreVoteRequest':
      return { text: `${from} asks if it could win (pre-vote, term ${m.term})`, tone: 'ask' };
    case 'PreVoteReply':
      return m.granted ? { text: `${from} would vote for you (pre-vote, term ${m.term})`, tone: 'good' } : { text: `${from} would not vote for you (pre-vote, term ${m.term})`, tone: 'bad' };
    case 'AppendEntries':
      return m.entries.length === 0
        ? { text: `Heartbeat from ${from} (term ${m.term})`, tone: 'info' }
        : { text: `${from} sends ${m.entries.length === 1 ? `entry "${m.entries[0]?.command}"` : `${m.entries.length} entries`} (term ${m.term})`, tone: 'info' };
    case 'AppendReply':
      return m.success ? { text: m.index === 0 ? `${from} accepted your heartbeat` : `${from} holds your log up to entry ${m.index}`, tone: 'good' } : { text: `${from}'s log does not match: it has up to entry ${m.index}`, tone: 'bad' };
  }
}

function leaseLine(m: LeaseWire): { text: string; tone: InboxTone } {
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

const BULLY_WORDS = {
  ELECTION: (from: number) => ({ text: `ELECTION from ${from}: it wants to lead`, tone: 'ask' as const }),
  ANSWER: (from: number) => ({ text: `ANSWER (OK) from ${from}: a higher rank is alive`, tone: 'bad' as const }),
  COORDINATOR: (from: number) => ({ text: `COORDINATOR from ${from}: ${from} leads now`, tone: 'good' as const }),
  ALIVE: (from: number) => ({ text: `ALIVE from ${from}`, tone: 'info' as const }),
};

/** The last `limit` messages, newest first. */
export function inboxLines(node: AlgorithmNodeView, limit: number): InboxLine[] {
  if (node.algorithm === 'bully') {
    return node.inbox.slice(-limit).reverse().map((m) => ({ key: m.messageId, at: null, ...BULLY_WORDS[m.kind](m.fromRank) }));
  }
  return node.inbox.slice(-limit).reverse().map((entry: InboxEntry) => {
    const line = node.algorithm === 'raft' ? raftLine(letterLabel(entry.from), entry.payload as RaftWire) : leaseLine(entry.payload as LeaseWire);
    return { key: entry.messageId, at: entry.at, ...line };
  });
}
