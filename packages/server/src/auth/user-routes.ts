// /v1/users (users:manage): the account's users, invitations and two-factor policy;
// /v1/auth/invitations/accept (public, the emailed link); operators' views under /v1/admin.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../http/pagination.ts';
import { NullableTimestamp, Timestamp, idParam } from '../http/schemas.ts';
import { operatorActor } from '../http/principal.ts';
import { getAccount } from '../accounts/store.ts';
import { principalOf } from '../http/principal.ts';
import { ALL_ROLES } from './roles.ts';
import {
  acceptInvitation,
  changeRole,
  disableUser,
  inviteUser,
  setTwoFactorPolicy,
  withdrawInvitation,
  type Caller,
} from './user-service.ts';
import { listOpenInvitations, listUsers, type InvitationRow, type UserRow } from './user-store.ts';

const tags = ['users'];
const Role = Type.String({ description: ALL_ROLES.join(', '), maxLength: 40 });

const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
  twoFactorEnabled: Type.Boolean(),
  createdAt: Timestamp,
  lastLoginAt: NullableTimestamp,
  disabledAt: NullableTimestamp,
});
const InvitationSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Type.String(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  acceptedAt: NullableTimestamp,
  revokedAt: NullableTimestamp,
});
const InviteBody = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 320 }), role: Role },
  { additionalProperties: false },
);
const PolicySchema = Type.Object(
  { require2fa: Type.Boolean({ description: 'every user of the account must use two-factor authentication' }) },
  { additionalProperties: false },
);

const userJson = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  twoFactorEnabled: u.twoFactorEnabled,
  createdAt: u.createdAt.toISOString(),
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  disabledAt: u.disabledAt?.toISOString() ?? null,
});
const invitationJson = (i: InvitationRow) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
  revokedAt: i.revokedAt?.toISOString() ?? null,
});

function callerOf(request: Parameters<typeof principalOf>[0]): Caller {
  const p = principalOf(request);
  return {
    accountId: p.accountId,
    actor: p.session ? { type: 'user', id: p.session.userId } : { type: 'key', id: p.keyId },
    role: p.session?.role,
    operator: false,
  };
}

export async function userRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const UserParams = idParam('userId');

  async function usersPage(accountId: string, q: { limit: number; cursor?: string | undefined }) {
    const page = toPage(
      await listUsers(ctx.sql, accountId, { after: decodeCursor(q.cursor), limit: q.limit + 1 }),
      q.limit,
    );
    return { data: page.data.map(userJson), nextCursor: page.nextCursor };
  }

  app.get(
    '/v1/users',
    {
      schema: { tags, summary: "Your account's users", querystring: ListQuery, response: { 200: pageOf(UserSchema) } },
    },
    async (request) => usersPage(principalOf(request).accountId, request.query),
  );

  app.patch(
    '/v1/users/:userId',
    {
      schema: {
        tags,
        summary: "Change a user's role (audited)",
        params: UserParams,
        body: Type.Object({ role: Role }, { additionalProperties: false }),
        response: { 200: UserSchema },
      },
    },
    async (request) => userJson(await changeRole(ctx, callerOf(request), request.params.userId, request.body.role)),
  );

  app.delete(
    '/v1/users/:userId',
    {
      schema: {
        tags,
        summary: 'Disable a user: their sessions end and they can no longer sign in',
        params: UserParams,
        response: { 200: UserSchema },
      },
    },
    async (request) => userJson(await disableUser(ctx, callerOf(request), request.params.userId)),
  );

  app.post(
    '/v1/users/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by email (the link is valid for 7 days)',
        body: InviteBody,
        response: { 201: InvitationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(invitationJson(await inviteUser(ctx, callerOf(request), request.body))),
  );

  app.get(
    '/v1/users/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations not yet accepted, withdrawn or expired',
        querystring: ListQuery,
        response: { 200: pageOf(InvitationSchema) },
      },
    },
    async (request) => {
      const rows = await listOpenInvitations(ctx.sql, principalOf(request).accountId, ctx.clock.now(), {
        after: decodeCursor(request.query.cursor),
        limit: request.query.limit + 1,
      });
      const page = toPage(rows, request.query.limit);
      return { data: page.data.map(invitationJson), nextCursor: page.nextCursor };
    },
  );

  app.delete(
    '/v1/users/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation: its link stops working',
        params: idParam('invitationId'),
        response: { 200: InvitationSchema },
      },
    },
    async (request) => invitationJson(await withdrawInvitation(ctx, callerOf(request), request.params.invitationId)),
  );

  app.get(
    '/v1/users/policy',
    {
      schema: { tags, summary: "The account's sign-in policy", response: { 200: PolicySchema } },
    },
    async (request) => {
      const account = await getAccount(ctx.sql, principalOf(request).accountId);
      return { require2fa: account?.settings.require2fa === true };
    },
  );

  app.put(
    '/v1/users/policy',
    {
      schema: {
        tags,
        summary: 'Make two-factor authentication mandatory for every user of the account (audited)',
        body: PolicySchema,
        response: { 200: PolicySchema },
      },
    },
    async (request) => setTwoFactorPolicy(ctx, callerOf(request), request.body.require2fa),
  );

  app.post(
    '/v1/auth/invitations/accept',
    {
      schema: {
        tags: ['portal auth'],
        summary: 'Accept an invitation: choose a name and password (then sign in)',
        security: [],
        body: Type.Object(
          {
            token: Type.String({ minLength: 1, maxLength: 100 }),
            password: Type.String({ minLength: 1, maxLength: 1024 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => reply.code(201).send(userJson(await acceptInvitation(ctx, request.body))),
  );

  const adminTags = ['admin: accounts'];
  app.get(
    '/v1/admin/accounts/:accountId/users',
    {
      schema: {
        tags: adminTags,
        summary: "An account's users",
        params: idParam('accountId'),
        querystring: ListQuery,
        response: { 200: pageOf(UserSchema) },
      },
    },
    async (request) => usersPage(request.params.accountId, request.query),
  );

  const operatorCaller = (
    request: Parameters<typeof operatorActor>[0] & { params: { accountId: string } },
  ): Caller => ({
    accountId: request.params.accountId,
    actor: operatorActor(request),
    role: undefined,
    operator: true,
  });
  const AdminUserParams = Type.Intersect([idParam('accountId'), idParam('userId')]);

  app.patch(
    '/v1/admin/accounts/:accountId/users/:userId',
    {
      schema: {
        tags: adminTags,
        summary: "Change a user's role (operator roles on the house account only)",
        params: AdminUserParams,
        body: Type.Object({ role: Role }, { additionalProperties: false }),
        response: { 200: UserSchema },
      },
    },
    async (request) =>
      userJson(await changeRole(ctx, operatorCaller(request), request.params.userId, request.body.role)),
  );

  app.delete(
    '/v1/admin/accounts/:accountId/users/:userId',
    {
      schema: {
        tags: adminTags,
        summary: 'Disable a user of an account',
        params: AdminUserParams,
        response: { 200: UserSchema },
      },
    },
    async (request) => userJson(await disableUser(ctx, operatorCaller(request), request.params.userId)),
  );

  app.post(
    '/v1/admin/accounts/:accountId/invitations',
    {
      schema: {
        tags: adminTags,
        summary: "Invite a user to an account (e.g. a new client's first owner; operator roles on the house account)",
        params: idParam('accountId'),
        body: InviteBody,
        response: { 201: InvitationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(invitationJson(await inviteUser(ctx, operatorCaller(request), request.body))),
  );
}
