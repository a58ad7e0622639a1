// Prepaid accounts buy credit ahead. Buying credit is the taxable supply: a top-up is an
// invoice (purpose prepaid_credit) carrying the VAT, and paying it in full adds its net amount
// to the balance. Rating then debits each rated unit from the balance (spend.ts) and marks it
// prepaid so it is never invoiced again; at zero, messages are `rejected` (insufficient_balance).
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { emitEvents } from '../platform/events.ts';
import { issueInvoice } from './invoices.ts';
import { currencyDigits } from './rules/money.ts';

export async function setBillingMode(ctx: Context, actor: Actor, accountId: string, mode: 'postpaid' | 'prepaid'): Promise<void> {
  const at = ctx.clock.now();
  await withTransaction(ctx.sql, async (tx) => {
    const [account] = await tx<{ isHouse: boolean; mode: string }[]>`select is_house as "isHouse", billing_mode as mode from accounts where id = ${accountId} for update`;
    if (!account) throw new Problem(P['not-found'], `no account ${accountId}`);
    if (account.isHouse) throw new Problem(P['invalid-state'], 'the house account is never billed');
    if (account.mode === mode) return;
    await tx`update accounts set billing_mode = ${mode}, updated_at = ${at} where id = ${accountId}`;
    await appendAudit(tx, { accountId, actor, action: 'account.billing_mode_changed', target: { type: 'account', id: accountId }, data: { mode }, at });
  });
}

/** Issues the invoice for buying `amountMinor` (net) of credit; paying it credits the balance. */
export async function issueTopUp(ctx: Context, actor: Actor, accountId: string, amountMinor: number, currency: string): Promise<{ id: string; number: string; totalMinor: number }> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const [account] = await tx<{ mode: string; currency: string | null }[]>`
      select billing_mode as mode, balance_currency as currency from accounts where id = ${accountId} for update`;
    if (!account) throw new Problem(P['not-found'], `no account ${accountId}`);
    if (account.mode !== 'prepaid') throw new Problem(P['invalid-state'], 'the account is postpaid: switch it to prepaid first (PUT .../billing-mode)');
    if (account.currency && account.currency !== currency) throw Problem.field('/currency', `the account's balance is in ${account.currency}`);
    const digits = currencyDigits(currency);
    const line = { description: 'Prepaid messaging credit', quantity: 1, unitPriceMinor: amountMinor, amountMinor };
    // Fix the balance's currency now, so usage rated before the payment is already debited from it.
    await tx`update accounts set balance_currency = ${currency} where id = ${accountId} and balance_currency is null`;
    return issueInvoice(tx, actor, accountId, { currency, lines: [line], purpose: 'prepaid_credit', creditMicros: amountMinor * 10 ** (6 - digits) }, at);
  });
}

/** Called when an invoice becomes fully paid: a prepaid_credit invoice adds its credit, once. */
export async function creditPrepaidInvoice(tx: Tx, accountId: string, invoiceId: string, at: Date): Promise<void> {
  const [inv] = await tx<{ micros: string; currency: string; number: string }[]>`
    update invoices set credited_at = ${at} where account_id = ${accountId} and id = ${invoiceId} and purpose = 'prepaid_credit' and credited_at is null
    returning credit_micros::text as micros, currency, number`;
  if (!inv) return;
  const [account] = await tx<{ balance: string }[]>`
    update accounts set balance_micros = balance_micros + ${inv.micros}::bigint, balance_currency = ${inv.currency}, updated_at = ${at}
    where id = ${accountId} returning balance_micros::text as balance`;
  await emitEvents(tx, [{
    accountId, type: 'account.balance_credited', objectType: 'account', objectId: accountId, at,
    data: { creditMicros: Number(inv.micros), balanceMicros: Number(account!.balance), currency: inv.currency, invoiceNumber: inv.number },
  }]);
}

/** A credit note on a paid top-up takes the credit back (the balance may go below zero). */
export async function reversePrepaidCredit(tx: Tx, accountId: string, invoiceId: string, at: Date): Promise<void> {
  const [inv] = await tx<{ micros: string }[]>`
    select credit_micros::text as micros from invoices where account_id = ${accountId} and id = ${invoiceId} and purpose = 'prepaid_credit' and credited_at is not null`;
  if (!inv) return;
  await tx`update accounts set balance_micros = balance_micros - ${inv.micros}::bigint, updated_at = ${at} where id = ${accountId}`;
  await appendAudit(tx, { accountId, actor: { type: 'system', id: 'billing' }, action: 'account.balance_reversed', target: { type: 'invoice', id: invoiceId }, data: { creditMicros: Number(inv.micros) }, at });
}
