// TOTP two-factor: enrollment, sign-in with a code or a recovery code, replay, disabling,
// mandatory two-factor (account policy, operators), and the operator's reset command.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_MASTER_KEY, startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { runCli } from '../../test/cli.ts';
import { Browser, addUser, createClientAccount, totpAt, type ClientAccount } from '../../test/portal.ts';
import { ManualClock } from '../platform/clock.ts';

const PASSWORD = 'a long enough passphrase';
const problem = (slug: string) => `https://cx-engage.dev/problems/${slug}`;

describe('two-factor authentication', () => {
  let t: TestPlatform;
  let client: ClientAccount;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const step = () => clock.advance(30_000);

  before(async () => {
    t = await startTestPlatform({ clock });
    client = await createClientAccount(t);
  });
  after(() => t.close());

  /** Signs in, enrols and enables TOTP; returns the secret and the recovery codes. */
  async function enrol(b: Browser): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await b.post('/v1/auth/2fa/setup');
    assert.equal(setup.status, 200, JSON.stringify(setup.body));
    const enabled = await b.post('/v1/auth/2fa/enable', { code: await totpAt(setup.body.secret, clock.now()) });
    assert.equal(enabled.status, 200, JSON.stringify(enabled.body));
    step();
    return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes };
  }

  it('enrols with a QR-code URI, confirms with a first code, and returns 10 recovery codes', async () => {
    const userId = await addUser(t, client, 'ada@client.example', 'developer', PASSWORD);
    const b = new Browser(t.url);
    await b.login('ada@client.example', PASSWORD);
    const setup = await b.post('/v1/auth/2fa/setup');
    assert.equal(setup.status, 200);
    assert.match(setup.body.secret, /^[A-Z2-7]{32}$/);
    assert.equal(
      setup.body.otpauthUri,
      `otpauth://totp/CX%20Engage:ada%40client.example?secret=${setup.body.secret}&issuer=CX%20Engage`,
    );
    const [row] = await t.platform.ctx.sql`select secret, enabled_at from user_totp where user_id = ${userId}`;
    assert.ok(
      !Buffer.from(row!.secret).toString('latin1').includes(setup.body.secret),
      'the secret is encrypted at rest',
    );
    assert.equal(row!.enabled_at, null);

    const wrong = await b.post('/v1/auth/2fa/enable', { code: '000000' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.errors[0].pointer, '/code');
    const enabled = await b.post('/v1/auth/2fa/enable', { code: await totpAt(setup.body.secret, clock.now()) });
    assert.equal(enabled.status, 200);
    assert.equal(enabled.body.recoveryCodes.length, 10);
    assert.ok(enabled.body.recoveryCodes.every((c: string) => /^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/.test(c)));
    assert.equal((await b.get('/v1/auth/session')).body.twoFactor.enabled, true);
    const again = await b.post('/v1/auth/2fa/setup');
    assert.equal(again.status, 409, 'a second device needs disabling first');
    const audit = await t.api.get(`/v1/audit-log?targetId=${userId}&limit=100`, { key: client.key });
    const actions = audit.body.data.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('user.2fa_setup_started') && actions.includes('user.2fa_enabled'));
  });

  it('asks for the second factor at sign-in, accepts a current code once, and refuses a replay', async () => {
    await addUser(t, client, 'bob@client.example', 'agent', PASSWORD);
    const { secret } = await enrol(await signedIn('bob@client.example'));

    const b = new Browser(t.url);
    const first = await b.post('/v1/auth/login', { email: 'bob@client.example', password: PASSWORD });
    assert.equal(first.status, 200);
    assert.equal(first.body.twoFactorRequired, true);
    assert.match(first.body.challengeId, /^cxc_/);
    assert.equal(first.body.me, null);
    assert.deepEqual(first.headers.getSetCookie(), [], 'no session before the second factor');
    const wrong = await b.post('/v1/auth/login/2fa', { challengeId: first.body.challengeId, code: '123456' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.type, problem('invalid-credentials'));
    const code = await totpAt(secret, clock.now());
    const ok = await b.post('/v1/auth/login/2fa', { challengeId: first.body.challengeId, code });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.session.method, 'totp');
    assert.equal((await b.get('/v1/messages')).status, 200);
    assert.equal(
      (await b.post('/v1/auth/login/2fa', { challengeId: first.body.challengeId, code })).status,
      401,
      'a challenge is used once',
    );

    const other = await new Browser(t.url).post('/v1/auth/login', { email: 'bob@client.example', password: PASSWORD });
    const replay = await new Browser(t.url).post('/v1/auth/login/2fa', { challengeId: other.body.challengeId, code });
    assert.equal(replay.status, 401, 'the same code is not accepted twice');
    step();
    await new Browser(t.url).loginWithTotp('bob@client.example', PASSWORD, secret, clock.now());
  });

  it('accepts each recovery code once, and audits how many are left', async () => {
    const userId = await addUser(t, client, 'carol@client.example', 'viewer', PASSWORD);
    const { recoveryCodes } = await enrol(await signedIn('carol@client.example'));
    const useCode = async (recoveryCode: string) => {
      const b = new Browser(t.url);
      const first = await b.post('/v1/auth/login', { email: 'carol@client.example', password: PASSWORD });
      return b.post('/v1/auth/login/2fa', { challengeId: first.body.challengeId, recoveryCode });
    };
    const ok = await useCode(recoveryCodes[0]!.toUpperCase());
    assert.equal(ok.status, 200);
    assert.equal(ok.body.session.method, 'recovery_code');
    assert.equal((await useCode(recoveryCodes[0]!)).status, 401, 'used up');
    const audit = await t.api.get(`/v1/audit-log?action=user.recovery_code_used&targetId=${userId}`, {
      key: client.key,
    });
    assert.deepEqual(
      audit.body.data.map((e: { data: unknown }) => e.data),
      [{ remaining: 9 }],
    );
  });

  it('disables two-factor with the password and a current code', async () => {
    await addUser(t, client, 'dan@client.example', 'viewer', PASSWORD);
    const b = await signedIn('dan@client.example');
    const { secret } = await enrol(b);
    const badPassword = await b.post('/v1/auth/2fa/disable', {
      password: 'wrong password here',
      code: await totpAt(secret, clock.now()),
    });
    assert.equal(badPassword.status, 422);
    assert.equal(badPassword.body.errors[0].pointer, '/password');
    const off = await b.post('/v1/auth/2fa/disable', { password: PASSWORD, code: await totpAt(secret, clock.now()) });
    assert.equal(off.status, 204);
    await new Browser(t.url).login('dan@client.example', PASSWORD);
  });

  it("limits a session to enrollment while the account's policy requires two-factor, then gives the role back", async () => {
    const acc = await createClientAccount(t, 'Strict Ltd');
    await addUser(t, acc, 'owner@strict.example', 'owner', PASSWORD);
    await addUser(t, acc, 'eve@strict.example', 'admin', PASSWORD);
    const owner = await signedIn('owner@strict.example');
    const { secret: ownerSecret } = await enrol(owner);
    const policy = await owner.put('/v1/users/policy', { require2fa: true });
    assert.deepEqual(policy.body, { require2fa: true });

    const eve = new Browser(t.url);
    const me = await eve.login('eve@strict.example', PASSWORD);
    assert.deepEqual(me.twoFactor, { enabled: false, required: true, enrollmentRequired: true });
    assert.deepEqual(me.scopes, []);
    const refused = await eve.get('/v1/users');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.type, problem('two-factor-enrollment-required'));
    assert.equal((await eve.get('/v1/auth/sessions')).status, 200, 'session routes stay open');
    await enrol(eve);
    assert.equal((await eve.get('/v1/users')).status, 200, 'the same session has its role back');

    const disable = await owner.post('/v1/auth/2fa/disable', {
      password: PASSWORD,
      code: await totpAt(ownerSecret, clock.now()),
    });
    assert.equal(disable.status, 409);
    assert.equal(disable.body.type, problem('two-factor-mandatory'));
    const audit = await t.api.get('/v1/audit-log?action=account.security_policy_changed', { key: acc.key });
    assert.deepEqual(audit.body.data[0].data, { require2fa: true });
  });

  it('makes operators enrol before they can use any admin route', async () => {
    const op = new Browser(t.url);
    const me = await op.login(t.boot.adminEmail, t.boot.adminPassword);
    assert.equal(me.user.role, 'operator');
    assert.equal(me.twoFactor.enrollmentRequired, true);
    const refused = await op.get('/v1/admin/accounts');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.type, problem('two-factor-enrollment-required'));
    const { secret } = await enrol(op);
    assert.equal((await op.get('/v1/admin/accounts')).status, 200);
    const scopes: string[] = (await op.get('/v1/auth/session')).body.scopes;
    assert.ok(scopes.includes('platform:admin') && scopes.includes('messages:write') && scopes.includes('keys:manage'));
    // The house account is the operator's own: its traffic, sent with the bootstrap key, shows.
    const sent = await t.api.post('/v1/messages', {
      key: t.boot.apiKey,
      body: { to: '+4915112345678', body: 'house traffic' },
    });
    assert.equal(sent.status, 202);
    const log = await op.get('/v1/messages');
    assert.equal(log.status, 200);
    assert.deepEqual(
      log.body.data.map((m: { id: string }) => m.id),
      [sent.body.id],
    );
    const disable = await op.post('/v1/auth/2fa/disable', {
      password: t.boot.adminPassword,
      code: await totpAt(secret, clock.now()),
    });
    assert.equal(disable.status, 409, 'operators cannot turn it off');
  });

  it('`cx-engage users reset-2fa` removes the second factor and ends the sessions, audited', async () => {
    const userId = await addUser(t, client, 'lost@client.example', 'developer', PASSWORD);
    const b = await signedIn('lost@client.example');
    await enrol(b);
    const env = { DATABASE_URL: t.database.url, CX_MASTER_KEY: TEST_MASTER_KEY };
    const run = await runCli(['users', 'reset-2fa', 'lost@client.example'], env);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /1 session\(s\) ended/);
    assert.equal((await b.get('/v1/auth/session')).status, 401);
    const me = await new Browser(t.url).login('lost@client.example', PASSWORD);
    assert.equal(me.twoFactor.enabled, false);
    const audit = await t.api.get(`/v1/audit-log?action=user.2fa_reset&targetId=${userId}`, { key: client.key });
    assert.deepEqual(audit.body.data[0].data, { hadTwoFactor: true, sessionsRevoked: 1 });
    assert.deepEqual(audit.body.data[0].actor, { type: 'system', id: 'cli' });
    const unknown = await runCli(['users', 'reset-2fa', 'nobody@client.example'], env);
    assert.equal(unknown.code, 1);
  });

  async function signedIn(email: string): Promise<Browser> {
    const b = new Browser(t.url);
    await b.login(email, PASSWORD);
    return b;
  }
});
