// Usage records: every billable unit rated when it happens, in the caller's batch (the
// dispatcher's outcome transaction), with prices from the in-memory price book. The message
// shows its price; test keys and the house account (the operator's own traffic) are never billed.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Db } from '../db/pool.ts';
import { recordset } from '../db/recordset.ts';
import { newId } from '../platform/ids.ts';
import type { PriceBook } from './price-book.ts';
import { addSpend } from './spend.ts';

export interface Billable {
  accountId: string;
  messageId: string;
  keyMode: 'live' | 'test';
  channel: string;
  direction: 'outbound' | 'inbound';
  /** The other party's E.164 number: priced by prefix, stored only as its country. */
  number: string;
  connectorId: string | null;
  /** SMS parts actually submitted (or 1 for a WhatsApp message). */
  units: number;
  /** WhatsApp: the message category (marketing, utility, authentication, service). */
  category?: string | null;
  at: Date;
}

export async function recordUsage(db: Db, book: PriceBook, items: Billable[]): Promise<void> {
  const billable = items.filter((i) => i.keyMode === 'live' && i.units > 0 && book.billed(i.accountId));
  if (billable.length === 0) return;
  const rows = billable.map((i) => {
    const price = book.priceOf({
      accountId: i.accountId,
      channel: i.channel,
      direction: i.direction,
      number: i.number,
      connectorId: i.connectorId,
      at: i.at,
      category: i.category ?? null,
    });
    return {
      account_id: i.accountId,
      id: newId('use', i.at),
      message_id: i.messageId,
      channel: i.channel,
      direction: i.direction,
      country: parsePhoneNumberFromString(i.number)?.country ?? null,
      connector_id: i.connectorId,
      units: i.units,
      // Unpriced traffic is recorded at zero (and visible as such) rather than dropped.
      unit_price_micros: price?.unitPriceMicros ?? null,
      amount_micros: (price?.unitPriceMicros ?? 0) * i.units,
      currency: price?.currency ?? null,
      price_id: price?.priceId ?? null,
      occurred_at: i.at,
      category: i.category ?? null,
    };
  });
  // Usage in a prepaid account's balance currency is paid from the credit: marked so, never invoiced.
  const inserted = await db<{ accountId: string; micros: string; prepaid: boolean }[]>`
    insert into usage_records (account_id, id, message_id, channel, direction, country, connector_id, units, unit_price_micros, amount_micros, currency, price_id, occurred_at, category, prepaid)
    select t.*, coalesce(b.billing_mode = 'prepaid' and b.balance_currency = t.currency, false)
    from ${recordset(db, rows, {
      account_id: 'text',
      id: 'text',
      message_id: 'text',
      channel: 'text',
      direction: 'text',
      country: 'text',
      connector_id: 'text',
      units: 'integer',
      unit_price_micros: 'bigint',
      amount_micros: 'bigint',
      currency: 'text',
      price_id: 'text',
      occurred_at: 'timestamptz',
      category: 'text',
    })}
    join billing_accounts b on b.account_id = t.account_id
    returning account_id as "accountId", amount_micros::text as micros, prepaid`;
  await addSpend(
    db,
    inserted.map((r) => ({ accountId: r.accountId, micros: Number(r.micros), prepaid: r.prepaid })),
    billable[0]!.at,
  );
  const priced = rows.filter((r) => r.currency !== null);
  if (priced.length === 0) return;
  // A message's price is the sum of its rated units (a retry on another connector adds to it).
  await db`
    update messages m set price_micros = coalesce(m.price_micros, 0) + p.amount_micros, price_currency = p.currency
    from ${recordset(
      db,
      priced.map((r) => ({
        account_id: r.account_id,
        id: r.message_id,
        amount_micros: r.amount_micros,
        currency: r.currency,
      })),
      { account_id: 'text', id: 'text', amount_micros: 'bigint', currency: 'text' },
      'p',
    )}
    where m.account_id = p.account_id and m.id = p.id`;
}
