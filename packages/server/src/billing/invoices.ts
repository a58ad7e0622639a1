// Invoice runs: each account's usage not yet invoiced up to the end of the period becomes one
// invoice per currency, with lines per channel, country and unit price, VAT decided from the
// supplier's and the customer's countries, a gapless number, and due 14 days after issue (or
// the customer's terms). Credit notes reverse an invoice in full.
import type { Context } from '../context.ts';
import type { Db, Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { jsonb } from '../db/json.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { emitEvents } from '../platform/events.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { newId } from '../platform/ids.ts';
import { accountNotificationEmails } from '../accounts/store.ts';
import { determineVat, vatAmount } from './rules/vat.ts';
import { loadBillingRates } from './rates.ts';
import { reversePrepaidCredit } from './prepaid-balance.ts';
import { formatInvoiceNumber } from './rules/invoice-number.ts';
import { currencyDigits } from './rules/money.ts';
import type { InvoiceDocument, InvoiceLine } from './rules/invoice-pdf.ts';

export interface InvoiceRow {
  accountId: string;
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note' | 'interest_note';
  creditedInvoiceId: string | null;
  /** An interest note's invoice paid late. */
  interestInvoiceId: string | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
  paidMinor: number;
  document: InvoiceDocument;
  createdAt: Date;
}

export interface RunReport {
  issued: { accountId: string; invoiceId: string; number: string; totalMinor: number; currency: string }[];
  skipped: { accountId: string; reason: string }[];
}

export const iso = (d: Date) => d.toISOString().slice(0, 10);
const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

export const invoiceColumns = (db: Db) => db`
  account_id as "accountId", id, number, kind, credited_invoice_id as "creditedInvoiceId", interest_invoice_id as "interestInvoiceId",
  to_char(issue_date, 'YYYY-MM-DD') as "issueDate",
  to_char(due_date, 'YYYY-MM-DD') as "dueDate", currency, net_minor::float8 as "netMinor", vat_minor::float8 as "vatMinor",
  total_minor::float8 as "totalMinor", paid_minor::float8 as "paidMinor", document, created_at as "createdAt"`;

/** Invoices every account's uninvoiced usage that happened before `periodEnd`. */
export async function runInvoices(ctx: Context, actor: Actor, periodEnd: Date): Promise<RunReport> {
  const report: RunReport = { issued: [], skipped: [] };
  const accounts = await ctx.sql<{ accountId: string }[]>`
    select distinct account_id as "accountId" from usage_records where invoice_id is null and not prepaid and occurred_at < ${periodEnd} and amount_micros > 0`;
  for (const { accountId } of accounts) {
    try {
      report.issued.push(...(await invoiceAccount(ctx, actor, accountId, periodEnd)));
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      report.skipped.push({ accountId, reason: err.detail ?? err.message });
    }
  }
  return report;
}

async function invoiceAccount(
  ctx: Context,
  actor: Actor,
  accountId: string,
  periodEnd: Date,
): Promise<RunReport['issued']> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    // Lock the usage to invoice, so two runs cannot bill it twice. Prepaid usage was paid from credit.
    const usage = await tx<
      {
        id: string;
        channel: string;
        direction: string;
        country: string | null;
        units: number;
        unitPriceMicros: string;
        amountMicros: string;
        currency: string;
        occurredAt: Date;
      }[]
    >`
      select id, channel, direction, country, units, unit_price_micros::text as "unitPriceMicros", amount_micros::text as "amountMicros", currency, occurred_at as "occurredAt"
      from usage_records where account_id = ${accountId} and invoice_id is null and not prepaid and occurred_at < ${periodEnd} and amount_micros > 0
      order by occurred_at for update`;
    const issued: RunReport['issued'] = [];
    for (const currency of [...new Set(usage.map((u) => u.currency))].sort()) {
      const mine = usage.filter((u) => u.currency === currency);
      const servicePeriod = { from: iso(mine[0]!.occurredAt), to: iso(new Date(periodEnd.getTime() - 1)) };
      const invoice = await issueInvoice(
        tx,
        actor,
        accountId,
        { currency, lines: linesOf(mine, currency), servicePeriod, purpose: 'usage' },
        at,
      );
      await tx`update usage_records set invoice_id = ${invoice.id} where account_id = ${accountId} and id = any(${mine.map((u) => u.id)})`;
      issued.push({
        accountId,
        invoiceId: invoice.id,
        number: invoice.number,
        totalMinor: invoice.totalMinor,
        currency,
      });
    }
    return issued;
  });
}

