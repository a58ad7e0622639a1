// A client's view of its own account.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { AccountSchema, accountJson } from './present.ts';
import { getAccount } from './store.ts';

export async function accountRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  app.get(
    '/v1/account',
    {
      schema: { tags: ['account'], summary: 'The account of the calling key', response: { 200: AccountSchema } },
    },
    async (request) => accountJson((await getAccount(ctx.sql, principalOf(request).accountId))!),
  );
}
