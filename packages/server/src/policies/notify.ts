// The emails of policy changes: a notice to each client account when a version is published,
// and an alert to the operator (the house account's owners and operators) for each written
// objection. Emails carry no objection text or signer: the operator reads those in the API.
import type { Db } from '../db/pool.ts';
import { enqueueEmails } from '../platform/email/outbox.ts';
import { accountNotificationEmails } from '../accounts/store.ts';
import { noticeRecipients, type PolicyRow } from './store.ts';

export const KIND_NAMES = { privacy_policy: 'privacy policy', terms: 'terms' } as const;

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function emailPublication(
  db: Db,
  policy: PolicyRow,
  accountIds: string[],
  deadline: Date,
): Promise<number> {
  const name = KIND_NAMES[policy.kind];
  const text =
    `We are changing our ${name}: "${policy.title}", version ${policy.version}, takes effect on ${day(policy.effectiveAt)}.\n\n` +
    `What changes:\n${policy.summaryOfChanges}\n\n` +
    `Read the full text at GET /v1/policies/${policy.id} (or in the portal). If you do not object in writing by ` +
    `${deadline.toISOString()} (POST /v1/policies/${policy.id}/objection), the changes are deemed accepted.\n`;
  const recipients = await noticeRecipients(db, accountIds);
  await enqueueEmails(
    db,
    recipients.map((r) => ({
      accountId: r.accountId,
      to: r.email,
      subject: `Changes to our ${name} (version ${policy.version})`,
      text,
      at: policy.publishedAt,
    })),
  );
  return recipients.length;
}

export async function emailObjectionToOperator(
  db: Db,
  policy: PolicyRow,
  account: { id: string; name: string },
  at: Date,
): Promise<void> {
  const [house] = await db<{ id: string }[]>`select id from accounts where is_house`;
  if (!house) return;
  const text =
    `${account.name} (${account.id}) objected in writing on ${at.toISOString()} to the ${KIND_NAMES[policy.kind]} ` +
    `"${policy.title}", version ${policy.version}, taking effect on ${day(policy.effectiveAt)}.\n\n` +
    `Read the objection: GET /v1/admin/policies/${policy.id}/objections\n`;
  const to = await accountNotificationEmails(db, house.id);
  await enqueueEmails(
    db,
    to.map((email) => ({
      accountId: house.id,
      to: email,
      subject: `Objection to the ${KIND_NAMES[policy.kind]} ${policy.version} by ${account.name}`,
      text,
      at,
    })),
  );
}
