// The email outbox for privacy: ended emails go after their retention period, and a person's
// emails are found by the hash of their address for access and erasure requests.
import type { Context } from '../../context.ts';
import type { Tx } from '../../db/pool.ts';
import { openEmail, openingKeys } from './outbox.ts';

/** Sent, kept and failed emails created before the cutoff; queued ones wait for the sender. */
export async function deleteEndedEmails(tx: Tx, accountId: string, cutoff: Date, limit: number): Promise<number> {
  const rows = await tx`
    delete from email_outbox where account_id = ${accountId} and id in (
      select id from email_outbox where account_id = ${accountId} and status <> 'queued' and created_at < ${cutoff}
      order by created_at limit ${limit})
    returning id`;
  return rows.length;
}

export type HeldEmail = {
  accountId: string;
  id: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
};

/** Every email to this address hash, on any account, opened. */
export async function emailsTo(ctx: Context, addressHash: Buffer): Promise<HeldEmail[]> {
  const rows = await ctx.sql<
    { accountId: string; id: string; sealed: Buffer | null; status: string; createdAt: Date; sentAt: Date | null }[]
  >`
    select account_id as "accountId", id, sealed, status, created_at as "createdAt", sent_at as "sentAt"
    from email_outbox where to_hash = ${addressHash} order by id`;
  if (rows.length === 0) return [];
  const keys = await openingKeys(ctx);
  return rows.map((r) => {
    const { to, subject, text } = openEmail(keys, r);
    return {
      accountId: r.accountId,
      id: r.id,
      to,
      subject,
      text,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    };
  });
}

/** Deletes every email to this address hash, queued ones too (they will not be sent). */
export async function deleteEmailsTo(tx: Tx, addressHash: Buffer): Promise<number> {
  return (await tx`delete from email_outbox where to_hash = ${addressHash} returning id`).length;
}
