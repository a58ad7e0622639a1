// Users of an account: invitations by email, password rules, password reset, roles and
// the rules around them, all audited with ids only.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { Browser, addUser, createClientAccount, linkTokenFor, type ClientAccount } from '../../test/portal.ts';
import { ManualClock } from '../platform/clock.ts';

const PASSWORD = 'twelve chars or more';
const DAY = 24 * 3_600_000;

describe('users, invitations and passwords', () => {
  let t: TestPlatform;
  let client: ClientAccount;
  let owner: Browser;
  const clock = new ManualClock('2026-03-02T09:00:00Z');

  before(async () => {
    t = await startTestPlatform({ clock });
    client = await createClientAccount(t);
    await addUser(t, client, 'owner@client.example', 'owner', PASSWORD);
  });
  // Tests move the clock by days: the owner signs in afresh each time.
  beforeEach(async () => {
    owner = new Browser(t.url);
    await owner.login('owner@client.example', PASSWORD);
  });
  after(() => t.close());

  const invite = async (email: string, role: string) => {
    const res = await owner.post('/v1/users/invitations', { email, role });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { invitation: res.body, token: await linkTokenFor(t, client, email) };
  };
  const accept = (token: string, password = PASSWORD) =>
    t.api.post('/v1/auth/invitations/accept', { body: { token, password, name: 'New Person' } });

  it('invites by email; the link sets a password and the new user signs in with the invited role', async () => {
    const { invitation, token } = await invite('viv@client.example', 'viewer');
    assert.equal(invitation.expiresAt, new Date(clock.now().getTime() + 7 * DAY).toISOString());
    const listed = await owner.get('/v1/users/invitations');
    assert.ok(listed.body.data.some((i: { id: string }) => i.id === invitation.id));
    const [stored] = await t.platform.ctx.sql`select token_hash from user_invitations where id = ${invitation.id}`;
    assert.equal(stored!.token_hash.length, 32, 'only a hash of the link token is stored');

    const accepted = await accept(token);
    assert.equal(accepted.status, 201);
    assert.equal(accepted.body.role, 'viewer');
    assert.equal(accepted.body.name, 'New Person');
    const me = await new Browser(t.url).login('viv@client.example', PASSWORD);
    assert.equal(me.user.id, accepted.body.id);
    assert.deepEqual(me.scopes, ['messages:read', 'contacts:read', 'numbers:read', 'billing:read']);
    const users = await owner.get('/v1/users');
    assert.ok(
      users.body.data.some((u: { id: string; lastLoginAt: string }) => u.id === accepted.body.id && u.lastLoginAt),
    );
  });

  it('refuses a used, expired or withdrawn invitation link', async () => {
    const used = await invite('used@client.example', 'agent');
    assert.equal((await accept(used.token)).status, 201);
    const again = await accept(used.token);
    assert.equal(again.status, 422);
    assert.equal(again.body.errors[0].pointer, '/token');

    const late = await invite('late@client.example', 'agent');
    clock.advance(7 * DAY + 1000);
    assert.equal((await accept(late.token)).status, 422);
    await owner.login('owner@client.example', PASSWORD);

    const withdrawn = await invite('withdrawn@client.example', 'agent');
    assert.equal((await owner.delete(`/v1/users/invitations/${withdrawn.invitation.id}`)).status, 200);
    assert.equal((await accept(withdrawn.token)).status, 422);
    assert.equal((await accept('cxl_' + 'x'.repeat(43))).status, 422);
  });

  it('requires 12 characters and not the email as password, and one user per email', async () => {
    const { token } = await invite('pw@client.example', 'viewer');
    const short = await accept(token, 'short pass');
    assert.equal(short.status, 422);
    assert.equal(short.body.errors[0].pointer, '/password');
    assert.equal((await accept(token, 'PW@client.example')).status, 422);
    assert.equal((await accept(token)).status, 201, 'a refused attempt does not use the link');
    const dup = await owner.post('/v1/users/invitations', { email: 'pw@client.example', role: 'viewer' });
    assert.equal(dup.status, 409);
  });

  it('resets a password by emailed link: every session ends, the old password stops working', async () => {
    const userId = await addUser(t, client, 'forgot@client.example', 'agent', PASSWORD);
    const laptop = new Browser(t.url);
    await laptop.login('forgot@client.example', PASSWORD);
    const unknown = await t.api.post('/v1/auth/password-reset', { body: { email: 'nobody@client.example' } });
    const known = await t.api.post('/v1/auth/password-reset', { body: { email: 'forgot@client.example' } });
    assert.equal(unknown.status, 202);
    assert.deepEqual(known.body, unknown.body, 'the answer does not tell whether the user exists');
    const token = await linkTokenFor(t, client, 'forgot@client.example');

    const weak = await t.api.post('/v1/auth/password-reset/confirm', { body: { token, password: 'too short' } });
    assert.equal(weak.status, 422);
    const done = await t.api.post('/v1/auth/password-reset/confirm', {
      body: { token, password: 'a brand new passphrase' },
    });
    assert.equal(done.status, 204);
    assert.equal((await laptop.get('/v1/auth/session')).status, 401, 'sessions revoked');
    assert.equal(
      (await new Browser(t.url).post('/v1/auth/login', { email: 'forgot@client.example', password: PASSWORD })).status,
      401,
    );
    await new Browser(t.url).login('forgot@client.example', 'a brand new passphrase');
    assert.equal(
      (await t.api.post('/v1/auth/password-reset/confirm', { body: { token, password: 'yet another passphrase' } }))
        .status,
      422,
      'used once',
    );
    const audit = await t.api.get(`/v1/audit-log?action=user.password_reset&targetId=${userId}`, { key: client.key });
    assert.deepEqual(audit.body.data[0].data, { sessionsRevoked: 1 });

    await t.api.post('/v1/auth/password-reset', { body: { email: 'forgot@client.example' } });
    const stale = await linkTokenFor(t, client, 'forgot@client.example');
    clock.advance(3_600_000 + 1000);
    assert.equal(
      (
        await t.api.post('/v1/auth/password-reset/confirm', {
          body: { token: stale, password: 'expired link passphrase' },
        })
      ).status,
      422,
    );
  });

  it('changes your own password with the current one, ending your other sessions', async () => {
    await addUser(t, client, 'change@client.example', 'agent', PASSWORD);
    const here = new Browser(t.url);
    const there = new Browser(t.url);
    await here.login('change@client.example', PASSWORD);
    await there.login('change@client.example', PASSWORD);
    const wrong = await here.post('/v1/auth/password', {
      currentPassword: 'not my password',
      newPassword: 'another long passphrase',
    });
    assert.equal(wrong.status, 422);
    assert.equal(
      (await here.post('/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'another long passphrase' }))
        .status,
      204,
    );
    assert.equal((await here.get('/v1/auth/session')).status, 200);
    assert.equal((await there.get('/v1/auth/session')).status, 401);
  });

  it('audits a role change with ids only, and the new role applies to a live session at once', async () => {
    const userId = await addUser(t, client, 'role@client.example', 'viewer', PASSWORD);
    const viewer = new Browser(t.url);
    await viewer.login('role@client.example', PASSWORD);
    assert.equal((await viewer.post('/v1/messages', { to: '+14155550123', body: 'hi' })).status, 403);
    const changed = await owner.patch(`/v1/users/${userId}`, { role: 'agent' });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.role, 'agent');
    assert.deepEqual((await viewer.get('/v1/auth/session')).body.scopes, [
      'messages:read',
      'messages:write',
      'contacts:read',
      'contacts:write',
      'templates:manage',
    ]);
    const audit = await t.api.get(`/v1/audit-log?action=user.role_changed&targetId=${userId}`, { key: client.key });
    assert.equal(audit.body.data.length, 1);
    assert.deepEqual(audit.body.data[0].data, { from: 'viewer', to: 'agent' });
    assert.equal(audit.body.data[0].actor.type, 'user');
    assert.ok(!JSON.stringify(audit.body).includes('@'), 'no email in the audit entry');
  });

  it('answers 403 when a viewer session calls a route its role lacks', async () => {
    const victim = await addUser(t, client, 'target@client.example', 'agent', PASSWORD);
    await addUser(t, client, 'peek@client.example', 'viewer', PASSWORD);
    const viewer = new Browser(t.url);
    await viewer.login('peek@client.example', PASSWORD);
    const patch = await viewer.patch(`/v1/users/${victim}`, { role: 'owner' });
    assert.equal(patch.status, 403);
    // A password user has a role, not a key: the problem says so.
    assert.equal(patch.body.type, 'https://cx-engage.dev/problems/role-forbidden');
    assert.equal(patch.body.title, 'Your role does not allow this');
    assert.equal(patch.body.detail, 'the role viewer does not include users:manage');
    assert.equal((await viewer.get('/v1/admin/accounts')).status, 403);
    assert.equal((await viewer.post('/v1/api-keys', { name: 'sneaky' })).status, 403);
    assert.equal((await viewer.get('/v1/messages')).status, 200);
  });

  it('keeps operator roles away from clients and owners in charge of owners', async () => {
    const adminId = await addUser(t, client, 'admin@client.example', 'admin', PASSWORD);
    const admin = new Browser(t.url);
    await admin.login('admin@client.example', PASSWORD);
    const op = await admin.post('/v1/users/invitations', { email: 'x@client.example', role: 'operator' });
    assert.equal(op.status, 422);
    assert.equal(op.body.errors[0].pointer, '/role');
    assert.equal((await owner.patch(`/v1/users/${adminId}`, { role: 'operator_readonly' })).status, 422);
    assert.equal(
      (await admin.patch(`/v1/users/${adminId}`, { role: 'owner' })).status,
      403,
      'an admin cannot make itself owner',
    );
    assert.equal(
      (await admin.post('/v1/users/invitations', { email: 'o2@client.example', role: 'owner' })).status,
      403,
    );
    assert.equal(
      (
        await t.api.post(`/v1/admin/accounts/${client.id}/invitations`, {
          key: t.boot.adminApiKey,
          body: { email: 'op@client.example', role: 'operator' },
        })
      ).status,
      422,
    );
    const house = await t.api.post(`/v1/admin/accounts/${t.boot.accountId}/invitations`, {
      key: t.boot.adminApiKey,
      body: { email: 'ops2@house.example', role: 'operator_readonly' },
    });
    assert.equal(house.status, 201, 'operators invite operators to the house account');
    const token = await linkTokenFor(t, { id: t.boot.accountId, key: t.boot.apiKey }, 'ops2@house.example');
    const ops2 = (await accept(token)).body.id;
    const promoted = await t.api.patch(`/v1/admin/accounts/${t.boot.accountId}/users/${ops2}`, {
      key: t.boot.adminApiKey,
      body: { role: 'operator' },
    });
    assert.equal(promoted.status, 200);
    assert.equal(promoted.body.role, 'operator');
    const audit = await t.api.get(`/v1/admin/audit-log?action=user.role_changed&targetId=${ops2}`, {
      key: t.boot.adminApiKey,
    });
    assert.equal(audit.body.data[0].actor.type, 'operator');
    assert.equal(
      (
        await t.api.patch(`/v1/admin/accounts/${client.id}/users/${adminId}`, {
          key: t.boot.adminApiKey,
          body: { role: 'operator' },
        })
      ).status,
      422,
    );
    assert.equal((await owner.patch(`/v1/users/${ops2}`, { role: 'viewer' })).status, 404, "another account's user");
  });

  it('keeps at least one owner', async () => {
    const acc = await createClientAccount(t, 'Solo Ltd');
    const soloId = await addUser(t, acc, 'solo@solo.example', 'owner', PASSWORD);
    const solo = new Browser(t.url);
    await solo.login('solo@solo.example', PASSWORD);
    const demote = await solo.patch(`/v1/users/${soloId}`, { role: 'admin' });
    assert.equal(demote.status, 409);
    assert.equal((await solo.delete(`/v1/users/${soloId}`)).status, 409);
    const secondId = await addUser(t, acc, 'second@solo.example', 'admin', PASSWORD);
    assert.equal((await solo.patch(`/v1/users/${secondId}`, { role: 'owner' })).status, 200);
    assert.equal(
      (await solo.patch(`/v1/users/${soloId}`, { role: 'admin' })).status,
      200,
      'with another owner it may step down',
    );
  });
});
