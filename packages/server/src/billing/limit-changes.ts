// Changing an account's SMS limit needs an operator's written approval (approver, text, time,
// reference), whether a client asked for it or an operator decided it; settling the usage
// starts a new cycle. Every step is audited; an account blocked at its limit is released
// when the new limit or the settlement leaves room.
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { emitEvents } from '../platform/events.ts';
import { newId } from '../platform/ids.ts';
import { WARNING_SHARE } from './limits.ts';
import { lockBillingAccount, setSmsLimit, smsStateForUpdate, startSmsCycle } from './account-store.ts';

export interface LimitRequestRow {
  accountId: string;
  id: string;
  smsLimit: number | null;
  reason: string | null;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  approvalText: string | null;
  approvalReference: string | null;
  decisionNote: string | null;
}

export interface Approval {
  text: string;
  reference: string | null;
}

const columns = (tx: Tx | Context['sql']) => tx`
  account_id as "accountId", id, sms_limit as "smsLimit", reason, status, requested_by as "requestedBy", created_at as "createdAt",
  decided_by as "decidedBy", decided_at as "decidedAt", approval_text as "approvalText", approval_reference as "approvalReference",
  decision_note as "decisionNote"`;

export async function requestLimitChange(
  ctx: Context,
  actor: Actor,
  accountId: string,
  input: { smsLimit: number; reason: string | null },
): Promise<LimitRequestRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const [row] = await tx<LimitRequestRow[]>`
      insert into limit_requests (account_id, id, sms_limit, reason, status, requested_by, created_at)
      values (${accountId}, ${newId('lim', at)}, ${input.smsLimit}, ${input.reason}, 'pending', ${actor.id}, ${at})
      returning ${columns(tx)}`;
    await appendAudit(tx, {
      accountId,
      actor,
      action: 'limit_request.created',
      target: { type: 'limit_request', id: row!.id },
      data: { smsLimit: input.smsLimit },
      at,
    });
    return row!;
  });
}

/** An operator approves a client's pending request in writing; the new limit applies at once. */
export async function approveLimitRequest(
  ctx: Context,
  actor: Actor,
  requestId: string,
  approval: Approval,
): Promise<LimitRequestRow> {
  return decide(ctx, requestId, async (tx, request, at) => {
    const [row] = await tx<LimitRequestRow[]>`
      update limit_requests set status = 'approved', decided_by = ${actor.id}, decided_at = ${at}, approval_text = ${approval.text},
        approval_reference = ${approval.reference}
      where account_id = ${request.accountId} and id = ${request.id} returning ${columns(tx)}`;
    await setLimit(tx, actor, row!, at);
    return row!;
  });
}

export async function rejectLimitRequest(
  ctx: Context,
  actor: Actor,
  requestId: string,
  note: string | null,
): Promise<LimitRequestRow> {
  return decide(ctx, requestId, async (tx, request, at) => {
    const [row] = await tx<LimitRequestRow[]>`
      update limit_requests set status = 'rejected', decided_by = ${actor.id}, decided_at = ${at}, decision_note = ${note}
      where account_id = ${request.accountId} and id = ${request.id} returning ${columns(tx)}`;
    await appendAudit(tx, {
      accountId: request.accountId,
      actor,
      action: 'limit_request.rejected',
      target: { type: 'limit_request', id: request.id },
      freeText: { note },
      at,
    });
    return row!;
  });
}

/** An operator changes the limit on their own initiative: recorded as an approved request. */
export async function changeLimit(
  ctx: Context,
  actor: Actor,
  accountId: string,
  smsLimit: number | null,
  approval: Approval,
): Promise<LimitRequestRow> {
  return withTransaction(ctx.sql, (tx) => changeLimitIn(tx, actor, accountId, smsLimit, approval, ctx.clock.now()));
}

