// WhatsApp media: files a client uploads (kept in our files table, sealed with the account's
// data key like message bodies, and uploaded to Meta's media API for sending by id), and media
// customers send (downloaded from Meta into our files when they arrive, since Meta's links
// expire). `GET /v1/media/{id}` serves either back to the account.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import { principalOf } from '../../http/principal.ts';
import { P, Problem } from '../../http/problem.ts';
import { idParam } from '../../http/schemas.ts';
import { postgresFileStore, type NewFile } from '../../platform/files/store.ts';
import type { WhatsAppDirectory } from './directory.ts';
import { accountConnector } from './template-service.ts';

/** Meta's largest media kind (video, audio: 16 MB); documents could be larger and are capped here too. */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;
const MEDIA_TYPES =
  /^(image\/(jpeg|png|webp)|audio\/(aac|mp4|mpeg|amr|ogg)|video\/(mp4|3gpp)|application\/pdf|text\/plain|application\/(msword|vnd\.[a-z0-9.-]+))$/;

/** Seals and stores media bytes for an account; returns our file id. */
export async function storeMedia(ctx: Context, accountId: string, bytes: Buffer, file: NewFile): Promise<string> {
  const sealed = await ctx.keyring.encrypt(accountId, bytes);
  const meta = await postgresFileStore(ctx.sql, ctx.clock).put(
    accountId,
    file,
    (async function* () {
      yield sealed;
    })(),
  );
  return meta.id;
}

export async function whatsAppMediaRoutes(
  app: FastifyInstance,
  opts: { ctx: Context; directory: WhatsAppDirectory },
): Promise<void> {
  const { ctx, directory } = opts;
  // Raw bytes in, whatever the media type: encapsulated here, the rest of the API stays JSON.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_MEDIA_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.post(
    '/v1/media',
    {
      schema: {
        tags: ['whatsapp'],
        summary:
          "Upload media for WhatsApp (the body is the file, Content-Type its type): stored with us and in Meta's media API",
        querystring: Type.Object({
          filename: Type.String({ minLength: 1, maxLength: 200 }),
          connectorId: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: {
          201: Type.Object({
            id: Type.String({ description: 'our file id (GET /v1/media/{id})' }),
            whatsappMediaId: Type.String({ description: 'send it as media: { kind, id }' }),
            contentType: Type.String(),
            size: Type.Integer(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { accountId } = principalOf(request);
      const contentType = String(request.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim();
      if (!MEDIA_TYPES.test(contentType))
        throw new Problem(
          P['unsupported-media-type'],
          `WhatsApp does not take ${contentType || 'this type'} (images jpeg/png/webp, audio, mp4/3gpp video, pdf and office documents)`,
        );
      const bytes = request.body as unknown as Buffer;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw Problem.field('/', 'the body must be the file itself');
      const connectorId = await accountConnector(ctx.sql, accountId, request.query.connectorId);
      const [number] = await ctx.sql<{ phoneNumberId: string }[]>`
      select phone_number_id as "phoneNumberId" from numbers where account_id = ${accountId} and whatsapp_connector_id = ${connectorId} order by number limit 1`;
      const connector = await directory.connector(connectorId);
      if (!connector?.client || !number)
        throw new Problem(P.unavailable, 'the WhatsApp connector is disabled or has no access token');
      const whatsappMediaId = await connector.client.uploadMedia(
        number.phoneNumberId,
        bytes,
        contentType,
        request.query.filename,
      );
      const id = await storeMedia(ctx, accountId, bytes, {
        name: request.query.filename,
        contentType,
        purpose: 'media_upload',
      });
      return reply.code(201).send({ id, whatsappMediaId, contentType, size: bytes.length });
    },
  );

  typed.get(
    '/v1/media/:fileId',
    {
      schema: {
        tags: ['whatsapp'],
        summary: 'Download media you uploaded or a customer sent',
        params: idParam('fileId'),
      },
    },
    async (request, reply) => {
      const { accountId } = principalOf(request);
      const file = await postgresFileStore(ctx.sql, ctx.clock).get(accountId, request.params.fileId);
      if (!file) throw new Problem(P['not-found'], `no media ${request.params.fileId}`);
      const chunks: Buffer[] = [];
      for await (const c of file.stream) chunks.push(Buffer.from(c as Uint8Array));
      const bytes = await ctx.keyring.decrypt(accountId, Buffer.concat(chunks));
      return reply
        .type(file.meta.contentType)
        .header('content-disposition', `attachment; filename="${file.meta.name.replace(/"/g, '')}"`)
        .send(bytes);
    },
  );
}
