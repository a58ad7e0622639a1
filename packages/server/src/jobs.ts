// Every background task and cron line of the worker role, gathered from the domains.
import type { Context } from './context.ts';
import type { JobSpec } from './platform/jobs.ts';
import { sweepIdempotencyKeys } from './platform/idempotency.ts';

export function workerJobs(ctx: Context): JobSpec {
  return {
    tasks: {
      sweep_idempotency_keys: async () => {
        const removed = await sweepIdempotencyKeys(ctx);
        if (removed) ctx.log.info({ removed }, 'expired idempotency keys removed');
      },
    },
    crontab: ['17 * * * * sweep_idempotency_keys'],
  };
}