export interface NewInvoice {
  currency: string;
  lines: InvoiceLine[];
  servicePeriod?: { from: string; to: string };
  purpose: 'usage' | 'prepaid_credit' | 'late_interest';
  /** prepaid_credit: the credit, in micros, that paying the invoice adds to the balance. */
  creditMicros?: number;
}

/** Issues one invoice to the account: VAT from the supplier's and customer's countries, the next number, events and emails. */
export async function issueInvoice(
  tx: Tx,
  actor: Actor,
  accountId: string,
  input: NewInvoice,
  at: Date,
): Promise<{ id: string; number: string; totalMinor: number }> {
  const [supplier] = await tx<
    { name: string; addressLines: string[]; country: string; vatId: string; invoicePrefix: string }[]
  >`
    select name, address_lines as "addressLines", country, vat_id as "vatId", invoice_prefix as "invoicePrefix" from billing_supplier`;
  if (!supplier)
    throw new Problem(P['invalid-state'], 'the supplier details are not configured (PUT /v1/admin/billing/supplier)');
  const [profile] = await tx<
    {
      legalName: string;
      addressLines: string[];
      country: string;
      isBusiness: boolean;
      vatId: string | null;
      vatIdVerified: boolean;
      email: string | null;
      terms: number;
    }[]
  >`
    select legal_name as "legalName", address_lines as "addressLines", country, is_business as "isBusiness", vat_id as "vatId",
           vat_id_verified_at is not null as "vatIdVerified", email, payment_terms_days as terms
    from billing_profiles where account_id = ${accountId}`;
  if (!profile) throw new Problem(P['invalid-state'], 'the account has no billing profile');
  const rates = await loadBillingRates(tx);
  const netMinor = input.lines.reduce((n, l) => n + l.amountMinor, 0);
  const vat = determineVat({
    supplierCountry: supplier.country,
    customer: {
      country: profile.country,
      isBusiness: profile.isBusiness,
      vatId: profile.vatId,
      vatIdVerified: profile.vatIdVerified,
    },
    rates: rates.vat,
    on: at,
  });
  const vatMinor = vatAmount(netMinor, vat.rateBasisPoints);
  const due = new Date(at.getTime() + profile.terms * 86_400_000);
  const number = await nextNumber(tx, supplier.invoicePrefix, at.getUTCFullYear());
  const document: InvoiceDocument = {
    kind: 'invoice',
    number,
    issueDate: iso(at),
    dueDate: iso(due),
    ...(input.servicePeriod && { servicePeriod: input.servicePeriod }),
    supplier: {
      name: supplier.name,
      addressLines: supplier.addressLines,
      country: supplier.country,
      vatId: supplier.vatId,
    },
    customer: {
      name: profile.legalName,
      addressLines: profile.addressLines,
      country: profile.country,
      vatId: profile.vatId,
    },
    currency: input.currency,
    lines: input.lines,
    netMinor,
    vat: { kind: vat.kind, rateBasisPoints: vat.rateBasisPoints, amountMinor: vatMinor, note: vat.note },
    totalMinor: netMinor + vatMinor,
    paymentTerms: `Payable within ${profile.terms} days, by ${iso(due)}. Prices exclude VAT.`,
    creditedInvoiceNumber: null,
  };
  const id = await insertInvoice(tx, accountId, document, null, at, input.purpose, input.creditMicros ?? null);
  await announce(tx, actor, accountId, id, document, at, profile.email);
  return { id, number, totalMinor: document.totalMinor };
}

