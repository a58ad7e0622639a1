// The prepaid balance's credits and their reversal, called by invoices (a credit note) and
// payments (a paid top-up). Kept apart from prepaid.ts, which issues top-ups through invoices.ts,
// so invoicing does not depend on its own caller.
import type { Tx } from '../db/pool.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { emitEvents } from '../platform/events.ts';
import { creditBalance, debitBalance } from './account-store.ts';

/** Called when an invoice becomes fully paid: a prepaid_credit invoice adds its credit, once. */
export async function creditPrepaidInvoice(tx: Tx, accountId: string, invoiceId: string, at: Date): Promise<void> {
  const [inv] = await tx<{ micros: string; currency: string; number: string }[]>`
    update invoices set credited_at = ${at} where account_id = ${accountId} and id = ${invoiceId} and purpose = 'prepaid_credit' and credited_at is null
    returning credit_micros::text as micros, currency, number`;
  if (!inv) return;
  const balance = await creditBalance(tx, accountId, inv.micros, inv.currency, at);
  await emitEvents(tx, [
    {
      accountId,
      type: 'account.balance_credited',
      objectType: 'account',
      objectId: accountId,
      at,
      data: {
        creditMicros: Number(inv.micros),
        balanceMicros: Number(balance),
        currency: inv.currency,
        invoiceNumber: inv.number,
      },
    },
  ]);
}

/** A credit note on a paid top-up takes the credit back (the balance may go below zero). */
export async function reversePrepaidCredit(tx: Tx, accountId: string, invoiceId: string, at: Date): Promise<void> {
  const [inv] = await tx<{ micros: string }[]>`
    select credit_micros::text as micros from invoices where account_id = ${accountId} and id = ${invoiceId} and purpose = 'prepaid_credit' and credited_at is not null`;
  if (!inv) return;
  await debitBalance(tx, accountId, inv.micros, at);
  await appendAudit(tx, {
    accountId,
    actor: { type: 'system', id: 'billing' },
    action: 'account.balance_reversed',
    target: { type: 'invoice', id: invoiceId },
    data: { creditMicros: Number(inv.micros) },
    at,
  });
}
