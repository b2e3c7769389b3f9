/**
 * Heartbeats and the log (Raft paper 5.3, 5.4.2, Figure 2's AppendEntries): what a
 * leader sends, how a follower checks and copies it, and how the leader counts the
 * acknowledgements and commits.
 */
import type { Emitter } from '../algorithm';
import { peersOf, send } from '../network';
import { setTimer } from '../timers';
import type { NodeIndex } from '../types';
import { restartElectionTimer } from './election';
import { entriesFrom, entryAt, lastIndex, termAt } from './log';
import { HEARTBEAT_TIMER, majority, raftNode } from './state';
import type { RaftCluster, RaftWire } from './types';
import { MAX_ENTRIES_PER_MESSAGE } from './types';

type Out = Emitter<RaftCluster>;
type Wire<K extends RaftWire['kind']> = Extract<RaftWire, { kind: K }>;

/** R6: AppendEntries to every peer, each starting from what that peer is known to lack. */
export function sendHeartbeat(out: Out, node: NodeIndex): void {
  const n = raftNode(out.state, node);
  const logs = out.state.params.logs;
  const outgoing = peersOf(out.state, node).map((to) => {
    const next = n.nextIndex[to] ?? n.log.length + 1;
    const prevLogIndex = next - 1;
    const payload: RaftWire = {
      kind: 'AppendEntries',
      term: n.term,
      prevLogIndex,
      prevLogTerm: termAt(n.log, prevLogIndex) ?? 0,
      entries: logs ? entriesFrom(n.log, next, MAX_ENTRIES_PER_MESSAGE) : [],
      leaderCommit: n.commitIndex,
    };
    return { to, payload };
  });
  send(out, node, outgoing);
  setTimer(out, node, HEARTBEAT_TIMER, out.state.params.heartbeatMs);
}

/** R7: the leader appends an entry of its own term; heartbeats carry it to the others. */
export function writeCommand(out: Out, node: NodeIndex, command: string): void {
  const n = raftNode(out.state, node);
  out.emit({ type: 'CommandWritten', node, term: n.term, index: n.log.length + 1, command });
  advanceLeaderCommit(out, node);
}

/**
 * R7: the commit index moves to the highest entry a majority holds, but only by counting
 * an entry of the leader's own term (paper 5.4.2, Figure 8); earlier ones follow along.
 */
function advanceLeaderCommit(out: Out, node: NodeIndex): void {
  const n = raftNode(out.state, node);
  const held = n.matchIndex.map((m, peer) => (peer === node ? n.log.length : m)).sort((a, b) => b - a);
  const candidate = held[majority(out.state) - 1] ?? 0;
  if (candidate > n.commitIndex && termAt(n.log, candidate) === n.term) {
    out.emit({ type: 'CommitAdvanced', node, commitIndex: candidate });
  }
}

/**
 * R6 on the receiving side (after R1 made the terms equal or the message stale): follow
 * the leader, restart the election timer, check that the logs agree at prevLogIndex,
 * copy what is missing (dropping a conflicting tail), learn the commit index, answer.
 */
export function onAppendEntries(out: Out, node: NodeIndex, from: NodeIndex, p: Wire<'AppendEntries'>): void {
  const n = raftNode(out.state, node);
  const reply = (success: boolean, index: number): void => {
    send(out, node, [{ to: from, payload: { kind: 'AppendReply', term: raftNode(out.state, node).term, success, index } }]);
  };
  if (p.term < n.term) return reply(false, 0); // R2: the reply's term makes the stale leader step down.
  if (n.role === 'leader') return; // Same term, another leader: impossible by R4/R5; the monitor would say so.
  out.emit({ type: 'LeaderHeard', node, leader: from, term: p.term });
  restartElectionTimer(out, node);
  const log = n.log;
  if (p.prevLogIndex > log.length) return reply(false, log.length);
  if (termAt(log, p.prevLogIndex) !== p.prevLogTerm) return reply(false, p.prevLogIndex - 1);
  // Skip what already matches: a delayed or repeated message must not cut a longer log.
  let k = 0;
  while (k < p.entries.length && entryAt(log, p.prevLogIndex + 1 + k)?.term === p.entries[k]?.term) k++;
  if (k < p.entries.length) {
    out.emit({ type: 'LogReplicated', node, leader: from, from: p.prevLogIndex + 1 + k, entries: p.entries.slice(k) });
  }
  const matched = p.prevLogIndex + p.entries.length;
  const commit = Math.min(p.leaderCommit, matched);
  if (commit > raftNode(out.state, node).commitIndex) out.emit({ type: 'CommitAdvanced', node, commitIndex: commit });
  reply(true, matched);
}

export function onAppendReply(out: Out, node: NodeIndex, from: NodeIndex, p: Wire<'AppendReply'>): void {
  const n = raftNode(out.state, node);
  if (n.role !== 'leader' || p.term !== n.term) return;
  if (p.success) {
    out.emit({ type: 'ReplicationAcked', node, follower: from, matchIndex: p.index });
    advanceLeaderCommit(out, node);
    return;
  }
  // Back up, using the follower's hint, but never below what it is known to hold.
  const current = n.nextIndex[from] ?? lastIndex(n.log) + 1;
  const floor = (n.matchIndex[from] ?? 0) + 1;
  const nextIndex = Math.max(floor, Math.min(current - 1, p.index + 1), 1);
  out.emit({ type: 'ReplicationRejected', node, follower: from, nextIndex });
}
