// Requests about people the platform itself is controller for, not an account's customers:
// clients' staff with portal users, people invited to the portal, anyone the platform emailed
// (prospective customers too). Operators file them in the house account by user id or email
// address; the person is found everywhere by the SHA-256 of the address (users, invitations,
// the email outbox and the login throttles all key by it). Access exports what is held;
// erasure removes it, keeping only security and legal records that name nobody (GDPR Art. 17(3)).
import type { Context } from '../../context.ts';
import type { Db } from '../../db/pool.ts';
import { withTransaction } from '../../db/tx.ts';
import { Problem } from '../../http/problem.ts';
import { erasePortalData, portalDataOf } from '../../auth/personal-data.ts';
import { emailAddressHash } from '../../platform/email/outbox.ts';
import { deleteEmailsTo, emailsTo } from '../../platform/email/personal-data.ts';
import { storeZip } from './export.ts';
import type { SubjectRef } from './store.ts';

export const PLATFORM_REQUEST_TYPES = ['access', 'portability', 'erasure'] as const;

/** The hash the person is found by: their address's, or the named user's address's. */
export async function platformSubjectHash(db: Db, subject: SubjectRef): Promise<Buffer> {
  if (subject.email !== undefined) return emailAddressHash(subject.email);
  const [user] = await db<{ email: string }[]>`select email from users where id = ${subject.userId!}`;
  if (!user) throw Problem.field('/subject/userId', `no portal user ${subject.userId}`);
  return emailAddressHash(user.email);
}

export async function exportPlatformSubject(
  ctx: Context,
  accountId: string,
  requestId: string,
  hash: Buffer,
): Promise<{ fileId: string; expiresAt: Date; counts: Record<string, number> }> {
  const portal = await portalDataOf(ctx.sql, hash);
  const emails = await emailsTo(ctx, hash);
  const data = { ...portal, emails };
  const stored = await storeZip(ctx, accountId, requestId, data, {
    users: portal.users,
    sessions: portal.sessions,
    invitations: portal.invitations,
    password_resets: portal.passwordResets,
    emails,
  });
  return { ...stored, counts: Object.fromEntries(Object.entries(data).map(([k, rows]) => [k, rows.length])) };
}

export interface PlatformErasureReport {
  erased: {
    users: number;
    sessions: number;
    invitations: number;
    passwordResets: number;
    emails: number;
    requestDetails: number;
  };
  kept: { what: string; count: number; why: string; legalBasis: string }[];
}

/** Erases the person, journal first (so a restore or an interruption is repaired by re-applying). */
export async function erasePlatformSubject(
  ctx: Context,
  accountId: string,
  hash: Buffer,
  requestId: string,
): Promise<PlatformErasureReport> {
  const at = ctx.clock.now();
  await ctx.sql`insert into erasure_journal (account_id, subject_hash, request_id, erased_at, subject_kind) values (${accountId}, ${hash}, ${requestId}, ${at}, 'platform')
                on conflict do nothing`;
  const users = await ctx.sql<{ accountId: string; id: string }[]>`
    select account_id as "accountId", id from users where sha256(convert_to(lower(trim(email)), 'UTF8')) = ${hash}`;
  const erased = await withTransaction(ctx.sql, async (tx) => {
    const portal = await erasePortalData(tx, hash, at);
    const emails = await deleteEmailsTo(tx, hash);
    const requestDetails = (
      await tx`
      update privacy_requests set subject = null, note = null, changes = null, notes = null
      where account_id = ${accountId} and subject_kind = 'platform' and subject_hash = ${hash} and (subject is not null or note is not null or notes is not null)
      returning id`
    ).length;
    return { ...portal, emails, requestDetails };
  });
  return { erased, kept: await keptRecords(ctx, hash, users) };
}

/** What stays, why, and on which ground: each names the person by id or hash only. */
async function keptRecords(
  ctx: Context,
  hash: Buffer,
  users: { accountId: string; id: string }[],
): Promise<PlatformErasureReport['kept']> {
  const userIds = users.map((u) => u.id);
  const accounts = [...new Set(users.map((u) => u.accountId))];
  const throttleKey = `email:${hash.toString('hex')}`;
  const [c] = await ctx.sql<{ users: number; audit: number; throttles: number; billing: number }[]>`
    select (select count(*)::int from users where account_id = any(${accounts}) and id = any(${userIds}) and anonymized_at is not null) as users,
           (select count(*)::int from audit_log where account_id = any(${accounts}) and (actor_id = any(${userIds}) or target_id = any(${userIds}))) as audit,
           (select count(*)::int from login_throttles where key = ${throttleKey}) as throttles,
           (select count(*)::int from billing_profiles where sha256(convert_to(lower(trim(email)), 'UTF8')) = ${hash}) as billing`;
  return [
    {
      what: 'pseudonymous user records (erased-<id>@invalid, no name, no password)',
      count: c!.users,
      why: 'audit entries name users by id; the id stays so the trail of who changed what remains explainable',
      legalBasis: 'GDPR Art. 17(3)(e): establishment, exercise or defence of legal claims',
    },
    {
      what: 'audit log entries by or about the user (ids only)',
      count: c!.audit,
      why: 'the append-only, hash-chained record of account changes; it holds no name or address, so the chain stays intact',
      legalBasis: 'GDPR Art. 17(3)(e) and Art. 5(2) accountability',
    },
    {
      what: 'sign-in throttle counters (keyed by the hash of the address)',
      count: c!.throttles,
      why: 'protection against password guessing; they expire on their own',
      legalBasis:
        'GDPR Art. 6(1)(f) and recital 49 (network and information security): overriding legitimate grounds, Art. 17(1)(c)',
    },
    {
      what: 'billing profiles naming the address (invoices issued to it)',
      count: c!.billing,
      why: 'invoices must be kept unchanged for the statutory period; the account can change its billing address',
      legalBasis: 'GDPR Art. 17(3)(b): a legal obligation (bookkeeping and tax law)',
    },
    {
      what: 'erasure journal entry (hashed)',
      count: 1,
      why: 'to apply the erasure again after a backup is restored',
      legalBasis: 'GDPR Art. 17(1) and Art. 5(2): proving and keeping the erasure',
    },
  ];
}
