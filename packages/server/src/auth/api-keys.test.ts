import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';

describe('API keys', () => {
  let t: TestPlatform;
  let clientKey: string;
  let accountId: string;

  before(async () => {
    t = await startTestPlatform();
    const acc = await t.api.post('/v1/admin/accounts', {
      key: t.boot.adminApiKey,
      body: { name: 'Keys Inc', status: 'active' },
    });
    accountId = acc.body.id;
    const key = await t.api.post(`/v1/admin/accounts/${accountId}/api-keys`, {
      key: t.boot.adminApiKey,
      body: { name: 'owner' },
    });
    clientKey = key.body.secret;
  });
  after(() => t.close());

  it('shows a new key once, with its prefix, and never again', async () => {
    const created = await t.api.post('/v1/api-keys', {
      key: clientKey,
      body: { name: 'ci', mode: 'test', scopes: ['messages:read'] },
    });
    assert.equal(created.status, 201);
    assert.match(created.body.secret, /^cxk_test_[A-Za-z0-9_-]{32}$/);
    assert.equal(created.body.hint, created.body.secret.slice(-4));
    assert.deepEqual(created.body.scopes, ['messages:read']);
    const fetched = await t.api.get(`/v1/api-keys/${created.body.id}`, { key: clientKey });
    assert.equal(fetched.status, 200);
    assert.equal(fetched.body.secret, undefined);
    const listed = await t.api.get('/v1/api-keys', { key: clientKey });
    assert.ok(listed.body.data.every((k: { secret?: string }) => k.secret === undefined));
    const [stored] = await t.platform.ctx.sql`select key_hash from api_keys where id = ${created.body.id}`;
    assert.ok(
      !Buffer.from(stored!.key_hash).toString('utf8').includes(created.body.secret.slice(9)),
      'only a hash is stored',
    );
  });

  it('gives new keys every client scope the issuer holds by default, never operator scopes', async () => {
    const created = await t.api.post('/v1/api-keys', { key: clientKey, body: { name: 'default' } });
    assert.equal(created.status, 201);
    assert.equal(created.body.mode, 'live');
    assert.ok(created.body.scopes.includes('messages:write'));
    assert.ok(!created.body.scopes.some((s: string) => s.startsWith('platform:')));
  });

  it('refuses to grant a scope the calling key does not hold, or an unknown one, naming the field', async () => {
    const narrow = (
      await t.api.post('/v1/api-keys', { key: clientKey, body: { name: 'narrow', scopes: ['keys:manage'] } })
    ).body.secret;
    const escalate = await t.api.post('/v1/api-keys', {
      key: narrow,
      body: { name: 'x', scopes: ['keys:manage', 'messages:write'] },
    });
    assert.equal(escalate.status, 422);
    assert.deepEqual(
      escalate.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/scopes/1'],
    );
    const unknown = await t.api.post('/v1/api-keys', {
      key: clientKey,
      body: { name: 'x', scopes: ['messages:delete'] },
    });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.errors[0].pointer, '/scopes/0');
    const operator = await t.api.post('/v1/api-keys', {
      key: clientKey,
      body: { name: 'x', scopes: ['platform:admin'] },
    });
    assert.equal(operator.status, 422);
    const adminOnClient = await t.api.post(`/v1/admin/accounts/${accountId}/api-keys`, {
      key: t.boot.adminApiKey,
      body: { name: 'x', scopes: ['platform:read'] },
    });
    assert.equal(adminOnClient.status, 422, 'operator scopes only on the house account');
  });

  it('answers 401 for a revoked key at once, and for malformed or unknown keys', async () => {
    const created = await t.api.post('/v1/api-keys', {
      key: clientKey,
      body: { name: 'short-lived', scopes: ['keys:manage'] },
    });
    const secret = created.body.secret;
    assert.equal((await t.api.get('/v1/api-keys', { key: secret })).status, 200);
    const revoked = await t.api.delete(`/v1/api-keys/${created.body.id}`, { key: clientKey });
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.revokedAt);
    const after = await t.api.get('/v1/api-keys', { key: secret });
    assert.equal(after.status, 401);
    assert.equal(after.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await t.api.get('/v1/api-keys', { key: 'cxk_live_' + 'x'.repeat(32) })).status, 401);
    assert.equal((await t.api.get('/v1/api-keys', { key: 'not-a-key' })).status, 401);
    assert.equal((await t.api.get('/v1/api-keys', { headers: { authorization: 'Basic abc' } })).status, 401);
  });

  it("never shows or revokes another account's key: 404", async () => {
    const other = await t.api.post('/v1/admin/accounts', {
      key: t.boot.adminApiKey,
      body: { name: 'Other', status: 'active' },
    });
    const otherKey = await t.api.post(`/v1/admin/accounts/${other.body.id}/api-keys`, {
      key: t.boot.adminApiKey,
      body: { name: 'theirs' },
    });
    assert.equal((await t.api.get(`/v1/api-keys/${otherKey.body.id}`, { key: clientKey })).status, 404);
    assert.equal((await t.api.delete(`/v1/api-keys/${otherKey.body.id}`, { key: clientKey })).status, 404);
    assert.equal((await t.api.get('/v1/account', { key: otherKey.body.secret })).status, 200, 'still valid');
    const mine = await t.api.get('/v1/api-keys?limit=1000', { key: clientKey });
    assert.ok(!mine.body.data.some((k: { id: string }) => k.id === otherKey.body.id));
  });

  it('records when a key was last used', async () => {
    const created = await t.api.post('/v1/api-keys', {
      key: clientKey,
      body: { name: 'usage', scopes: ['keys:manage'] },
    });
    assert.equal(created.body.lastUsedAt, null);
    await t.api.get('/v1/api-keys', { key: created.body.secret });
    let lastUsedAt: string | null = null;
    for (let i = 0; i < 40 && !lastUsedAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      lastUsedAt = (await t.api.get(`/v1/api-keys/${created.body.id}`, { key: clientKey })).body.lastUsedAt;
    }
    assert.ok(lastUsedAt, 'lastUsedAt is set within a few seconds');
  });

  it('operators issue, list and revoke any account key', async () => {
    const issued = await t.api.post(`/v1/admin/accounts/${accountId}/api-keys`, {
      key: t.boot.adminApiKey,
      body: { name: 'ops', mode: 'test' },
    });
    assert.equal(issued.status, 201);
    const list = await t.api.get(`/v1/admin/accounts/${accountId}/api-keys?limit=1000`, { key: t.boot.adminApiKey });
    assert.ok(list.body.data.some((k: { id: string }) => k.id === issued.body.id));
    const revoked = await t.api.delete(`/v1/admin/accounts/${accountId}/api-keys/${issued.body.id}`, {
      key: t.boot.adminApiKey,
    });
    assert.equal(revoked.status, 200);
    assert.equal((await t.api.get('/v1/account', { key: issued.body.secret })).status, 401);
  });
});
