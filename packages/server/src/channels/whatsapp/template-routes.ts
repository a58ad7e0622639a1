// /v1/whatsapp/templates: an account's message templates, submitted to Meta for review and kept
// in step with their status; operators can force a sync.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import { principalOf } from '../../http/principal.ts';
import { idParam, Timestamp } from '../../http/schemas.ts';
import type { WhatsAppDirectory } from './directory.ts';
import type { TemplateDefinition } from './templates.ts';
import { createTemplate, deleteTemplate, listTemplates, syncTemplates, type TemplateRow } from './template-service.ts';

const Component = Type.Object(
  {},
  {
    additionalProperties: true,
    description: "Meta's component: { type: HEADER|BODY|FOOTER|BUTTONS, format?, text?, example?, buttons? }",
  },
);
const TemplateSchema = Type.Object({
  id: Type.String(),
  connectorId: Type.String(),
  name: Type.String(),
  language: Type.String(),
  category: Type.String({ description: 'MARKETING, UTILITY or AUTHENTICATION' }),
  status: Type.String({
    description: 'APPROVED, PENDING, REJECTED, PAUSED or DISABLED; only APPROVED ones can be sent',
  }),
  quality: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  components: Type.Array(Component),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const json = (t: TemplateRow) => ({
  id: t.id,
  connectorId: t.connectorId,
  name: t.name,
  language: t.language,
  category: t.category,
  status: t.status,
  quality: t.quality,
  reason: t.reason,
  components: t.components as unknown as Record<string, unknown>[],
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export async function whatsAppTemplateRoutes(
  base: FastifyInstance,
  opts: { ctx: Context; directory: WhatsAppDirectory },
): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, directory } = opts;
  const tags = ['whatsapp'];

  app.get(
    '/v1/whatsapp/templates',
    {
      schema: {
        tags,
        summary: 'Your WhatsApp message templates and their review status',
        response: { 200: Type.Object({ data: Type.Array(TemplateSchema), nextCursor: Type.Null() }) },
      },
    },
    async (request) => ({
      data: (await listTemplates(ctx.sql, principalOf(request).accountId)).map(json),
      nextCursor: null,
    }),
  );

  app.post(
    '/v1/whatsapp/templates',
    {
      schema: {
        tags,
        summary: "Create a template: it is submitted to Meta's review and starts PENDING",
        body: Type.Object(
          {
            name: Type.String({ pattern: '^[a-z0-9_]{1,512}$', description: 'lower case, digits and underscores' }),
            language: Type.String({ pattern: '^[a-z]{2,3}(_[A-Z]{2})?$', description: 'e.g. en_US, de' }),
            category: Type.Union([Type.Literal('MARKETING'), Type.Literal('UTILITY'), Type.Literal('AUTHENTICATION')]),
            components: Type.Array(Component, { minItems: 1, maxItems: 10 }),
            connectorId: Type.Optional(
              Type.String({
                maxLength: 64,
                description: "which of your numbers' Business Accounts (default: your first WhatsApp number's)",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: TemplateSchema },
      },
    },
    async (request, reply) => {
      const { connectorId, ...def } = request.body;
      const row = await createTemplate(
        ctx,
        directory,
        principalOf(request).accountId,
        def as unknown as TemplateDefinition,
        connectorId,
      );
      return reply.code(201).send(json(row));
    },
  );

  app.delete(
    '/v1/whatsapp/templates/:templateId',
    {
      schema: {
        tags,
        summary: 'Delete a template (Meta deletes the name in every language)',
        params: idParam('templateId'),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteTemplate(ctx, directory, principalOf(request).accountId, request.params.templateId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/admin/whatsapp/templates/sync',
    {
      schema: {
        tags: ['admin: connectors'],
        summary: "Bring every account's templates in step with Meta now (a job does it every 5 minutes)",
        response: { 200: Type.Object({ changed: Type.Integer() }) },
      },
    },
    async () => ({ changed: await syncTemplates(ctx, directory) }),
  );
}
