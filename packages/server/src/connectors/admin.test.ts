// Operators' connectors, routes and numbers through the admin API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';

describe('connectors, routes and numbers (admin API)', () => {
  let t: TestPlatform;
  let admin: string;
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    admin = t.boot.adminApiKey;
  });
  after(() => t.close());

  const smpp = { host: '127.0.0.1', port: 2775, systemId: 'acme' };

  it('creates an SMPP connector with defaults, never returning its password', async () => {
    const res = await t.api.post('/v1/admin/connectors', {
      key: admin,
      body: { name: 'Operator A', kind: 'smpp', config: { ...smpp, password: 'secret1' } },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.id, /^con_/);
    assert.equal(res.body.config.windowSize, 10);
    assert.equal(res.body.config.bindMode, 'transceiver');
    assert.equal(res.body.hasPassword, true);
    assert.ok(!JSON.stringify(res.body).includes('secret1'));
    assert.equal(res.body.state, 'down', 'no worker holds its bind');
    const [row] = await t.platform.ctx.sql`select secret from connectors where id = ${res.body.id}`;
    assert.ok(!Buffer.from(row!.secret).toString('utf8').includes('secret1'), 'stored encrypted');
  });

  it('disables a connector and shows it as disabled', async () => {
    const c = await t.api.post('/v1/admin/connectors', { key: admin, body: { name: 'B', kind: 'smpp', config: smpp } });
    const res = await t.api.patch(`/v1/admin/connectors/${c.body.id}`, { key: admin, body: { enabled: false } });
    assert.equal(res.body.state, 'disabled');
  });

  it('validates connector settings by field', async () => {
    const res = await t.api.post('/v1/admin/connectors', {
      key: admin,
      body: { name: 'C', kind: 'smpp', config: { host: '', port: 70000, systemId: 'x', windowSize: 0 } },
    });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { pointer: string }) => e.pointer).sort(), [
      '/config/host',
      '/config/port',
      '/config/windowSize',
    ]);
  });

  it('routes a prefix to connectors, refusing unknown connectors and duplicates', async () => {
    const c = await t.api.post('/v1/admin/connectors', {
      key: admin,
      body: { name: 'DE', kind: 'smpp', config: smpp },
    });
    const route = await t.api.post('/v1/admin/routes', {
      key: admin,
      body: { prefix: '+49', accountId: null, connectors: [{ connectorId: c.body.id, priority: 1 }] },
    });
    assert.equal(route.status, 201);
    assert.deepEqual(route.body.connectors, [{ connectorId: c.body.id, priority: 1, weight: 1 }]);
    const dup = await t.api.post('/v1/admin/routes', {
      key: admin,
      body: { prefix: '+49', connectors: [{ connectorId: c.body.id, priority: 1 }] },
    });
    assert.equal(dup.status, 409);
    const unknown = await t.api.post('/v1/admin/routes', {
      key: admin,
      body: { prefix: '+33', connectors: [{ connectorId: 'con_nope', priority: 0 }] },
    });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.errors[0].pointer, '/connectors/0/connectorId');
    const inUse = await t.api.delete(`/v1/admin/connectors/${c.body.id}`, { key: admin });
    assert.equal(inUse.status, 409, 'a routed connector cannot be deleted');
    assert.equal((await t.api.delete(`/v1/admin/routes/${route.body.id}`, { key: admin })).status, 204);
    assert.equal((await t.api.delete(`/v1/admin/connectors/${c.body.id}`, { key: admin })).status, 204);
  });

  it('assigns numbers to accounts; clients see only their own', async () => {
    const acc = await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Num', status: 'active' } });
    const k = (await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, { key: admin, body: { name: 'n' } })).body
      .secret;
    const num = await t.api.post('/v1/admin/numbers', {
      key: admin,
      body: { number: '+4915112340000', accountId: acc.body.id, channels: ['sms'] },
    });
    assert.equal(num.status, 201);
    const taken = await t.api.post('/v1/admin/numbers', {
      key: admin,
      body: { number: '+4915112340000', accountId: t.boot.accountId, channels: ['sms'] },
    });
    assert.equal(taken.status, 409);
    const bad = await t.api.post('/v1/admin/numbers', {
      key: admin,
      body: { number: '12', accountId: acc.body.id, channels: ['sms'] },
    });
    assert.equal(bad.status, 422);
    const mine = await t.api.get('/v1/numbers', { key: k });
    assert.deepEqual(
      mine.body.data.map((n: { number: string }) => n.number),
      ['+4915112340000'],
    );
    const house = await t.api.get('/v1/numbers', { key: t.boot.apiKey });
    assert.deepEqual(
      house.body.data.map((n: { number: string }) => n.number),
      [t.boot.sandboxNumber],
    );
  });
});
