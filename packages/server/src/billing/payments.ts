// Payments recorded by operators, allocated to the account's oldest open invoices and interest
// notes first (same currency); when nothing is left open and no usage waits to be invoiced, the
// SMS usage counts as settled. Statements add the late interest not yet charged (interest-notes.ts).
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { emitEvents } from '../platform/events.ts';
import { newId } from '../platform/ids.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { accountNotificationEmails } from '../accounts/store.ts';
import { accruedInterest } from './interest-notes.ts';
import { isoDateToDayNumber, utcDayNumber } from './rules/dates.ts';
import { invoiceColumns, type InvoiceRow } from './invoices.ts';
import { creditPrepaidInvoice } from './prepaid-balance.ts';
import { settleIfClear } from './settlement.ts';
import { lockBillingAccount } from './account-store.ts';

export interface PaymentInput {
  accountId: string;
  amountMinor: number;
  currency: string;
  receivedOn: string;
  reference: string;
  method: string;
}

export interface PaymentResult {
  id: string;
  allocations: { invoiceId: string; number: string; amountMinor: number }[];
  unallocatedMinor: number;
  settled: boolean;
}

export async function recordPayment(ctx: Context, actor: Actor, p: PaymentInput): Promise<PaymentResult> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    if (!(await lockBillingAccount(tx, p.accountId))) throw Problem.field('/accountId', 'no such account');
    const open = await tx<InvoiceRow[]>`
      select ${invoiceColumns(tx)} from invoices
      where account_id = ${p.accountId} and kind in ('invoice', 'interest_note') and currency = ${p.currency} and paid_minor < total_minor
      order by issue_date, number for update`;
    const id = newId('pay', at);
    let left = p.amountMinor;
    const allocations: PaymentResult['allocations'] = [];
    for (const inv of open) {
      if (left === 0) break;
      const amount = Math.min(left, inv.totalMinor - inv.paidMinor);
      allocations.push({ invoiceId: inv.id, number: inv.number, amountMinor: amount });
      left -= amount;
    }
    await tx`insert into payments (account_id, id, amount_minor, currency, received_on, reference, method, unallocated_minor, recorded_by, created_at)
             values (${p.accountId}, ${id}, ${p.amountMinor}, ${p.currency}, ${p.receivedOn}, ${p.reference}, ${p.method}, ${left}, ${actor.id}, ${at})`;
    for (const a of allocations) {
      await tx`insert into payment_allocations (account_id, payment_id, invoice_id, amount_minor) values (${p.accountId}, ${id}, ${a.invoiceId}, ${a.amountMinor})`;
      const [inv] = await tx<{ paid: boolean }[]>`
        update invoices set paid_minor = paid_minor + ${a.amountMinor} where account_id = ${p.accountId} and id = ${a.invoiceId}
        returning paid_minor >= total_minor as paid`;
      if (!inv!.paid) continue;
      await emitEvents(tx, [
        {
          accountId: p.accountId,
          type: 'invoice.paid',
          objectType: 'invoice',
          objectId: a.invoiceId,
          at,
          data: { number: a.number },
        },
      ]);
      await creditPrepaidInvoice(tx, p.accountId, a.invoiceId, at);
    }
    await appendAudit(tx, {
      accountId: p.accountId,
      actor,
      action: 'payment.recorded',
      target: { type: 'payment', id },
      data: { amountMinor: p.amountMinor, currency: p.currency, reference: p.reference, invoices: allocations.length },
      at,
    });
    const settled = await settleIfClear(tx, actor, p.accountId, p.reference, at);
    return { id, allocations, unallocatedMinor: left, settled };
  });
}

export interface StatementLine {
  invoiceId: string;
  number: string;
  dueDate: string;
  totalMinor: number;
  paidMinor: number;
  outstandingMinor: number;
  daysOverdue: number;
  interestMinor: number;
  compensationMinor: number;
}

/**
 * Open invoices and interest notes, with the interest and fixed compensation each invoice has
 * accrued by `now` and that no interest note has charged yet (no interest on interest notes).
 */
export async function statement(
  ctx: Context,
  accountId: string,
): Promise<{
  lines: StatementLine[];
  currency: string | null;
  outstandingMinor: number;
  interestMinor: number;
  compensationMinor: number;
}> {
  const now = ctx.clock.now();
  const open = await ctx.sql<InvoiceRow[]>`
    select ${invoiceColumns(ctx.sql)} from invoices where account_id = ${accountId} and kind in ('invoice', 'interest_note') and paid_minor < total_minor
    order by issue_date, number`;
  const accrued = await accruedInterest(
    ctx.sql,
    accountId,
    open.filter((i) => i.kind === 'invoice'),
    now,
  );
  const today = utcDayNumber(now);
  const lines = open.map((inv) => {
    const interest = accrued.get(inv.id);
    return {
      invoiceId: inv.id,
      number: inv.number,
      dueDate: inv.dueDate,
      totalMinor: inv.totalMinor,
      paidMinor: inv.paidMinor,
      outstandingMinor: inv.totalMinor - inv.paidMinor,
      daysOverdue: Math.max(0, today - isoDateToDayNumber(inv.dueDate)),
      interestMinor: interest?.interestMinor ?? 0,
      compensationMinor: interest?.compensationMinor ?? 0,
    };
  });
  const sum = (k: 'outstandingMinor' | 'interestMinor' | 'compensationMinor') => lines.reduce((n, l) => n + l[k], 0);
  return {
    lines,
    currency: open[0]?.currency ?? null,
    outstandingMinor: sum('outstandingMinor'),
    interestMinor: sum('interestMinor'),
    compensationMinor: sum('compensationMinor'),
  };
}

/** Daily: a reminder (event and email) per overdue invoice, at most weekly. */
export async function remindOverdue(ctx: Context): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.sql<{ accountId: string; id: string; number: string; dueDate: string }[]>`
    select account_id as "accountId", id, number, to_char(due_date, 'YYYY-MM-DD') as "dueDate" from invoices
    where kind = 'invoice' and paid_minor < total_minor and due_date < ${now.toISOString().slice(0, 10)}::date
      and (reminded_at is null or reminded_at < ${new Date(now.getTime() - 7 * 86_400_000)})`;
  for (const inv of due) {
    await withTransaction(ctx.sql, async (tx) => {
      await tx`update invoices set reminded_at = ${now} where account_id = ${inv.accountId} and id = ${inv.id}`;
      await emitEvents(tx, [
        {
          accountId: inv.accountId,
          type: 'invoice.overdue',
          objectType: 'invoice',
          objectId: inv.id,
          at: now,
          data: { number: inv.number, dueDate: inv.dueDate },
        },
      ]);
      const [profile] = await tx<
        { email: string | null }[]
      >`select email from billing_profiles where account_id = ${inv.accountId}`;
      for (const to of new Set([
        ...(profile?.email ? [profile.email] : []),
        ...(await accountNotificationEmails(tx, inv.accountId)),
      ])) {
        await enqueueEmail(tx, {
          accountId: inv.accountId,
          to,
          at: now,
          subject: `Reminder: invoice ${inv.number} is overdue`,
          text:
            `Invoice ${inv.number} was due on ${inv.dueDate} and is not fully paid. Late payment accrues statutory interest ` +
            '(GET /v1/statement shows it). If you have paid in the meantime, please ignore this reminder.\n',
        });
      }
    });
  }
  return due.length;
}
