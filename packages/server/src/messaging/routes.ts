// The messages API: send one, send a batch, read, list, cancel.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { objectModeOf, principalOf } from '../http/principal.ts';
import { P, Problem, fieldErrorsFromValidation, type AjvError } from '../http/problem.ts';
import { ListQuery, decodeCursor } from '../http/pagination.ts';
import { compileStrict } from '../http/validation.ts';
import { VALIDATED_BY_ROUTE } from '../http/storable.ts';
import { idParam } from '../http/schemas.ts';
import { MessageInput } from './input.ts';
import type { AcceptOutcome, Acceptor, IdempotentAnswer } from './accept.ts';
import { answeredInTransaction } from '../platform/idempotency.ts';
import { listMessages } from './store.ts';
import { decryptBody, messageDetail } from './detail.ts';
import { messageJson, type AcceptedMessageJson } from './model.ts';
import { cancelMessage } from './cancel.ts';
import { AcceptedMessageSchema, MessageSchema, MessageDetailSchema, MessageListQuery } from './schemas.ts';

const validateItem = compileStrict(MessageInput);

/** The request's Idempotency-Key, if any, with how its answer is made from the outcomes. */
function idempotent(request: FastifyRequest, answer: IdempotentAnswer['answer']): IdempotentAnswer | undefined {
  return request.idempotencyKey ? { key: request.idempotencyKey, answer } : undefined;
}

export async function messageRoutes(base: FastifyInstance, opts: { ctx: Context; acceptor: Acceptor }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, acceptor } = opts;
  const tags = ['messages'];

  app.post(
    '/v1/messages',
    {
      schema: { tags, summary: 'Send a message', body: MessageInput, response: { 202: AcceptedMessageSchema } },
    },
    async (request, reply) => {
      const answer = (o: AcceptOutcome | undefined) => ({ status: 202, body: o && 'message' in o ? o.message : null });
      const [outcome] = await acceptor.accept(
        principalOf(request),
        [request.body],
        () => '',
        idempotent(request, ([o]) => answer(o)),
      );
      if ('problem' in outcome!) throw outcome.problem;
      answeredInTransaction(request);
      return reply.code(202).send(outcome!.message);
    },
  );

  app.post(
    '/v1/messages/batch',
    {
      schema: {
        tags,
        summary: 'Send up to 1000 messages; each item is accepted or refused on its own',
        body: Type.Object(
          { messages: Type.Array(Type.Unknown(VALIDATED_BY_ROUTE), { minItems: 1, maxItems: 1000 }) },
          { additionalProperties: false },
        ),
        response: {
          202: Type.Object({
            data: Type.Array(Type.Union([AcceptedMessageSchema, Type.Object({ error: Type.Ref('Problem') })])),
          }),
        },
      },
    },
    async (request, reply) => {
      const items = request.body.messages;
      const valid: { index: number; input: MessageInput }[] = [];
      const data: (AcceptedMessageJson | { error: Record<string, unknown> })[] = new Array(items.length);
      items.forEach((item, index) => {
        if (validateItem(item)) valid.push({ index, input: item as MessageInput });
        else {
          const errors = fieldErrorsFromValidation(
            (validateItem.errors ?? []) as AjvError[],
            'body',
            `/messages/${index}`,
          );
          data[index] = { error: Problem.fields(errors).toJSON() };
        }
      });
      const answer = (outcomes: AcceptOutcome[]) => {
        outcomes.forEach((o, i) => {
          data[valid[i]!.index] = 'problem' in o ? { error: o.problem.toJSON() } : o.message;
        });
        return { status: 202, body: { data } };
      };
      const outcomes = await acceptor.accept(
        principalOf(request),
        valid.map((v) => v.input),
        (i) => `/messages/${valid[i]!.index}`,
        idempotent(request, answer),
      );
      answer(outcomes);
      if (outcomes.some((o) => 'message' in o)) answeredInTransaction(request);
      return reply.code(202).send({ data });
    },
  );

  app.get(
    '/v1/messages/:messageId',
    {
      schema: {
        tags,
        summary: 'Get a message with its status history and attempts',
        params: idParam('messageId'),
        response: { 200: MessageDetailSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const detail = await messageDetail(ctx, p.accountId, request.params.messageId, objectModeOf(p));
      if (!detail) throw new Problem(P['not-found'], `no message ${request.params.messageId}`);
      return detail;
    },
  );

  app.get(
    '/v1/messages',
    {
      schema: {
        tags,
        summary: 'List messages, newest first',
        querystring: Type.Intersect([ListQuery, MessageListQuery]),
        response: {
          200: Type.Object({ data: Type.Array(MessageSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const p = principalOf(request);
      const rows = await listMessages(ctx.sql, p.accountId, {
        keyMode: objectModeOf(p),
        before: decodeCursor(q.cursor),
        limit: q.limit + 1,
        status: q.status,
        to: q.to,
        from: q.from,
        channel: q.channel,
        direction: q.direction,
        createdAfter: q.createdAfter ? new Date(q.createdAfter) : undefined,
        createdBefore: q.createdBefore ? new Date(q.createdBefore) : undefined,
      });
      const page = rows.slice(0, q.limit);
      const data = await Promise.all(page.map(async (m) => messageJson(m, await decryptBody(ctx, m))));
      const last = page[page.length - 1];
      return { data, nextCursor: rows.length > q.limit && last ? Buffer.from(last.id).toString('base64url') : null };
    },
  );

  app.post(
    '/v1/messages/:messageId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a scheduled, held or not-yet-sent queued message',
        params: idParam('messageId'),
        response: { 200: MessageSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const m = await cancelMessage(ctx, p.accountId, request.params.messageId, objectModeOf(p));
      return messageJson(m, await decryptBody(ctx, m));
    },
  );
}
