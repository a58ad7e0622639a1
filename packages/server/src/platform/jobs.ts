// Generic background work (sweeps, email, exports, fan-out) runs on graphile-worker, a
// well-kept Postgres job queue: no home-made scheduler. Domains contribute named tasks and
// cron lines; the hot message queue is not here (messaging claims its own table).
import { Logger as GraphileLogger, run, runMigrations, type Runner, type Task } from 'graphile-worker';
import type { Logger } from 'pino';
import pg from 'pg';
import type { Context } from '../context.ts';

export interface JobSpec {
  tasks: Record<string, Task>;
  /** graphile-worker crontab lines, e.g. `0 * * * * sweep_idempotency_keys` */
  crontab: string[];
}

function graphileLogger(parent: Logger): GraphileLogger {
  const log = parent.child({ component: 'jobs' });
  return new GraphileLogger(() => (level, message, meta) => {
    const fn = level === 'error' ? log.error : level === 'warning' ? log.warn : log.debug;
    fn.call(log, meta ?? {}, message);
  });
}

export async function migrateJobQueue(log: Logger, connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: graphileLogger(log) });
}

export interface JobRunner {
  stop(): Promise<void>;
}

export async function startJobRunner(ctx: Context, connectionString: string, spec: JobSpec): Promise<JobRunner> {
  // Our own pool, so a connection the server drops (restart, failover) is logged and
  // replaced instead of crashing the process with an unhandled 'error' event.
  const pgPool = new pg.Pool({ connectionString, max: 4 });
  const onError = (err: Error) => ctx.log.warn({ err: err.message }, 'job queue connection lost');
  pgPool.on('error', onError);
  // A checked-out client that loses its connection emits on the client, not the pool.
  pgPool.on('connect', (client) => client.on('error', onError));
  const runner: Runner = await run({
    pgPool,
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: graphileLogger(ctx.log),
    taskList: spec.tasks,
    crontab: spec.crontab.join('\n'),
  });
  return {
    stop: async () => {
      await runner.stop();
      await pgPool.end();
    },
  };
}
