// GET /v1/admin/reports/overview: the operators' home figures over real HTTP — every account's
// messages since a time per status, the messages held now per reason, and only for operators.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fraudRulesOff, startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitForBound, waitForStatus } from '../../test/messages.ts';

describe('GET /v1/admin/reports/overview', () => {
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  let since: string;
  let clientKey: string;

  async function client(name: string, fraud: 'off' | 'enforce'): Promise<string> {
    const id = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name, status: 'active' } })).body
      .id as string;
    if (fraud === 'off') await fraudRulesOff(t, id);
    else
      assert.equal(
        (
          await t.api.request('PUT', `/v1/admin/accounts/${id}/fraud-settings`, {
            key: admin(),
            body: { mode: 'enforce' },
          })
        ).status,
        200,
      );
    return (await t.api.post(`/v1/admin/accounts/${id}/api-keys`, { key: admin(), body: { name: 'k' } })).body
      .secret as string;
  }

  before(async () => {
    t = await startTestPlatform();
    await waitForBound(t);
    since = new Date(Date.now() - 60_000).toISOString();
    clientKey = await client('Acme Retail', 'off');
    const careful = await client('Careful Ltd', 'enforce');
    const delivered = await send(t, clientKey, { to: '+4915112345678', body: 'one' });
    const failed = await send(t, careful, { to: '+4915112345901', body: 'refused by the SMSC' });
    assert.equal(
      (await t.api.post('/v1/admin/traffic-holds/countries/FR', { key: admin(), body: { reason: 'IRSF wave' } }))
        .status,
      204,
    );
    const toFrance = await send(t, clientKey, { to: '+33612345678', body: 'bonjour' });
    assert.equal(
      (await send(t, careful, { to: '+881612345678', body: 'satellite' })).status,
      'held',
      'a seed IRSF range: fraud review',
    );
    await waitForStatus(t, clientKey, delivered.id, ['delivered']);
    await waitForStatus(t, careful, failed.id, ['failed']);
    await waitForStatus(t, clientKey, toFrance.id, ['held']);
  });
  after(() => t.close());

  it("counts every account's messages since the time per status, and what is held now per reason", async () => {
    const res = await t.api.get(`/v1/admin/reports/overview?since=${since}`, { key: admin() });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.messages, [
      { status: 'delivered', count: 1 },
      { status: 'failed', count: 1 },
      { status: 'held', count: 2 },
    ]);
    assert.deepEqual(res.body.held, [
      { reason: 'country', count: 1 },
      { reason: 'fraud_review', count: 1 },
    ]);
    const later = await t.api.get(`/v1/admin/reports/overview?since=${new Date(Date.now() + 60_000).toISOString()}`, {
      key: admin(),
    });
    assert.deepEqual(later.body.messages, [], 'nothing since a later time');
    assert.equal(later.body.held.length, 2, 'held is about now, whatever the time');
  });

  it('is for operators only, and names a missing or too early since', async () => {
    const refused = await t.api.get(`/v1/admin/reports/overview?since=${since}`, { key: clientKey });
    assert.equal(refused.status, 403);
    const missing = await t.api.get('/v1/admin/reports/overview', { key: admin() });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.errors[0].pointer, '/querystring/since');
    const early = await t.api.get(
      `/v1/admin/reports/overview?since=${new Date(Date.now() - 40 * 86_400_000).toISOString()}`,
      { key: admin() },
    );
    assert.equal(early.status, 400);
    assert.deepEqual(early.body.errors, [{ pointer: '/querystring/since', detail: 'must be at most 31 days ago' }]);
  });
});
