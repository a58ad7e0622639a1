// Settling the SMS usage: recording a payment or a deposit asks here whether the account is
// clear, and if so starts a new SMS cycle (lifting a block).
import type { Tx } from '../db/pool.ts';
import type { Actor } from '../accounts/service.ts';
import { heldDeposits } from './deposit-store.ts';
import { startNewCycle } from './limit-changes.ts';
import { currencyDigits } from './rules/money.ts';

/**
 * Settlement (docs/billing.md): nothing invoiced is left unpaid, and the usage not yet invoiced
 * is covered by held deposits in its currency (prepaid usage is paid as it happens). Then a new
 * SMS cycle starts and a block lifts.
 */
export async function settleIfClear(
  tx: Tx,
  actor: Actor,
  accountId: string,
  reference: string,
  at: Date,
): Promise<boolean> {
  const [state] = await tx<{ open: number }[]>`
    select count(*)::int as open from invoices where account_id = ${accountId} and paid_minor < total_minor`;
  if (state!.open > 0) return false;
  const unbilled = await tx<{ currency: string; micros: string }[]>`
    select currency, sum(amount_micros)::text as micros from usage_records
    where account_id = ${accountId} and invoice_id is null and not prepaid and amount_micros > 0 group by currency`;
  const deposits = await heldDeposits(tx, accountId);
  const covered = unbilled.every(
    (u) => BigInt(deposits.get(u.currency) ?? 0) * 10n ** BigInt(6 - currencyDigits(u.currency)) >= BigInt(u.micros),
  );
  if (!covered) return false;
  await startNewCycle(tx, actor, accountId, reference, 'paid', at);
  return true;
}
