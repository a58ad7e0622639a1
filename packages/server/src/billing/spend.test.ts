// Spend caps through the API: real messages rated when sent, alerts at the chosen percentage
// and at the cap, refusals at the cap (spend_cap), lifted by raising the cap.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitForBound, waitForStatus } from '../../test/messages.ts';

describe('spend caps', () => {
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform();
    await waitForBound(t);
  });
  after(async () => {
    await t.close();
  });

  it('alerts at the chosen percentage and at the cap, then rejects new messages as spend_cap until the cap is raised', async () => {
    const acc = await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Capped', status: 'active' } });
    const keyOf = async (mode: string) =>
      (
        await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, {
          key: admin(),
          body: { name: mode, mode, scopes: ['messages:write', 'messages:read', 'account:manage'] },
        })
      ).body.secret as string;
    const [live, test] = [await keyOf('live'), await keyOf('test')];
    await t.api.post('/v1/admin/prices', {
      key: admin(),
      body: { channel: 'sms', currency: 'EUR', prefix: '+', unitPriceMicros: 100_000, accountId: acc.body.id },
    });
    const capped = await t.api.request('PUT', '/v1/account/spend-cap', {
      key: live,
      body: { monthlyCapMicros: 350_000, alertPercents: [50] },
    });
    assert.equal(capped.status, 200, JSON.stringify(capped.body));
    assert.deepEqual([capped.body.spend.capMicros, capped.body.spend.alertPercents], [350_000, [50]]);
    await new Promise((r) => setTimeout(r, 5500)); // the dispatcher's price book reloads every 5 s

    const events = async () =>
      (
        await t.platform.ctx.sql<
          { type: string }[]
        >`select type from events where account_id = ${acc.body.id} and object_type = 'account' order by id`
      ).map((e) => e.type);
    for (let i = 0; i < 4; i++)
      await waitForStatus(t, live, (await send(t, live, { to: `+4915112345${600 + i}`, body: 'spend' })).id, [
        'delivered',
      ]);
    assert.deepEqual(await events(), ['account.spend_alert', 'account.spend_cap_reached']);
    const account = (await t.api.get('/v1/account', { key: live })).body;
    assert.equal(account.spend.monthMicros, 400_000, 'what was already accepted may pass the cap');

    const refused = await send(t, live, { to: '+4915112345700', body: 'over the cap' });
    assert.deepEqual([refused.status, refused.error.code], ['rejected', 'spend_cap']);
    assert.equal((await send(t, test, { to: '+4915112345701', body: 'test keys are not capped' })).status, 'queued');

    await t.api.request('PUT', '/v1/account/spend-cap', { key: live, body: { monthlyCapMicros: 1_000_000 } });
    assert.equal((await send(t, live, { to: '+4915112345702', body: 'raised' })).status, 'queued');
    const emails = await t.platform.ctx.sql`select subject from email_outbox where account_id = ${acc.body.id}`;
    assert.equal(emails.length, 0, 'no owner on file, so no email; the events carry the alert');
  });
});
