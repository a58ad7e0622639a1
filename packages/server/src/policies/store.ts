// SQL for policy versions (platform-wide) and the per-account notices of them.
import type { Db } from '../db/pool.ts';
import { NOTIFIED_ROLES } from '../accounts/store.ts';

export type PolicyKind = 'privacy_policy' | 'terms';
export type NoticeStatus = 'pending' | 'accepted' | 'objected' | 'deemed_accepted';
export type NoticeSource = 'publication' | 'account_created';

export interface PolicyRow {
  id: string;
  kind: PolicyKind;
  version: string;
  title: string;
  text: string;
  summaryOfChanges: string;
  effectiveAt: Date;
  publishedAt: Date;
  publishedBy: string;
}

export interface NoticeRow {
  accountId: string;
  policyId: string;
  source: NoticeSource;
  status: NoticeStatus;
  notifiedAt: Date;
  objectionDeadline: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  /** Sealed with the account's data key. */
  signer: Buffer | null;
  objectionText: Buffer | null;
}

export type StatusCounts = Record<NoticeStatus, number>;

const policyColumns = (db: Db) => db`
  p.id, p.kind, p.version, p.title, p.text, p.summary_of_changes as "summaryOfChanges", p.effective_at as "effectiveAt",
  p.published_at as "publishedAt", p.published_by as "publishedBy"`;

const noticeColumns = (db: Db) => db`
  n.account_id as "accountId", n.policy_id as "policyId", n.source, n.status, n.notified_at as "notifiedAt",
  n.objection_deadline as "objectionDeadline", n.decided_at as "decidedAt", n.decided_by as "decidedBy", n.signer,
  n.objection_text as "objectionText"`;

/** Inserts a version; undefined when this kind already has this version (versions never change). */
export async function insertPolicy(db: Db, p: PolicyRow): Promise<PolicyRow | undefined> {
  const [row] = await db<PolicyRow[]>`
    insert into policy_versions as p (id, kind, version, title, text, summary_of_changes, effective_at, published_at, published_by)
    values (${p.id}, ${p.kind}, ${p.version}, ${p.title}, ${p.text}, ${p.summaryOfChanges}, ${p.effectiveAt}, ${p.publishedAt}, ${p.publishedBy})
    on conflict (kind, version) do nothing
    returning ${policyColumns(db)}`;
  return row;
}

/**
 * A pending notice for every client account that can still be bound by it (not the house
 * account, not closed ones), in one statement; returns the accounts notified.
 */
export async function noticeClientAccounts(
  db: Db,
  policyId: string,
  notifiedAt: Date,
  deadline: Date,
): Promise<string[]> {
  const rows = await db<{ accountId: string }[]>`
    insert into policy_notices (account_id, policy_id, source, status, notified_at, objection_deadline)
    select id, ${policyId}, 'publication', 'pending', ${notifiedAt}, ${deadline}
    from accounts where not is_house and status <> 'closed'
    returning account_id as "accountId"`;
  return rows.map((r) => r.accountId);
}

/**
 * A new account contracts under the versions in force (the latest effective one of each kind)
 * and those already announced to take effect later: recorded as accepted, nothing to object to.
 */
export async function recordPoliciesInForce(db: Db, accountId: string, at: Date): Promise<void> {
  await db`
    insert into policy_notices (account_id, policy_id, source, status, notified_at, objection_deadline, decided_at)
    select ${accountId}, p.id, 'account_created', 'accepted', ${at}, ${at}, ${at} from policy_versions p
    where p.effective_at > ${at}
       or p.id = (select q.id from policy_versions q where q.kind = p.kind and q.effective_at <= ${at}
                  order by q.effective_at desc, q.published_at desc limit 1)`;
}

/** Where an account's notices go: its owners and admins, and the contact of its company details. */
export async function noticeRecipients(db: Db, accountIds: string[]): Promise<{ accountId: string; email: string }[]> {
  return db<{ accountId: string; email: string }[]>`
    select account_id as "accountId", email from users
    where account_id = any(${accountIds}) and role = any(${NOTIFIED_ROLES}) and disabled_at is null
    union
    select account_id, contact_email from company_details where account_id = any(${accountIds})
    order by 1, 2`;
}

export async function getPolicy(db: Db, id: string): Promise<PolicyRow | undefined> {
  const [row] = await db<PolicyRow[]>`select ${policyColumns(db)} from policy_versions p where p.id = ${id}`;
  return row;
}

export async function listPolicies(db: Db, opts: { after?: string | undefined; limit: number }): Promise<PolicyRow[]> {
  return db<PolicyRow[]>`
    select ${policyColumns(db)} from policy_versions p ${opts.after ? db`where p.id > ${opts.after}` : db``}
    order by p.id limit ${opts.limit}`;
}

