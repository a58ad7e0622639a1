// What a test key may do, route by route over real HTTP. The routes come from the running app
// (its OpenAPI document and the permission table the auth hook refuses to start without), so a
// new route is covered the day it is added: refused to test keys unless the table opens it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { permissionFor, ROUTE_PERMISSIONS } from '../http/permissions.ts';

// Opening a route to test keys is a decision: it must be made here as well as in the table.
const OPEN_TO_TEST_KEYS: Record<string, 'allowed' | 'test-objects'> = {
  'GET /v1/account': 'allowed',
  'GET /v1/numbers': 'allowed',
  'GET /v1/whatsapp/templates': 'allowed',
  'POST /v1/messages': 'test-objects',
  'POST /v1/messages/batch': 'test-objects',
  'GET /v1/messages': 'test-objects',
  'GET /v1/messages/:messageId': 'test-objects',
  'POST /v1/messages/:messageId/cancel': 'test-objects',
  'POST /v1/sandbox/inbound': 'test-objects',
  'POST /v1/webhook-endpoints': 'test-objects',
  'GET /v1/webhook-endpoints': 'test-objects',
  'GET /v1/webhook-endpoints/:endpointId': 'test-objects',
  'PATCH /v1/webhook-endpoints/:endpointId': 'test-objects',
  'DELETE /v1/webhook-endpoints/:endpointId': 'test-objects',
  'POST /v1/webhook-endpoints/:endpointId/rotate-secret': 'test-objects',
  'POST /v1/webhook-endpoints/:endpointId/replay': 'test-objects',
  'GET /v1/webhook-deliveries': 'test-objects',
  'GET /v1/webhook-deliveries/:deliveryId': 'test-objects',
  'POST /v1/webhook-deliveries/:deliveryId/retry': 'test-objects',
};

const FORBIDDEN_TYPE = 'https://cx-engage.dev/problems/test-key-forbidden';

