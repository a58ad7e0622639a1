// Operators keep the billing rates current: VAT standard rates per country (with the date each
// takes effect), the ECB reference rate per half-year (late interest), and the statutory
// late-payment rate for consumers. Invoices already issued keep the rate they were issued with.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { operatorActor } from '../accounts/admin-routes.ts';
import { houseAccountId } from '../connectors/admin-routes.ts';
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
  const audited = (request: Parameters<typeof operatorActor>[0], action: string, data: Record<string, string | number>, fn: (tx: Tx) => Promise<unknown>) =>
    withTransaction(ctx.sql, async (tx) => {
      await fn(tx);
      await appendAudit(tx, { accountId: await houseAccountId(ctx), actor: operatorActor(request), action, target: { type: 'billing_rates', id: action }, data, at: ctx.clock.now() });
    });

  app.get('/v1/admin/billing/rates', {
    schema: {
      tags, summary: 'The rates in force: shipped tables plus your changes',
      response: { 200: Type.Object({
        vat: Type.Record(Type.String(), Type.Array(Type.Object({ from: Type.String(), standardRateBasisPoints: Type.Integer() }))),
        reference: Type.Array(Type.Object({ halfYearStart: Type.String(), rateBasisPoints: Type.Integer() })),
        consumerLateRateBasisPoints: Type.Integer(),
      }) },
    },
  }, async () => {
    const rates = await loadBillingRates(ctx.sql);
    return { ...rates, vat: Object.fromEntries(Object.entries(rates.vat).map(([c, periods]) => [c, [...periods]])), reference: [...rates.reference] };
  });

  app.put('/v1/admin/billing/vat-rates/:country', {
    schema: {
      tags, summary: "Set a country's standard VAT rate from a date (a new period, or a correction of the period starting that day)",
      params: Type.Object({ country: Type.String({ pattern: '^[A-Z]{2}$' }) }),
      body: Type.Object({ effectiveFrom: Type.String({ format: 'date' }), standardRateBasisPoints: BasisPoints }, { additionalProperties: false }),
      response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    const { country } = request.params;
    const b = request.body;
    await audited(request, 'billing.vat_rate_set', { country, effectiveFrom: b.effectiveFrom, standardRateBasisPoints: b.standardRateBasisPoints }, (tx) => tx`
      insert into vat_rates (country, effective_from, standard_rate_basis_points, updated_at) values (${country}, ${b.effectiveFrom}, ${b.standardRateBasisPoints}, ${ctx.clock.now()})
      on conflict (country, effective_from) do update set standard_rate_basis_points = excluded.standard_rate_basis_points, updated_at = excluded.updated_at`);
    return reply.code(204).send(null);
  });

  app.put('/v1/admin/billing/reference-rates/:halfYearStart', {
    schema: {
      tags, summary: "The ECB main refinancing rate in force on the half-year's first day (1 January or 1 July)",
      params: Type.Object({ halfYearStart: Type.String({ pattern: '^[0-9]{4}-(01|07)-01$', format: 'date' }) }),
      body: Type.Object({ rateBasisPoints: Type.Integer({ minimum: -1000, maximum: 10000 }) }, { additionalProperties: false }),
      response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    const { halfYearStart } = request.params;
    const bp = request.body.rateBasisPoints;
    await audited(request, 'billing.reference_rate_set', { halfYearStart, rateBasisPoints: bp }, (tx) => tx`
      insert into reference_rates (half_year_start, rate_basis_points, updated_at) values (${halfYearStart}, ${bp}, ${ctx.clock.now()})
      on conflict (half_year_start) do update set rate_basis_points = excluded.rate_basis_points, updated_at = excluded.updated_at`);
    return reply.code(204).send(null);
  });

  app.put('/v1/admin/billing/consumer-late-rate', {
    schema: {
      tags, summary: 'The statutory yearly late-payment rate for consumers (no flat fee applies to them)',
      body: Type.Object({ rateBasisPoints: BasisPoints }, { additionalProperties: false }), response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    const bp = request.body.rateBasisPoints;
    await audited(request, 'billing.consumer_late_rate_set', { rateBasisPoints: bp }, async (tx) => {
      const updated = await tx`update billing_supplier set consumer_late_rate_basis_points = ${bp}`;
      if (updated.count === 0) throw new Problem(P['invalid-state'], 'configure the supplier first (PUT /v1/admin/billing/supplier)');
    });
    return reply.code(204).send(null);
  });
}