export async function statusCounts(db: Db, policyIds: string[]): Promise<Map<string, StatusCounts>> {
  const rows = await db<{ policyId: string; status: NoticeStatus; n: number }[]>`
    select policy_id as "policyId", status, count(*)::int as n from policy_notices where policy_id = any(${policyIds}) group by 1, 2`;
  const out = new Map(
    policyIds.map((id) => [id, { pending: 0, accepted: 0, objected: 0, deemed_accepted: 0 } as StatusCounts]),
  );
  for (const r of rows) out.get(r.policyId)![r.status] = r.n;
  return out;
}

export interface ObjectionRow extends NoticeRow {
  accountName: string;
}

/** The written objections to a version, by account. */
export async function listObjections(
  db: Db,
  policyId: string,
  opts: { after?: string | undefined; limit: number },
): Promise<ObjectionRow[]> {
  return db<ObjectionRow[]>`
    select ${noticeColumns(db)}, a.name as "accountName" from policy_notices n join accounts a on a.id = n.account_id
    where n.policy_id = ${policyId} and n.status = 'objected' ${opts.after ? db`and n.account_id > ${opts.after}` : db``}
    order by n.account_id limit ${opts.limit}`;
}

export interface AccountPolicyRow extends PolicyRow {
  notice: NoticeRow;
}

/** The versions an account was notified of (or contracted under), each with its notice. */
export async function accountPolicies(
  db: Db,
  accountId: string,
  opts: { policyId?: string; after?: string | undefined; limit: number; forUpdate?: boolean },
): Promise<AccountPolicyRow[]> {
  const rows = await db<(PolicyRow & { notice: NoticeRow })[]>`
    select ${policyColumns(db)}, ${noticeColumns(db)}
    from policy_notices n join policy_versions p on p.id = n.policy_id
    where n.account_id = ${accountId} ${opts.policyId ? db`and n.policy_id = ${opts.policyId}` : db``}
      ${opts.after ? db`and n.policy_id > ${opts.after}` : db``}
    order by n.policy_id limit ${opts.limit} ${opts.forUpdate ? db`for update of n` : db``}`;
  return rows.map(splitNotice);
}

/** The row of `accountPolicies` carries both sets of columns flat; split them back. */
function splitNotice(r: PolicyRow & Partial<NoticeRow>): AccountPolicyRow {
  const {
    accountId,
    policyId,
    source,
    status,
    notifiedAt,
    objectionDeadline,
    decidedAt,
    decidedBy,
    signer,
    objectionText,
    ...policy
  } = r;
  return {
    ...policy,
    notice: {
      accountId: accountId!,
      policyId: policyId!,
      source: source!,
      status: status!,
      notifiedAt: notifiedAt!,
      objectionDeadline: objectionDeadline!,
      decidedAt: decidedAt ?? null,
      decidedBy: decidedBy ?? null,
      signer: signer ?? null,
      objectionText: objectionText ?? null,
    },
  };
}

export interface Decision {
  status: 'accepted' | 'objected';
  at: Date;
  by: string;
  signer: Buffer;
  objectionText: Buffer | null;
}

export async function recordDecision(db: Db, accountId: string, policyId: string, d: Decision): Promise<void> {
  await db`
    update policy_notices set status = ${d.status}, decided_at = ${d.at}, decided_by = ${d.by}, signer = ${d.signer}, objection_text = ${d.objectionText}
    where account_id = ${accountId} and policy_id = ${policyId}`;
}

export interface DeemedRow {
  accountId: string;
  policy: Pick<PolicyRow, 'id' | 'kind' | 'version' | 'title' | 'effectiveAt'>;
  objectionDeadline: Date;
}

/**
 * Marks up to `limit` pending notices whose month is over as deemed accepted, as of their
 * deadline. SKIP LOCKED: a client's objection holding the row is left to finish (it is refused
 * or recorded by its own deadline check), and two sweeps never take the same rows.
 */
export async function deemDueNotices(db: Db, now: Date, limit: number): Promise<DeemedRow[]> {
  const rows = await db<
    {
      accountId: string;
      id: string;
      kind: PolicyKind;
      version: string;
      title: string;
      effectiveAt: Date;
      objectionDeadline: Date;
    }[]
  >`
    with due as (
      select account_id, policy_id from policy_notices
      where status = 'pending' and objection_deadline <= ${now}
      order by objection_deadline limit ${limit} for update skip locked
    )
    update policy_notices n set status = 'deemed_accepted', decided_at = n.objection_deadline
    from due, policy_versions p
    where n.account_id = due.account_id and n.policy_id = due.policy_id and p.id = n.policy_id
    returning n.account_id as "accountId", p.id, p.kind, p.version, p.title, p.effective_at as "effectiveAt", n.objection_deadline as "objectionDeadline"`;
  return rows.map(({ accountId, objectionDeadline, ...policy }) => ({ accountId, objectionDeadline, policy }));
}
