// Late interest on invoices (terms: "statutory commercial interest applies to late payments"):
// what each invoice has accrued and not yet charged, under the supplier jurisdiction's rule, and
// interest notes that charge it. An interest note is numbered with the invoices and carries no
// VAT: interest and the fixed compensation are damages, not consideration for a supply.
import type { Context } from '../context.ts';
import type { Db, Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { announce, insertInvoice, invoiceColumns, iso, nextNumber, type InvoiceRow } from './invoices.ts';
import { loadBillingRates } from './rates.ts';
import {
  lateInterestOnBalance,
  lateInterestRuleFor,
  type BalanceInterest,
  type LateInterestRule,
} from './rules/late-interest.ts';
import { formatMoney } from './rules/money.ts';
import type { InvoiceDocument, InvoiceLine } from './rules/invoice-pdf.ts';

export const NO_VAT_NOTE =
  'Late-payment interest and the fixed compensation for recovery costs are damages, not consideration for a supply: no VAT is charged.';

export type Accrued = BalanceInterest & { chargedThrough: string | null; rule: LateInterestRule | null };

/** Interest each invoice accrued by `now` and not yet charged on an interest note (three queries, whatever the count). */
export async function accruedInterest(
  db: Db,
  accountId: string,
  invoices: readonly InvoiceRow[],
  now: Date,
): Promise<Map<string, Accrued>> {
  const ids = invoices.map((i) => i.id);
  if (ids.length === 0) return new Map();
  const [[supplier], [profile], payments, charged, rates] = await Promise.all([
    db<{ country: string }[]>`select country from billing_supplier`,
    db<
      { isBusiness: boolean }[]
    >`select is_business as "isBusiness" from billing_profiles where account_id = ${accountId}`,
    db<{ invoiceId: string; on: string; amountMinor: number }[]>`
      select a.invoice_id as "invoiceId", to_char(p.received_on, 'YYYY-MM-DD') as on, a.amount_minor::float8 as "amountMinor"
      from payment_allocations a join payments p on p.account_id = a.account_id and p.id = a.payment_id
      where a.account_id = ${accountId} and a.invoice_id = any(${ids})`,
    db<{ invoiceId: string; through: string; compensation: boolean }[]>`
      select interest_invoice_id as "invoiceId", to_char(max(interest_through), 'YYYY-MM-DD') as through, bool_or(compensation_minor > 0) as compensation
      from invoices where account_id = ${accountId} and kind = 'interest_note' and interest_invoice_id = any(${ids}) group by interest_invoice_id`,
    loadBillingRates(db),
  ]);
  const customer = profile?.isBusiness === false ? 'consumer' : 'business';
  const rule =
    customer === 'business' ? explain(() => lateInterestRuleFor(supplier?.country ?? '', rates.lateInterest)) : null;
  const result = new Map<string, Accrued>();
  for (const inv of invoices) {
    const before = charged.find((c) => c.invoiceId === inv.id);
    const accrued = explain(() =>
      lateInterestOnBalance({
        totalMinor: inv.totalMinor,
        currency: inv.currency,
        dueDate: inv.dueDate,
        until: now,
        customer,
        payments: payments.filter((p) => p.invoiceId === inv.id),
        chargedThrough: before?.through ?? null,
        business: rule ?? { marginBasisPoints: 0, referenceRates: [] },
        consumerRateBasisPoints: rates.consumerLateRateBasisPoints,
      }),
    );
    result.set(inv.id, {
      ...accrued,
      compensationMinor: before?.compensation ? 0 : accrued.compensationMinor,
      chargedThrough: before?.through ?? null,
      rule,
    });
  }
  return result;
}

/** Charges the interest accrued on an invoice to today, and the compensation once, on a new interest note. */
export async function issueInterestNote(ctx: Context, actor: Actor, invoiceId: string): Promise<string> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const [inv] = await tx<InvoiceRow[]>`select ${invoiceColumns(tx)} from invoices where id = ${invoiceId} for update`;
    if (!inv) throw new Problem(P['not-found'], `no invoice ${invoiceId}`);
    if (inv.kind !== 'invoice')
      throw new Problem(
        P['invalid-state'],
        'interest is charged on invoices only (none on interest, none on credit notes)',
      );
    const [credited] =
      await tx`select 1 from invoices where account_id = ${inv.accountId} and credited_invoice_id = ${inv.id}`;
    if (credited) throw new Problem(P['invalid-state'], 'the invoice was credited: nothing is owed on it');
    const accrued = (await accruedInterest(tx, inv.accountId, [inv], at)).get(inv.id)!;
    if (accrued.interestMinor + accrued.compensationMinor === 0) {
      throw new Problem(
        P['invalid-state'],
        `nothing to charge: the invoice was not paid late${accrued.chargedThrough ? ` after ${accrued.chargedThrough}, the day charged through` : ''}`,
      );
    }
    return issue(tx, actor, inv, accrued, at);
  });
}

