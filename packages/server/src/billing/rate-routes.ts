// Operators keep the billing rates current: VAT standard rates per country (with the date each
// takes effect), the late-interest rule of each supplier jurisdiction (reference rate, margin,
// and the reference rate's values by date), and the statutory late-payment rate for consumers.
// Invoices and interest notes already issued keep the rates they were issued with.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { operatorActor } from '../http/principal.ts';
import { houseAccountId } from '../accounts/store.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { loadBillingRates } from './rates.ts';
import type { Tx } from '../db/pool.ts';

const BasisPoints = Type.Integer({ minimum: 0, maximum: 10000, description: 'hundredths of a percent: 2150 = 21.5 %' });

export async function rateRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['admin: billing'];
  const audited = (
    request: Parameters<typeof operatorActor>[0],
    action: string,
    data: Record<string, string | number>,
    fn: (tx: Tx) => Promise<unknown>,
  ) =>
    withTransaction(ctx.sql, async (tx) => {
      await fn(tx);
      await appendAudit(tx, {
        accountId: await houseAccountId(ctx.sql),
        actor: operatorActor(request),
        action,
        target: { type: 'billing_rates', id: action },
        data,
        at: ctx.clock.now(),
      });
    });

  app.get(
    '/v1/admin/billing/rates',
    {
      schema: {
        tags,
        summary: 'The rates in force: shipped tables plus your changes',
        response: {
          200: Type.Object({
            vat: Type.Record(
              Type.String(),
              Type.Array(Type.Object({ from: Type.String(), standardRateBasisPoints: Type.Integer() })),
            ),
            lateInterest: Type.Array(
              Type.Object({
                jurisdiction: Type.String({
                  description: 'the supplier country (ISO 3166-1 alpha-2), or EA: the default for the euro area',
                }),
                referenceRateName: Type.String(),
                legalBasis: Type.String(),
                marginBasisPoints: Type.Integer({ description: 'added to the reference rate between businesses' }),
                referenceRates: Type.Array(Type.Object({ validFrom: Type.String(), rateBasisPoints: Type.Integer() })),
              }),
            ),
            consumerLateRateBasisPoints: Type.Integer(),
          }),
        },
      },
    },
    async () => {
      const rates = await loadBillingRates(ctx.sql);
      return {
        vat: Object.fromEntries(Object.entries(rates.vat).map(([c, periods]) => [c, [...periods]])),
        lateInterest: rates.lateInterest.map((r) => ({ ...r, referenceRates: [...r.referenceRates] })),
        consumerLateRateBasisPoints: rates.consumerLateRateBasisPoints,
      };
    },
  );

  app.put(
    '/v1/admin/billing/vat-rates/:country',
    {
      schema: {
        tags,
        summary:
          "Set a country's standard VAT rate from a date (a new period, or a correction of the period starting that day)",
        params: Type.Object({ country: Type.String({ pattern: '^[A-Z]{2}$' }) }),
        body: Type.Object(
          { effectiveFrom: Type.String({ format: 'date' }), standardRateBasisPoints: BasisPoints },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { country } = request.params;
      const b = request.body;
      await audited(
        request,
        'billing.vat_rate_set',
        { country, effectiveFrom: b.effectiveFrom, standardRateBasisPoints: b.standardRateBasisPoints },
        (tx) => tx`
      insert into vat_rates (country, effective_from, standard_rate_basis_points, updated_at) values (${country}, ${b.effectiveFrom}, ${b.standardRateBasisPoints}, ${ctx.clock.now()})
      on conflict (country, effective_from) do update set standard_rate_basis_points = excluded.standard_rate_basis_points, updated_at = excluded.updated_at`,
      );
      return reply.code(204).send(null);
    },
  );

  const Jurisdiction = Type.String({
    pattern: '^([A-Z]{2}|EA)$',
    description: 'the supplier country (ISO 3166-1 alpha-2), or EA for the euro-area default',
  });
  app.put(
    '/v1/admin/billing/late-interest/:jurisdiction',
    {
      schema: {
        tags,
        summary:
          "A supplier jurisdiction's late-interest rule between businesses: its reference rate and the margin its law adds",
        params: Type.Object({ jurisdiction: Jurisdiction }),
        body: Type.Object(
          {
            referenceRateName: Type.String({ minLength: 1, maxLength: 200 }),
            legalBasis: Type.String({ minLength: 1, maxLength: 500 }),
            marginBasisPoints: BasisPoints,
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { jurisdiction } = request.params;
      const b = request.body;
      await audited(
        request,
        'billing.late_interest_rule_set',
        { jurisdiction, marginBasisPoints: b.marginBasisPoints },
        (tx) => tx`
      insert into late_interest_rules (jurisdiction, reference_rate_name, legal_basis, margin_basis_points, updated_at)
      values (${jurisdiction}, ${b.referenceRateName}, ${b.legalBasis}, ${b.marginBasisPoints}, ${ctx.clock.now()})
      on conflict (jurisdiction) do update set reference_rate_name = excluded.reference_rate_name, legal_basis = excluded.legal_basis,
        margin_basis_points = excluded.margin_basis_points, updated_at = excluded.updated_at`,
      );
      return reply.code(204).send(null);
    },
  );

  const setReferenceRate = (
    request: Parameters<typeof operatorActor>[0],
    jurisdiction: string,
    validFrom: string,
    bp: number,
  ) =>
    audited(request, 'billing.reference_rate_set', { jurisdiction, validFrom, rateBasisPoints: bp }, async (tx) => {
      const [rule] = await tx`select 1 from late_interest_rules where jurisdiction = ${jurisdiction}`;
      if (!rule)
        throw new Problem(
          P['not-found'],
          `no late-interest rule for ${jurisdiction}: create it first (PUT /v1/admin/billing/late-interest/${jurisdiction})`,
        );
      await tx`
        insert into late_interest_reference_rates (jurisdiction, valid_from, rate_basis_points, updated_at) values (${jurisdiction}, ${validFrom}, ${bp}, ${ctx.clock.now()})
        on conflict (jurisdiction, valid_from) do update set rate_basis_points = excluded.rate_basis_points, updated_at = excluded.updated_at`;
    });
  const ReferenceRate = Type.Object(
    {
      rateBasisPoints: Type.Integer({
        minimum: -1000,
        maximum: 10000,
        description: 'may be negative (the Basiszinssatz was, 2013-2022)',
      }),
    },
    { additionalProperties: false },
  );

  app.put(
    '/v1/admin/billing/late-interest/:jurisdiction/reference-rates/:validFrom',
    {
      schema: {
        tags,
        summary:
          "The jurisdiction's reference rate from a date until the next one; each half-year's interest uses the rate in force on its first day",
        params: Type.Object({ jurisdiction: Jurisdiction, validFrom: Type.String({ format: 'date' }) }),
        body: ReferenceRate,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await setReferenceRate(
        request,
        request.params.jurisdiction,
        request.params.validFrom,
        request.body.rateBasisPoints,
      );
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/v1/admin/billing/reference-rates/:halfYearStart',
    {
      schema: {
        tags,
        summary:
          'Kept for existing callers: the euro-area (EA) reference rate from that half-year (PUT .../late-interest/EA/reference-rates/{validFrom})',
        params: Type.Object({ halfYearStart: Type.String({ pattern: '^[0-9]{4}-(01|07)-01$', format: 'date' }) }),
        body: ReferenceRate,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await setReferenceRate(request, 'EA', request.params.halfYearStart, request.body.rateBasisPoints);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/v1/admin/billing/consumer-late-rate',
    {
      schema: {
        tags,
        summary: 'The statutory yearly late-payment rate for consumers (no flat fee applies to them)',
        body: Type.Object({ rateBasisPoints: BasisPoints }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const bp = request.body.rateBasisPoints;
      await audited(request, 'billing.consumer_late_rate_set', { rateBasisPoints: bp }, async (tx) => {
        const updated = await tx`update billing_supplier set consumer_late_rate_basis_points = ${bp}`;
        if (updated.count === 0)
          throw new Problem(P['invalid-state'], 'configure the supplier first (PUT /v1/admin/billing/supplier)');
      });
      return reply.code(204).send(null);
    },
  );
}
