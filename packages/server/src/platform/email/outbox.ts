// The email outbox. Domains enqueue inside their own transaction (the email exists exactly
// when the change that caused it does); the worker sends. In the sandbox nothing leaves
// the machine: emails are kept and shown at GET /v1/sandbox/emails. Address and content are
// sealed at rest (seal.ts); only the SHA-256 of the address stays readable, for privacy requests.
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Context } from '../../context.ts';
import type { Db } from '../../db/pool.ts';
import { withTransaction } from '../../db/tx.ts';
import { recordset } from '../../db/recordset.ts';
import { newId } from '../ids.ts';
import { activeSealingKey, ensureSealingKey, openingKeys, openWith, sealTo, type SealingKey } from './seal.ts';

export { openingKeys };

export interface NewEmail {
  accountId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  at: Date;
}

/** Minutes to wait after the 1st, 2nd, … failure; after the last one the email is `failed`. */
export const EMAIL_BACKOFF_MINUTES = [1, 5, 30, 120, 360];

export async function enqueueEmail(db: Db, e: NewEmail): Promise<string> {
  const [id] = await enqueueEmails(db, [e]);
  return id!;
}

/** How a person's emails are found without opening them (the same rule as login throttles). */
export function emailAddressHash(address: string): Buffer {
  return crypto.createHash('sha256').update(address.trim().toLowerCase()).digest();
}

export interface EmailContent {
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

const aadOf = (accountId: string, id: string) => Buffer.from(`${accountId}/${id}`);

function sealEmail(key: SealingKey, accountId: string, id: string, c: EmailContent): Buffer {
  return sealTo(key, Buffer.from(JSON.stringify(c)), aadOf(accountId, id));
}

/** Opens a sealed email with the keys from openingKeys(). */
export function openEmail(
  keys: Map<string, crypto.KeyObject>,
  row: { accountId: string; id: string; sealed: Buffer | null },
): EmailContent {
  if (!row.sealed) throw new Error(`email ${row.id} was queued before sealing and is sealed at the next start`);
  return JSON.parse(openWith(keys, row.sealed, aadOf(row.accountId, row.id)).toString('utf8')) as EmailContent;
}

/** Several emails in one statement (a notice to every client account); returns their ids. */
export async function enqueueEmails(db: Db, emails: NewEmail[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const key = await activeSealingKey(db);
  const rows = emails.map((e) => {
    const id = newId('eml', e.at);
    return {
      account_id: e.accountId,
      id,
      created_at: e.at,
      to_hash: emailAddressHash(e.to).toString('hex'),
      sealed: sealEmail(key, e.accountId, id, {
        to: e.to,
        subject: e.subject,
        text: e.text,
        html: e.html ?? null,
      }).toString('base64'),
    };
  });
  await db`insert into email_outbox (account_id, id, sealed, to_hash, status, next_attempt_at, created_at)
           select account_id, id, decode(sealed, 'base64'), decode(to_hash, 'hex'), 'queued', created_at, created_at
           from ${recordset(db, rows, { account_id: 'text', id: 'text', sealed: 'text', to_hash: 'text', created_at: 'timestamptz' })}`;
  // Start sending right away; the minutely sweep catches anything this misses.
  await wakeSender(db);
  return rows.map((r) => r.id);
}

/** Asks the sender to run now (one pending run at most: the job key replaces an earlier one). */
async function wakeSender(db: Db): Promise<void> {
  await db`select graphile_worker.add_job('send_emails', '{}'::json, job_key := 'send_emails', job_key_mode := 'replace')`;
}

/**
 * At start-up: the outbox key pair exists, and emails queued by a version that stored them in
 * plaintext are sealed (the plaintext columns are emptied).
 */
export async function ensureEmailSealing(ctx: Context): Promise<void> {
  await ensureSealingKey(ctx);
  const key = await activeSealingKey(ctx.sql);
  let total = 0;
  for (;;) {
    const sealed = await withTransaction(ctx.sql, async (tx) => {
      const rows = await tx<
        { accountId: string; id: string; to: string; subject: string; text: string; html: string | null }[]
      >`
        select account_id as "accountId", id, to_address as "to", subject, text_body as "text", html_body as "html"
        from email_outbox where to_address is not null order by created_at limit 100 for update skip locked`;
      for (const r of rows) {
        await tx`update email_outbox set sealed = ${sealEmail(key, r.accountId, r.id, r)}, to_hash = ${emailAddressHash(r.to)},
                   to_address = null, subject = null, text_body = null, html_body = null
                 where account_id = ${r.accountId} and id = ${r.id}`;
      }
      return rows.length;
    });
    total += sealed;
    if (sealed < 100) break;
  }
  // They were due already: send them now rather than at the next minutely sweep.
  if (total > 0) await wakeSender(ctx.sql);
}

interface DueEmail {
  accountId: string;
  id: string;
  sealed: Buffer | null;
  attempts: number;
}

export interface EmailSender {
  send(e: { to: string; subject: string; text: string; html: string | null }): Promise<void>;
}

export function smtpSender(ctx: Context): EmailSender | undefined {
  if (!ctx.config.smtpUrl) return undefined;
  const transport = nodemailer.createTransport(ctx.config.smtpUrl);
  return {
    async send(e) {
      await transport.sendMail({
        from: ctx.config.smtpFrom,
        to: e.to,
        subject: e.subject,
        text: e.text,
        ...(e.html && { html: e.html }),
      });
    },
  };
}

let warnedNoSmtp = false;

/** Sends due emails in batches; returns how many left the queue (sent, kept or failed). */
export async function sendDueEmails(ctx: Context, sender: EmailSender | undefined): Promise<number> {
  if (!ctx.config.sandbox && !sender) {
    if (!warnedNoSmtp) ctx.log.warn('emails are queued but SMTP_URL is not set; they wait until it is');
    warnedNoSmtp = true;
    return 0;
  }
  let done = 0;
  const keys = await openingKeys(ctx);
  for (;;) {
    const handled = await withTransaction(ctx.sql, async (tx) => {
      const now = ctx.clock.now();
      const due = await tx<DueEmail[]>`
        select account_id as "accountId", id, sealed, attempts
        from email_outbox where status = 'queued' and next_attempt_at <= ${now}
        order by next_attempt_at limit 20 for update skip locked`;
      for (const e of due) await deliver(tx, e, now);
      return due.length;
    });
    done += handled;
    if (handled < 20) return done;
  }

  async function deliver(tx: Db, e: DueEmail, now: Date): Promise<void> {
    if (ctx.config.sandbox) {
      await tx`update email_outbox set status = 'kept', sent_at = ${now} where account_id = ${e.accountId} and id = ${e.id}`;
      return;
    }
    try {
      await sender!.send(openEmail(keys, e));
      await tx`update email_outbox set status = 'sent', sent_at = ${now}, attempts = attempts + 1, last_error = null
               where account_id = ${e.accountId} and id = ${e.id}`;
    } catch (err) {
      const attempts = e.attempts + 1;
      const wait = EMAIL_BACKOFF_MINUTES[attempts - 1];
      // Only the error's message: SMTP errors can echo addresses, never credentials (those are in the URL).
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      await tx`update email_outbox set attempts = ${attempts}, last_error = ${await ctx.keyring.encrypt(e.accountId, reason)},
                 status = ${wait === undefined ? 'failed' : 'queued'},
                 next_attempt_at = ${wait === undefined ? null : new Date(now.getTime() + wait * 60_000)}
               where account_id = ${e.accountId} and id = ${e.id}`;
      ctx.log.warn({ emailId: e.id, attempts }, 'email not sent; will retry');
    }
  }
}