async function issue(tx: Tx, actor: Actor, inv: InvoiceRow, accrued: Accrued, at: Date): Promise<string> {
  const [supplier] = await tx<
    { invoicePrefix: string }[]
  >`select invoice_prefix as "invoicePrefix" from billing_supplier`;
  const [profile] = await tx<{ email: string | null; terms: number }[]>`
    select email, payment_terms_days as terms from billing_profiles where account_id = ${inv.accountId}`;
  const money = (minor: number) => formatMoney(minor, inv.currency);
  const percent = (bp: number) => `${bp / 100} %`;
  const basis = accrued.rule
    ? `${accrued.rule.referenceRateName} + ${accrued.rule.marginBasisPoints / 100} points`
    : 'statutory rate for consumers';
  const lines: InvoiceLine[] = accrued.ratePeriods
    .filter((p) => p.interestMinor > 0)
    .map((p) => ({
      description: `Interest on ${money(p.amountMinor)} of invoice ${inv.number}, ${p.from} to ${p.to} (${p.days} days at ${percent(p.rateBasisPoints)} a year: ${basis})`,
      quantity: 1,
      unitPriceMinor: p.interestMinor,
      amountMinor: p.interestMinor,
    }));
  if (accrued.compensationMinor > 0) {
    lines.push({
      description: `Fixed compensation for recovery costs, invoice ${inv.number} (Directive 2011/7/EU Art. 6)`,
      quantity: 1,
      unitPriceMinor: accrued.compensationMinor,
      amountMinor: accrued.compensationMinor,
    });
  }
  const netMinor = lines.reduce((n, l) => n + l.amountMinor, 0);
  const terms = profile?.terms ?? 14;
  const due = iso(new Date(at.getTime() + terms * 86_400_000));
  const d = inv.document;
  const document: InvoiceDocument = {
    kind: 'interest_note',
    number: await nextNumber(tx, supplier!.invoicePrefix, at.getUTCFullYear()),
    issueDate: iso(at),
    dueDate: due,
    supplier: d.supplier,
    customer: d.customer,
    currency: inv.currency,
    lines,
    netMinor,
    vat: { kind: 'not_subject', rateBasisPoints: 0, amountMinor: 0, note: NO_VAT_NOTE },
    totalMinor: netMinor,
    paymentTerms: `Payable within ${terms} days, by ${due}.`,
    creditedInvoiceNumber: null,
    interestOnInvoiceNumber: inv.number,
  };
  const id = await insertInvoice(tx, inv.accountId, document, null, at, 'late_interest', null, {
    invoiceId: inv.id,
    through: iso(at),
    compensationMinor: accrued.compensationMinor,
  });
  await announce(tx, actor, inv.accountId, id, document, at, profile?.email ?? null);
  return id;
}

/** A missing rule or reference rate is the operator's to fix: say so, never guess a rate. */
function explain<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new Problem(
      P.unavailable,
      `late interest cannot be computed: ${err.message} (PUT /v1/admin/billing/late-interest/{jurisdiction})`,
    );
  }
}
