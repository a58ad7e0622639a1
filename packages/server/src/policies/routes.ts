// Policy versions: clients read them and object or accept in writing; operators publish them
// and read the objections.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf, type Principal } from '../http/principal.ts';
import type { Actor } from '../accounts/service.ts';
import { operatorActor } from '../http/principal.ts';
import { P, Problem } from '../http/problem.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../http/pagination.ts';
import { idParam } from '../http/schemas.ts';
import {
  AdminPolicySchema,
  AdminPolicySummarySchema,
  ClientPolicySchema,
  ClientPolicySummarySchema,
  ObjectionSchema,
  PolicyKindSchema,
  adminPolicyJson,
  clientPolicyJson,
  objectionJson,
} from './present.ts';
import { acceptPolicy, objectToPolicy, publishPolicy } from './service.ts';
import { accountPolicies, getPolicy, listObjections, listPolicies, statusCounts } from './store.ts';

const PolicyParams = idParam('policyId');
const Signer = Type.String({ minLength: 1, maxLength: 200, description: 'who signs for your company' });

function clientActor(p: Principal): Actor {
  return p.session ? { type: 'user', id: p.session.userId } : { type: 'key', id: p.keyId };
}

export async function policyRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['policies'];

  app.get(
    '/v1/policies',
    {
      schema: {
        tags,
        summary: 'Privacy policy and terms versions you were notified of, with your status and objection deadline',
        querystring: ListQuery,
        response: { 200: pageOf(ClientPolicySummarySchema) },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const page = toPage(
        await accountPolicies(ctx.sql, principalOf(request).accountId, {
          after: decodeCursor(cursor),
          limit: limit + 1,
        }),
        limit,
      );
      return {
        data: await Promise.all(page.data.map((r) => clientPolicyJson(ctx.keyring, r))),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/v1/policies/:policyId',
    {
      schema: {
        tags,
        summary: 'A policy version with its full text and your status',
        params: PolicyParams,
        response: { 200: ClientPolicySchema },
      },
    },
    async (request) => {
      const [row] = await accountPolicies(ctx.sql, principalOf(request).accountId, {
        policyId: request.params.policyId,
        limit: 1,
      });
      if (!row) throw new Problem(P['not-found'], `no policy ${request.params.policyId}`);
      return { ...(await clientPolicyJson(ctx.keyring, row)), text: row.text };
    },
  );

  app.post(
    '/v1/policies/:policyId/objection',
    {
      schema: {
        tags,
        summary:
          'Object in writing to a policy version, before its objection deadline (an earlier acceptance does not prevent it)',
        params: PolicyParams,
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: 10_000, description: 'your objection as written' }),
            signer: Signer,
          },
          { additionalProperties: false },
        ),
        response: { 200: ClientPolicySchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const row = await objectToPolicy(ctx, clientActor(p), p.accountId, request.params.policyId, request.body);
      return { ...(await clientPolicyJson(ctx.keyring, row)), text: row.text };
    },
  );

  app.post(
    '/v1/policies/:policyId/acceptance',
    {
      schema: {
        tags,
        summary: 'Accept a policy version explicitly, before its objection deadline',
        params: PolicyParams,
        body: Type.Object({ signer: Signer }, { additionalProperties: false }),
        response: { 200: ClientPolicySchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const row = await acceptPolicy(ctx, clientActor(p), p.accountId, request.params.policyId, {
        signer: request.body.signer,
      });
      return { ...(await clientPolicyJson(ctx.keyring, row)), text: row.text };
    },
  );

  const adminTags = ['admin: policies'];
  app.post(
    '/v1/admin/policies',
    {
      schema: {
        tags: adminTags,
        summary:
          'Publish a privacy policy or terms version: every client account is notified and has one calendar month to object',
        body: Type.Object(
          {
            kind: PolicyKindSchema,
            version: Type.String({
              minLength: 1,
              maxLength: 50,
              pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
              description: 'e.g. 2026-12; unique per kind',
            }),
            title: Type.String({ minLength: 1, maxLength: 200 }),
            text: Type.String({ minLength: 1, maxLength: 500_000, description: 'the full text, markdown' }),
            summaryOfChanges: Type.String({
              minLength: 1,
              maxLength: 5000,
              description: 'what changes, for the notification',
            }),
            effectiveAt: Type.String({
              format: 'date-time',
              description: 'not before one calendar month from now, the end of the objection period',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: AdminPolicySchema },
      },
    },
    async (request, reply) => {
      const { policy, notified } = await publishPolicy(ctx, operatorActor(request), {
        ...request.body,
        effectiveAt: new Date(request.body.effectiveAt),
      });
      const counts = { pending: notified, accepted: 0, objected: 0, deemed_accepted: 0 };
      return reply.code(201).send({ ...adminPolicyJson(policy, counts), text: policy.text });
    },
  );

  app.get(
    '/v1/admin/policies',
    {
      schema: {
        tags: adminTags,
        summary: 'Published policy versions with their accounts by status',
        querystring: ListQuery,
        response: { 200: pageOf(AdminPolicySummarySchema) },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const page = toPage(await listPolicies(ctx.sql, { after: decodeCursor(cursor), limit: limit + 1 }), limit);
      const counts = await statusCounts(
        ctx.sql,
        page.data.map((p) => p.id),
      );
      return { data: page.data.map((p) => adminPolicyJson(p, counts.get(p.id)!)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/admin/policies/:policyId',
    {
      schema: {
        tags: adminTags,
        summary: 'A policy version with its text and its accounts by status',
        params: PolicyParams,
        response: { 200: AdminPolicySchema },
      },
    },
    async (request) => {
      const policy = await getPolicy(ctx.sql, request.params.policyId);
      if (!policy) throw new Problem(P['not-found'], `no policy ${request.params.policyId}`);
      const counts = await statusCounts(ctx.sql, [policy.id]);
      return { ...adminPolicyJson(policy, counts.get(policy.id)!), text: policy.text };
    },
  );

  app.get(
    '/v1/admin/policies/:policyId/objections',
    {
      schema: {
        tags: adminTags,
        summary: 'The written objections to a policy version, by account',
        params: PolicyParams,
        querystring: ListQuery,
        response: { 200: pageOf(ObjectionSchema) },
      },
    },
    async (request) => {
      const policy = await getPolicy(ctx.sql, request.params.policyId);
      if (!policy) throw new Problem(P['not-found'], `no policy ${request.params.policyId}`);
      const { limit, cursor } = request.query;
      const rows = await listObjections(ctx.sql, policy.id, { after: decodeCursor(cursor), limit: limit + 1 });
      const page = toPage(
        rows.map((r) => ({ ...r, id: r.accountId })),
        limit,
      );
      return {
        data: await Promise.all(page.data.map((r) => objectionJson(ctx.keyring, r))),
        nextCursor: page.nextCursor,
      };
    },
  );
}
