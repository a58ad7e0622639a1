// Invoices: supplier details and billing profiles, invoice runs, credit notes and payments
// (operators); invoices as JSON and PDF, and statements with late interest (clients).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { startOfMonth } from '../platform/calendar.ts';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { operatorActor } from '../http/principal.ts';
import { P, Problem } from '../http/problem.ts';
import { MAX_AMOUNT_MINOR, idParam } from '../http/schemas.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { withTransaction } from '../db/tx.ts';
import { creditInvoice, invoiceColumns, invoiceStatus, runInvoices, type InvoiceRow } from './invoices.ts';
import { issueInterestNote } from './interest-notes.ts';
import { renderInvoicePdf } from './rules/invoice-pdf.ts';
import { recordPayment, statement } from './payments.ts';

const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const Lines = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 6 });
const InvoiceSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: Type.Union([Type.Literal('invoice'), Type.Literal('credit_note'), Type.Literal('interest_note')], {
    description: 'interest_note: late interest and compensation charged on an invoice, without VAT',
  }),
  status: Type.Union([
    Type.Literal('open'),
    Type.Literal('partially_paid'),
    Type.Literal('paid'),
    Type.Literal('overdue'),
  ]),
  creditedInvoiceId: Type.Union([Type.String(), Type.Null()]),
  interestInvoiceId: Type.Union([Type.String(), Type.Null()], {
    description: 'an interest note: the invoice paid late',
  }),
  issueDate: Type.String(),
  dueDate: Type.String(),
  currency: Type.String(),
  netMinor: Type.Integer({ description: 'excluding VAT, in minor units' }),
  vatMinor: Type.Integer(),
  totalMinor: Type.Integer(),
  paidMinor: Type.Integer(),
  vat: Type.Object({
    kind: Type.String(),
    rateBasisPoints: Type.Integer(),
    note: Type.Union([Type.String(), Type.Null()]),
  }),
  lines: Type.Array(
    Type.Object({
      description: Type.String(),
      quantity: Type.Number(),
      unitPriceMinor: Type.Integer(),
      amountMinor: Type.Integer(),
    }),
  ),
});

