// The dashboard's message counts: per hour, channel, direction and status, within the asked range,
// only the caller's own messages, and only for keys that may read messages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fraudRulesOff, startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send } from '../../test/messages.ts';
import { ManualClock } from '../platform/clock.ts';

describe('GET /v1/reports/summary', () => {
  const clock = new ManualClock('2026-04-01T08:15:00Z');
  let t: TestPlatform;
  let key: string;
  let other: string;
  const admin = () => t.boot.adminApiKey;

  async function clientKey(name: string, scopes?: string[]): Promise<{ accountId: string; key: string }> {
    const acc = await t.api.post('/v1/admin/accounts', { key: admin(), body: { name, status: 'active' } });
    await fraudRulesOff(t, acc.body.id);
    const k = await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, {
      key: admin(),
      body: { name: 'k', ...(scopes && { scopes }) },
    });
    return { accountId: acc.body.id, key: k.body.secret };
  }

  before(async () => {
    t = await startTestPlatform({ clock });
    key = (await clientKey('Reports')).key;
    other = (await clientKey('Someone else')).key;
    await send(t, key, { to: '+4915112345678', body: 'one' });
    await send(t, key, { to: '+4915112345679', body: 'two' });
    clock.set('2026-04-01T10:40:00Z');
    await send(t, key, { to: '+4915112345678', body: 'three' });
    await send(t, other, { to: '+4915112345678', body: 'not yours' });
    clock.set('2026-04-02T09:00:00Z');
    await send(t, key, { to: '+4915112345678', body: 'tomorrow' });
  });
  after(() => t.close());

  const total = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);

  it('counts the messages of the range per hour, with their channel and direction', async () => {
    const res = await t.api.get('/v1/reports/summary?from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z', { key });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(total(res.body.data), 3);
    const hours = [...new Set(res.body.data.map((r: { hour: string }) => r.hour))];
    assert.deepEqual(hours, ['2026-04-01T08:00:00.000Z', '2026-04-01T10:00:00.000Z']);
    assert.ok(
      res.body.data.every(
        (r: { channel: string; direction: string }) => r.channel === 'sms' && r.direction === 'outbound',
      ),
    );
    const morning = res.body.data.filter((r: { hour: string }) => r.hour.startsWith('2026-04-01T08'));
    assert.equal(total(morning), 2);
  });

  it("counts only the caller's own account", async () => {
    const res = await t.api.get('/v1/reports/summary?from=2026-04-01T00:00:00Z&to=2026-04-03T00:00:00Z', {
      key: other,
    });
    assert.equal(total(res.body.data), 1);
  });

  it('refuses a range that ends before it starts or spans more than 31 days, naming the parameter', async () => {
    const backwards = await t.api.get('/v1/reports/summary?from=2026-04-02T00:00:00Z&to=2026-04-01T00:00:00Z', { key });
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.errors[0].pointer, '/querystring/to');
    const long = await t.api.get('/v1/reports/summary?from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z', { key });
    assert.equal(long.status, 400);
    assert.equal(long.body.errors[0].pointer, '/querystring/to');
    const missing = await t.api.get('/v1/reports/summary?from=2026-04-01T00:00:00Z', { key });
    assert.equal(missing.status, 400);
  });

  it('needs messages:read', async () => {
    const billingOnly = await clientKey('Billing only', ['billing:read']);
    const res = await t.api.get('/v1/reports/summary?from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z', {
      key: billingOnly.key,
    });
    assert.equal(res.status, 403);
  });
});
