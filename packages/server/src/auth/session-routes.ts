// /v1/auth: signing in and out, the current session, the user's session list, and passwords.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../http/pagination.ts';
import { NullableTimestamp, Timestamp, idParam } from '../http/schemas.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { loadMe, MeSchema } from './me.ts';
import { passwordLogin, secondFactorLogin, type ClientMeta, type LoginOutcome } from './login-service.ts';
import { changePassword, confirmPasswordReset, requestPasswordReset } from './password-service.ts';
import { sessionOf, sessionTimeouts } from './session-auth.ts';
import { clearSessionCookies, sessionTokenOf, setSessionCookies } from './session-cookies.ts';
import { listActiveSessions, revokeSession, type SessionRow } from './session-store.ts';

const tags = ['portal auth'];
const Email = Type.String({ minLength: 3, maxLength: 320, format: 'email' });
const Password = Type.String({ minLength: 1, maxLength: 1024 });

const SessionSchema = Type.Object({
  id: Type.String(),
  method: Type.String({ description: 'password, totp or recovery_code' }),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
  userAgent: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()], { description: 'the client address without its host part' }),
  current: Type.Boolean(),
  revokedAt: NullableTimestamp,
});

const LoginResult = Type.Object({
  twoFactorRequired: Type.Boolean(),
  challengeId: Type.Union([Type.String(), Type.Null()], {
    description: 'send it to POST /v1/auth/login/2fa with a code',
  }),
  challengeExpiresAt: NullableTimestamp,
  me: Type.Union([MeSchema, Type.Null()], { description: 'the new session when no second factor is needed' }),
});

const meta = (request: FastifyRequest): ClientMeta => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

export async function sessionRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;

  const sessionJson = (s: SessionRow, currentId: string | undefined) => ({
    id: s.id,
    method: s.method,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: new Date(
      Math.min(s.lastSeenAt.getTime() + ctx.config.sessionIdleMs, s.createdAt.getTime() + ctx.config.sessionAbsoluteMs),
    ).toISOString(),
    userAgent: s.userAgent,
    ip: s.ip,
    current: s.id === currentId,
    revokedAt: s.revokedAt?.toISOString() ?? null,
  });

  async function signedIn(request: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome & { kind: 'session' }) {
    setSessionCookies(request, reply, outcome.token, ctx.config.sessionAbsoluteMs);
    return loadMe(ctx, outcome.session.accountId, outcome.session.id, outcome.token);
  }

  app.post(
    '/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in to the portal with email and password',
        security: [],
        description:
          'Sets the cx_session and cx_csrf cookies, or asks for a second factor. Wrong email or password: 401; too many failures: 429 with Retry-After.',
        body: Type.Object({ email: Email, password: Password }, { additionalProperties: false }),
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      const outcome = await passwordLogin(ctx, request.body.email, request.body.password, meta(request));
      if (outcome.kind === 'challenge') {
        return {
          twoFactorRequired: true,
          challengeId: outcome.challengeId,
          challengeExpiresAt: outcome.expiresAt.toISOString(),
          me: null,
        };
      }
      return {
        twoFactorRequired: false,
        challengeId: null,
        challengeExpiresAt: null,
        me: await signedIn(request, reply, outcome),
      };
    },
  );

  app.post(
    '/v1/auth/login/2fa',
    {
      schema: {
        tags,
        summary: 'Finish signing in with a TOTP code or a recovery code',
        security: [],
        body: Type.Object(
          {
            challengeId: Type.String({ minLength: 1, maxLength: 100 }),
            code: Type.Optional(Type.String({ minLength: 6, maxLength: 6, pattern: '^[0-9]{6}$' })),
            recoveryCode: Type.Optional(Type.String({ minLength: 16, maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => {
      const { challengeId, code, recoveryCode } = request.body;
      if (!code === !recoveryCode) throw Problem.field('/code', 'send either code or recoveryCode');
      return signedIn(request, reply, await secondFactorLogin(ctx, challengeId, { code, recoveryCode }, meta(request)));
    },
  );

  app.post(
    '/v1/auth/logout',
    {
      schema: { tags, summary: 'Sign out: ends this session and clears its cookies', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const s = sessionOf(request);
      await endSession(s.accountId, s.userId, s.id, 'user.logout');
      clearSessionCookies(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in user, their account, scopes, two-factor state and CSRF token',
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const s = sessionOf(request);
      return loadMe(ctx, s.accountId, s.id, sessionTokenOf(request)!);
    },
  );

  app.get(
    '/v1/auth/sessions',
    {
      schema: {
        tags,
        summary: 'Your sessions that are still valid',
        querystring: ListQuery,
        response: { 200: pageOf(SessionSchema) },
      },
    },
    async (request) => {
      const s = sessionOf(request);
      const rows = await listActiveSessions(ctx.sql, s.accountId, s.userId, ctx.clock.now(), sessionTimeouts(ctx), {
        after: decodeCursor(request.query.cursor),
        limit: request.query.limit + 1,
      });
      const page = toPage(rows, request.query.limit);
      return { data: page.data.map((r) => sessionJson(r, s.id)), nextCursor: page.nextCursor };
    },
  );

  app.delete(
    '/v1/auth/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'End one of your sessions (sign out another device)',
        params: idParam('sessionId'),
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const s = sessionOf(request);
      const row = await endSession(s.accountId, s.userId, request.params.sessionId, 'user.session_revoked');
      if (row.id === s.id) clearSessionCookies(request, reply);
      return sessionJson(row, s.id);
    },
  );

  async function endSession(accountId: string, userId: string, sessionId: string, action: string): Promise<SessionRow> {
    const at = ctx.clock.now();
    return withTransaction(ctx.sql, async (tx) => {
      const row = await revokeSession(tx, accountId, userId, sessionId, at);
      if (!row) throw new Problem(P['not-found'], `no session ${sessionId}`);
      await appendAudit(tx, {
        accountId,
        actor: { type: 'user', id: userId },
        action,
        target: { type: 'session', id: sessionId },
        at,
      });
      return row;
    });
  }

  app.post(
    '/v1/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your password (ends your other sessions)',
        body: Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const s = sessionOf(request);
      await changePassword(
        ctx,
        { accountId: s.accountId, userId: s.userId, sessionId: s.id },
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Email a password reset link',
        security: [],
        description: 'Always 202, whether or not the email has a user. The link is valid for one hour.',
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 202: Type.Object({ status: Type.Literal('accepted') }) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email);
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/v1/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password with the emailed link (ends every session of the user)',
        security: [],
        body: Type.Object(
          { token: Type.String({ minLength: 1, maxLength: 100 }), password: Password },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(ctx, request.body.token, request.body.password);
      return reply.code(204).send(null);
    },
  );
}
