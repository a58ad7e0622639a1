// /v1/admin/country-rules: the rules operators keep per destination country (docs/sms.md).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { P, Problem } from '../http/problem.ts';
import { ListQuery, pageOf } from '../http/pagination.ts';
import { CountryParams, CountryRuleBodySchema, CountryRuleSchema, countryRuleJson } from './present.ts';
import { removeCountryRule, setCountryRule } from './service.ts';
import { getCountryRule, listCountryRules } from './store.ts';
import { assertCountry } from './validate.ts';

/** The cursor is the last country of the page, opaque to clients like every other cursor. */
function afterCountry(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const country = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[A-Z]{2}$/.test(country))
    throw Problem.field('/querystring/cursor', 'is not a cursor this API returned', P['bad-request']);
  return country;
}

export async function countryRuleRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['admin: country rules'];
  const operator = (request: Parameters<typeof principalOf>[0]) => ({
    type: 'operator' as const,
    id: principalOf(request).keyId,
  });

  app.get(
    '/v1/admin/country-rules',
    {
      schema: {
        tags,
        summary: 'List the per-country rules, by country',
        querystring: ListQuery,
        response: { 200: pageOf(CountryRuleSchema) },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const rows = await listCountryRules(ctx.sql, { after: afterCountry(cursor), limit: limit + 1 });
      const data = rows.slice(0, limit);
      const next = rows.length > limit ? Buffer.from(data.at(-1)!.country).toString('base64url') : null;
      return { data: data.map(countryRuleJson), nextCursor: next };
    },
  );

  app.get(
    '/v1/admin/country-rules/:country',
    {
      schema: { tags, summary: "A country's rules", params: CountryParams, response: { 200: CountryRuleSchema } },
    },
    async (request) => {
      const rule = await getCountryRule(ctx.sql, request.params.country);
      if (!rule) throw new Problem(P['not-found'], `no rules for ${request.params.country}`);
      return countryRuleJson(rule);
    },
  );

  app.put(
    '/v1/admin/country-rules/:country',
    {
      schema: {
        tags,
        summary:
          "Set a country's rules (the whole rule: fields left out take their defaults); applies at once in every process",
        params: CountryParams,
        body: CountryRuleBodySchema,
        response: { 200: CountryRuleSchema, 201: CountryRuleSchema },
      },
    },
    async (request, reply) => {
      assertCountry(request.params.country);
      const { rule, created } = await setCountryRule(ctx, operator(request), request.params.country, request.body);
      return reply.code(created ? 201 : 200).send(countryRuleJson(rule));
    },
  );

  app.delete(
    '/v1/admin/country-rules/:country',
    {
      schema: {
        tags,
        summary: "Remove a country's rules: its messages are no longer checked",
        params: CountryParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      if (!(await removeCountryRule(ctx, operator(request), request.params.country)))
        throw new Problem(P['not-found'], `no rules for ${request.params.country}`);
      return reply.code(204).send(null);
    },
  );
}
