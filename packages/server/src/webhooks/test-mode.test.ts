// Test-mode webhooks over real HTTP (CX Engage issue #17): a test key's endpoints are test
// endpoints, they hear only of test-mode objects, live endpoints never do, and a test key cannot
// see or touch a live endpoint or its deliveries.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { startReceiver, type Receiver, type Received } from '../../test/receiver.ts';
import { send, waitFor, waitForBound } from '../../test/messages.ts';

interface Endpoint {
  id: string;
  secret: string;
  mode: string;
}

describe('test-mode webhooks', () => {
  let t: TestPlatform;
  let live: string;
  let test: string;
  const receivers: Receiver[] = [];
  let liveHook: { r: Receiver; ep: Endpoint };
  let testHook: { r: Receiver; ep: Endpoint };

  async function hook(key: string, events: string[] = ['*']): Promise<{ r: Receiver; ep: Endpoint }> {
    const r = await startReceiver();
    receivers.push(r);
    const res = await t.api.post('/v1/webhook-endpoints', { key, body: { url: r.url, events } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { r, ep: res.body };
  }
  const about = (r: Receiver, messageId: string) => r.received.filter((x) => JSON.parse(x.body).data.id === messageId);
  const delivered = (r: Receiver, messageId: string): Promise<Received> =>
    waitFor(
      async () => about(r, messageId).find((x) => JSON.parse(x.body).type === 'message.delivered'),
      `message.delivered of ${messageId}`,
    );
  const eventIdsOf = async (messageId: string): Promise<string[]> =>
    (
      await t.platform.ctx.sql<
        { id: string }[]
      >`select id from events where account_id = ${t.boot.accountId} and object_id = ${messageId}`
    ).map((e) => e.id);
  const deliveryEventIds = async (key: string, endpointId: string): Promise<string[]> =>
    (await t.api.get(`/v1/webhook-deliveries?endpointId=${endpointId}&limit=1000`, { key })).body.data.map(
      (d: { eventId: string }) => d.eventId,
    );

  before(async () => {
    t = await startTestPlatform();
    live = t.boot.apiKey;
    test = t.boot.testApiKey;
    await waitForBound(t);
    liveHook = await hook(live);
    testHook = await hook(test);
  });
  after(async () => {
    for (const r of receivers) await r.close();
    await t.close();
  });

  it('creates a test endpoint with a test key and a live one with a live key; the test key lists only its own', async () => {
    assert.equal(testHook.ep.mode, 'test');
    assert.equal(liveHook.ep.mode, 'live');
    const asTest = await t.api.get('/v1/webhook-endpoints', { key: test });
    assert.deepEqual(
      asTest.body.data.map((e: { id: string }) => e.id),
      [testHook.ep.id],
    );
    const asLive = await t.api.get('/v1/webhook-endpoints', { key: live });
    assert.deepEqual(
      asLive.body.data.map((e: { id: string; mode: string }) => [e.id, e.mode]).sort(),
      [
        [liveHook.ep.id, 'live'],
        [testHook.ep.id, 'test'],
      ].sort(),
    );
  });

  it("sends a test message's signed message.delivered to the test endpoint only", async () => {
    const m = await send(t, test, { to: '+14155550140', body: 'test mode hook' });
    const x = await delivered(testHook.r, m.id);
    const event = new Webhook(testHook.ep.secret).verify(x.body, x.headers) as {
      type: string;
      data: { id: string; body: string };
    };
    assert.equal(event.data.id, m.id);
    assert.equal(event.data.body, 'test mode hook');
    // Deliveries are created with their event (one statement), so the live endpoint's list is final here.
    const events = await eventIdsOf(m.id);
    assert.ok(events.length >= 3, 'queued, sent, delivered');
    const liveEvents = await deliveryEventIds(live, liveHook.ep.id);
    assert.deepEqual(
      events.filter((id) => liveEvents.includes(id)),
      [],
      'no delivery to the live endpoint',
    );
    const testEvents = await deliveryEventIds(test, testHook.ep.id);
    assert.deepEqual(
      events.filter((id) => !testEvents.includes(id)),
      [],
      'every event to the test endpoint',
    );
    assert.deepEqual(about(liveHook.r, m.id), []);
  });

  it("sends a live message's events to the live endpoint only", async () => {
    const m = await send(t, live, { to: '+14155550141', body: 'live hook' });
    const x = await delivered(liveHook.r, m.id);
    assert.equal(JSON.parse(x.body).data.id, m.id);
    const events = await eventIdsOf(m.id);
    const testEvents = await deliveryEventIds(live, testHook.ep.id);
    assert.deepEqual(
      events.filter((id) => testEvents.includes(id)),
      [],
      'no delivery to the test endpoint',
    );
    assert.deepEqual(about(testHook.r, m.id), []);
  });

  it('answers 404 to a test key for a live endpoint and leaves it untouched', async () => {
    const id = liveHook.ep.id;
    const tries = [
      await t.api.get(`/v1/webhook-endpoints/${id}`, { key: test }),
      await t.api.patch(`/v1/webhook-endpoints/${id}`, { key: test, body: { enabled: false } }),
      await t.api.post(`/v1/webhook-endpoints/${id}/rotate-secret`, { key: test }),
      await t.api.post(`/v1/webhook-endpoints/${id}/replay`, {
        key: test,
        body: { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date().toISOString() },
      }),
      await t.api.delete(`/v1/webhook-endpoints/${id}`, { key: test }),
    ];
    for (const res of tries) {
      assert.equal(res.status, 404, JSON.stringify(res.body));
      assert.equal(res.body.type, 'https://cx-engage.dev/problems/not-found');
    }
    const still = await t.api.get(`/v1/webhook-endpoints/${id}`, { key: live });
    assert.deepEqual([still.status, still.body.enabled, still.body.previousSecretExpiresAt], [200, true, null]);
  });

  it("shows a test key only its test endpoints' deliveries, and 404 for a live one and its retry", async () => {
    const mine = (await t.api.get('/v1/webhook-deliveries?limit=1000', { key: test })).body.data as {
      id: string;
      endpointId: string;
    }[];
    assert.ok(mine.length > 0);
    assert.deepEqual([...new Set(mine.map((d) => d.endpointId))], [testHook.ep.id]);
    const filtered = await t.api.get(`/v1/webhook-deliveries?endpointId=${liveHook.ep.id}`, { key: test });
    assert.deepEqual(filtered.body.data, []);

    const liveDelivery = (await t.api.get(`/v1/webhook-deliveries?endpointId=${liveHook.ep.id}`, { key: live })).body
      .data[0] as { id: string };
    assert.equal((await t.api.get(`/v1/webhook-deliveries/${liveDelivery.id}`, { key: test })).status, 404);
    assert.equal((await t.api.post(`/v1/webhook-deliveries/${liveDelivery.id}/retry`, { key: test })).status, 404);
    assert.equal((await t.api.get(`/v1/webhook-deliveries/${mine[0]!.id}`, { key: test })).status, 200);
    assert.equal((await t.api.post(`/v1/webhook-deliveries/${mine[0]!.id}/retry`, { key: test })).status, 202);
  });

  it('replays only test-mode events to a test endpoint', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const { r, ep } = await hook(test, ['message.delivered']);
    const res = await t.api.post(`/v1/webhook-endpoints/${ep.id}/replay`, {
      key: test,
      body: { from, to: new Date().toISOString() },
    });
    assert.equal(res.status, 202);
    assert.equal(res.body.deliveries, 1, 'the one test message delivered so far');
    const x = await waitFor(async () => r.received[0], 'the replayed delivery');
    const rows = await t.platform.ctx.sql<{ keyMode: string }[]>`
      select key_mode as "keyMode" from messages where id = ${JSON.parse(x.body).data.id as string}`;
    assert.equal(rows[0]?.keyMode, 'test');
  });

  it('tells only the test endpoints when a test endpoint is disabled', async () => {
    const gone = await hook(test, ['message.queued']);
    gone.r.answer = () => ({ status: 410 });
    const testWatcher = await hook(test, ['webhook_endpoint.disabled']);
    const liveWatcher = await hook(live, ['webhook_endpoint.disabled']);
    await send(t, test, { to: '+14155550142', body: 'to a gone endpoint' });
    await waitFor(
      async () => testWatcher.r.received.find((x) => JSON.parse(x.body).data.id === gone.ep.id),
      'the disabled event',
    );
    assert.deepEqual(await deliveryEventIds(live, liveWatcher.ep.id), []);
  });
});
