// Every outgoing message passes the send policies once per channel, however it was born:
// senders, the SMS limit's give-back, review holds counted on release, and WhatsApp's SMS
// fallback judged as an SMS. Over real HTTP, with the sandbox SMSC and Cloud API simulator.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitFor, waitForBound, waitForStatus } from '../../test/messages.ts';

describe('send policies on every path', () => {
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform();
    await waitForBound(t);
  });
  after(() => t.close());

  async function client(name: string, smsLimit?: number) {
    const id = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name, status: 'active' } })).body
      .id as string;
    const live = (
      await t.api.post(`/v1/admin/accounts/${id}/api-keys`, { key: admin(), body: { name: 'live', mode: 'live' } })
    ).body.secret as string;
    if (smsLimit !== undefined) await setLimit(id, smsLimit);
    return { id, live };
  }
  async function setLimit(accountId: string, smsLimit: number) {
    const res = await t.api.post(`/v1/admin/accounts/${accountId}/sms-limit`, {
      key: admin(),
      body: { smsLimit, approvalText: 'Agreed in writing', reference: 'TEST' },
    });
    assert.ok(res.status < 300, JSON.stringify(res.body));
  }
  const usage = async (key: string) =>
    (await t.api.get('/v1/account', { key })).body as { sms: { used: number }; smsBlocked: boolean };
  const events = async (accountId: string, type: string) =>
    (
      await t.platform.ctx.sql`select count(*)::int as n from events where account_id = ${accountId} and type = ${type}`
    )[0]!.n as number;
  const later = () => new Date(Date.now() + 3_600_000).toISOString();
  // A new number for each message: the fraud rules (on for clients) hold repeats to one number.
  let n = 0;
  // Far apart, so the fraud rule for near-sequential numbers stays out of these tests.
  const someone = () => `+49151${String(2_000_000 + 7_919 * n++).padStart(8, '0')}`;

  it("refuses to send from another account's number: 422 on /from, and nothing is created", async () => {
    const b = await client('Sender B');
    const res = await t.api.post('/v1/messages', {
      key: b.live,
      body: { to: '+4915112345678', from: t.boot.sandboxNumber, body: 'not mine' },
    });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.errors[0].pointer, '/from');
    assert.equal((await t.api.get('/v1/messages', { key: b.live })).body.data.length, 0);

    const own = '+4930555000111';
    const assigned = await t.api.post('/v1/admin/numbers', {
      key: admin(),
      body: { number: own, accountId: b.id, channels: ['sms'] },
    });
    assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
    // The assignment reaches the accept path by notification, not after a cache timeout.
    const mine = await send(t, b.live, { to: '+4915112345678', from: own, body: 'mine' });
    assert.equal(mine.from, own);
    const named = await send(t, b.live, { to: '+4915112345678', from: 'ACME', body: 'a sender name' });
    assert.equal(named.status, 'queued');
  });

  it('gives back the count of a message that never left, without a second 75 % notice and without lifting the block', async () => {
    const c = await client('Give back', 4);
    const scheduled = await Promise.all(
      [1, 2, 3].map(() => send(t, c.live, { to: someone(), body: 'later', scheduledAt: later() })),
    );
    assert.equal((await usage(c.live)).sms.used, 3);
    assert.equal(await events(c.id, 'account.limit_warning'), 1, '75 % of 4 reached');
    await t.api.post(`/v1/messages/${scheduled[0].id}/cancel`, { key: c.live });
    assert.equal((await usage(c.live)).sms.used, 2, 'canceled before it left: counted no more');
    await t.api.post(`/v1/messages/${scheduled[0].id}/cancel`, { key: c.live });
    assert.equal((await usage(c.live)).sms.used, 2, 'given back once');
    await send(t, c.live, { to: someone(), body: 'again', scheduledAt: later() });
    assert.equal(await events(c.id, 'account.limit_warning'), 1, 'the notice is sent once per cycle');
    await send(t, c.live, { to: someone(), body: 'the last one', scheduledAt: later() });
    assert.equal((await usage(c.live)).smsBlocked, true);
    await t.api.post(`/v1/messages/${scheduled[1].id}/cancel`, { key: c.live });
    const after = await usage(c.live);
    assert.deepEqual([after.sms.used, after.smsBlocked], [3, true], 'a give-back never lifts the block');
    const refused = await send(t, c.live, { to: someone(), body: 'blocked' });
    assert.deepEqual([refused.status, refused.error.code], ['rejected', 'limit_reached']);
  });

  it('counts a message held for review when it is released, and rejects it there at the limit', async () => {
    const c = await client('Review', 6);
    await t.api.request('PUT', `/v1/admin/accounts/${c.id}/fraud-settings`, {
      key: admin(),
      body: { mode: 'enforce' },
    });
    const burst = await t.api.post('/v1/messages/batch', {
      key: c.live,
      body: { messages: Array.from({ length: 7 }, () => ({ to: '+4917612345699', body: 'code 1234' })) },
    });
    const statuses = burst.body.data.map((m: { status: string }) => m.status);
    assert.deepEqual(statuses, ['queued', 'queued', 'queued', 'queued', 'queued', 'held', 'held']);
    assert.equal((await usage(c.live)).sms.used, 5, 'held messages do not count yet');
    const first = await t.api.post(`/v1/messages/${burst.body.data[5].id}/release`, { key: c.live });
    assert.equal(first.body.status, 'queued');
    assert.equal((await usage(c.live)).sms.used, 6, 'counted on release');
    const second = await t.api.post(`/v1/messages/${burst.body.data[6].id}/release`, { key: c.live });
    assert.deepEqual([second.body.status, second.body.error?.code], ['rejected', 'limit_reached']);
  });

  it("judges a WhatsApp message's SMS fallback as an SMS: it counts toward the limit and is refused at it", async () => {
    const house = t.boot.apiKey;
    const account = (await t.api.get('/v1/account', { key: house })).body as { id: string; sms: { used: number } };
    await waitFor(
      async () =>
        ((await t.api.get('/v1/numbers', { key: house })).body.data as { whatsapp: unknown }[]).some(
          (n) => n.whatsapp,
        ) || undefined,
      'the sandbox WhatsApp number',
    );
    await setLimit(account.id, account.sms.used + 1);
    // Outside the 24-hour window free-form WhatsApp may not go; its fallback goes as an SMS.
    const first = await send(t, house, {
      channel: 'whatsapp',
      to: '+4915112340001',
      body: 'Your parcel is here',
      fallback: ['sms'],
    });
    const sms = await waitForStatus(t, house, first.id, ['queued', 'sending', 'sent', 'delivered']);
    assert.equal(sms.channel, 'sms');
    assert.equal((await usage(house)).sms.used, account.sms.used + 1, 'the fallback SMS counted');
    const second = await send(t, house, {
      channel: 'whatsapp',
      to: '+4915112340002',
      body: 'Your parcel is here',
      fallback: ['sms'],
    });
    const refused = await waitForStatus(t, house, second.id, ['rejected']);
    assert.deepEqual([refused.channel, refused.error.code], ['sms', 'limit_reached']);
  });
});