export async function invoiceRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const adminTags = ['admin: billing'];
  const today = () => ctx.clock.now().toISOString().slice(0, 10);
  const json = (i: InvoiceRow) => ({
    id: i.id,
    number: i.number,
    kind: i.kind,
    status: invoiceStatus(i, today()),
    creditedInvoiceId: i.creditedInvoiceId,
    interestInvoiceId: i.interestInvoiceId,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    currency: i.currency,
    netMinor: i.netMinor,
    vatMinor: i.vatMinor,
    totalMinor: i.totalMinor,
    paidMinor: i.paidMinor,
    vat: { kind: i.document.vat.kind, rateBasisPoints: i.document.vat.rateBasisPoints, note: i.document.vat.note },
    lines: [...i.document.lines],
  });
  const invoiceOf = async (accountId: string | undefined, id: string) => {
    const [row] = await ctx.sql<
      InvoiceRow[]
    >`select ${invoiceColumns(ctx.sql)} from invoices where id = ${id} ${accountId ? ctx.sql`and account_id = ${accountId}` : ctx.sql``}`;
    if (!row) throw new Problem(P['not-found'], `no invoice ${id}`);
    return row;
  };

  app.put(
    '/v1/admin/billing/supplier',
    {
      schema: {
        tags: adminTags,
        summary: 'The supplier printed on invoices (you, the operator), which also decides domestic VAT',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            addressLines: Lines,
            country: Country,
            vatId: Type.String({ minLength: 4, maxLength: 20 }),
            invoicePrefix: Type.Optional(Type.String({ pattern: '^[A-Z][A-Z0-9-]{0,9}$' })),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const b = request.body;
      await ctx.sql`insert into billing_supplier (name, address_lines, country, vat_id, invoice_prefix, updated_at)
                  values (${b.name}, ${b.addressLines}, ${b.country}, ${b.vatId}, ${b.invoicePrefix ?? 'CX'}, ${ctx.clock.now()})
                  on conflict (id) do update set name = excluded.name, address_lines = excluded.address_lines, country = excluded.country,
                    vat_id = excluded.vat_id, invoice_prefix = excluded.invoice_prefix, updated_at = excluded.updated_at`;
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/v1/admin/accounts/:accountId/billing-profile',
    {
      schema: {
        tags: adminTags,
        summary: "An account's invoicing details; vatIdVerified records that you checked the VAT id",
        params: idParam('accountId'),
        body: Type.Object(
          {
            legalName: Type.String({ minLength: 1, maxLength: 200 }),
            addressLines: Lines,
            country: Country,
            isBusiness: Type.Boolean(),
            vatId: Type.Optional(Type.Union([Type.String({ minLength: 4, maxLength: 20 }), Type.Null()])),
            vatIdVerified: Type.Optional(Type.Boolean()),
            email: Type.Optional(Type.Union([Type.String({ format: 'email' }), Type.Null()])),
            paymentTermsDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const at = ctx.clock.now();
      const actor = operatorActor(request);
      await withTransaction(ctx.sql, async (tx) => {
        const [account] = await tx`select 1 from accounts where id = ${request.params.accountId}`;
        if (!account) throw new Problem(P['not-found'], `no account ${request.params.accountId}`);
        const verified = b.vatIdVerified && b.vatId ? at : null;
        await tx`insert into billing_profiles (account_id, legal_name, address_lines, country, is_business, vat_id, vat_id_verified_at, vat_id_verified_by, email, payment_terms_days, updated_at)
               values (${request.params.accountId}, ${b.legalName}, ${b.addressLines}, ${b.country}, ${b.isBusiness}, ${b.vatId ?? null}, ${verified}, ${verified ? actor.id : null},
                       ${b.email ?? null}, ${b.paymentTermsDays ?? 14}, ${at})
               on conflict (account_id) do update set legal_name = excluded.legal_name, address_lines = excluded.address_lines, country = excluded.country,
                 is_business = excluded.is_business, vat_id = excluded.vat_id, vat_id_verified_at = excluded.vat_id_verified_at,
                 vat_id_verified_by = excluded.vat_id_verified_by, email = excluded.email, payment_terms_days = excluded.payment_terms_days, updated_at = excluded.updated_at`;
        await appendAudit(tx, {
          accountId: request.params.accountId,
          actor,
          action: 'billing_profile.updated',
          target: { type: 'account', id: request.params.accountId },
          data: { country: b.country, isBusiness: b.isBusiness, vatIdVerified: verified !== null },
          at,
        });
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/admin/invoice-runs',
    {
      schema: {
        tags: adminTags,
        summary: 'Invoice all usage before periodEnd (default: the start of this month, i.e. the monthly run)',
        body: Type.Object(
          { periodEnd: Type.Optional(Type.String({ format: 'date-time' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            issued: Type.Array(
              Type.Object({
                accountId: Type.String(),
                invoiceId: Type.String(),
                number: Type.String(),
                totalMinor: Type.Integer(),
                currency: Type.String(),
              }),
            ),
            skipped: Type.Array(Type.Object({ accountId: Type.String(), reason: Type.String() })),
          }),
        },
      },
    },
    async (request) =>
      runInvoices(
        ctx,
        operatorActor(request),
        request.body.periodEnd ? new Date(request.body.periodEnd) : startOfMonth(ctx.clock.now()),
      ),
  );

  app.get(
    '/v1/admin/invoices',
    {
      schema: {
        tags: adminTags,
        summary: 'Invoices, credit notes and interest notes, newest first',
        querystring: Type.Object({ accountId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: {
          200: Type.Object({
            data: Type.Array(Type.Intersect([InvoiceSchema, Type.Object({ accountId: Type.String() })])),
          }),
        },
      },
    },
    async (request) => {
      const rows = await ctx.sql<
        InvoiceRow[]
      >`select ${invoiceColumns(ctx.sql)} from invoices ${request.query.accountId ? ctx.sql`where account_id = ${request.query.accountId}` : ctx.sql``} order by id desc limit 1000`;
      return { data: rows.map((r) => ({ ...json(r), accountId: r.accountId })) };
    },
  );

  app.post(
    '/v1/admin/invoices/:invoiceId/credit-note',
    {
      schema: {
        tags: adminTags,
        summary: 'Reverse an invoice in full with a credit note',
        params: idParam('invoiceId'),
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 201: InvoiceSchema },
      },
    },
    async (request, reply) => {
      const invoice = await invoiceOf(undefined, request.params.invoiceId);
      const id = await creditInvoice(ctx, operatorActor(request), invoice.accountId, invoice.id, request.body.reason);
      return reply.code(201).send(json(await invoiceOf(invoice.accountId, id)));
    },
  );

  app.post(
    '/v1/admin/invoices/:invoiceId/interest-note',
    {
      schema: {
        tags: adminTags,
        params: idParam('invoiceId'),
        response: { 201: InvoiceSchema },
        summary:
          'Charge the late interest an invoice accrued to today (and the fixed compensation, once) on an interest note without VAT; 409 when nothing is owed',
      },
    },
    async (request, reply) => {
      const id = await issueInterestNote(ctx, operatorActor(request), request.params.invoiceId);
      return reply.code(201).send(json(await invoiceOf(undefined, id)));
    },
  );

  app.get(
    '/v1/invoices',
    {
      schema: {
        tags: ['billing'],
        summary: 'Your invoices, credit notes and interest notes, newest first',
        response: { 200: Type.Object({ data: Type.Array(InvoiceSchema) }) },
      },
    },
    async (request) => {
      const rows = await ctx.sql<
        InvoiceRow[]
      >`select ${invoiceColumns(ctx.sql)} from invoices where account_id = ${principalOf(request).accountId} order by id desc limit 1000`;
      return { data: rows.map(json) };
    },
  );

  app.get(
    '/v1/invoices/:invoiceId',
    {
      schema: {
        tags: ['billing'],
        summary: 'An invoice',
        params: idParam('invoiceId'),
        response: { 200: InvoiceSchema },
      },
    },
    async (request) => json(await invoiceOf(principalOf(request).accountId, request.params.invoiceId)),
  );

  app.get(
    '/v1/invoices/:invoiceId/pdf',
    {
      schema: {
        tags: ['billing'],
        summary: 'An invoice as PDF (rendered from the issued document, byte for byte the same each time)',
        params: idParam('invoiceId'),
      },
    },
    async (request, reply) => {
      const invoice = await invoiceOf(principalOf(request).accountId, request.params.invoiceId);
      const pdf = await renderInvoicePdf(invoice.document);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${invoice.number}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
}

export async function paymentRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const Line = Type.Object({
    invoiceId: Type.String(),
    number: Type.String(),
    dueDate: Type.String(),
    totalMinor: Type.Integer(),
    paidMinor: Type.Integer(),
    outstandingMinor: Type.Integer(),
    daysOverdue: Type.Integer(),
    interestMinor: Type.Integer(),
    compensationMinor: Type.Integer({
      description:
        'EUR 40 per late EUR invoice for business customers (2011/7/EU Art. 6), until charged on an interest note',
    }),
  });

  app.post(
    '/v1/admin/payments',
    {
      schema: {
        tags: ['admin: billing'],
        summary: "Record a payment; it pays the account's oldest open invoices first",
        body: Type.Object(
          {
            accountId: Type.String({ minLength: 1, maxLength: 64 }),
            amountMinor: Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR }),
            currency: Type.String({ pattern: '^[A-Z]{3}$' }),
            receivedOn: Type.String({ format: 'date' }),
            reference: Type.String({ minLength: 1, maxLength: 200 }),
            method: Type.Union([
              Type.Literal('bank_transfer'),
              Type.Literal('card'),
              Type.Literal('direct_debit'),
              Type.Literal('other'),
            ]),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.String(),
            allocations: Type.Array(
              Type.Object({ invoiceId: Type.String(), number: Type.String(), amountMinor: Type.Integer() }),
            ),
            unallocatedMinor: Type.Integer({ description: 'kept as credit' }),
            settled: Type.Boolean({ description: 'nothing open or unbilled any more: the SMS count restarted' }),
          }),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await recordPayment(ctx, operatorActor(request), request.body)),
  );

  app.get(
    '/v1/statement',
    {
      schema: {
        tags: ['billing'],
        summary:
          'Open invoices and interest notes, with the late-payment interest accrued to date and not yet charged on an interest note',
        response: {
          200: Type.Object({
            currency: Type.Union([Type.String(), Type.Null()]),
            outstandingMinor: Type.Integer(),
            interestMinor: Type.Integer(),
            compensationMinor: Type.Integer(),
            lines: Type.Array(Line),
          }),
        },
      },
    },
    async (request) => statement(ctx, principalOf(request).accountId),
  );
}
