// The kill switch end to end over real SMPP: once the hold call returns nothing more of that
// account is submitted (beyond what was already in an SMPP window), waiting messages are held,
// and release sends each held message exactly once. Connector and country holds likewise.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fraudRulesOff, startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitFor, waitForBound, waitForStatus } from '../../test/messages.ts';

describe('traffic holds', () => {
  let t: TestPlatform;
  let account: string;
  let live: string;
  let sandboxConnector: string;
  const admin = () => t.boot.adminApiKey;
  const sql = () => t.platform.ctx.sql;
  const statusCounts = async () =>
    Object.fromEntries(
      (
        await sql()<{ status: string; n: number }[]>`
    select status, count(*)::int as n from messages where account_id = ${account} group by status`
      ).map((r) => [r.status, r.n]),
    );

  before(async () => {
    t = await startTestPlatform();
    await waitForBound(t);
    account = (
      await t.api.post('/v1/admin/accounts', {
        key: admin(),
        body: { name: 'Pumped', status: 'active', rateLimits: { perKey: null, perAccount: null } },
      })
    ).body.id;
    await fraudRulesOff(t, account); // 300 consecutive numbers: exactly what the fraud rules would hold
    live = (
      await t.api.post(`/v1/admin/accounts/${account}/api-keys`, {
        key: admin(),
        body: { name: 'live', scopes: ['messages:write', 'messages:read'] },
      })
    ).body.secret;
    // A slow connector (50/s), so most messages are still waiting when the hold comes.
    const connector = (await t.api.get('/v1/admin/connectors', { key: admin() })).body.data.find(
      (c: { sandbox: boolean }) => c.sandbox,
    );
    sandboxConnector = connector.id;
    const { password: _unused, ...config } = { ...connector.config, password: undefined };
    const patched = await t.api.patch(`/v1/admin/connectors/${sandboxConnector}`, {
      key: admin(),
      body: { config: { ...config, maxPerSecond: 50 } },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    await new Promise((r) => setTimeout(r, 6000)); // the leader rebuilds a changed link on its next 5 s refresh
    await waitForBound(t);
  });
  after(() => t.close());

  it('stops the account at once: nothing submitted after the call returns, waiting messages held, new sends refused', async () => {
    const later = await send(t, live, {
      to: '+4915112340000',
      body: 'scheduled',
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const batch = await t.api.post('/v1/messages/batch', {
      key: live,
      body: {
        messages: Array.from({ length: 300 }, (_, i) => ({
          to: `+49151123${String(40001 + i).padStart(5, '0')}`,
          body: `m${i}`,
        })),
      },
    });
    assert.equal(batch.status, 202);
    await waitFor(
      async () => ((await statusCounts()).delivered ?? 0) + ((await statusCounts()).sent ?? 0) >= 5 || undefined,
      'traffic flowing',
    );

    const hold = await t.api.post(`/v1/admin/accounts/${account}/traffic-hold`, {
      key: admin(),
      body: { reason: 'SMS pumping to +4915112' },
    });
    const returned = Date.now();
    assert.equal(hold.status, 200);
    assert.equal(hold.body.trafficHold, true);
    const refused = await t.api.post('/v1/messages', {
      key: live,
      body: { to: '+4915112349999', body: 'after the hold' },
    });
    assert.equal(refused.status, 403);
    assert.match(refused.body.type, /traffic-hold$/);

    // Let everything in flight finish; then count what reached the SMSC after the call returned.
    await waitFor(
      async () =>
        (((await statusCounts()).sending ?? 0) === 0 && ((await statusCounts()).queued ?? 0) === 0) || undefined,
      'nothing in flight',
    );
    await new Promise((r) => setTimeout(r, 1500));
    const [late] = await sql()<{ n: number }[]>`
      select count(*)::int as n from message_parts where account_id = ${account} and submitted_at > ${new Date(returned + 500)}`;
    assert.equal(
      late!.n,
      0,
      'no submit after the hold returned (500 ms grace for the answers of the window in flight)',
    );
    const counts = await statusCounts();
    // How many went before the hold depends on the machine's speed; what matters is that the
    // rest were all held (none lost, none sent) and that some were still waiting.
    assert.ok((counts.held ?? 0) > 0, `the waiting messages are held: ${JSON.stringify(counts)}`);
    assert.equal(
      (counts.held ?? 0) + (counts.delivered ?? 0) + (counts.sent ?? 0),
      301,
      `every message sent before the hold or held: ${JSON.stringify(counts)}`,
    );
    assert.equal(
      (await t.api.get(`/v1/messages/${later.id}`, { key: live })).body.status,
      'held',
      'scheduled ones too',
    );

    const release = await t.api.request(
      'DELETE',
      `/v1/admin/accounts/${account}/traffic-hold?reason=cleared%20with%20the%20client`,
      { key: admin() },
    );
    assert.equal(release.body.trafficHold, false);
    assert.equal(
      (await t.api.get(`/v1/messages/${later.id}`, { key: live })).body.status,
      'scheduled',
      'back to its schedule',
    );
    await waitFor(
      async () => ((await statusCounts()).delivered ?? 0) === 300 || undefined,
      'every message delivered after release',
      30_000,
    );
    const [dupes] = await sql()<{ n: number }[]>`
      select count(*)::int as n from (select message_id from message_parts where account_id = ${account} group by message_id having count(*) > 1) d`;
    assert.equal(dupes!.n, 0, 'each message submitted exactly once');
    const events = await sql()<
      { type: string }[]
    >`select type from events where account_id = ${account} and type like 'account.traffic%' order by sequence`;
    assert.deepEqual(
      events.map((e) => e.type),
      ['account.traffic_hold', 'account.traffic_released'],
    );
    const audit = await sql()<
      { action: string }[]
    >`select action from audit_log where account_id = ${account} and action like 'account.traffic%'`;
    assert.equal(audit.length, 2);
  });

  it('holds one destination country for every account, and a connector; releases them', async () => {
    const hold = (path: string, on: boolean) =>
      on ? t.api.post(path, { key: admin(), body: { reason: 'IRSF wave' } }) : t.api.delete(path, { key: admin() });
    assert.equal((await hold('/v1/admin/traffic-holds/countries/FR', true)).status, 204);
    const fr = await send(t, live, { to: '+33612345678', body: 'to France' });
    const de = await send(t, live, { to: '+4915112345678', body: 'to Germany' });
    await waitForStatus(t, live, de.id, ['delivered']);
    await waitForStatus(t, live, fr.id, ['held']);
    assert.deepEqual(
      (await t.api.get('/v1/admin/traffic-holds', { key: admin() })).body.platform.map(
        (h: { scope: string; target: string }) => `${h.scope}:${h.target}`,
      ),
      ['country:FR'],
    );
    await hold('/v1/admin/traffic-holds/countries/FR', false);
    await waitForStatus(t, live, fr.id, ['delivered']);

    assert.equal((await hold(`/v1/admin/connectors/${sandboxConnector}/traffic-hold`, true)).status, 204);
    const stuck = await send(t, live, { to: '+4915112345679', body: 'no other connector' });
    const held = await waitForStatus(t, live, stuck.id, ['held']);
    assert.equal(held.error, null);
    await hold(`/v1/admin/connectors/${sandboxConnector}/traffic-hold`, false);
    await waitForStatus(t, live, stuck.id, ['delivered']);
    assert.equal((await hold('/v1/admin/connectors/con_nope/traffic-hold', true)).status, 404);
    assert.equal(
      (await t.api.post('/v1/admin/traffic-holds/countries/FR', { key: admin(), body: {} })).status,
      422,
      'a reason is required',
    );
  });
});
