// Human review of held messages: a client (scope fraud:review) decides on what the fraud rules
// held for review; an operator decides on any hold. Release sends the message (exactly once),
// reject ends it `rejected` (fraud_blocked). Every decision is audited and evented.
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { emitEvents } from '../platform/events.ts';
import { releaseHeldMessages, rejectHeldMessages, type HeldFilter } from './held-messages.ts';
import { REVIEW_REJECTED } from './problems.ts';

export type ReviewDecision = 'release' | 'reject';

/** Decides on held messages matching `filter`; returns the ids decided, grouped per account for the record. */
export async function decideHeld(
  ctx: Context,
  actor: Actor,
  decision: ReviewDecision,
  filter: HeldFilter,
  note: string | null,
): Promise<string[]> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const ids =
      decision === 'release'
        ? await releaseHeldMessages(tx, filter, at)
        : await rejectHeldMessages(tx, filter, REVIEW_REJECTED, at);
    if (ids.length === 0) return ids;
    const byAccount = await tx<{ accountId: string; ids: string[] }[]>`
      select account_id as "accountId", array_agg(id order by id) as ids from messages where id = any(${ids}) group by account_id`;
    for (const { accountId, ids: mine } of byAccount) {
      const data = { decision, count: mine.length, holdReason: filter.reason ?? null, note };
      await appendAudit(tx, {
        accountId,
        actor,
        action: `fraud.review_${decision === 'release' ? 'released' : 'rejected'}`,
        target: { type: 'message', id: mine.length === 1 ? mine[0]! : `${mine.length} messages` },
        data,
        at,
      });
      await emitEvents(
        tx,
        mine.map((id) => ({
          accountId,
          type: 'fraud.reviewed',
          objectType: 'message',
          objectId: id,
          at,
          data: { decision, reviewer: actor.type },
        })),
      );
    }
    return ids;
  });
}

/** One message: 404 for other tenants' or unknown ids, 409 when it is not held for this reviewer. */
export async function decideOne(
  ctx: Context,
  actor: Actor,
  decision: ReviewDecision,
  accountId: string,
  messageId: string,
  clientReview: boolean,
): Promise<void> {
  const [m] = await ctx.sql<{ status: string; holdReason: string | null }[]>`
    select status, hold_reason as "holdReason" from messages where account_id = ${accountId} and id = ${messageId}`;
  if (!m) throw new Problem(P['not-found'], `no message ${messageId}`);
  if (m.status !== 'held') throw new Problem(P['invalid-state'], `the message is ${m.status}, not held`);
  if (clientReview && m.holdReason !== 'fraud_review') {
    throw new Problem(
      P['invalid-state'],
      `the message is held by an operator (${m.holdReason}); only an operator can release or reject it`,
    );
  }
  const ids = await decideHeld(
    ctx,
    actor,
    decision,
    { accountId, ids: [messageId], ...(clientReview && { reason: 'fraud_review' }) },
    null,
  );
  if (ids.length === 0) throw new Problem(P['invalid-state'], 'the message was decided meanwhile');
}
