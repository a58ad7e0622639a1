// Claiming due messages from the messages table, which is the queue. Every worker claims;
// each sends over the binds it holds (connectors/bind-leases.ts).
// FOR UPDATE SKIP LOCKED lets several dispatchers claim without blocking each other; the
// lease makes a crashed dispatcher's messages claimable again once it expires.
// Fair share: each claim takes at most `perAccount` rows of one account, so one tenant's
// bulk backlog never starves another's traffic. The dispatcher claims the high lane (OTP,
// priority high) before the normal one, so bulk never delays a passcode.
import type { Db } from '../../db/pool.ts';

export interface ClaimedMessage {
  accountId: string;
  id: string;
  channel: string;
  keyMode: 'live' | 'test';
  toNumber: string;
  fromNumber: string | null;
  body: Buffer | null;
  encoding: string;
  priority: string;
  validUntil: Date | null;
  storeContent: boolean;
  attempts: number;
  /** WhatsApp: the pricing category. */
  category: string | null;
  /** WhatsApp: where to fail over to (messaging/failover.ts). */
  fallback: { channels: string[]; afterSeconds: number } | null;
}

export async function claimDueMessages(
  db: Db,
  opts: {
    now: Date;
    leaseMs: number;
    worker: string;
    limit: number;
    perAccount: number;
    lane: 'high' | 'normal';
    /** Connectors only other workers hold binds of: messages handed to them are theirs (bind-leases.ts). */
    theirs?: string[];
  },
): Promise<ClaimedMessage[]> {
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseMs);
  return db<ClaimedMessage[]>`
    with recursive accounts_due as (
      -- loose index scan: the distinct accounts with due messages, without reading all rows
      (select account_id from messages where status = 'queued' and priority = ${opts.lane} and next_attempt_at <= ${opts.now}
       order by account_id limit 1)
      union all
      select (select m.account_id from messages m where m.status = 'queued' and m.priority = ${opts.lane}
                and m.next_attempt_at <= ${opts.now} and m.account_id > a.account_id order by m.account_id limit 1)
      from accounts_due a where a.account_id is not null
    ),
    picked as (
      select c.account_id, c.id from accounts_due a
      cross join lateral (
        select m.account_id, m.id from messages m
        where m.account_id = a.account_id and m.status = 'queued' and m.priority = ${opts.lane} and m.next_attempt_at <= ${opts.now}
          and (m.via_connector is null or m.via_connector <> all(${opts.theirs ?? []}::text[]))
        order by m.next_attempt_at
        limit ${opts.perAccount}
        for update skip locked
      ) c
      where a.account_id is not null
      limit ${opts.limit}
    )
    update messages m set status = 'sending', lease_until = ${leaseUntil}, leased_by = ${opts.worker},
      attempts = m.attempts + 1, updated_at = ${opts.now}
    from picked p where m.account_id = p.account_id and m.id = p.id
    returning m.account_id as "accountId", m.id, m.channel, m.key_mode as "keyMode", m.to_number as "toNumber", m.from_number as "fromNumber",
      m.body, m.encoding, m.priority, m.valid_until as "validUntil", m.store_content as "storeContent", m.attempts, m.fallback, m.category`;
}

/**
 * Messages whose dispatcher died mid-send go back to the queue (at most its SMPP window is sent
 * twice): those of workers no longer alive (bind-leases.ts heartbeat) at once, any other once its
 * lease has run out.
 */
export async function releaseLeases(
  db: Db,
  now: Date,
  liveWorkers: string[],
): Promise<{ accountId: string; id: string }[]> {
  return db<{ accountId: string; id: string }[]>`
    update messages set status = 'queued', lease_until = null, leased_by = null, next_attempt_at = ${now}, updated_at = ${now}
    where status = 'sending' and (lease_until < ${now} or leased_by <> all(${liveWorkers}::text[]))
    returning account_id as "accountId", id`;
}

/**
 * Claimed messages for a connector whose binds another worker holds go back to the queue marked
 * for it (`via`), to be claimed there: not an attempt, and no event (they never left `queued`
 * as far as anyone outside can tell, since the claim's `sending` events exclude them).
 */
export async function handOff(
  db: Db,
  messages: { accountId: string; id: string; via: string }[],
  now: Date,
): Promise<void> {
  if (messages.length === 0) return;
  await db`
    update messages m set status = 'queued', via_connector = h.via, lease_until = null, leased_by = null,
      attempts = greatest(m.attempts - 1, 0), next_attempt_at = ${now}
    from unnest(${messages.map((m) => m.accountId)}::text[], ${messages.map((m) => m.id)}::text[], ${messages.map((m) => m.via)}::text[]) as h(account_id, id, via)
    where m.account_id = h.account_id and m.id = h.id and m.status = 'sending'`;
}

export async function dueScheduled(db: Db, now: Date, limit: number): Promise<{ accountId: string; id: string }[]> {
  return db<{ accountId: string; id: string }[]>`
    select account_id as "accountId", id from messages where status = 'scheduled' and scheduled_at <= ${now}
    order by scheduled_at limit ${limit} for update skip locked`;
}

export async function expiredQueued(db: Db, now: Date, limit: number): Promise<{ accountId: string; id: string }[]> {
  return db<{ accountId: string; id: string }[]>`
    select account_id as "accountId", id from messages where status in ('queued', 'scheduled') and valid_until < ${now}
    limit ${limit} for update skip locked`;
}
