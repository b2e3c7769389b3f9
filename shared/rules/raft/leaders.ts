/** Raft's leaders: nodes in the leader role, of any term (read once per state's arrays, see leader-reading.ts). */
import { leaderReading } from '../leader-reading';
import type { RaftCluster } from './types';

export const raftLeaders = leaderReading((state: RaftCluster) => state.raft, (node) => node.role === 'leader');