/** Every route the app serves, as "METHOD /path/:param", from its OpenAPI document and the table. */
async function servedRoutes(t: TestPlatform): Promise<string[]> {
  const doc = (await t.api.get('/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
  return [...new Set([...fromDoc, ...Object.keys(ROUTE_PERMISSIONS)])].sort();
}

describe('test keys', () => {
  let t: TestPlatform;
  let routes: string[];
  const sql = () => t.platform.ctx.sql;

  before(async () => {
    t = await startTestPlatform();
    routes = await servedRoutes(t);
  });
  after(() => t.close());

  it('every served route has a permission entry, and exactly the listed ones are open to test keys', () => {
    const open: Record<string, string> = {};
    for (const route of routes) {
      const [method, url] = route.split(' ') as [string, string];
      const permission = permissionFor(method, url);
      assert.ok(permission, `${route} is served but has no entry in http/permissions.ts`);
      if (permission.testKeys) open[route] = permission.testKeys;
    }
    assert.deepEqual(open, OPEN_TO_TEST_KEYS);
  });

  it('covers every route of the API', () => {
    // Guards the loop below against an empty or truncated route list.
    assert.ok(routes.length > 150, `only ${routes.length} routes found`);
    for (const route of Object.keys(OPEN_TO_TEST_KEYS)) assert.ok(routes.includes(route), `${route} is not served`);
  });

  describe('refused routes answer 403 test-key-forbidden to the bootstrap test key', () => {
    // Registered at load time from the table; servedRoutes() adds nothing the table lacks
    // (the first test fails if it would).
    const refused = Object.entries(ROUTE_PERMISSIONS)
      .filter(([, p]) => p.scope !== 'public' && !p.testKeys)
      .map(([r]) => r);
    for (const route of refused) {
      const [method, url] = route.split(' ') as [string, string];
      it(route, async () => {
        const path = url.replace(/:(\w+)/g, (_m, name: string) => `${name}_x`);
        const body = method === 'GET' || method === 'DELETE' ? undefined : {};
        const res = await t.api.request(method, path, { key: t.boot.testApiKey, body });
        assert.equal(res.status, 403, `${route} answered ${res.status}: ${JSON.stringify(res.body)}`);
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.equal(res.body.type, FORBIDDEN_TYPE);
        assert.equal(res.body.status, 403);
      });
    }
  });

  it('cannot mint a live key or invite a user, and nothing is created', async () => {
    const keysBefore = (await t.api.get('/v1/api-keys', { key: t.boot.apiKey })).body.data.length;
    const mint = await t.api.post('/v1/api-keys', { key: t.boot.testApiKey, body: { name: 'x', mode: 'live' } });
    assert.equal(mint.status, 403);
    assert.equal(mint.body.type, FORBIDDEN_TYPE);
    assert.equal((await t.api.get('/v1/api-keys', { key: t.boot.apiKey })).body.data.length, keysBefore);

    const invite = await t.api.post('/v1/users/invitations', {
      key: t.boot.testApiKey,
      body: { email: 'evil@example.com', role: 'owner' },
    });
    assert.equal(invite.status, 403);
    const [{ n }] =
      (await sql()`select count(*)::int as n from user_invitations where email = 'evil@example.com'`) as unknown as [
        { n: number },
      ];
    assert.equal(n, 0);
  });

  it('reads the harmless account-level routes it is allowed', async () => {
    for (const path of ['/v1/account', '/v1/numbers', '/v1/whatsapp/templates']) {
      const res = await t.api.get(path, { key: t.boot.testApiKey });
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
    }
  });

  describe('messages: a test key sees and creates test-mode messages only', () => {
    const later = () => new Date(Date.now() + 3_600_000).toISOString();
    let liveId: string;
    let testId: string;

    before(async () => {
      // Scheduled, so both stay cancelable while the tests run.
      const live = await t.api.post('/v1/messages', {
        key: t.boot.apiKey,
        body: { to: '+4915112345678', body: 'live', scheduledAt: later() },
      });
      const test = await t.api.post('/v1/messages', {
        key: t.boot.testApiKey,
        body: { to: '+4915112345678', body: 'test', scheduledAt: later() },
      });
      assert.equal(live.status, 202, JSON.stringify(live.body));
      assert.equal(test.status, 202, JSON.stringify(test.body));
      liveId = live.body.id;
      testId = test.body.id;
    });

    it('creates test-mode messages, one by one and in batches', async () => {
      const batch = await t.api.post('/v1/messages/batch', {
        key: t.boot.testApiKey,
        body: { messages: [{ to: '+4915112345679', body: 'b' }] },
      });
      assert.equal(batch.status, 202);
      const ids = [testId, batch.body.data[0].id as string];
      const rows = await sql()<
        { keyMode: string }[]
      >`select key_mode as "keyMode" from messages where id = any(${ids})`;
      assert.deepEqual(
        rows.map((r) => r.keyMode),
        ['test', 'test'],
      );
    });

    it('GET /v1/messages never lists a live message to a test key; a live key still sees both', async () => {
      const asTest = await t.api.get('/v1/messages?limit=1000', { key: t.boot.testApiKey });
      assert.equal(asTest.status, 200);
      const ids = asTest.body.data.map((m: { id: string }) => m.id);
      assert.ok(ids.includes(testId));
      const modes = await sql()<
        { keyMode: string }[]
      >`select distinct key_mode as "keyMode" from messages where id = any(${ids})`;
      assert.deepEqual(
        modes.map((r) => r.keyMode),
        ['test'],
      );

      const asLive = (await t.api.get('/v1/messages?limit=1000', { key: t.boot.apiKey })).body.data.map(
        (m: { id: string }) => m.id,
      );
      assert.ok(asLive.includes(liveId) && asLive.includes(testId));
    });

    it('a live message is not found for a test key, and cannot be canceled by it', async () => {
      const get = await t.api.get(`/v1/messages/${liveId}`, { key: t.boot.testApiKey });
      assert.equal(get.status, 404);
      assert.equal(get.body.type, 'https://cx-engage.dev/problems/not-found');
      const cancel = await t.api.post(`/v1/messages/${liveId}/cancel`, { key: t.boot.testApiKey });
      assert.equal(cancel.status, 404);
      assert.equal((await t.api.get(`/v1/messages/${liveId}`, { key: t.boot.apiKey })).body.status, 'scheduled');
    });

    it('a test key reads and cancels its own test messages', async () => {
      assert.equal((await t.api.get(`/v1/messages/${testId}`, { key: t.boot.testApiKey })).status, 200);
      const cancel = await t.api.post(`/v1/messages/${testId}/cancel`, { key: t.boot.testApiKey });
      assert.equal(cancel.status, 200);
      assert.equal(cancel.body.status, 'canceled');
    });
  });
});
