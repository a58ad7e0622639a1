// Erasure (GDPR Art. 17) as the contract's privacy data model says: messages anonymized in
// place (number → pseudonym, bodies and media deleted), the contact and its consent history
// removed, the hashed suppression entries and objections kept (an erased person who opted out
// stays opted out), billing rows kept without identity, and a journal of hashes written first so
// that an erasure interrupted half-way, or undone by restoring a backup, is applied again.
import type { Context } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { scrubMessageContent, scrubMessageIdentity } from '../scrub.ts';
import { applyStatusChanges } from '../../messaging/status.ts';
import { erasePlatformSubject } from './platform-subjects.ts';
import type { SubjectKind } from './store.ts';

export interface ErasureReport {
  erased: {
    messages: number;
    messageContents: number;
    contact: number;
    consentRecords: number;
    requestDetails: number;
  };
  kept: { what: string; count: number; why: string }[];
}

export async function eraseSubject(
  ctx: Context,
  accountId: string,
  subjectHash: Buffer,
  requestId: string,
  opts: { batch?: number } = {},
): Promise<ErasureReport> {
  const at = ctx.clock.now();
  const batch = opts.batch ?? 1000;
  await ctx.sql`insert into erasure_journal (account_id, subject_hash, request_id, erased_at) values (${accountId}, ${subjectHash}, ${requestId}, ${at})
                on conflict do nothing`;
  const erased = { messages: 0, messageContents: 0, contact: 0, consentRecords: 0, requestDetails: 0 };
  // Bounded transactions: a person with a million messages does not hold locks for minutes.
  for (;;) {
    const done = await withTransaction(ctx.sql, async (tx) => {
      const ids = (
        await tx<{ id: string }[]>`
        select id from messages where account_id = ${accountId} and subject_hash = ${subjectHash}
          and (identity_erased_at is null or content_erased_at is null or body is not null)
        order by id limit ${batch} for update`
      ).map((r) => r.id);
      // What has not reached an operator yet will not: it is canceled before its number goes.
      const pending = await tx<{ id: string; channel: string }[]>`
        select id, channel from messages where account_id = ${accountId} and id = any(${ids}) and status in ('scheduled', 'held', 'queued')`;
      await applyStatusChanges(
        tx,
        pending.map((m) => ({ accountId, messageId: m.id, status: 'canceled', channel: m.channel, at })),
      );
      erased.messageContents += await scrubMessageContent(tx, accountId, ids, { reason: 'erasure', at });
      erased.messages += await scrubMessageIdentity(tx, accountId, ids, { reason: 'erasure', at });
      return ids.length < batch;
    });
    if (done) break;
  }
  await withTransaction(ctx.sql, async (tx) => {
    // Stored Idempotency-Key answers that show the contact, its consent or a request about the person.
    const objects = (
      await tx<{ id: string }[]>`
      select id from contacts where account_id = ${accountId} and subject_hash = ${subjectHash}
      union all select id from privacy_requests where account_id = ${accountId} and subject_hash = ${subjectHash}
      union all select id from consent_records where account_id = ${accountId} and subject_hash = ${subjectHash}`
    ).map((r) => r.id);
    await tx`
      delete from idempotency_keys k where k.account_id = ${accountId} and k.response_body is not null and exists (
        select 1 from (select case jsonb_typeof(k.response_body) when 'string' then (k.response_body #>> '{}')::jsonb else k.response_body end as doc) r
        where r.doc ->> 'id' = any(${objects}) or r.doc ->> 'contactId' = any(${objects}) or exists (
          select 1 from jsonb_array_elements(case jsonb_typeof(r.doc -> 'history') when 'array' then r.doc -> 'history' else '[]' end) h
          where h ->> 'id' = any(${objects})))`;
    erased.contact = (
      await tx`delete from contacts where account_id = ${accountId} and subject_hash = ${subjectHash} returning id`
    ).length;
    erased.consentRecords = (
      await tx`delete from consent_records where account_id = ${accountId} and subject_hash = ${subjectHash} returning id`
    ).length;
    // The requests about this person keep their type, dates and outcome, not who or what was said.
    erased.requestDetails = (
      await tx`
      update privacy_requests set subject = null, note = null, changes = null, notes = null
      where account_id = ${accountId} and subject_hash = ${subjectHash} and (subject is not null or note is not null or changes is not null or notes is not null)
      returning id`
    ).length;
    await tx`update privacy_decision_reviews r set note = null from privacy_requests q
             where q.account_id = ${accountId} and q.subject_hash = ${subjectHash} and r.account_id = q.account_id and r.request_id = q.id`;
  });
  return { erased, kept: await keptRecords(ctx, accountId, subjectHash) };
}

/** What stays, and why: every row left names the person by hash or pseudonym only. */
async function keptRecords(ctx: Context, accountId: string, subjectHash: Buffer): Promise<ErasureReport['kept']> {
  const [c] = await ctx.sql<{ suppressions: number; restrictions: number; usage: number; messages: number }[]>`
    select (select count(*)::int from suppressions where account_id = ${accountId} and subject_hash = ${subjectHash}) as suppressions,
           (select count(*)::int from privacy_restrictions where account_id = ${accountId} and subject_hash = ${subjectHash}) as restrictions,
           (select count(*)::int from usage_records u join messages m on m.account_id = u.account_id and m.id = u.message_id
             where m.account_id = ${accountId} and m.subject_hash = ${subjectHash}) as usage,
           (select count(*)::int from messages where account_id = ${accountId} and subject_hash = ${subjectHash}) as messages`;
  return [
    {
      what: 'anonymized messages',
      count: c!.messages,
      why: 'statuses, times and prices stay for the account’s statistics and disputes; the number is a pseudonym and the content is deleted',
    },
    { what: 'usage records', count: c!.usage, why: 'invoices and tax law need them; they hold no identity' },
    {
      what: 'suppression entries (hashed)',
      count: c!.suppressions,
      why: 'a person who opted out stays opted out after erasure',
    },
    {
      what: 'objections and restrictions (hashed)',
      count: c!.restrictions,
      why: 'they keep protecting the person if the number is messaged again',
    },
    { what: 'erasure journal entry (hashed)', count: 1, why: 'to apply the erasure again after a backup is restored' },
  ];
}

/** After a restore: every journal entry is applied again (erasure is idempotent). */
export async function reapplyErasures(
  ctx: Context,
  entries: { accountId: string; subjectHash: Buffer; requestId: string; subjectKind: SubjectKind }[],
): Promise<{ subjects: number; messages: number }> {
  let messages = 0;
  for (const e of entries) {
    if (e.subjectKind === 'platform') {
      await erasePlatformSubject(ctx, e.accountId, e.subjectHash, e.requestId);
      continue;
    }
    const report = await eraseSubject(ctx, e.accountId, e.subjectHash, e.requestId);
    messages += report.erased.messages;
  }
  return { subjects: entries.length, messages };
}
