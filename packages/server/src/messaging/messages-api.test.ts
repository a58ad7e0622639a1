// The messages API as a client sees it: accept, validate, read back, list, cancel, isolate.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';

describe('messages API', () => {
  let t: TestPlatform;
  let key: string;
  let otherKey: string;

  before(async () => {
    // The worker role would dispatch; these tests look at acceptance only.
    t = await startTestPlatform({ role: 'api' });
    key = t.boot.apiKey;
    const other = await t.api.post('/v1/admin/accounts', {
      key: t.boot.adminApiKey,
      body: { name: 'Other', status: 'active' },
    });
    otherKey = (
      await t.api.post(`/v1/admin/accounts/${other.body.id}/api-keys`, { key: t.boot.adminApiKey, body: { name: 'o' } })
    ).body.secret;
  });
  after(() => t.close());

  it('accepts an SMS with 202, durable and queued, with encoding and segments', async () => {
    const res = await t.api.post('/v1/messages', { key, body: { to: '+4915112345678', body: 'Hello from CX Engage' } });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.match(res.body.id, /^msg_/);
    assert.equal(res.body.status, 'queued');
    assert.equal(res.body.direction, 'outbound');
    assert.equal(res.body.encoding, 'GSM-7');
    assert.equal(res.body.segments, 1);
    assert.equal(res.body.from, t.boot.sandboxNumber, 'the account default sender');
    const [row] = await t.platform.ctx.sql`select status, body from messages where id = ${res.body.id}`;
    assert.equal(row!.status, 'queued');
    assert.ok(!Buffer.from(row!.body).toString('utf8').includes('Hello'), 'the body is encrypted at rest');
  });

  it('counts UCS-2 segments when one character is outside GSM-7', async () => {
    const res = await t.api.post('/v1/messages', { key, body: { to: '+4915112345678', body: 'Привет '.repeat(11) } });
    assert.equal(res.body.encoding, 'UCS-2');
    assert.equal(res.body.segments, 2);
  });

  it('names the invalid field: a number without country code, an empty body, an unknown field', async () => {
    const res = await t.api.post('/v1/messages', { key, body: { to: '015112345678', body: '', colour: 'red' } });
    assert.equal(res.status, 422);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    assert.deepEqual(pointers, ['/body', '/colour']);
    const number = await t.api.post('/v1/messages', { key, body: { to: '015112345678', body: 'x' } });
    assert.equal(number.status, 422);
    assert.equal(number.body.errors[0].pointer, '/to');
    const tooLong = await t.api.post('/v1/messages', { key, body: { to: '+4915112345678', body: 'x'.repeat(1601) } });
    assert.equal(tooLong.body.errors[0].pointer, '/body');
    const sender = await t.api.post('/v1/messages', {
      key,
      body: { to: '+4915112345678', from: 'ThisIsTooLongASender', body: 'x' },
    });
    assert.equal(sender.body.errors[0].pointer, '/from');
  });

  it('answers a batch item by item, in order, with pointers into the batch', async () => {
    const res = await t.api.post('/v1/messages/batch', {
      key,
      body: {
        messages: [
          { to: '+4915112345678', body: 'one' },
          { to: 'nope', body: 'two' },
          { to: '+33612345678', body: 'three', priority: 'urgent' },
          { to: '+33612345678', body: 'four' },
        ],
      },
    });
    assert.equal(res.status, 202);
    assert.equal(res.body.data.length, 4);
    assert.equal(res.body.data[0].status, 'queued');
    assert.equal(res.body.data[1].error.errors[0].pointer, '/messages/1/to');
    assert.equal(res.body.data[2].error.errors[0].pointer, '/messages/2/priority');
    assert.equal(res.body.data[3].status, 'queued');
    const tooMany = await t.api.post('/v1/messages/batch', {
      key,
      body: { messages: Array.from({ length: 1001 }, () => ({ to: '+4915112345678', body: 'x' })) },
    });
    assert.equal(tooMany.status, 422);
  });

  it('replays a send with the same Idempotency-Key instead of sending twice', async () => {
    const headers = { 'idempotency-key': 'order-4711-confirmation' };
    const first = await t.api.post('/v1/messages', {
      key,
      headers,
      body: { to: '+4915112345678', body: 'Order 4711 confirmed' },
    });
    const second = await t.api.post('/v1/messages', {
      key,
      headers,
      body: { to: '+4915112345678', body: 'Order 4711 confirmed' },
    });
    assert.equal(second.body.id, first.body.id);
    const [{ n }] = (await t.platform.ctx
      .sql`select count(*)::int as n from messages where account_id = ${t.boot.accountId} and id = ${first.body.id}`) as unknown as [
      { n: number },
    ];
    assert.equal(n, 1);
  });

  it('schedules a message for later and lets it be canceled', async () => {
    const at = new Date(Date.now() + 3600_000).toISOString();
    const res = await t.api.post('/v1/messages', {
      key,
      body: { to: '+4915112345678', body: 'later', scheduledAt: at },
    });
    assert.equal(res.body.status, 'scheduled');
    const canceled = await t.api.post(`/v1/messages/${res.body.id}/cancel`, { key });
    assert.equal(canceled.status, 200);
    assert.equal(canceled.body.status, 'canceled');
    const again = await t.api.post(`/v1/messages/${res.body.id}/cancel`, { key });
    assert.equal(again.status, 409);
    const detail = await t.api.get(`/v1/messages/${res.body.id}`, { key });
    assert.deepEqual(
      detail.body.events.map((e: { status: string }) => e.status),
      ['scheduled', 'canceled'],
    );
  });

  it('refuses a validUntil in the past', async () => {
    const res = await t.api.post('/v1/messages', {
      key,
      body: { to: '+4915112345678', body: 'x', validUntil: '2020-01-01T00:00:00Z' },
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].pointer, '/validUntil');
  });

  it("lists newest first with filters and cursors, and never shows another account's messages", async () => {
    for (let i = 0; i < 3; i++)
      await t.api.post('/v1/messages', { key: otherKey, body: { to: '+447911123456', body: `other ${i}` } });
    const mine = await t.api.get('/v1/messages?limit=2&to=%2B4915112345678', { key });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.data.length, 2);
    assert.ok(mine.body.data[0].id > mine.body.data[1].id, 'newest first');
    assert.ok(mine.body.data.every((m: { to: string }) => m.to === '+4915112345678'));
    const next = await t.api.get(`/v1/messages?limit=2&to=%2B4915112345678&cursor=${mine.body.nextCursor}`, { key });
    assert.ok(next.body.data.every((m: { id: string }) => m.id < mine.body.data[1].id));
    const theirs = await t.api.get('/v1/messages?limit=1000', { key: otherKey });
    assert.equal(theirs.body.data.length, 3);
    const foreign = await t.api.get(`/v1/messages/${mine.body.data[0].id}`, { key: otherKey });
    assert.equal(foreign.status, 404);
    assert.equal((await t.api.post(`/v1/messages/${mine.body.data[0].id}/cancel`, { key: otherKey })).status, 404);
  });

  it('rejects a message from a sender name that is not on the account allow-list, and records why', async () => {
    const acc = await t.api.post('/v1/admin/accounts', {
      key: t.boot.adminApiKey,
      body: { name: 'Allow', status: 'active' },
    });
    await t.platform.ctx
      .sql`update accounts set settings = settings || '{"senderAllowList": ["ACME"]}'::jsonb where id = ${acc.body.id}`;
    const k = (
      await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, { key: t.boot.adminApiKey, body: { name: 'a' } })
    ).body.secret;
    const ok = await t.api.post('/v1/messages', { key: k, body: { to: '+4915112345678', from: 'ACME', body: 'x' } });
    assert.equal(ok.status, 202);
    const refused = await t.api.post('/v1/messages', {
      key: k,
      body: { to: '+4915112345678', from: 'EVIL', body: 'x' },
    });
    assert.equal(refused.status, 202);
    assert.deepEqual([refused.body.status, refused.body.error.code], ['rejected', 'sender_not_allowed']);
    assert.match(refused.body.error.detail, /allow-list/);
  });

  it('warns that the platform sender is used when neither the message nor the account has one, single and batch', async () => {
    // `otherKey`'s account has no number and no default sender.
    const single = await t.api.post('/v1/messages', {
      key: otherKey,
      body: { to: '+4915112345678', body: 'no sender' },
    });
    assert.equal(single.status, 202);
    assert.equal(single.body.from, null);
    assert.deepEqual(
      single.body.warnings.map((w: { code: string }) => w.code),
      ['default_sender_used'],
    );
    assert.match(single.body.warnings[0].detail, /no from was given/);
    const named = await t.api.post('/v1/messages', {
      key: otherKey,
      body: { to: '+4915112345678', from: 'ACME', body: 'named' },
    });
    assert.equal(named.status, 202);
    assert.equal(named.body.warnings, undefined, 'a from of its own: no warning');
    const batch = await t.api.post('/v1/messages/batch', {
      key: otherKey,
      body: {
        messages: [
          { to: '+4915112345678', body: 'no sender' },
          { to: '+4915112345678', from: 'ACME', body: 'named' },
        ],
      },
    });
    assert.equal(batch.status, 202);
    assert.equal(batch.body.data[0].warnings[0].code, 'default_sender_used');
    assert.equal(batch.body.data[1].warnings, undefined);
    const house = await t.api.post('/v1/messages', { key, body: { to: '+4915112345678', body: 'house' } });
    assert.equal(house.body.from, t.boot.sandboxNumber);
    assert.equal(house.body.warnings, undefined, 'the account default sender: no warning');
    const read = await t.api.get(`/v1/messages/${single.body.id}`, { key: otherKey });
    assert.equal(read.body.warnings, undefined, 'the warning belongs to the answer, not to the stored message');
  });

  it('refuses live keys of a suspended account with 403 and creates nothing', async () => {
    const acc = await t.api.post('/v1/admin/accounts', {
      key: t.boot.adminApiKey,
      body: { name: 'Susp', status: 'active' },
    });
    const live = (
      await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, { key: t.boot.adminApiKey, body: { name: 'l' } })
    ).body.secret;
    const testKey = (
      await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, {
        key: t.boot.adminApiKey,
        body: { name: 't', mode: 'test' },
      })
    ).body.secret;
    await t.api.post(`/v1/admin/accounts/${acc.body.id}/suspend`, { key: t.boot.adminApiKey });
    const res = await t.api.post('/v1/messages', { key: live, body: { to: '+4915112345678', body: 'x' } });
    assert.equal(res.status, 403);
    assert.equal(res.body.type, 'https://cx-engage.dev/problems/account-suspended');
    const batch = await t.api.post('/v1/messages/batch', {
      key: live,
      body: { messages: [{ to: '+4915112345678', body: 'x' }] },
    });
    assert.equal(batch.status, 403);
    assert.equal(
      (await t.api.post('/v1/messages', { key: testKey, body: { to: '+4915112345678', body: 'x' } })).status,
      202,
      'test keys still reach the sandbox',
    );
    const [{ n }] = (await t.platform.ctx
      .sql`select count(*)::int as n from messages where account_id = ${acc.body.id} and key_mode = 'live'`) as unknown as [
      { n: number },
    ];
    assert.equal(n, 0);
  });
});