/** One line per channel, direction, destination country and unit price; amounts rounded half-up per line. */
function linesOf(
  usage: {
    channel: string;
    direction: string;
    country: string | null;
    units: number;
    unitPriceMicros: string;
    amountMicros: string;
  }[],
  currency: string,
): InvoiceLine[] {
  const microsPerMinor = 10n ** BigInt(6 - currencyDigits(currency));
  const groups = new Map<string, { description: string; units: number; unitPriceMicros: bigint; micros: bigint }>();
  for (const u of usage) {
    const key = `${u.channel} ${u.direction} ${u.country} ${u.unitPriceMicros}`;
    const where = u.country ? (COUNTRY_NAMES.of(u.country) ?? u.country) : 'other destinations';
    const g = groups.get(key) ?? {
      description: `${u.channel.toUpperCase()} ${u.direction === 'outbound' ? 'to' : 'from'} ${where} (per part)`,
      units: 0,
      unitPriceMicros: BigInt(u.unitPriceMicros),
      micros: 0n,
    };
    g.units += u.units;
    g.micros += BigInt(u.amountMicros);
    groups.set(key, g);
  }
  const half = (n: bigint, d: bigint) => (n * 2n + d) / (2n * d);
  return [...groups.values()].map((g) => ({
    description: `${g.description}, ${Number(g.unitPriceMicros) / 1e6} ${currency} each`,
    quantity: g.units,
    unitPriceMinor: Number(half(g.unitPriceMicros, microsPerMinor)),
    amountMinor: Number(half(g.micros, microsPerMinor)),
  }));
}

/** Gapless per prefix and year: the counter row is locked until the invoice commits. */
export async function nextNumber(tx: Tx, prefix: string, year: number): Promise<string> {
  const [row] = await tx<{ seq: number }[]>`
    insert into invoice_sequences (prefix, year, last_seq) values (${prefix}, ${year}, 1)
    on conflict (prefix, year) do update set last_seq = invoice_sequences.last_seq + 1 returning last_seq as seq`;
  return formatInvoiceNumber(prefix, year, row!.seq);
}

/** An interest note's link to the invoice paid late: interest charged through a day, and the compensation. */
export interface InterestCharge {
  invoiceId: string;
  through: string;
  compensationMinor: number;
}

export async function insertInvoice(
  tx: Tx,
  accountId: string,
  d: InvoiceDocument,
  creditedId: string | null,
  at: Date,
  purpose: NewInvoice['purpose'],
  creditMicros: number | null,
  interest?: InterestCharge,
): Promise<string> {
  const id = newId('inv', at);
  await tx`
    insert into invoices (account_id, id, number, kind, credited_invoice_id, issue_date, due_date, period_from, period_to, currency, net_minor, vat_minor, total_minor, document, created_at,
                          purpose, credit_micros, interest_invoice_id, interest_through, compensation_minor)
    values (${accountId}, ${id}, ${d.number}, ${d.kind}, ${creditedId}, ${d.issueDate}, ${d.dueDate}, ${d.servicePeriod?.from ?? null}, ${d.servicePeriod?.to ?? null},
            ${d.currency}, ${d.netMinor}, ${d.vat.amountMinor}, ${d.totalMinor}, ${jsonb(tx, d)}, ${at}, ${purpose}, ${creditMicros},
            ${interest?.invoiceId ?? null}, ${interest?.through ?? null}, ${interest?.compensationMinor ?? 0})`;
  return id;
}

const TITLES = { invoice: 'Invoice', credit_note: 'Credit note', interest_note: 'Interest note' } as const;

