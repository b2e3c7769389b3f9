/**
 * Lease's parameters with their validation. client-go's leaderelection refuses a config
 * where LeaseDuration <= RenewDeadline (leaderelection.go, NewLeaderElector): a holder
 * that may believe it leads longer than the lease lasts breaks the one-leader guarantee.
 */
import * as z from 'zod/mini';
import { durationMs, flag } from '../params';
import { DEFAULT_LEASE_PARAMS as D, type LeaseParams } from './types';

export const leaseParamsSchema: z.ZodMiniType<LeaseParams, Record<string, unknown>> = z
  .strictObject({
    leaseDurationMs: durationMs(D.leaseDurationMs, 'The lease duration'),
    renewDeadlineMs: durationMs(D.renewDeadlineMs, 'The renew deadline'),
    retryPeriodMs: durationMs(D.retryPeriodMs, 'The retry period'),
    fencing: flag(D.fencing, 'Fencing'),
  })
  .check(
    z.refine((p) => p.renewDeadlineMs < p.leaseDurationMs, { message: 'the renew deadline must be shorter than the lease duration (client-go refuses it too).', path: ['renewDeadlineMs'] }),
  );
