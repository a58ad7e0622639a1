// GET /v1/search: the portal's search box (search/service.ts says what it finds and what never).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import type { SubjectHasher } from '../privacy/subject-hash.ts';
import { search } from './service.ts';

const Hit = Type.Object({
  kind: Type.Union([
    Type.Literal('message'),
    Type.Literal('contact'),
    Type.Literal('number'),
    Type.Literal('webhook_endpoint'),
    Type.Literal('account'),
    Type.Literal('connector'),
  ]),
  id: Type.String(),
  accountId: Type.Union([Type.String(), Type.Null()], {
    description: "the account it belongs to; null for connectors (the platform's)",
  }),
  title: Type.String(),
  detail: Type.Union([Type.String(), Type.Null()]),
});

export async function searchRoutes(
  base: FastifyInstance,
  opts: { ctx: Context; hasher: SubjectHasher },
): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, hasher } = opts;

  app.get(
    '/v1/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Find messages, contacts, numbers and webhook endpoints by id, phone number or email; operators also accounts and connectors by id or name',
        description:
          "Never searches message text. Each kind shows only to a caller whose scopes read it, and only from the caller's own account (operators: accounts, connectors and the owner of a number across the platform).",
        querystring: Type.Object({
          q: Type.String({
            minLength: 1,
            maxLength: 100,
            description:
              'an id (msg_…, ctc_…, num_…, whk_…, acc_…, con_…), a phone number, an email, or (operators) part of a name',
          }),
        }),
        response: { 200: Type.Object({ data: Type.Array(Hit) }) },
      },
    },
    async (request) => ({ data: await search(ctx, hasher, principalOf(request), request.query.q) }),
  );
}
