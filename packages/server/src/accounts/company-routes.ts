// Company details: the client gives them (also while pending, with any of its keys) and an
// operator can read or correct them. Boarding checks them (boarding.ts).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import { idParam } from '../http/schemas.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor } from './service.ts';
import { operatorActor } from '../http/principal.ts';
import { getCompanyDetails, missingCompanyDetails, saveCompanyDetails, type CompanyInput } from './company.ts';

const CompanyBody = Type.Object(
  {
    legalName: Type.String({ minLength: 1, maxLength: 200 }),
    addressLines: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 6 }),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    vatId: Type.Optional(
      Type.Union([
        Type.String({
          pattern: '^[A-Z]{2}[A-Za-z0-9+*.]{2,13}$',
          description: 'with its country prefix, e.g. DE123456789',
        }),
        Type.Null(),
      ]),
    ),
    contact: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 200 }),
        email: Type.String({ format: 'email', maxLength: 320 }),
        phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' }), Type.Null()])),
      },
      { additionalProperties: false },
    ),
    businessUse: Type.Boolean({
      description: 'you declare that you use the services for business purposes (the terms require it)',
    }),
  },
  { additionalProperties: false },
);

const CompanySchema = Type.Object({
  legalName: Type.String(),
  addressLines: Type.Array(Type.String()),
  country: Type.String(),
  vatId: Type.Union([Type.String(), Type.Null()]),
  contact: Type.Object({ name: Type.String(), email: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }),
  businessUseDeclaredAt: Type.Union([Type.String(), Type.Null()]),
  complete: Type.Boolean({ description: 'enough for boarding' }),
  missing: Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() })),
});

export async function companyRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;

  const read = async (accountId: string) => {
    const details = await getCompanyDetails(ctx.sql, accountId);
    if (!details) throw new Problem(P['not-found'], 'no company details yet (PUT /v1/account/company)');
    const missing = missingCompanyDetails(details);
    return { ...details, complete: missing.length === 0, missing };
  };
  const save = async (accountId: string, actor: Actor, input: CompanyInput) => {
    const at = ctx.clock.now();
    await withTransaction(ctx.sql, async (tx) => {
      const [account] = await tx`select 1 from accounts where id = ${accountId} for update`;
      if (!account) throw new Problem(P['not-found'], `no account ${accountId}`);
      await saveCompanyDetails(tx, accountId, input, `${actor.type}:${actor.id}`, at);
      // No personal data in the audit entry: the contact is named only in company_details.
      await appendAudit(tx, {
        accountId,
        actor,
        action: 'company_details.updated',
        target: { type: 'account', id: accountId },
        data: { country: input.country, businessUse: input.businessUse },
        at,
      });
    });
    return read(accountId);
  };

  app.get(
    '/v1/account/company',
    {
      schema: {
        tags: ['account'],
        summary: 'Your company details and what boarding still needs',
        response: { 200: CompanySchema },
      },
    },
    async (request) => read(principalOf(request).accountId),
  );

  app.put(
    '/v1/account/company',
    {
      schema: {
        tags: ['account'],
        summary: 'Give or correct your company details (needed before an operator can activate the account)',
        body: CompanyBody,
        response: { 200: CompanySchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return save(principal.accountId, { type: 'key', id: principal.keyId }, request.body);
    },
  );

  app.get(
    '/v1/admin/accounts/:accountId/company',
    {
      schema: {
        tags: ['admin: accounts'],
        summary: "An account's company details",
        params: idParam('accountId'),
        response: { 200: CompanySchema },
      },
    },
    async (request) => read(request.params.accountId),
  );

  app.put(
    '/v1/admin/accounts/:accountId/company',
    {
      schema: {
        tags: ['admin: accounts'],
        summary: "Enter or correct an account's company details (e.g. from a signed form)",
        params: idParam('accountId'),
        body: CompanyBody,
        response: { 200: CompanySchema },
      },
    },
    async (request) => save(request.params.accountId, operatorActor(request), request.body),
  );
}
