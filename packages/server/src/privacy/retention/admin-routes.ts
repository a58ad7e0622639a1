// Operators: the platform's default retention periods, account-wide legal holds, and any
// account's records of processing.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import { operatorActor } from '../../http/principal.ts';
import { houseAccountId } from '../../accounts/store.ts';
import { withTransaction } from '../../db/tx.ts';
import { P, Problem } from '../../http/problem.ts';
import { idParam } from '../../http/schemas.ts';
import { appendAudit } from '../../platform/audit/log.ts';
import { CATEGORIES, CATEGORY_RULES, checkPeriods, platformDefaults, setPlatformDefaults } from './policy.ts';
import { placeLegalHold, releaseLegalHolds } from './holds.ts';
import { recordsOfProcessing } from './records.ts';
import { DefaultsSchema, LegalHoldSchema, PeriodsInput, RecordsSchema, holdJson } from './schemas.ts';
import { holdTarget } from './holds.ts';

export async function retentionAdminRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['admin: privacy'];
  const AccountParams = idParam('accountId');

  const defaults = async () => {
    const set = await platformDefaults(ctx.sql);
    return {
      data: CATEGORIES.map((category) => ({
        category,
        ...set[category],
        minimum: CATEGORY_RULES[category].minimum,
        maximum: CATEGORY_RULES[category].maximum,
        why: CATEGORY_RULES[category].why,
      })),
    };
  };

  app.get(
    '/v1/admin/privacy/retention-defaults',
    {
      schema: {
        tags,
        summary: "The platform's retention periods for accounts that set none",
        response: { 200: DefaultsSchema },
      },
    },
    defaults,
  );

  app.put(
    '/v1/admin/privacy/retention-defaults',
    {
      schema: {
        tags,
        summary: "Change the platform's retention periods (days), within each category's minimum and maximum",
        body: PeriodsInput,
        response: { 200: DefaultsSchema },
      },
    },
    async (request) => {
      const { categories } = request.body;
      checkPeriods(categories);
      const actor = operatorActor(request);
      const at = ctx.clock.now();
      await withTransaction(ctx.sql, async (tx) => {
        await setPlatformDefaults(tx, categories, actor.id, at);
        // Platform-wide changes are recorded in the house account's chain, like other operator settings.
        await appendAudit(tx, {
          accountId: await houseAccountId(ctx.sql),
          actor,
          action: 'retention.defaults_changed',
          data: categories,
          at,
        });
      });
      return defaults();
    },
  );

  app.post(
    '/v1/admin/accounts/:accountId/legal-hold',
    {
      schema: {
        tags,
        summary: 'Place a legal hold on a whole account: retention stops for it until released',
        params: AccountParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
        response: { 201: LegalHoldSchema },
      },
    },
    async (request, reply) => {
      const { accountId } = request.params;
      const actor = operatorActor(request);
      const at = ctx.clock.now();
      const hold = await withTransaction(ctx.sql, async (tx) => {
        const [account] = await tx`select 1 from accounts where id = ${accountId}`;
        if (!account) throw new Problem(P['not-found'], `no account ${accountId}`);
        const h = await placeLegalHold(tx, {
          accountId,
          subjectHash: null,
          reason: request.body.reason,
          placedBy: 'operator',
          createdBy: actor.id,
          at,
        });
        await appendAudit(tx, {
          accountId,
          actor,
          action: 'legal_hold.placed',
          ...holdTarget(h),
          freeText: { reason: request.body.reason },
          at,
        });
        return h;
      });
      return reply.code(201).send(holdJson(hold));
    },
  );

  app.delete(
    '/v1/admin/accounts/:accountId/legal-hold',
    {
      schema: {
        tags,
        summary: 'Release the account-wide legal holds of an account',
        params: AccountParams,
        response: { 200: Type.Object({ data: Type.Array(LegalHoldSchema) }) },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      const actor = operatorActor(request);
      const at = ctx.clock.now();
      const released = await withTransaction(ctx.sql, async (tx) => {
        const holds = await releaseLegalHolds(tx, accountId, { accountWide: true }, actor.id, at);
        if (holds.length === 0)
          throw new Problem(P['not-found'], `no account-wide legal hold in force on ${accountId}`);
        for (const h of holds)
          await appendAudit(tx, { accountId, actor, action: 'legal_hold.released', ...holdTarget(h), at });
        return holds;
      });
      return { data: released.map(holdJson) };
    },
  );

  app.get(
    '/v1/admin/accounts/:accountId/records-of-processing',
    {
      schema: {
        tags,
        summary: "An account's records of processing (GDPR Art. 30)",
        params: AccountParams,
        response: { 200: RecordsSchema },
      },
    },
    async (request) => recordsOfProcessing(ctx.sql, request.params.accountId, ctx.clock.now()),
  );
}
