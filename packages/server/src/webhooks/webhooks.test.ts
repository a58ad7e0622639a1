// Webhooks end to end on a real platform: endpoints, signed deliveries of real message events
// (verified with the official `standardwebhooks` library), callbackUrls, rotation, 410, the
// deliveries API and replay.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { startReceiver, type Receiver, type Received } from '../../test/receiver.ts';
import { send, waitFor, waitForBound } from '../../test/messages.ts';

describe('webhooks', () => {
  let t: TestPlatform;
  let key: string;
  const receivers: Receiver[] = [];
  before(async () => {
    t = await startTestPlatform();
    key = t.boot.apiKey;
    await waitForBound(t);
  });
  after(async () => {
    for (const r of receivers) await r.close();
    await t.close();
  });

  async function receiver(): Promise<Receiver> {
    const r = await startReceiver();
    receivers.push(r);
    return r;
  }
  async function endpoint(url: string, events: string[] = ['*']): Promise<{ id: string; secret: string }> {
    const res = await t.api.post('/v1/webhook-endpoints', { key, body: { url, events } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  const _typesOf = (rs: Received[]) => rs.map((r) => JSON.parse(r.body).type as string);
  const verify = (secret: string, r: Received) =>
    new Webhook(secret).verify(r.body, r.headers) as { type: string; data: Record<string, unknown> };

  it('creates endpoints with a secret shown once, and refuses unknown event types and bad URLs by field', async () => {
    const r = await receiver();
    const created = await t.api.post('/v1/webhook-endpoints', {
      key,
      body: { url: r.url, events: ['message.delivered'], description: 'CRM' },
    });
    assert.equal(created.status, 201);
    assert.match(created.body.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.match(created.body.id, /^whk_/);
    const got = await t.api.get(`/v1/webhook-endpoints/${created.body.id}`, { key });
    assert.equal(got.body.secret, undefined, 'never shown again');
    assert.deepEqual(got.body.events, ['message.delivered']);

    const badType = await t.api.post('/v1/webhook-endpoints', {
      key,
      body: { url: r.url, events: ['message.delivered', 'message.teleported'] },
    });
    assert.equal(badType.status, 422);
    assert.equal(badType.body.errors[0].pointer, '/events/1');
    const badUrl = await t.api.post('/v1/webhook-endpoints', { key, body: { url: 'ftp://example.com/x' } });
    assert.equal(badUrl.status, 422);
    assert.equal(badUrl.body.errors[0].pointer, '/url');

    const patched = await t.api.patch(`/v1/webhook-endpoints/${created.body.id}`, { key, body: { enabled: false } });
    assert.deepEqual([patched.body.enabled, patched.body.disabledReason], [false, 'manual']);
    assert.equal((await t.api.delete(`/v1/webhook-endpoints/${created.body.id}`, { key })).status, 204);
    assert.equal((await t.api.get(`/v1/webhook-endpoints/${created.body.id}`, { key })).status, 404);
  });

  it("delivers every status of a real message, signed so the official library verifies it, with the message's snapshot and sequence", async () => {
    const r = await receiver();
    const ep = await endpoint(r.url, ['message.queued', 'message.sent', 'message.delivered']);
    const m = await send(t, key, { to: '+14155550123', body: 'webhook me' });
    const got = await waitFor(async () => {
      const mine = r.received.filter((x) => JSON.parse(x.body).data.id === m.id);
      return mine.length >= 3 ? mine : undefined;
    }, 'three deliveries');
    const events = got.map((x) => verify(ep.secret, x));
    assert.deepEqual(events.map((e) => e.type).sort(), ['message.delivered', 'message.queued', 'message.sent']);
    const delivered = events.find((e) => e.type === 'message.delivered')!;
    assert.equal(delivered.data.body, 'webhook me', 'content is built at delivery time');
    assert.equal(typeof delivered.data.sequence, 'number');
    const seq = (type: string) => events.find((e) => e.type === type)!.data.sequence as number;
    assert.ok(
      seq('message.queued') < seq('message.sent') && seq('message.sent') < seq('message.delivered'),
      'sequence orders the events',
    );
    for (const x of got) assert.match(x.headers['webhook-id']!, /^evt_/);
    await t.api.delete(`/v1/webhook-endpoints/${ep.id}`, { key });
  });

  it("signs per-message callbackUrl deliveries with the account's default secret, shown once", async () => {
    const r = await receiver();
    const first = await t.api.get('/v1/webhook-secret', { key });
    assert.match(first.body.secret, /^whsec_/);
    assert.equal((await t.api.get('/v1/webhook-secret', { key })).body.secret, null, 'read once');
    const m = await send(t, key, { to: '+14155550124', body: 'call me back', callbackUrl: r.url });
    const x = await waitFor(
      async () => r.received.find((d) => JSON.parse(d.body).type === 'message.delivered'),
      'the delivered callback',
    );
    assert.equal(verify(first.body.secret, x).data.id, m.id);
  });

  it('signs with both secrets for 24 hours after a rotation', async () => {
    const r = await receiver();
    const ep = await endpoint(r.url, ['message.queued']);
    const rotated = await t.api.post(`/v1/webhook-endpoints/${ep.id}/rotate-secret`, { key });
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.body.secret, ep.secret);
    assert.ok(Date.parse(rotated.body.previousSecretExpiresAt) - Date.now() > 23 * 3600_000);
    await send(t, key, { to: '+14155550125', body: 'rotation' });
    const x = await waitFor(async () => r.received[0], 'a delivery');
    assert.equal(x.headers['webhook-signature']!.split(' ').length, 2);
    verify(ep.secret, x);
    verify(rotated.body.secret, x);
    assert.throws(() => verify('whsec_' + Buffer.alloc(32, 1).toString('base64'), x), 'a third secret does not verify');
    await t.api.delete(`/v1/webhook-endpoints/${ep.id}`, { key });
  });

  it('disables an endpoint that answers 410 and tells the account by event and email', async () => {
    const r = await receiver();
    r.answer = () => ({ status: 410 });
    const watcher = await receiver();
    await endpoint(watcher.url, ['webhook_endpoint.disabled']);
    const ep = await endpoint(r.url, ['message.queued']);
    await send(t, key, { to: '+14155550126', body: 'gone' });
    const disabled = await waitFor(async () => {
      const e = await t.api.get(`/v1/webhook-endpoints/${ep.id}`, { key });
      return e.body.enabled === false ? e.body : undefined;
    }, 'the endpoint to be disabled');
    assert.equal(disabled.disabledReason, 'gone');
    const note = await waitFor(
      async () => watcher.received.find((x) => JSON.parse(x.body).data.id === ep.id),
      'the disabled event',
    );
    assert.equal(JSON.parse(note.body).data.disabledReason, 'gone');
    const emails = await t.api.get('/v1/sandbox/emails', { key });
    assert.ok(
      emails.body.data.some(
        (e: { subject: string; text: string }) => e.subject.includes('disabled') && e.text.includes(ep.id),
      ),
    );
    const dels = await t.api.get(`/v1/webhook-deliveries?endpointId=${ep.id}`, { key });
    assert.equal(dels.body.data[0].status, 'dead');
    assert.equal(dels.body.data[0].attempts[0].statusCode, 410);

    // Nothing more goes to it while disabled; enabling it again resumes.
    await send(t, key, { to: '+14155550127', body: 'while disabled' });
    r.answer = () => ({ status: 200, body: 'ok' });
    const before = r.received.length;
    await t.api.patch(`/v1/webhook-endpoints/${ep.id}`, { key, body: { enabled: true } });
    await send(t, key, { to: '+14155550128', body: 'enabled again' });
    await waitFor(async () => (r.received.length > before ? true : undefined), 'a delivery after re-enabling');
  });

  it('lists deliveries with their attempts and filters, retries one with the same webhook-id, and replays a time range', async () => {
    const r = await receiver();
    let fail = true;
    r.answer = () => (fail ? { status: 500, body: 'x'.repeat(10_000) } : { status: 200 });
    const start = new Date(Date.now() - 1000).toISOString();
    const ep = await endpoint(r.url, ['message.queued']);
    const m = await send(t, key, { to: '+14155550129', body: 'listed' });
    const failed = await waitFor(async () => {
      const res = await t.api.get(
        `/v1/webhook-deliveries?endpointId=${ep.id}&eventType=message.queued&status=pending`,
        { key },
      );
      return res.body.data.find((d: { attempts: unknown[] }) => d.attempts.length === 1);
    }, 'a failed first attempt');
    assert.equal(failed.attempts[0].statusCode, 500);
    assert.equal(failed.attempts[0].responseBody.length, 4096, 'the answer is kept truncated to 4 KiB');
    assert.ok(Date.parse(failed.nextAttemptAt) - Date.now() < 30_000, 'the first retry comes within 30 s');

    fail = false;
    const retried = await t.api.post(`/v1/webhook-deliveries/${failed.id}/retry`, { key });
    assert.equal(retried.status, 202);
    const done = await waitFor(async () => {
      const d = await t.api.get(`/v1/webhook-deliveries/${failed.id}`, { key });
      return d.body.status === 'delivered' ? d.body : undefined;
    }, 'the retried delivery');
    assert.equal(done.attempts.length, 2);
    assert.equal(
      r.received[0]!.headers['webhook-id'],
      r.received[1]!.headers['webhook-id'],
      'same webhook-id on every attempt',
    );
    assert.equal(
      (await t.api.post('/v1/webhook-deliveries/del_00000000000000000000000000/retry', { key })).status,
      404,
    );

    const replay = await t.api.post(`/v1/webhook-endpoints/${ep.id}/replay`, {
      key,
      body: { from: start, to: new Date().toISOString() },
    });
    assert.equal(replay.status, 202);
    assert.ok(replay.body.deliveries >= 1);
    await waitFor(
      async () => (r.received.filter((x) => JSON.parse(x.body).data.id === m.id).length >= 3 ? true : undefined),
      'the replayed event',
    );
    const bad = await t.api.post(`/v1/webhook-endpoints/${ep.id}/replay`, {
      key,
      body: { from: new Date().toISOString(), to: start },
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].pointer, '/to');
  });

  it("keeps each account's endpoints and deliveries to itself", async () => {
    const other = await t.api.post('/v1/admin/accounts', {
      key: t.boot.adminApiKey,
      body: { name: 'Other', status: 'active' },
    });
    const otherKey = (
      await t.api.post(`/v1/admin/accounts/${other.body.id}/api-keys`, {
        key: t.boot.adminApiKey,
        body: { name: 'k', scopes: ['webhooks:manage'] },
      })
    ).body.secret;
    const r = await receiver();
    const ep = await endpoint(r.url);
    assert.equal((await t.api.get(`/v1/webhook-endpoints/${ep.id}`, { key: otherKey })).status, 404);
    assert.equal((await t.api.get('/v1/webhook-endpoints', { key: otherKey })).body.data.length, 0);
    assert.equal((await t.api.get('/v1/webhook-deliveries', { key: otherKey })).body.data.length, 0);
  });
});
