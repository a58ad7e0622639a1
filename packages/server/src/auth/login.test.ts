// Signing in to the portal: cookies, generic failures, lockout per email and per address,
// and what the audit log records (pseudonymous ids, never the email).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { Browser, addUser, createClientAccount, type ClientAccount } from '../../test/portal.ts';
import { ManualClock } from '../platform/clock.ts';
import { ConfigError, loadConfig } from '../config.ts';

const PASSWORD = 'correct horse battery staple';

describe('portal sign-in', () => {
  let t: TestPlatform;
  let client: ClientAccount;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  let ipSeq = 0;
  // Behind a trusted proxy each test signs in from its own address, so per-address limits stay apart.
  const browser = () => new Browser(t.url, { 'x-forwarded-for': `198.51.100.${++ipSeq}` });

  before(async () => {
    t = await startTestPlatform({ clock, env: { CX_TRUST_PROXY: 'true' } });
    client = await createClientAccount(t);
  });
  after(() => t.close());

  it('signs in with email and password: an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const userId = await addUser(t, client, 'ada@client.example', 'developer', PASSWORD);
    const b = browser();
    const res = await b.post('/v1/auth/login', { email: 'ADA@client.example', password: PASSWORD });
    assert.equal(res.status, 200);
    assert.equal(res.body.twoFactorRequired, false);
    assert.equal(res.body.me.user.id, userId);
    assert.equal(res.body.me.user.role, 'developer');
    assert.equal(res.body.me.account.id, client.id);
    assert.ok(res.body.me.scopes.includes('messages:write'));
    assert.ok(!res.body.me.scopes.includes('users:manage'));
    const [session, csrf] = res.headers.getSetCookie();
    assert.match(session!, /^cx_session=cxs_[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    assert.match(csrf!, /^cx_csrf=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; SameSite=Lax$/);
    assert.equal(b.cookies.get('cx_csrf'), res.body.me.csrfToken);
    const me = await b.get('/v1/auth/session');
    assert.equal(me.status, 200);
    assert.equal(me.body.session.id, res.body.me.session.id);
    // The session works on the API like a key with the role's scopes.
    assert.equal((await b.get('/v1/messages')).status, 200);
    assert.equal((await b.get('/v1/users')).status, 403);
    const [stored] = await t.platform.ctx
      .sql`select token_hash from user_sessions where id = ${res.body.me.session.id}`;
    assert.equal(stored!.token_hash.length, 32, 'only a hash of the token is stored');
  });

  it('sets the Secure flag when the request came over https through the trusted proxy', async () => {
    await addUser(t, client, 'sec@client.example', 'viewer', PASSWORD);
    const b = new Browser(t.url, { 'x-forwarded-for': '198.51.100.250', 'x-forwarded-proto': 'https' });
    const res = await b.post('/v1/auth/login', { email: 'sec@client.example', password: PASSWORD });
    assert.equal(res.status, 200);
    assert.ok(res.headers.getSetCookie().every((c) => c.includes('; Secure')));
  });

  it('takes JSON only, so a cross-site HTML form cannot post a sign-in', async () => {
    const res = await fetch(`${t.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.example&password=x',
    });
    assert.equal(res.status, 415);
  });

  it('trusts forwarded headers from all proxies, from listed ones only, or from none', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ CX_TRUST_PROXY: 'true' }).trustProxy, true);
    assert.deepEqual(loadConfig({ CX_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy, [
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    assert.throws(() => loadConfig({ CX_TRUST_PROXY: 'proxy.example' }), ConfigError);
  });

  it('answers a wrong password and an unknown email the same way, and audits both without the email', async () => {
    const userId = await addUser(t, client, 'bob@client.example', 'viewer', PASSWORD);
    const wrong = await browser().post('/v1/auth/login', {
      email: 'bob@client.example',
      password: 'not the password!',
    });
    const unknown = await browser().post('/v1/auth/login', {
      email: 'nobody@client.example',
      password: 'not the password!',
    });
    for (const res of [wrong, unknown]) {
      assert.equal(res.status, 401);
      assert.equal(res.body.type, 'https://cx-engage.dev/problems/invalid-credentials');
      assert.equal(res.body.detail, 'the email, password or code is incorrect');
      assert.deepEqual(res.headers.getSetCookie(), []);
    }
    const audit = await t.api.get(`/v1/audit-log?action=user.login_failed&targetId=${userId}`, { key: client.key });
    assert.equal(audit.body.data.length, 1);
    assert.deepEqual(audit.body.data[0].data, { reason: 'password' });
    const house = await t.api.get('/v1/admin/audit-log?action=user.login_failed&limit=1000', {
      key: t.boot.adminApiKey,
    });
    assert.ok(house.body.data.some((e: { data: { reason: string } }) => e.data.reason === 'unknown_user'));
    assert.ok(!JSON.stringify(house.body).includes('@client.example'), 'no email in the audit log');
  });

  it('locks an email out after 5 failures with 429 and Retry-After, even for the right password, then lets it in again', async () => {
    const userId = await addUser(t, client, 'carol@client.example', 'viewer', PASSWORD);
    for (let i = 0; i < 5; i++) {
      assert.equal(
        (await browser().post('/v1/auth/login', { email: 'carol@client.example', password: `wrong password ${i}` }))
          .status,
        401,
      );
    }
    const locked = await browser().post('/v1/auth/login', { email: 'carol@client.example', password: PASSWORD });
    assert.equal(locked.status, 429);
    assert.equal(locked.body.type, 'https://cx-engage.dev/problems/login-locked');
    assert.equal(locked.headers.get('retry-after'), String(15 * 60));
    const audit = await t.api.get(`/v1/audit-log?action=user.login_locked&targetId=${userId}`, { key: client.key });
    assert.equal(audit.body.data.length, 1);
    assert.equal(audit.body.data[0].data.by, 'email');

    clock.advance(15 * 60_000 + 1000);
    await browser().login('carol@client.example', PASSWORD);
    assert.equal(
      (await t.api.get(`/v1/audit-log?action=user.login&actorId=${userId}`, { key: client.key })).body.data.length,
      1,
    );
  });

  it('locks longer after each further lockout', async () => {
    await addUser(t, client, 'dan@client.example', 'viewer', PASSWORD);
    const failFive = async () => {
      for (let i = 0; i < 5; i++)
        await browser().post('/v1/auth/login', { email: 'dan@client.example', password: `wrong password ${i}` });
    };
    await failFive();
    clock.advance(15 * 60_000 + 1000);
    await failFive();
    const second = await browser().post('/v1/auth/login', { email: 'dan@client.example', password: PASSWORD });
    assert.equal(second.status, 429);
    assert.equal(second.headers.get('retry-after'), String(30 * 60));
    clock.advance(30 * 60_000 + 1000);
    await browser().login('dan@client.example', PASSWORD);
  });

  it('locks an address out after 20 failures across emails', async () => {
    await addUser(t, client, 'erin@client.example', 'viewer', PASSWORD);
    const b = browser();
    for (let i = 0; i < 20; i++) {
      assert.equal(
        (await b.post('/v1/auth/login', { email: `guess${i}@client.example`, password: 'not the password!' })).status,
        401,
      );
    }
    const locked = await b.post('/v1/auth/login', { email: 'erin@client.example', password: PASSWORD });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    await browser().login('erin@client.example', PASSWORD);
  });

  it('refuses disabled users with the same generic answer', async () => {
    const owner = new Browser(t.url, { 'x-forwarded-for': '198.51.100.251' });
    await addUser(t, client, 'owner@client.example', 'owner', PASSWORD);
    await owner.login('owner@client.example', PASSWORD);
    const gone = await addUser(t, client, 'gone@client.example', 'agent', PASSWORD);
    const victim = browser();
    await victim.login('gone@client.example', PASSWORD);
    assert.equal((await owner.delete(`/v1/users/${gone}`)).status, 200);
    assert.equal((await victim.get('/v1/auth/session')).status, 401, 'their session ended');
    const res = await browser().post('/v1/auth/login', { email: 'gone@client.example', password: PASSWORD });
    assert.equal(res.status, 401);
    assert.equal(res.body.detail, 'the email, password or code is incorrect');
  });
});
