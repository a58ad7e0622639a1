// Receipts are exact under load: an SMSC that counts its hex ids from 1 and sends each receipt
// right after its submit_sm_resp, so receipts routinely beat the stored part and ids like `10`
// and `a` (= decimal 10) are both in play. Every message must end with its own receipt.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitFor, waitForStatus } from '../../test/messages.ts';
import { startSmscSimulator, type SmscSimulator } from '../sandbox/smsc/simulator.ts';
import { createLogger } from '../platform/logger.ts';

describe('exact delivery receipts', () => {
  let t: TestPlatform;
  let smsc: SmscSimulator;
  let connectorId: string;
  before(async () => {
    t = await startTestPlatform();
    smsc = await startSmscSimulator({
      systemId: 'burst',
      password: 'burst',
      log: createLogger('silent'),
      receiptDelayMs: 0,
      firstId: 1,
    });
    const admin = t.boot.adminApiKey;
    const c = await t.api.post('/v1/admin/connectors', {
      key: admin,
      body: {
        name: 'burst',
        kind: 'smpp',
        config: { host: '127.0.0.1', port: smsc.port, systemId: 'burst', password: 'burst', windowSize: 100 },
      },
    });
    connectorId = c.body.id;
    await t.api.post('/v1/admin/routes', {
      key: admin,
      body: { prefix: '+4917', connectors: [{ connectorId, priority: 0 }] },
    });
    await waitFor(async () => {
      const res = await t.api.get('/v1/admin/connectors', { key: admin });
      return res.body.data?.some((x: { id: string; state: string }) => x.id === connectorId && x.state === 'bound')
        ? true
        : undefined;
    }, 'the burst connector to bind');
  });
  after(async () => {
    await t.close();
    await smsc.close();
  });

  it("ends 1,500 messages sent in one burst each in its own receipt's status, none left sent", async () => {
    const key = t.boot.apiKey;
    // Numbers ending in 0: the simulator's special endings (901-905: refusals, failures) stay out.
    const batch = (from: number) =>
      Array.from({ length: 750 }, (_, i) => ({
        to: `+49170${String(from + i).padStart(6, '0')}0`,
        body: `burst ${from + i}`,
      }));
    const sent = await Promise.all(
      [0, 750].map((from) => t.api.post('/v1/messages/batch', { key, body: { messages: batch(from) } })),
    );
    const ids: string[] = sent.flatMap((r) => r.body.data.map((m: { id: string }) => m.id));
    assert.equal(ids.length, 1500);
    const statuses = async () =>
      Object.fromEntries(
        (
          await t.platform.ctx.sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from messages where id = any(${ids}) group by status`
        ).map((r) => [r.status, r.n]),
      );
    await waitFor(
      async () => ((await statuses()).delivered === 1500 ? true : undefined),
      'all 1,500 messages delivered',
      60_000,
    ).catch(async (e: Error) =>
      assert.fail(`${e.message}: ${JSON.stringify(await statuses())}, ${smsc.submitted()} submitted`),
    );
    const [parts] = await t.platform.ctx
      .sql`select count(*)::int as n, count(*) filter (where status = 'DELIVRD')::int as delivered from message_parts where connector_id = ${connectorId}`;
    assert.deepEqual(parts, { n: 1500, delivered: 1500 }, 'each receipt applied to its own part, once');
    assert.equal(smsc.submitted(), 1500, 'no message submitted twice');
  });

  it('routes a message through a route created a moment ago (route changes notify every process)', async () => {
    const admin = t.boot.adminApiKey;
    await t.api.post('/v1/admin/routes', {
      key: admin,
      body: { prefix: '+4368', connectors: [{ connectorId, priority: 0 }] },
    });
    const m = await send(t, t.boot.apiKey, { to: '+436801234567', body: 'new route' });
    const done = await waitForStatus(t, t.boot.apiKey, m.id, ['delivered', 'failed']);
    assert.equal(done.status, 'delivered');
    assert.equal(done.connectorId, connectorId);
  });
});
