// The SMS limit end to end through the API: counting at accept, the 75 % notice once per cycle,
// the block at 100 %, no overshoot under concurrent senders, and the written approval flow.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fraudRulesOff, startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { newId } from '../platform/ids.ts';

describe('SMS limit', () => {
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform();
  });
  after(async () => {
    await t.close();
  });

  /** An active client account with a live and a test key, an owner, and the given limit (approved in writing). */
  async function client(smsLimit: number) {
    const acc = await t.api.post('/v1/admin/accounts', {
      key: admin(),
      body: { name: `Limits ${smsLimit}`, status: 'active', rateLimits: { perKey: null, perAccount: null } },
    });
    const id = acc.body.id as string;
    await fraudRulesOff(t, id); // the batches walk through numbers like a pumping script would
    const issue = async (mode: 'live' | 'test') =>
      (
        await t.api.post(`/v1/admin/accounts/${id}/api-keys`, {
          key: admin(),
          body: { name: mode, mode, scopes: ['messages:write', 'messages:read', 'account:manage', 'sandbox:use'] },
        })
      ).body.secret as string;
    await t.platform.ctx
      .sql`insert into users (account_id, id, email, role, created_at) values (${id}, ${newId('usr')}, ${`owner-${smsLimit}@client.example`}, 'owner', now())`;
    const set = await t.api.post(`/v1/admin/accounts/${id}/sms-limit`, {
      key: admin(),
      body: { smsLimit, approvalText: 'Order 42 signed by both parties', reference: 'ORD-42' },
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    return { id, live: await issue('live'), test: await issue('test') };
  }
  const batch = async (key: string, n: number) => {
    const res = await t.api.post('/v1/messages/batch', {
      key,
      body: {
        messages: Array.from({ length: n }, (_, i) => ({
          to: `+4915112${String(i).padStart(5, '0')}0`,
          body: 'limit',
        })),
      },
    });
    assert.equal(res.status, 202);
    return res.body.data as { status: string; error: { code: string } | null }[];
  };
  const events = async (accountId: string) =>
    (
      await t.platform.ctx.sql<{ type: string }[]>`
    select type from events where account_id = ${accountId} and object_type = 'account' order by id`
    ).map((e) => e.type);
  const account = async (key: string) => (await t.api.get('/v1/account', { key })).body;
  const emails = async (key: string) =>
    (await t.api.get('/v1/sandbox/emails', { key })).body.data as { subject: string; to: string }[];

  it('counts live SMS at accept, warns once at 75 %, blocks at 100 % and refuses the rest as limit_reached', async () => {
    const c = await client(8);
    assert.deepEqual(
      (await batch(c.live, 5)).map((m) => m.status),
      Array(5).fill('queued'),
    );
    assert.deepEqual((await account(c.live)).sms, { limit: 8, used: 5 });
    assert.deepEqual(await events(c.id), []);
    await batch(c.live, 1);
    assert.deepEqual(await events(c.id), ['account.limit_warning']);
    await batch(c.live, 1);
    assert.deepEqual(await events(c.id), ['account.limit_warning'], 'the notice comes once per cycle');
    assert.equal((await emails(c.live)).filter((e) => e.subject.includes('75 %')).length, 1);

    const last = await batch(c.live, 3);
    assert.deepEqual(
      last.map((m) => m.status),
      ['queued', 'rejected', 'rejected'],
    );
    assert.equal(last[1]!.error!.code, 'limit_reached');
    const acc = await account(c.live);
    assert.equal(acc.smsBlocked, true);
    assert.deepEqual(acc.sms, { limit: 8, used: 8 });
    assert.deepEqual(await events(c.id), ['account.limit_warning', 'account.limit_reached']);
    assert.ok(
      (await emails(c.live)).some((e) => e.subject.includes('limit is reached') && e.to === 'owner-8@client.example'),
    );
    assert.equal((await batch(c.live, 1))[0]!.status, 'rejected');
    assert.equal((await batch(c.test, 2))[1]!.status, 'queued', 'test keys are never counted or blocked');
    assert.equal((await account(c.live)).sms.used, 8);

    // Settlement starts a new cycle: unblocked, counted from zero, warned again at 75 %.
    const settled = await t.api.post(`/v1/admin/accounts/${c.id}/settle`, {
      key: admin(),
      body: { reference: 'PAY-2026-001' },
    });
    assert.equal(settled.status, 200);
    assert.equal(settled.body.smsBlocked, false);
    assert.deepEqual(settled.body.sms, { limit: 8, used: 0 });
    assert.equal(
      (await batch(c.live, 6)).every((m) => m.status === 'queued'),
      true,
    );
    assert.deepEqual(await events(c.id), [
      'account.limit_warning',
      'account.limit_reached',
      'account.sms_unblocked',
      'account.limit_warning',
    ]);
  });

  it('never lets 64 concurrent senders overshoot the limit', async () => {
    const c = await client(50);
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        t.api.post('/v1/messages', {
          key: c.live,
          body: { to: `+4915113${String(i).padStart(5, '0')}0`, body: 'race' },
        }),
      ),
    );
    const statuses = results.map((r) => r.body.status as string);
    assert.equal(statuses.filter((s) => s === 'queued').length, 50);
    assert.equal(statuses.filter((s) => s === 'rejected').length, 70);
    assert.deepEqual((await account(c.live)).sms, { limit: 50, used: 50 });
  });

  it('changes a limit only with an operator’s written approval, and a higher limit unblocks', async () => {
    const c = await client(2);
    await batch(c.live, 2);
    assert.equal((await account(c.live)).smsBlocked, true);

    const asked = await t.api.post('/v1/account/limit-requests', {
      key: c.live,
      body: { smsLimit: 100, reason: 'campaign in December' },
    });
    assert.equal(asked.status, 201);
    assert.equal(asked.body.status, 'pending');
    assert.equal((await account(c.live)).sms.limit, 2, 'nothing changes before approval');
    assert.equal(
      (
        await t.api.post(`/v1/admin/limit-requests/${asked.body.id}/approve`, {
          key: c.live,
          body: { approvalText: 'self-approved' },
        })
      ).status,
      403,
    );
    const noText = await t.api.post(`/v1/admin/limit-requests/${asked.body.id}/approve`, { key: admin(), body: {} });
    assert.equal(noText.status, 422);
    assert.equal(noText.body.errors[0].pointer, '/approvalText');

    const pending = await t.api.get('/v1/admin/limit-requests?status=pending', { key: admin() });
    assert.ok(pending.body.data.some((r: { id: string }) => r.id === asked.body.id));
    const approved = await t.api.post(`/v1/admin/limit-requests/${asked.body.id}/approve`, {
      key: admin(),
      body: { approvalText: 'Approved per signed order 77', reference: 'ORD-77' },
    });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.approval.text, 'Approved per signed order 77');
    assert.equal(approved.body.approval.reference, 'ORD-77');
    assert.equal(
      (
        await t.api.post(`/v1/admin/limit-requests/${asked.body.id}/approve`, {
          key: admin(),
          body: { approvalText: 'again' },
        })
      ).status,
      409,
    );

    const acc = await account(c.live);
    assert.deepEqual([acc.smsBlocked, acc.sms.limit], [false, 100]);
    assert.equal((await batch(c.live, 1))[0]!.status, 'queued');
    const audit = await t.api.get(`/v1/admin/audit-log?accountId=${c.id}`, { key: admin() });
    assert.ok(audit.body.data.some((e: { action: string }) => e.action === 'account.sms_limit_changed'));

    const second = await t.api.post('/v1/account/limit-requests', { key: c.live, body: { smsLimit: 1_000_000 } });
    const rejected = await t.api.post(`/v1/admin/limit-requests/${second.body.id}/reject`, {
      key: admin(),
      body: { note: 'no deposit' },
    });
    assert.deepEqual([rejected.body.status, rejected.body.decisionNote], ['rejected', 'no deposit']);
    assert.equal((await account(c.live)).sms.limit, 100);
    const mine = await t.api.get('/v1/account/limit-requests', { key: c.live });
    assert.deepEqual(mine.body.data.map((r: { status: string }) => r.status).sort(), [
      'approved',
      'approved',
      'rejected',
    ]);
  });

  it('gives the house account no limit', async () => {
    assert.deepEqual((await account(t.boot.apiKey)).sms.limit, null);
  });
});
