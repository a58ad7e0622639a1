// Prepaid accounts buy credit ahead. Buying credit is the taxable supply: a top-up is an
// invoice (purpose prepaid_credit) carrying the VAT, and paying it in full adds its net amount
// to the balance (prepaid-balance.ts). Rating then debits each rated unit from the balance
// (spend.ts) and marks it prepaid so it is never invoiced again; at zero, messages are
// `rejected` (insufficient_balance).
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { issueInvoice } from './invoices.ts';
import { fixBalanceCurrency, prepaidStateForUpdate, setBillingModeRow } from './account-store.ts';
import { currencyDigits } from './rules/money.ts';

export async function setBillingMode(
  ctx: Context,
  actor: Actor,
  accountId: string,
  mode: 'postpaid' | 'prepaid',
): Promise<void> {
  const at = ctx.clock.now();
  await withTransaction(ctx.sql, async (tx) => {
    const account = await prepaidStateForUpdate(tx, accountId);
    if (!account) throw new Problem(P['not-found'], `no account ${accountId}`);
    if (account.isHouse) throw new Problem(P['invalid-state'], 'the house account is never billed');
    if (account.mode === mode) return;
    await setBillingModeRow(tx, accountId, mode, at);
    await appendAudit(tx, {
      accountId,
      actor,
      action: 'account.billing_mode_changed',
      target: { type: 'account', id: accountId },
      data: { mode },
      at,
    });
  });
}

/** Issues the invoice for buying `amountMinor` (net) of credit; paying it credits the balance. */
export async function issueTopUp(
  ctx: Context,
  actor: Actor,
  accountId: string,
  amountMinor: number,
  currency: string,
): Promise<{ id: string; number: string; totalMinor: number }> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const account = await prepaidStateForUpdate(tx, accountId);
    if (!account) throw new Problem(P['not-found'], `no account ${accountId}`);
    if (account.mode !== 'prepaid')
      throw new Problem(
        P['invalid-state'],
        'the account is postpaid: switch it to prepaid first (PUT .../billing-mode)',
      );
    if (account.currency && account.currency !== currency)
      throw Problem.field('/currency', `the account's balance is in ${account.currency}`);
    const digits = currencyDigits(currency);
    const line = { description: 'Prepaid messaging credit', quantity: 1, unitPriceMinor: amountMinor, amountMinor };
    // Fix the balance's currency now, so usage rated before the payment is already debited from it.
    await fixBalanceCurrency(tx, accountId, currency);
    return issueInvoice(
      tx,
      actor,
      accountId,
      { currency, lines: [line], purpose: 'prepaid_credit', creditMicros: amountMinor * 10 ** (6 - digits) },
      at,
    );
  });
}
