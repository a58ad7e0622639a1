// "If you don't object in writing within a month from the date of notification, the
// modifications are deemed accepted." A cron task runs this sweep; tests call it directly
// with an injected clock. Batches are bounded so one run never holds thousands of row locks.
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { emitEvents } from '../platform/events.ts';
import { policyEvent } from './service.ts';
import { deemDueNotices } from './store.ts';

const SYSTEM = { type: 'system' as const, id: 'policy-deemed-acceptance' };

/** Marks every pending notice whose month is over as deemed accepted; returns how many. */
export async function deemPoliciesAccepted(ctx: Context, opts: { batchSize?: number } = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 500;
  let done = 0;
  for (;;) {
    const count = await withTransaction(ctx.sql, async (tx) => {
      const now = ctx.clock.now();
      const rows = await deemDueNotices(tx, now, batchSize);
      // The event and audit entry are dated now (when the platform recorded it); the notice's
      // decidedAt is the deadline itself, whenever the sweep ran.
      await emitEvents(
        tx,
        rows.map((r) =>
          policyEvent(
            r.accountId,
            'policy.deemed_accepted',
            r.policy,
            { status: 'deemed_accepted', objectionDeadline: r.objectionDeadline },
            now,
          ),
        ),
      );
      for (const r of rows) {
        await appendAudit(tx, {
          accountId: r.accountId,
          actor: SYSTEM,
          action: 'policy.deemed_accepted',
          target: { type: 'policy', id: r.policy.id },
          data: {
            kind: r.policy.kind,
            version: r.policy.version,
            objectionDeadline: r.objectionDeadline.toISOString(),
          },
          at: now,
        });
      }
      return rows.length;
    });
    done += count;
    if (count < batchSize) return done;
  }
}
