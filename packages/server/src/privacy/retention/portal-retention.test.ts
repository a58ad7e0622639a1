// Retention of what the platform holds about clients' staff (issue #17 point 12): ended
// sessions, used or lapsed invitations and password resets, disabled users and sent emails
// each have a category, a default period counted from when they ended, and the daily run.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../platform/clock.ts';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { waitFor } from '../../../test/wait.ts';
import { addUser, Browser, createClientAccount, type ClientAccount } from '../../../test/portal.ts';
import { applyRetention } from './job.ts';

const DAY = 24 * 3600_000;
const T0 = new Date('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

describe('retention of portal users, sessions, links and emails', () => {
  let t: TestPlatform;
  let client: ClientAccount;
  let carolId: string;
  const clock = new ManualClock(T0);
  const admin = () => t.boot.adminApiKey;
  const runAt = async (day: number) =>
    (await applyRetention(t.platform.ctx, at(day))).find((r) => r.accountId === client.id)!.counts;
  const users = async () =>
    (await t.api.get(`/v1/admin/accounts/${client.id}/users`, { key: admin() })).body.data as {
      id: string;
      email: string;
      name: string | null;
    }[];
  const emails = async () =>
    (await t.api.get('/v1/sandbox/emails?limit=100', { key: client.key })).body.data as {
      to: string;
      status: string;
    }[];

  before(async () => {
    t = await startTestPlatform({ clock });
    client = await createClientAccount(t, 'Retention Staff');
    await addUser(t, client, 'alice@example.com', 'admin', 'alice password 1');
    carolId = await addUser(t, client, 'carol@example.com', 'viewer', 'carol password 1');
    const alice = new Browser(t.url);
    await alice.login('alice@example.com', 'alice password 1');
    assert.equal((await alice.post('/v1/auth/logout')).status, 204);
    await t.api.post('/v1/auth/password-reset', { body: { email: 'alice@example.com' } });
    await t.api.post(`/v1/admin/accounts/${client.id}/invitations`, {
      key: admin(),
      body: { email: 'bob@example.com', role: 'viewer' },
    });
    assert.equal(
      (await t.api.request('DELETE', `/v1/admin/accounts/${client.id}/users/${carolId}`, { key: admin() })).status,
      200,
    );
    await waitFor(
      async () => ((await emails()).every((e) => e.status === 'kept') ? true : undefined),
      'the emails to be kept',
    );
    clock.set(at(20));
    await new Browser(t.url).login('alice@example.com', 'alice password 1');
  });
  after(() => t.close());

  it('lists the new categories with their defaults and bounds', async () => {
    const policies = (await t.api.get('/v1/privacy/retention', { key: client.key })).body.data as {
      category: string;
      days: number;
      minimum: number;
    }[];
    const of = (c: string) => policies.find((p) => p.category === c);
    assert.deepEqual(
      ['email_outbox', 'portal_sessions', 'portal_tokens', 'disabled_users'].map((c) => of(c)?.days),
      [90, 30, 30, 365],
    );
    const low = await t.api.request('PUT', '/v1/privacy/retention', {
      key: client.key,
      body: { categories: { disabled_users: 10 } },
    });
    assert.deepEqual([low.status, low.body.errors?.[0]?.pointer], [422, '/categories/disabled_users']);
  });

  it('keeps what ended inside the period and removes ended sessions, invitations and resets after it', async () => {
    const early = await runAt(29);
    assert.deepEqual(
      [early.portal_sessions, early.portal_tokens],
      [0, 0],
      'a month has not passed since anything ended',
    );
    const later = await runAt(45);
    assert.equal(
      later.portal_sessions,
      1,
      'the signed-out session of day 0 goes; the one of day 20 ended 25 days ago and stays',
    );
    assert.equal(later.portal_tokens, 4, 'two accepted invitations, the lapsed one and the unused reset');
    const runs = (await t.api.get('/v1/privacy/retention/runs', { key: client.key })).body.data;
    assert.equal(runs[0].counts.portal_tokens, 4);
    const [left] = await t.platform.ctx.sql<{ sessions: number; invitations: number; resets: number }[]>`
      select (select count(*)::int from user_sessions where account_id = ${client.id}) as sessions,
             (select count(*)::int from user_invitations where account_id = ${client.id}) as invitations,
             (select count(*)::int from password_resets where account_id = ${client.id}) as resets`;
    assert.deepEqual(left, { sessions: 1, invitations: 0, resets: 0 });
  });

  it('anonymizes users disabled longer than the account chose, and only them', async () => {
    assert.equal((await runAt(45)).disabled_users, 0, 'a year by default');
    assert.equal(
      (
        await t.api.request('PUT', '/v1/privacy/retention', {
          key: client.key,
          body: { categories: { disabled_users: 30 } },
        })
      ).status,
      200,
    );
    assert.equal((await runAt(45)).disabled_users, 1);
    const list = await users();
    const carol = list.find((u) => u.id === carolId)!;
    assert.deepEqual([carol.email, carol.name], [`erased-${carolId}@invalid`, null]);
    assert.ok(
      list.some((u) => u.email === 'alice@example.com'),
      'an enabled user is untouched',
    );
    assert.equal(
      (await new Browser(t.url).post('/v1/auth/login', { email: 'carol@example.com', password: 'carol password 1' }))
        .status,
      401,
    );
  });

  it('deletes sent emails after 90 days', async () => {
    assert.equal((await runAt(80)).email_outbox, 0);
    assert.equal((await runAt(100)).email_outbox, 4);
    assert.deepEqual(await emails(), []);
  });
});
