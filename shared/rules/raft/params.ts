/** Raft's parameters with their validation (SPEC R3: min < max; R-rules use the values in force). */
import * as z from 'zod/mini';
import { durationMs, flag } from '../params';
import { DEFAULT_RAFT_PARAMS as D, type RaftParams } from './types';

export const raftParamsSchema: z.ZodMiniType<RaftParams, Record<string, unknown>> = z
  .strictObject({
    heartbeatMs: durationMs(D.heartbeatMs, 'The heartbeat'),
    electionTimeoutMinMs: durationMs(D.electionTimeoutMinMs, 'The shortest election timeout'),
    electionTimeoutMaxMs: durationMs(D.electionTimeoutMaxMs, 'The longest election timeout'),
    logs: flag(D.logs, 'Logs'),
    preVote: flag(D.preVote, 'PreVote'),
    checkQuorum: flag(D.checkQuorum, 'CheckQuorum'),
    startWithLeader: z._default(z.nullable(z.number().check(z.int(), z.minimum(0, 'The first leader is a node number from 0.'))), D.startWithLeader),
  })
  .check(
    // R3 draws the timeout from [min, max): an empty range has nothing to draw from.
    z.refine((p) => p.electionTimeoutMinMs < p.electionTimeoutMaxMs, { message: 'the shortest election timeout must be shorter than the longest.', path: ['electionTimeoutMinMs'] }),
    // A leader must be heard before anyone's timer can run out, or elections never stop.
    z.refine((p) => p.heartbeatMs < p.electionTimeoutMinMs, { message: 'the heartbeat must be shorter than the shortest election timeout.', path: ['heartbeatMs'] }),
  );
