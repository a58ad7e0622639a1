// REST conventions every route shares: problem documents, request ids, rate limits,
// Idempotency-Key, and the public operational endpoints.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { buildApp } from '../app.ts';

describe('REST conventions', () => {
  let t: TestPlatform;
  let key: string;
  let accountId: string;
  before(async () => {
    t = await startTestPlatform();
    accountId = (
      await t.api.post('/v1/admin/accounts', { key: t.boot.adminApiKey, body: { name: 'Conv', status: 'active' } })
    ).body.id;
    key = (
      await t.api.post(`/v1/admin/accounts/${accountId}/api-keys`, { key: t.boot.adminApiKey, body: { name: 'k' } })
    ).body.secret;
  });
  after(() => t.close());

  it('answers malformed JSON with 400, a wrong media type with 415, an oversized body with 413', async () => {
    const broken = await t.api.post('/v1/api-keys', { key, raw: '{"name": ' });
    assert.equal(broken.status, 400);
    assert.equal(broken.body.type, 'https://cx-engage.dev/problems/invalid-json');
    const text = await t.api.post('/v1/api-keys', { key, raw: 'name=x', headers: { 'content-type': 'text/plain' } });
    assert.equal(text.status, 415);
    const huge = await t.api.post('/v1/api-keys', { key, raw: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }) });
    assert.equal(huge.status, 413);
    for (const res of [broken, text, huge]) {
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.ok(!JSON.stringify(res.body).includes('at '), 'no stack trace');
    }
  });

  it('names the query parameter that is out of range', async () => {
    const res = await t.api.get('/v1/api-keys?limit=5000', { key });
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].pointer, '/querystring/limit');
    const cursor = await t.api.get('/v1/api-keys?cursor=garbage', { key });
    assert.equal(cursor.status, 400);
  });

  it('answers unknown routes with a 404 problem and echoes a request id', async () => {
    const res = await t.api.get('/v1/nothing-here', { key });
    assert.equal(res.status, 404);
    assert.equal(res.body.status, 404);
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('limits requests per key with 429 and Retry-After', async () => {
    await t.api.patch(`/v1/admin/accounts/${accountId}`, {
      key: t.boot.adminApiKey,
      body: { rateLimits: { perKey: 3, perAccount: 1000 } },
    });
    const results = await Promise.all(Array.from({ length: 12 }, () => t.api.get('/v1/account', { key })));
    const limited = results.filter((r) => r.status === 429);
    // 12 requests span at most two one-second windows, so at most 6 can pass.
    assert.ok(limited.length >= 6, `expected at least 6 refusals, got ${limited.length}`);
    assert.equal(limited[0]!.headers.get('retry-after'), '1');
    assert.equal(limited[0]!.body.type, 'https://cx-engage.dev/problems/rate-limited');
    await t.api.patch(`/v1/admin/accounts/${accountId}`, {
      key: t.boot.adminApiKey,
      body: { rateLimits: { perKey: 200, perAccount: 1000 } },
    });
  });

  it('limits requests per account across its keys', async () => {
    const acc = (
      await t.api.post('/v1/admin/accounts', {
        key: t.boot.adminApiKey,
        body: { name: 'Shared', status: 'active', rateLimits: { perKey: 100, perAccount: 4 } },
      })
    ).body.id;
    const k1 = (
      await t.api.post(`/v1/admin/accounts/${acc}/api-keys`, { key: t.boot.adminApiKey, body: { name: 'a' } })
    ).body.secret;
    const k2 = (
      await t.api.post(`/v1/admin/accounts/${acc}/api-keys`, { key: t.boot.adminApiKey, body: { name: 'b' } })
    ).body.secret;
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => t.api.get('/v1/account', { key: i % 2 ? k1 : k2 })),
    );
    const passed = results.filter((r) => r.status === 200).length;
    assert.ok(passed <= 8, `at most 8 pass in two windows, got ${passed}`);
    // The house account has no limit at all.
    const house = await Promise.all(Array.from({ length: 30 }, () => t.api.get('/v1/account', { key: t.boot.apiKey })));
    assert.ok(house.every((r) => r.status === 200));
  });

  it('replays the first response for a repeated Idempotency-Key and refuses a different body', async () => {
    const headers = { 'idempotency-key': 'create-ci-key-1' };
    const first = await t.api.post('/v1/api-keys', { key, headers, body: { name: 'ci' } });
    assert.equal(first.status, 201);
    const again = await t.api.post('/v1/api-keys', { key, headers, body: { name: 'ci' } });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.body.secret, first.body.secret);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const count = await t.platform.ctx
      .sql`select count(*)::int as n from api_keys where account_id = ${accountId} and name = 'ci'`;
    assert.equal(count[0]!.n, 1, 'created once');
    const other = await t.api.post('/v1/api-keys', { key, headers, body: { name: 'different' } });
    assert.equal(other.status, 422);
    assert.equal(other.body.type, 'https://cx-engage.dev/problems/idempotency-key-reused');
  });

  it('answers 409 while the first request with a key is still running, and keys are per account', async () => {
    await t.platform.ctx.sql`
      insert into idempotency_keys (account_id, key, method, path, request_hash, created_at)
      values (${accountId}, 'busy', 'POST', '/v1/api-keys', '\\x00', now())`;
    const res = await t.api.post('/v1/api-keys', { key, headers: { 'idempotency-key': 'busy' }, body: { name: 'x' } });
    assert.equal(res.status, 409);
    assert.equal(res.body.type, 'https://cx-engage.dev/problems/idempotency-in-flight');
    const houseSameKey = await t.api.post('/v1/api-keys', {
      key: t.boot.apiKey,
      headers: { 'idempotency-key': 'busy' },
      body: { name: 'x' },
    });
    assert.equal(houseSameKey.status, 201, 'another account may use the same key string');
  });

  it('does not remember validation failures as the answer to a corrected retry', async () => {
    const headers = { 'idempotency-key': 'fix-and-retry' };
    const bad = await t.api.post('/v1/api-keys', { key, headers, body: { name: '' } });
    assert.equal(bad.status, 422);
    const fixed = await t.api.post('/v1/api-keys', { key, headers, body: { name: 'fixed' } });
    assert.equal(fixed.status, 201);
  });

  it('serves health, readiness, metrics and the OpenAPI document without a key', async () => {
    assert.deepEqual((await t.api.get('/healthz')).body, { status: 'ok' });
    assert.deepEqual((await t.api.get('/readyz')).body, { status: 'ready' });
    const metrics = await t.api.get('/metrics');
    assert.equal(metrics.status, 200);
    assert.match(metrics.body, /cx_http_request_duration_seconds_bucket/);
    const doc = await t.api.get('/v1/openapi.json');
    assert.equal(doc.body.openapi, '3.1.0');
    assert.ok(doc.body.paths['/v1/api-keys'].post.requestBody);
    assert.ok(doc.body.paths['/v1/admin/accounts/{accountId}/board']);
    assert.equal((await t.api.get('/docs')).status < 400, true);
  });

  it('is not ready while the process is still starting (before the house account and bootstrap.json exist)', async () => {
    let started = false;
    const app = await buildApp(t.platform.ctx, { started: () => started });
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const early = await fetch(`${url}/readyz`);
      assert.equal(early.status, 503);
      assert.equal(((await early.json()) as { detail: string }).detail, 'still starting');
      assert.equal((await fetch(`${url}/healthz`)).status, 200, 'alive all the same');
      started = true;
      assert.equal((await fetch(`${url}/readyz`)).status, 200);
    } finally {
      await app.close();
    }
  });
});
