import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boardForTest, startTestPlatform, type TestPlatform } from '../../test/harness.ts';

describe('operator account administration', () => {
  let t: TestPlatform;
  let admin: string;
  before(async () => {
    t = await startTestPlatform();
    admin = t.boot.adminApiKey;
  });
  after(() => t.close());

  it('creates an account as pending with the client default rate limits', async () => {
    const res = await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Acme Ltd' } });
    assert.equal(res.status, 201);
    assert.match(res.body.id, /^acc_[0-9a-z]{26}$/);
    assert.equal(res.body.status, 'pending');
    assert.deepEqual(res.body.rateLimits, { perKey: 200, perAccount: 1000 });
  });

  it('boards, suspends, reactivates and closes an account, refusing transitions that make no sense', async () => {
    const { body: acc } = await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Lifecycle' } });
    const step = (action: string) =>
      t.api.post(`/v1/admin/accounts/${acc.id}/${action}`, { key: admin, body: { reason: 'test' } });
    assert.equal((await step('reactivate')).status, 409);
    const boardAgain = () =>
      t.api.post(`/v1/admin/accounts/${acc.id}/board`, {
        key: admin,
        body: { acceptance: { text: 'Accepted.', signer: 'Op' } },
      });
    await boardForTest(t, acc.id);
    assert.equal((await boardAgain()).status, 409);
    assert.equal((await step('suspend')).body.status, 'suspended');
    assert.equal((await step('reactivate')).body.status, 'active');
    assert.equal((await step('close')).body.status, 'closed');
    const again = await boardAgain();
    assert.equal(again.status, 409);
    assert.equal(again.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.match(again.body.detail, /closed/);
  });

  it('records account.suspended and account.reactivated events with the change', async () => {
    const { body: acc } = await t.api.post('/v1/admin/accounts', {
      key: admin,
      body: { name: 'Events', status: 'active' },
    });
    await t.api.post(`/v1/admin/accounts/${acc.id}/suspend`, { key: admin });
    await t.api.post(`/v1/admin/accounts/${acc.id}/reactivate`, { key: admin });
    await t.api.post(`/v1/admin/accounts/${acc.id}/traffic-hold`, { key: admin, body: { reason: 'pumping' } });
    await t.api.request('DELETE', `/v1/admin/accounts/${acc.id}/traffic-hold`, { key: admin });
    const rows = await t.platform.ctx.sql<{ type: string; sequence: number }[]>`
      select type, sequence from events where account_id = ${acc.id} order by sequence`;
    assert.deepEqual(
      rows.map((r) => [r.type, r.sequence]),
      [
        ['account.suspended', 1],
        ['account.reactivated', 2],
        ['account.traffic_hold', 3],
        ['account.traffic_released', 4],
      ],
    );
  });

  it('lists accounts with cursor pagination and a status filter', async () => {
    for (const name of ['P1', 'P2', 'P3']) await t.api.post('/v1/admin/accounts', { key: admin, body: { name } });
    const first = await t.api.get('/v1/admin/accounts?limit=2&status=pending', { key: admin });
    assert.equal(first.status, 200);
    assert.equal(first.body.data.length, 2);
    assert.ok(first.body.nextCursor);
    const seen = new Set(first.body.data.map((a: { id: string }) => a.id));
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const page = await t.api.get(`/v1/admin/accounts?limit=2&status=pending&cursor=${cursor}`, { key: admin });
      for (const a of page.body.data) {
        assert.equal(a.status, 'pending');
        assert.ok(!seen.has(a.id), 'pages never repeat an account');
        seen.add(a.id);
      }
      cursor = page.body.nextCursor;
    }
    assert.ok(seen.size >= 3);
  });

  it('answers 404 for an unknown account and 422 naming the field for bad input', async () => {
    assert.equal((await t.api.get('/v1/admin/accounts/acc_nope', { key: admin })).status, 404);
    const bad = await t.api.post('/v1/admin/accounts', { key: admin, body: { name: '', rateLimits: { perKey: 0 } } });
    assert.equal(bad.status, 422);
    const pointers = bad.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    assert.deepEqual(pointers, ['/name', '/rateLimits/perKey']);
  });

  it('changes rate limits, with null meaning unlimited', async () => {
    const { body: acc } = await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Limits' } });
    const res = await t.api.patch(`/v1/admin/accounts/${acc.id}`, {
      key: admin,
      body: { rateLimits: { perKey: 5, perAccount: null } },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.rateLimits, { perKey: 5, perAccount: null });
  });
});