/** The same inside the caller's transaction (an accepted order's limit item). */
export async function changeLimitIn(
  tx: Tx,
  actor: Actor,
  accountId: string,
  smsLimit: number | null,
  approval: Approval,
  at: Date,
): Promise<LimitRequestRow> {
  if (!(await lockBillingAccount(tx, accountId))) throw new Problem(P['not-found'], `no account ${accountId}`);
  const [row] = await tx<LimitRequestRow[]>`
    insert into limit_requests (account_id, id, sms_limit, status, requested_by, created_at, decided_by, decided_at, approval_text, approval_reference)
    values (${accountId}, ${newId('lim', at)}, ${smsLimit}, 'approved', ${actor.id}, ${at}, ${actor.id}, ${at}, ${approval.text}, ${approval.reference})
    returning ${columns(tx)}`;
  await setLimit(tx, actor, row!, at);
  return row!;
}

/** The usage up to now is paid (or covered): a new cycle starts from zero. */
export async function settleUsage(ctx: Context, actor: Actor, accountId: string, reference: string): Promise<void> {
  await withTransaction(ctx.sql, (tx) => startNewCycle(tx, actor, accountId, reference, 'settled', ctx.clock.now()));
}

/** Settlement itself (by hand or by a payment or deposit): the count restarts, a block lifts, audited. */
export async function startNewCycle(
  tx: Tx,
  actor: Actor,
  accountId: string,
  reference: string,
  reason: 'settled' | 'paid',
  at: Date,
): Promise<void> {
  const before = await smsStateForUpdate(tx, accountId);
  if (!before) throw new Problem(P['not-found'], `no account ${accountId}`);
  await startSmsCycle(tx, accountId, at);
  await appendAudit(tx, {
    accountId,
    actor,
    action: 'account.usage_settled',
    target: { type: 'account', id: accountId },
    data: { smsUsed: before.smsUsed, reference },
    at,
  });
  if (before.smsBlocked) await unblocked(tx, accountId, at, reason);
}

export async function listLimitRequests(
  db: Context['sql'],
  filter: { accountId?: string | undefined; status?: string | undefined; after: string | undefined; limit: number },
): Promise<LimitRequestRow[]> {
  return db<LimitRequestRow[]>`
    select ${columns(db)} from limit_requests
    where true ${filter.accountId ? db`and account_id = ${filter.accountId}` : db``} ${filter.status ? db`and status = ${filter.status}` : db``}
      ${filter.after ? db`and id > ${filter.after}` : db``}
    order by id limit ${filter.limit}`;
}

async function decide(
  ctx: Context,
  requestId: string,
  fn: (tx: Tx, request: LimitRequestRow, at: Date) => Promise<LimitRequestRow>,
): Promise<LimitRequestRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const [request] = await tx<
      LimitRequestRow[]
    >`select ${columns(tx)} from limit_requests where id = ${requestId} for update`;
    if (!request) throw new Problem(P['not-found'], `no limit request ${requestId}`);
    if (request.status !== 'pending') throw new Problem(P['invalid-state'], `the request is already ${request.status}`);
    return fn(tx, request, at);
  });
}

async function setLimit(tx: Tx, actor: Actor, request: LimitRequestRow, at: Date): Promise<void> {
  const account = await smsStateForUpdate(tx, request.accountId);
  const limit = request.smsLimit;
  const room = limit === null || account!.smsUsed < limit;
  // Below the warning share of the new limit, the next crossing warns again.
  const warned = limit !== null && account!.smsUsed >= Math.ceil(limit * WARNING_SHARE);
  await setSmsLimit(tx, request.accountId, { limit, blocked: account!.smsBlocked && !room, warned }, at);
  await appendAudit(tx, {
    accountId: request.accountId,
    actor,
    action: 'account.sms_limit_changed',
    target: { type: 'limit_request', id: request.id },
    data: { smsLimit: limit, approvalText: request.approvalText, approvalReference: request.approvalReference },
    at,
  });
  if (account!.smsBlocked && room) await unblocked(tx, request.accountId, at, 'limit_raised');
}

async function unblocked(
  tx: Tx,
  accountId: string,
  at: Date,
  reason: 'settled' | 'paid' | 'limit_raised',
): Promise<void> {
  await emitEvents(tx, [
    {
      accountId,
      type: 'account.sms_unblocked',
      objectType: 'account',
      objectId: accountId,
      at,
      data: { smsBlocked: false, reason },
    },
  ]);
}