export async function announce(
  tx: Tx,
  actor: Actor,
  accountId: string,
  id: string,
  d: InvoiceDocument,
  at: Date,
  billingEmail: string | null,
): Promise<void> {
  const type = d.kind === 'credit_note' ? 'invoice.credited' : 'invoice.issued';
  await appendAudit(tx, {
    accountId,
    actor,
    action: type,
    target: { type: 'invoice', id },
    data: { number: d.number, totalMinor: d.totalMinor, currency: d.currency },
    at,
  });
  await emitEvents(tx, [
    {
      accountId,
      type,
      objectType: 'invoice',
      objectId: id,
      at,
      data: { number: d.number, totalMinor: d.totalMinor, currency: d.currency, dueDate: d.dueDate },
    },
  ]);
  const to = [
    ...new Set([...(billingEmail ? [billingEmail] : []), ...(await accountNotificationEmails(tx, accountId))]),
  ];
  for (const email of to) {
    await enqueueEmail(tx, {
      accountId,
      to: email,
      at,
      subject: `${TITLES[d.kind]} ${d.number}`,
      text:
        `${TITLES[d.kind]} ${d.number} for ${(d.totalMinor / 10 ** currencyDigits(d.currency)).toFixed(currencyDigits(d.currency))} ${d.currency}` +
        `${d.kind === 'credit_note' ? '' : `, due on ${d.dueDate}`}. Download it with GET /v1/invoices/${id}/pdf.\n`,
    });
  }
}

/** Reverses an invoice in full; the credit note gets its own number and refers to the invoice. */
export async function creditInvoice(
  ctx: Context,
  actor: Actor,
  accountId: string,
  invoiceId: string,
  reason: string,
): Promise<string> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const [inv] = await tx<
      InvoiceRow[]
    >`select ${invoiceColumns(tx)} from invoices where account_id = ${accountId} and id = ${invoiceId} for update`;
    if (!inv) throw new Problem(P['not-found'], `no invoice ${invoiceId}`);
    if (inv.kind === 'credit_note') throw new Problem(P['invalid-state'], 'a credit note cannot be credited');
    const [already] =
      await tx`select 1 from invoices where account_id = ${accountId} and credited_invoice_id = ${invoiceId}`;
    if (already) throw new Problem(P['invalid-state'], 'this invoice has already been credited');
    const [supplier] = await tx<
      { invoicePrefix: string }[]
    >`select invoice_prefix as "invoicePrefix" from billing_supplier`;
    const d = inv.document;
    const credit: InvoiceDocument = {
      ...d,
      kind: 'credit_note',
      number: await nextNumber(tx, supplier!.invoicePrefix, at.getUTCFullYear()),
      issueDate: iso(at),
      dueDate: iso(at),
      lines: [...d.lines.map((l) => ({ ...l, quantity: -l.quantity, amountMinor: -l.amountMinor }))],
      netMinor: -d.netMinor,
      vat: { ...d.vat, amountMinor: -d.vat.amountMinor },
      totalMinor: -d.totalMinor,
      paymentTerms: `Credits invoice ${d.number}: ${reason}`,
      creditedInvoiceNumber: d.number,
    };
    const [original] = await tx<
      { purpose: NewInvoice['purpose'] }[]
    >`select purpose from invoices where account_id = ${accountId} and id = ${invoiceId}`;
    const id = await insertInvoice(tx, accountId, credit, invoiceId, at, original!.purpose, null);
    // Credit bought and already added to the balance is taken back with the invoice.
    await reversePrepaidCredit(tx, accountId, invoiceId, at);
    // The credited invoice is settled by the credit note.
    await tx`update invoices set paid_minor = total_minor where account_id = ${accountId} and id = ${invoiceId}`;
    await tx`update invoices set paid_minor = total_minor where account_id = ${accountId} and id = ${id}`;
    await announce(tx, actor, accountId, id, credit, at, null);
    return id;
  });
}

export function invoiceStatus(
  i: Pick<InvoiceRow, 'paidMinor' | 'totalMinor' | 'dueDate'>,
  today: string,
): 'open' | 'partially_paid' | 'paid' | 'overdue' {
  if (i.paidMinor >= i.totalMinor) return 'paid';
  if (i.dueDate < today) return 'overdue';
  return i.paidMinor > 0 ? 'partially_paid' : 'open';
}
