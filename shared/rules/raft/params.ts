/** Raft's parameters with their validation (SPEC R3: min < max; R-rules use the values in force). */
import { z } from 'zod';
import { durationMs, flag } from '../params';
import { DEFAULT_RAFT_PARAMS as D, type RaftParams } from './types';

export const raftParamsSchema: z.ZodType<RaftParams, Record<string, unknown>> = z
  .object({
    heartbeatMs: durationMs(D.heartbeatMs, 'The heartbeat'),
    electionTimeoutMinMs: durationMs(D.electionTimeoutMinMs, 'The shortest election timeout'),
    electionTimeoutMaxMs: durationMs(D.electionTimeoutMaxMs, 'The longest election timeout'),
    logs: flag(D.logs, 'Logs'),
    preVote: flag(D.preVote, 'PreVote'),
    checkQuorum: flag(D.checkQuorum, 'CheckQuorum'),
    startWithLeader: z.number().int().min(0, 'The first leader is a node number from 0.').nullable().default(D.startWithLeader),
  })
  .strict()
  // R3 draws the timeout from [min, max): an empty range has nothing to draw from.
  .refine((p) => p.electionTimeoutMinMs < p.electionTimeoutMaxMs, { message: 'the shortest election timeout must be shorter than the longest.', path: ['electionTimeoutMinMs'] })
  // A leader must be heard before anyone's timer can run out, or elections never stop.
  .refine((p) => p.heartbeatMs < p.electionTimeoutMinMs, { message: 'the heartbeat must be shorter than the shortest election timeout.', path: ['heartbeatMs'] });
