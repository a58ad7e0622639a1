// Portal sessions on the API: timeouts, the session list and revocation, CSRF on
// state-changing requests, and API keys working exactly as before.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { Browser, addUser, createClientAccount, type ClientAccount } from '../../test/portal.ts';
import { ManualClock } from '../platform/clock.ts';

const PASSWORD = 'sessions are fun, really';
const MINUTE = 60_000;

describe('portal sessions', () => {
  let t: TestPlatform;
  let client: ClientAccount;
  const clock = new ManualClock('2026-03-02T09:00:00Z');

  before(async () => {
    // Shorter than the defaults (30 min, 12 h) to show they are configurable.
    t = await startTestPlatform({ clock, env: { CX_SESSION_IDLE_MINUTES: '20', CX_SESSION_MAX_HOURS: '2' } });
    client = await createClientAccount(t);
    await addUser(t, client, 'owner@client.example', 'owner', PASSWORD);
  });
  after(() => t.close());

  const signIn = async () => {
    const b = new Browser(t.url, { 'user-agent': 'Mozilla/5.0 (test) portal' });
    await b.login('owner@client.example', PASSWORD);
    return b;
  };

  it('ends a session after the idle timeout, and activity keeps it alive', async () => {
    const b = await signIn();
    clock.advance(19 * MINUTE);
    assert.equal((await b.get('/v1/auth/session')).status, 200);
    clock.advance(19 * MINUTE);
    const me = await b.get('/v1/auth/session');
    assert.equal(me.status, 200, 'the last request counts, not the sign-in');
    assert.equal(me.body.session.idleExpiresAt, new Date(clock.now().getTime() + 20 * MINUTE).toISOString());
    clock.advance(20 * MINUTE + 1000);
    const expired = await b.get('/v1/auth/session');
    assert.equal(expired.status, 401);
    assert.equal(expired.body.detail, 'the session expired or was revoked; sign in again');
  });

  it('ends a session at the absolute timeout however active it is', async () => {
    const b = await signIn();
    const me = (await b.get('/v1/auth/session')).body;
    assert.equal(me.session.expiresAt, new Date(clock.now().getTime() + 2 * 60 * MINUTE).toISOString());
    for (let i = 0; i < 7; i++) {
      clock.advance(15 * MINUTE);
      assert.equal((await b.get('/v1/users')).status, 200);
    }
    clock.advance(15 * MINUTE + 1000);
    assert.equal((await b.get('/v1/users')).status, 401);
  });

  it('lists your sessions with device and truncated address, and revoking one refuses its cookie at once', async () => {
    const laptop = await signIn();
    const phone = await signIn();
    const list = await laptop.get('/v1/auth/sessions');
    assert.equal(list.status, 200);
    const mine = list.body.data as { id: string; current: boolean; userAgent: string; ip: string; method: string }[];
    assert.ok(mine.length >= 2);
    const phoneId = (await phone.get('/v1/auth/session')).body.session.id;
    const entry = mine.find((s) => s.id === phoneId)!;
    assert.equal(entry.current, false);
    assert.equal(entry.userAgent, 'Mozilla/5.0 (test) portal');
    assert.equal(entry.ip, '127.0.0.0');
    assert.equal(entry.method, 'password');
    assert.equal(mine.filter((s) => s.current).length, 1);

    const phoneCookie = phone.cookies.get('cx_session')!;
    const revoked = await laptop.delete(`/v1/auth/sessions/${phoneId}`);
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.revokedAt);
    const refused = await t.api.get('/v1/auth/session', { headers: { cookie: `cx_session=${phoneCookie}` } });
    assert.equal(refused.status, 401);
    assert.ok(!(await laptop.get('/v1/auth/sessions')).body.data.some((s: { id: string }) => s.id === phoneId));
    const audit = await t.api.get(`/v1/audit-log?action=user.session_revoked&targetId=${phoneId}`, { key: client.key });
    assert.equal(audit.body.data.length, 1);
  });

  it("cannot see or revoke another user's session: 404", async () => {
    await addUser(t, client, 'other@client.example', 'viewer', PASSWORD);
    const other = new Browser(t.url);
    await other.login('other@client.example', PASSWORD);
    const otherId = (await other.get('/v1/auth/session')).body.session.id;
    const me = await signIn();
    assert.equal((await me.delete(`/v1/auth/sessions/${otherId}`)).status, 404);
    assert.equal((await other.get('/v1/auth/session')).status, 200);
  });

  it('signs out: the session ends and the cookies are cleared', async () => {
    const b = await signIn();
    const cookie = b.cookies.get('cx_session')!;
    const out = await b.post('/v1/auth/logout');
    assert.equal(out.status, 204);
    assert.ok(out.headers.getSetCookie().some((c) => /^cx_session=; Max-Age=0/.test(c)));
    assert.equal(b.cookies.size, 0);
    assert.equal((await t.api.get('/v1/auth/session', { headers: { cookie: `cx_session=${cookie}` } })).status, 401);
  });

  it('refuses a state-changing request without the CSRF token, or with a wrong one, and accepts it with the token', async () => {
    const b = await signIn();
    const body = { email: 'new@client.example', role: 'viewer' };
    const none = await b.post('/v1/users/invitations', body, { csrf: false });
    assert.equal(none.status, 403);
    assert.equal(none.body.type, 'https://cx-engage.dev/problems/csrf-token-invalid');
    const forged = await b.post('/v1/users/invitations', body, {
      csrf: false,
      headers: { 'x-csrf-token': 'A'.repeat(43) },
    });
    assert.equal(forged.status, 403);
    const otherSession = (await signIn()).cookies.get('cx_csrf')!;
    const crossed = await b.post('/v1/users/invitations', body, {
      csrf: false,
      headers: { 'x-csrf-token': otherSession },
    });
    assert.equal(crossed.status, 403, "another session's token does not fit");
    assert.equal((await b.delete('/v1/auth/sessions/ses_x', { csrf: false })).status, 403);
    assert.equal((await b.post('/v1/auth/logout', undefined, { csrf: false })).status, 403);
    assert.equal((await b.get('/v1/users/invitations')).status, 200, 'reads need no token');
    const ok = await b.post('/v1/users/invitations', body);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });

  it('leaves API keys as they were: no CSRF token, the key wins over a cookie, session routes need a session', async () => {
    const b = await signIn();
    const viaKey = await t.api.post('/v1/users/invitations', {
      key: client.key,
      body: { email: 'bykey@client.example', role: 'viewer' },
    });
    assert.equal(viaKey.status, 201);
    const both = await t.api.post('/v1/api-keys', {
      key: client.key,
      body: { name: 'ci' },
      headers: { cookie: `cx_session=${b.cookies.get('cx_session')}` },
    });
    assert.equal(both.status, 201, 'an Authorization header is used as before, with no CSRF check');
    const forSession = await t.api.get('/v1/auth/session', { key: client.key });
    assert.equal(forSession.status, 403);
    const anonymous = await t.api.get('/v1/auth/sessions');
    assert.equal(anonymous.status, 401);
    const garbage = await t.api.get('/v1/users', { headers: { cookie: 'cx_session=nonsense' } });
    assert.equal(garbage.status, 401);
    const audit = await t.api.get(`/v1/audit-log?action=user.invited&limit=100`, { key: client.key });
    const actors = audit.body.data.map((e: { actor: { type: string } }) => e.actor.type);
    assert.ok(actors.includes('key') && actors.includes('user'), 'the audit names who acted: a key or a user');
  });
});
