// A client's retention periods, legal holds, retention runs and records of processing.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import { principalOf } from '../../http/principal.ts';
import { withTransaction } from '../../db/tx.ts';
import { P, Problem } from '../../http/problem.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../../http/pagination.ts';
import { idParam } from '../../http/schemas.ts';
import { appendAudit } from '../../platform/audit/log.ts';
import { normalizeE164 } from '../../platform/phone.ts';
import type { SubjectHasher } from '../subject-hash.ts';
import { checkPeriods, effectivePolicies, setAccountPeriods } from './policy.ts';
import { getLegalHold, holdTarget, listLegalHolds, placeLegalHold, releaseLegalHolds } from './holds.ts';
import { listRetentionRuns } from './job.ts';
import { recordsOfProcessing } from './records.ts';
import {
  LegalHoldInput,
  LegalHoldSchema,
  PeriodsInput,
  PoliciesSchema,
  RecordsSchema,
  RunSchema,
  holdJson,
  runJson,
} from './schemas.ts';

export async function retentionRoutes(
  base: FastifyInstance,
  opts: { ctx: Context; hasher: SubjectHasher },
): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, hasher } = opts;
  const tags = ['privacy'];

  app.get(
    '/v1/privacy/retention',
    {
      schema: {
        tags,
        summary: 'How long each category of data is kept, who set it, and the bounds',
        response: { 200: PoliciesSchema },
      },
    },
    async (request) => ({ data: await effectivePolicies(ctx.sql, principalOf(request).accountId) }),
  );

  app.put(
    '/v1/privacy/retention',
    {
      schema: {
        tags,
        summary: 'Set your own retention periods (days) for some categories, within their minimum and maximum',
        body: PeriodsInput,
        response: { 200: PoliciesSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { categories } = request.body;
      checkPeriods(categories);
      const at = ctx.clock.now();
      await withTransaction(ctx.sql, async (tx) => {
        await setAccountPeriods(tx, p.accountId, categories, p.keyId, at);
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: { type: p.session ? 'user' : 'key', id: p.keyId },
          action: 'retention.policy_changed',
          target: { type: 'account', id: p.accountId },
          data: categories,
          at,
        });
      });
      return { data: await effectivePolicies(ctx.sql, p.accountId) };
    },
  );

  app.get(
    '/v1/privacy/retention/runs',
    {
      schema: {
        tags,
        summary: 'What the daily retention runs erased or deleted in your account, newest first',
        querystring: ListQuery,
        response: { 200: pageOf(RunSchema) },
      },
    },
    async (request) => {
      const rows = await listRetentionRuns(ctx, principalOf(request).accountId, {
        limit: request.query.limit,
        after: decodeCursor(request.query.cursor),
      });
      const page = toPage(rows, request.query.limit);
      return { data: page.data.map(runJson), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/privacy/legal-holds',
    {
      schema: {
        tags,
        summary: 'Legal holds on your account or on people: retention leaves what they cover alone',
        querystring: Type.Intersect([ListQuery, Type.Object({ active: Type.Optional(Type.Boolean()) })]),
        response: { 200: pageOf(LegalHoldSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const page = toPage(
        await listLegalHolds(ctx.sql, principalOf(request).accountId, {
          limit: q.limit,
          after: decodeCursor(q.cursor),
          active: q.active,
        }),
        q.limit,
      );
      return { data: page.data.map(holdJson), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/v1/privacy/legal-holds',
    {
      schema: {
        tags,
        summary: 'Place a legal hold on your whole account, or on one person (subject.phone)',
        body: LegalHoldInput,
        response: { 201: LegalHoldSchema },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { subject, reason } = request.body;
      let subjectHash: Buffer | null = null;
      if (subject) {
        const phone = normalizeE164(subject.phone);
        if (!phone) throw Problem.field('/subject/phone', 'must be a valid E.164 number (+ and digits)');
        subjectHash = await hasher.hash(p.accountId, phone);
      }
      const at = ctx.clock.now();
      const hold = await withTransaction(ctx.sql, async (tx) => {
        const h = await placeLegalHold(tx, {
          accountId: p.accountId,
          subjectHash,
          reason,
          placedBy: 'account',
          createdBy: p.keyId,
          at,
        });
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: { type: p.session ? 'user' : 'key', id: p.keyId },
          action: 'legal_hold.placed',
          ...holdTarget(h),
          freeText: { reason },
          at,
        });
        return h;
      });
      return reply.code(201).send(holdJson(hold));
    },
  );

  app.delete(
    '/v1/privacy/legal-holds/:holdId',
    {
      schema: {
        tags,
        summary: 'Release a legal hold you placed (retention applies again at its next run)',
        params: idParam('holdId'),
        response: { 200: LegalHoldSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { holdId } = request.params;
      const at = ctx.clock.now();
      return holdJson(
        await withTransaction(ctx.sql, async (tx) => {
          const hold = await getLegalHold(tx, p.accountId, holdId);
          if (!hold) throw new Problem(P['not-found'], `no legal hold ${holdId}`);
          if (hold.releasedAt) throw new Problem(P['invalid-state'], 'this legal hold was already released');
          if (hold.placedBy === 'operator')
            throw new Problem(P['invalid-state'], 'your operator placed this legal hold; only they can release it');
          const [released] = await releaseLegalHolds(tx, p.accountId, { id: holdId }, p.keyId, at);
          await appendAudit(tx, {
            accountId: p.accountId,
            actor: { type: p.session ? 'user' : 'key', id: p.keyId },
            action: 'legal_hold.released',
            ...holdTarget(hold),
            at,
          });
          return released!;
        }),
      );
    },
  );

  app.get(
    '/v1/privacy/records-of-processing',
    {
      schema: {
        tags,
        summary: 'Records of processing (GDPR Art. 30) for your account, generated from its configuration',
        response: { 200: RecordsSchema },
      },
    },
    async (request) => recordsOfProcessing(ctx.sql, principalOf(request).accountId, ctx.clock.now()),
  );
}
