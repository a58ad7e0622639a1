// Policy versions (docs/policies.md). An operator publishes a version of the privacy policy or
// the terms; every client account is notified in the same transaction (notice row, event,
// email) and may object in writing within one calendar month. An objection within the month
// wins, even over an earlier explicit acceptance; without one the version is deemed accepted
// when the month ends (deemed-acceptance.ts).
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { emitEvents, type NewEvent } from '../platform/events.ts';
import { newId } from '../platform/ids.ts';
import { addCalendarMonths } from '../platform/calendar.ts';
import { emailObjectionToOperator, emailPublication } from './notify.ts';
import { PolicyProblems } from './problems.ts';
import {
  accountPolicies,
  insertPolicy,
  noticeClientAccounts,
  recordDecision,
  type AccountPolicyRow,
  type NoticeStatus,
  type PolicyKind,
  type PolicyRow,
} from './store.ts';

export interface PolicyInput {
  kind: PolicyKind;
  version: string;
  title: string;
  text: string;
  summaryOfChanges: string;
  effectiveAt: Date;
}

/** What an event says about a version and one account's notice of it (no names, no objection text). */
export function policyEvent(
  accountId: string,
  type: string,
  policy: Pick<PolicyRow, 'id' | 'kind' | 'version' | 'title' | 'effectiveAt'>,
  notice: { status: NoticeStatus; objectionDeadline: Date },
  at: Date,
): NewEvent {
  return {
    accountId,
    type,
    objectType: 'policy',
    objectId: policy.id,
    at,
    data: {
      kind: policy.kind,
      version: policy.version,
      title: policy.title,
      effectiveAt: policy.effectiveAt.toISOString(),
      objectionDeadline: notice.objectionDeadline.toISOString(),
      status: notice.status,
    },
  };
}

/**
 * A version may take effect only once every client's month to object is over: effectiveAt
 * before the end of that month is refused, never silently moved.
 */
export async function publishPolicy(
  ctx: Context,
  actor: Actor,
  input: PolicyInput,
): Promise<{ policy: PolicyRow; notified: number }> {
  const at = ctx.clock.now();
  const deadline = addCalendarMonths(at);
  if (input.effectiveAt < deadline) {
    throw Problem.field(
      '/effectiveAt',
      `must not be before ${deadline.toISOString()}: clients have one calendar month from today to object`,
    );
  }
  return withTransaction(ctx.sql, async (tx) => {
    const policy = await insertPolicy(tx, { id: newId('pol', at), ...input, publishedAt: at, publishedBy: actor.id });
    if (!policy) {
      throw new Problem(
        PolicyProblems['policy-version-exists'],
        `the ${input.kind} already has a version ${input.version}`,
        [{ pointer: '/version', detail: 'is already published' }],
      );
    }
    const accountIds = await noticeClientAccounts(tx, policy.id, at, deadline);
    const notice = { status: 'pending' as const, objectionDeadline: deadline };
    await emitEvents(
      tx,
      accountIds.map((id) => policyEvent(id, 'policy.published', policy, notice, at)),
      { newObjects: true },
    );
    const emails = await emailPublication(tx, policy, accountIds, deadline);
    const [house] = await tx<{ id: string }[]>`select id from accounts where is_house`;
    await appendAudit(tx, {
      accountId: house!.id,
      actor,
      action: 'policy.published',
      target: { type: 'policy', id: policy.id },
      data: {
        kind: policy.kind,
        version: policy.version,
        effectiveAt: policy.effectiveAt.toISOString(),
        accountsNotified: accountIds.length,
        emails,
      },
      at,
    });
    return { policy, notified: accountIds.length };
  });
}

export interface ClientDecision {
  signer: string;
  /** The objection as written; absent for an acceptance. */
  text?: string;
}

/** A written objection, recorded only before the deadline; an earlier acceptance does not prevent it. */
export async function objectToPolicy(
  ctx: Context,
  actor: Actor,
  accountId: string,
  policyId: string,
  d: ClientDecision & { text: string },
): Promise<AccountPolicyRow> {
  return decide(ctx, actor, accountId, policyId, 'objected', d, (row) => {
    if (row.notice.status === 'objected') {
      throw new Problem(
        P['invalid-state'],
        `your account objected to this version on ${row.notice.decidedAt!.toISOString()}`,
      );
    }
  });
}

/** An explicit acceptance within the month (otherwise the version is deemed accepted at its end). */
export async function acceptPolicy(
  ctx: Context,
  actor: Actor,
  accountId: string,
  policyId: string,
  d: ClientDecision,
): Promise<AccountPolicyRow> {
  return decide(ctx, actor, accountId, policyId, 'accepted', d, (row) => {
    if (row.notice.status !== 'pending')
      throw new Problem(P['invalid-state'], `your account's notice of this version is ${row.notice.status}`);
  });
}

async function decide(
  ctx: Context,
  actor: Actor,
  accountId: string,
  policyId: string,
  status: 'accepted' | 'objected',
  d: ClientDecision,
  allowed: (row: AccountPolicyRow) => void,
): Promise<AccountPolicyRow> {
  // Names and the objection are personal data: sealed with the account's key before the transaction.
  const signer = await ctx.keyring.encrypt(accountId, d.signer);
  const objectionText = d.text === undefined ? null : await ctx.keyring.encrypt(accountId, d.text);
  return withTransaction(ctx.sql, async (tx) => {
    const at = ctx.clock.now();
    const [row] = await accountPolicies(tx, accountId, { policyId, limit: 1, forUpdate: true });
    if (!row) throw new Problem(P['not-found'], `no policy ${policyId}`);
    allowed(row);
    if (at >= row.notice.objectionDeadline) {
      throw new Problem(
        PolicyProblems['policy-deadline-passed'],
        row.notice.source === 'account_created'
          ? 'this version was already part of your contract when your account was created'
          : `the deadline to object passed at ${row.notice.objectionDeadline.toISOString()}; the version is deemed accepted`,
      );
    }
    await recordDecision(tx, accountId, policyId, { status, at, by: actor.id, signer, objectionText });
    await recordClientDecision(tx, actor, row, status, at);
    return { ...row, notice: { ...row.notice, status, decidedAt: at, decidedBy: actor.id, signer, objectionText } };
  });
}

async function recordClientDecision(
  tx: Tx,
  actor: Actor,
  row: AccountPolicyRow,
  status: 'accepted' | 'objected',
  at: Date,
): Promise<void> {
  const accountId = row.notice.accountId;
  // The signer and the objection stay on the notice: audit entries and events carry no names.
  await appendAudit(tx, {
    accountId,
    actor,
    action: `policy.${status}`,
    target: { type: 'policy', id: row.id },
    data: { kind: row.kind, version: row.version, previousStatus: row.notice.status },
    at,
  });
  await emitEvents(tx, [
    policyEvent(accountId, `policy.${status}`, row, { status, objectionDeadline: row.notice.objectionDeadline }, at),
  ]);
  if (status === 'objected') {
    const [account] = await tx<{ id: string; name: string }[]>`select id, name from accounts where id = ${accountId}`;
    await emailObjectionToOperator(tx, row, account!, at);
  }
}
