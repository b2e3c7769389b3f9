/**
 * Raft as the engine sees it (SPEC.md). On every delivered message R1 comes
 * first: a higher term turns the receiver into a follower of that term, except for the
 * PreVote messages that speak of a term nobody has entered yet (thesis 9.6).
 */
import { raftLeaders } from './leaders';
import type { AlgorithmRules, Emitter } from '../algorithm';
import type { Message, NodeIndex } from '../types';
import { adoptTerm, inLease, onElectionTimer, onPreVoteReply, onPreVoteRequest, onQuorumTimer, onRequestVote, onVoteReply, restartElectionTimer } from './election';
import { evolveRaft } from './evolve';
import { decideRaft } from './decide';
import { raftInvariants } from './monitor';
import { onAppendEntries, onAppendReply } from './replication';
import { copyRaftCluster, ELECTION_TIMER, QUORUM_TIMER, raftNode } from './state';
import type { RaftCluster, RaftCommand, RaftWire } from './types';

type Out = Emitter<RaftCluster>;

/** Pre-vote requests and granted pre-vote replies name a future term: they never change anyone's term. */
function carriesTerm(p: RaftWire): boolean {
  return p.kind !== 'PreVoteRequest' && !(p.kind === 'PreVoteReply' && p.granted);
}

function onMessage(out: Out, message: Message): void {
  const node = message.to;
  const from = message.from;
  const p = message.payload as RaftWire;
  if (!out.state.raft[node] || !('term' in p)) return;
  if (carriesTerm(p) && p.term > raftNode(out.state, node).term) {
    if (p.kind === 'RequestVote' && out.state.params.checkQuorum && inLease(out.state, node)) {
      out.emit({ type: 'VoteRequestIgnored', node, candidate: from, term: p.term });
      return;
    }
    adoptTerm(out, node, p.term, from);
  }
  switch (p.kind) {
    case 'RequestVote': return onRequestVote(out, node, from, p);
    case 'VoteReply': return onVoteReply(out, node, from, p);
    case 'PreVoteRequest': return onPreVoteRequest(out, node, from, p);
    case 'PreVoteReply': return onPreVoteReply(out, node, from, p);
    case 'AppendEntries': return onAppendEntries(out, node, from, p);
    case 'AppendReply': return onAppendReply(out, node, from, p);
  }
}

function onTimer(out: Out, node: NodeIndex, timer: string): void {
  if (timer === ELECTION_TIMER) onElectionTimer(out, node);
  else if (timer === QUORUM_TIMER) onQuorumTimer(out, node);
  // The heartbeat timer is only a reminder: when it runs out the leader's screen says "heartbeat due".
}

export const raftRules: AlgorithmRules<RaftCluster, RaftCommand> = {
  commandTypes: ['StandForElection', 'GrantVote', 'RefuseVote', 'SendHeartbeat', 'WriteCommand'],
  copyState: copyRaftCluster,
  decideNode: decideRaft,
  onMessage,
  onTimer,
  // R11: the crash already wiped the volatile state (see evolve); a restarted node starts a fresh randomized timer.
  onRestart(out, node) {
    restartElectionTimer(out, node);
  },
  evolve: evolveRaft,
  // Called on every clock step: read once per (raft, nodes) pair (see leaders.ts).
  hasLeader: (state) => raftLeaders(state).live,
  invariants: raftInvariants,
};
