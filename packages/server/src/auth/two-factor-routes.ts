// /v1/auth/2fa: TOTP enrollment for the signed-in user. Open to sessions that must still
// enrol (mandatory two-factor), since this is how they get the rest of their role back.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { sessionOf } from './session-auth.ts';
import { disableTotp, enableTotp, setupTotp } from './two-factor-service.ts';

const tags = ['portal auth'];
const Code = Type.String({ pattern: '^[0-9]{6}$', description: 'the 6-digit code the authenticator app shows now' });

export async function twoFactorRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;

  app.post(
    '/v1/auth/2fa/setup',
    {
      schema: {
        tags,
        summary: 'Start TOTP enrollment: a new secret for your authenticator app',
        description:
          'Show otpauthUri as a QR code (or the secret for manual entry), then confirm with POST /v1/auth/2fa/enable.',
        response: { 200: Type.Object({ secret: Type.String({ description: 'base32' }), otpauthUri: Type.String() }) },
      },
    },
    async (request) => setupTotp(ctx, sessionOf(request)),
  );

  app.post(
    '/v1/auth/2fa/enable',
    {
      schema: {
        tags,
        summary: 'Confirm enrollment with a first code; returns 10 one-time recovery codes (shown once)',
        body: Type.Object({ code: Code }, { additionalProperties: false }),
        response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }) },
      },
    },
    async (request) => ({ recoveryCodes: await enableTotp(ctx, sessionOf(request), request.body.code) }),
  );

  app.post(
    '/v1/auth/2fa/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor off (refused with 409 where it is mandatory)',
        body: Type.Object(
          { password: Type.String({ minLength: 1, maxLength: 1024 }), code: Code },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await disableTotp(ctx, sessionOf(request), request.body.password, request.body.code);
      return reply.code(204).send(null);
    },
  );
}
