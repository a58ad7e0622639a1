// The fraud rules through the API: decisions at accept with their explanations, monitor vs
// enforce, account block lists, the range list, OTP feedback, and human review of held messages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitForBound, waitForStatus } from '../../test/messages.ts';

describe('fraud rules at accept', () => {
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform();
    await waitForBound(t);
  });
  after(() => t.close());

  async function client(mode: 'monitor' | 'enforce', overrides: Record<string, unknown> = {}) {
    const id = (
      await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: `Fraud ${mode}`, status: 'active' } })
    ).body.id as string;
    const set = await t.api.request('PUT', `/v1/admin/accounts/${id}/fraud-settings`, {
      key: admin(),
      body: { mode, overrides },
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const key = async (mode: string, scopes: string[]) =>
      (await t.api.post(`/v1/admin/accounts/${id}/api-keys`, { key: admin(), body: { name: mode, mode, scopes } })).body
        .secret as string;
    return {
      id,
      live: await key('live', ['messages:write', 'messages:read', 'fraud:review', 'account:manage']),
      test: await key('test', ['messages:write']),
    };
  }
  const burst = (key: string, to: string, n: number, extra: Record<string, unknown> = {}) =>
    t.api.post('/v1/messages/batch', {
      key,
      body: { messages: Array.from({ length: n }, () => ({ to, body: 'code 1234', ...extra })) },
    });

  it('holds repeated messages to one number for review with the rule and its explanation; test keys are never judged', async () => {
    const c = await client('enforce');
    const res = await burst(c.live, '+4917612345678', 7);
    const statuses = res.body.data.map((m: { status: string }) => m.status);
    assert.deepEqual(statuses, ['queued', 'queued', 'queued', 'queued', 'queued', 'held', 'held']);
    const held = res.body.data[5];
    assert.equal(held.holdReason, 'fraud_review');
    assert.deepEqual(
      [held.fraud.action, held.fraud.mode, held.fraud.rules[0].rule],
      ['review', 'enforce', 'velocity_number'],
    );
    assert.match(held.fraud.rules[0].explanation, /6 messages to the same number within a minute/);
    assert.equal(res.body.data[0].fraud, null, 'nothing fired, nothing stored');
    const listed = await t.api.get('/v1/messages?status=held', { key: c.live });
    assert.equal(listed.body.data.length, 2);

    const testKey = await burst(c.test, '+4917612345678', 7);
    assert.ok(
      testKey.body.data.every((m: { status: string }) => m.status === 'queued'),
      'test keys only reach the sandbox and are never held',
    );
    const events = await t.platform.ctx.sql<
      { type: string }[]
    >`select type from events where account_id = ${c.id} and type like 'fraud.%' order by sequence`;
    assert.deepEqual(
      events.map((e) => e.type),
      ['fraud.held', 'fraud.held', 'fraud.alert'],
    );
  });

  it('records what it would do in monitor mode and acts on nothing', async () => {
    const c = await client('monitor');
    const res = await burst(c.live, '+4917612345679', 7);
    assert.ok(res.body.data.every((m: { status: string }) => m.status === 'queued'));
    assert.deepEqual(
      [res.body.data[6].fraud.action, res.body.data[6].fraud.wouldAction, res.body.data[6].fraud.mode],
      ['allow', 'review', 'monitor'],
    );
  });

  it('rejects blocked destinations and keywords as fraud_blocked, and follows the operator range list', async () => {
    const c = await client('enforce', { blockedCountries: ['FR'], blockedKeywords: ['casino'] });
    const fr = await send(t, c.live, { to: '+33612345678', body: 'bonjour' });
    assert.deepEqual([fr.status, fr.error.code], ['rejected', 'fraud_blocked']);
    assert.match(fr.error.detail, /FR are blocked/);
    assert.equal(
      (await send(t, c.live, { to: '+4917612340000', body: 'Best CASINO deals' })).error.code,
      'fraud_blocked',
    );

    assert.equal(
      (await send(t, c.live, { to: '+881612345678', body: 'satellite' })).status,
      'held',
      'a seed IRSF range',
    );
    const imported = await t.api.request('PUT', '/v1/admin/fraud/ranges', {
      key: admin(),
      body: { csv: 'prefix,action,label\n+8816,allow,our satellite customers\n+4470,block,UK personal numbers\n' },
    });
    assert.deepEqual(imported.body, { entries: 2 });
    await new Promise((r) => setTimeout(r, 5100)); // the range list is cached for 5 s
    assert.equal(
      (await send(t, c.live, { to: '+881612345678', body: 'satellite' })).status,
      'queued',
      'allowed by the operator',
    );
    assert.equal(
      (await send(t, c.live, { to: '+447012345678', body: 'personal number' })).error?.code,
      'fraud_blocked',
    );
    const csv = await t.api.get('/v1/admin/fraud/ranges', { key: admin() });
    assert.match(csv.body, /^\+8816,allow,our satellite customers,operator$/m);
    assert.match(csv.body, /^\+882,review,International networks,seed$/m);
    const bad = await t.api.request('PUT', '/v1/admin/fraud/ranges', { key: admin(), body: { csv: '+44,nope,x\n' } });
    assert.deepEqual([bad.status, bad.body.errors[0].pointer], [422, '/lines/1']);
  });

  it('learns OTP conversion from feedback and holds passcodes to a range that never verifies', async () => {
    const c = await client('enforce');
    const first = await send(t, c.live, { to: '+4917612340001', body: 'code 1', purpose: 'otp' });
    assert.equal(
      (await t.api.post(`/v1/messages/${first.id}/feedback`, { key: c.live, body: { outcome: 'verified' } })).status,
      204,
    );
    assert.equal(
      (await t.api.post(`/v1/messages/${first.id}/feedback`, { key: c.live, body: { outcome: 'verified' } })).status,
      204,
      'idempotent',
    );
    assert.equal(
      (await t.api.post('/v1/messages/msg_nope/feedback', { key: c.live, body: { outcome: 'verified' } })).status,
      404,
    );
    await new Promise((r) => setTimeout(r, 1100)); // the conversion snapshot is cached for a second
    // 60 passcodes to scattered numbers of one range (every 100th: no sequential walk).
    const messages = Array.from({ length: 60 }, (_, i) => ({
      to: `+491761234${String(i * 100 + 50).padStart(4, '0')}`,
      body: `code ${i}`,
      purpose: 'otp',
    }));
    const res = await t.api.post('/v1/messages/batch', { key: c.live, body: { messages } });
    const held = res.body.data.filter((m: { status: string }) => m.status === 'held');
    assert.ok(held.length >= 10, `held from the 50th on: ${held.length}`);
    assert.equal(held[0].fraud.rules[0].rule, 'otp_low_conversion');
    assert.equal(
      res.body.data[10].status,
      'queued',
      `not before the minimum sample: ${JSON.stringify(res.body.data[10].fraud)}`,
    );
  });

  it('lets the client release (sent once) or reject held messages, one by one or by filter, audited', async () => {
    const c = await client('enforce');
    const res = await burst(c.live, '+4917612345670', 9);
    const held = res.body.data.filter((m: { status: string }) => m.status === 'held').map((m: { id: string }) => m.id);
    assert.equal(held.length, 4);
    const released = await t.api.post(`/v1/messages/${held[0]}/release`, { key: c.live });
    assert.equal(released.status, 200, JSON.stringify(released.body));
    assert.equal(released.body.status, 'queued');
    await waitForStatus(t, c.live, held[0], ['delivered']);
    assert.equal((await t.api.post(`/v1/messages/${held[0]}/release`, { key: c.live })).status, 409, 'released once');
    const rejected = await t.api.post(`/v1/messages/${held[1]}/reject`, { key: c.live });
    assert.deepEqual([rejected.body.status, rejected.body.error.code], ['rejected', 'fraud_blocked']);
    const bulk = await t.api.post('/v1/messages/held/reject', {
      key: c.live,
      body: { to: '+4917612345670', note: 'not ours' },
    });
    assert.deepEqual(bulk.body.count, 2);
    const [parts] = await t.platform.ctx.sql<
      { n: number }[]
    >`select count(*)::int as n from message_parts where account_id = ${c.id} and message_id = ${held[0]}`;
    assert.equal(parts!.n, 1);
    const audit = await t.platform.ctx.sql<
      { action: string }[]
    >`select action from audit_log where account_id = ${c.id} and action like 'fraud.review%' order by seq`;
    assert.deepEqual(
      audit.map((a) => a.action),
      ['fraud.review_released', 'fraud.review_rejected', 'fraud.review_rejected'],
    );

    // A kill-switch hold is the operator's to lift, not the client's.
    const other = await send(t, c.live, {
      to: '+4917612000001',
      body: 'later',
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await t.api.post(`/v1/admin/accounts/${c.id}/traffic-hold`, { key: admin(), body: { reason: 'investigation' } });
    const refused = await t.api.post(`/v1/messages/${other.id}/release`, { key: c.live });
    assert.equal(refused.status, 409);
    assert.match(refused.body.detail, /held by an operator \(traffic_hold\)/);
    const otherClient = await client('enforce');
    assert.equal((await t.api.post(`/v1/messages/${held[2]}/release`, { key: otherClient.live })).status, 404);
  });

  it('puts the kill switch on by itself when an account trips too many blocks in a minute, if configured', async () => {
    const c = await client('enforce', { blockedCountries: ['FR'], autoHoldBlocksPerMinute: 3 });
    const earlier = await send(t, c.live, {
      to: '+4917612349000',
      body: 'tomorrow',
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const res = await t.api.post('/v1/messages/batch', {
      key: c.live,
      body: {
        messages: [
          { to: '+33612345001', body: 'a' },
          { to: '+4917612349100', body: 'ok' },
          { to: '+33612345002', body: 'b' },
          { to: '+33612345003', body: 'c' },
        ],
      },
    });
    assert.deepEqual(
      res.body.data.map((m: { status: string }) => m.status),
      ['rejected', 'held', 'rejected', 'rejected'],
    );
    assert.equal(res.body.data[1].holdReason, 'traffic_hold');
    const account = (await t.api.get(`/v1/admin/accounts/${c.id}`, { key: admin() })).body;
    assert.equal(account.trafficHold, true);
    assert.equal(
      (await t.api.get(`/v1/messages/${earlier.id}`, { key: c.live })).body.status,
      'held',
      'what was waiting is held too',
    );
    const [audit] = await t.platform.ctx.sql<{ actor: string; reason: string }[]>`
      select actor_type as actor, free_text ->> 'reason' as reason from audit_log where account_id = ${c.id} and action = 'account.traffic_hold'`;
    assert.equal(audit!.actor, 'system');
    assert.match(audit!.reason, /3 messages blocked by the fraud rules within a minute/);
  });
});
