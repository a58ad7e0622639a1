// The daily retention run (graphile-worker cron `apply_retention`): for each account and
// category, what is past its period is erased or deleted in bounded batches, one short
// transaction each, until done or out of time; each account's run is recorded.
import type { Context } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { newId } from '../../platform/ids.ts';
import { effectivePolicies, type Category } from './policy.ts';
import { holdsInForce } from './holds.ts';
import { SWEEPS, type Batch } from './sweeps.ts';

const DAY_MS = 24 * 3600_000;

export interface RetentionOptions {
  /** Rows per statement: small enough to keep locks and WAL bursts short. */
  batchSize?: number;
  /** Wall-clock budget for the whole run; what is left waits for the next run. */
  timeBudgetMs?: number;
}

export interface RetentionRun {
  id: string;
  accountId: string;
  startedAt: Date;
  finishedAt: Date | null;
  counts: Partial<Record<Category, number>>;
  skipped: { accountHold: boolean; subjectHolds: number };
  complete: boolean;
}

export async function applyRetention(
  ctx: Context,
  now: Date = ctx.clock.now(),
  opts: RetentionOptions = {},
): Promise<RetentionRun[]> {
  const deadline = performance.now() + (opts.timeBudgetMs ?? 30 * 60_000);
  const accounts = await ctx.sql<{ id: string }[]>`select id from accounts order by id`;
  const runs: RetentionRun[] = [];
  for (const { id } of accounts) {
    runs.push(await runAccount(ctx, id, now, opts.batchSize ?? 1000, deadline));
  }
  return runs;
}

async function runAccount(
  ctx: Context,
  accountId: string,
  now: Date,
  limit: number,
  deadline: number,
): Promise<RetentionRun> {
  const run: RetentionRun = {
    id: newId('ret', now),
    accountId,
    startedAt: now,
    finishedAt: null,
    counts: {},
    skipped: { accountHold: false, subjectHolds: 0 },
    complete: true,
  };
  await ctx.sql`insert into retention_runs (account_id, id, started_at) values (${accountId}, ${run.id}, ${now})`;
  const holds = await holdsInForce(ctx.sql, accountId);
  run.skipped = { accountHold: holds.account, subjectHolds: holds.subjects.length };
  const policies = holds.account ? [] : await effectivePolicies(ctx.sql, accountId);
  const held = holds.subjects.map((h) => h.toString('hex'));
  for (const { category, days } of policies) {
    if (!run.complete) break;
    const swept = await sweep(
      ctx,
      category,
      {
        accountId,
        cutoff: new Date(now.getTime() - days * DAY_MS),
        limit,
        held,
        at: now,
        sessions: { idleMs: ctx.config.sessionIdleMs, absoluteMs: ctx.config.sessionAbsoluteMs },
      },
      deadline,
    );
    run.counts[category] = swept.rows;
    run.complete = swept.finished;
  }
  run.finishedAt = ctx.clock.now();
  await ctx.sql`
    update retention_runs set finished_at = ${run.finishedAt}, counts = ${ctx.sql.json(run.counts)}, skipped = ${ctx.sql.json(run.skipped)}, complete = ${run.complete}
    where account_id = ${accountId} and id = ${run.id}`;
  if (Object.values(run.counts).some((n) => n > 0))
    ctx.log.info({ accountId, counts: run.counts, skipped: run.skipped }, 'retention applied');
  return run;
}

/** Batch after batch until one comes back short (nothing left) or the time is up. */
async function sweep(
  ctx: Context,
  category: Category,
  batch: Batch,
  deadline: number,
): Promise<{ rows: number; finished: boolean }> {
  let rows = 0;
  for (;;) {
    if (performance.now() > deadline) return { rows, finished: false };
    const n = await withTransaction(ctx.sql, (tx) => SWEEPS[category](tx, batch));
    rows += n;
    if (n < batch.limit) return { rows, finished: true };
  }
}

export async function listRetentionRuns(
  ctx: Context,
  accountId: string,
  q: { limit: number; after?: string | undefined },
): Promise<RetentionRun[]> {
  return ctx.sql<RetentionRun[]>`
    select id, account_id as "accountId", started_at as "startedAt", finished_at as "finishedAt", counts, skipped, complete
    from retention_runs where account_id = ${accountId} ${q.after ? ctx.sql`and id < ${q.after}` : ctx.sql``}
    order by id desc limit ${q.limit + 1}`;
}
