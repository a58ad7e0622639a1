// SMS end to end over real SMPP: API → dispatcher → SMPP bind → sandbox SMSC → receipts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitFor, waitForBound, waitForStatus } from '../../test/messages.ts';

describe('SMS end to end with the sandbox SMSC', () => {
  let t: TestPlatform;
  let key: string;
  before(async () => {
    t = await startTestPlatform();
    key = t.boot.apiKey;
    await waitForBound(t);
  });
  after(() => t.close());

  it('delivers a message and records every status with its connector', async () => {
    const m = await send(t, key, { to: '+4915112345678', body: 'Hello' });
    const done = await waitForStatus(t, key, m.id, ['delivered']);
    assert.deepEqual(
      done.events.map((e: { status: string }) => e.status),
      ['queued', 'sending', 'sent', 'delivered'],
    );
    assert.match(done.connectorId, /^con_/);
    assert.equal(done.attempts.length, 1);
    assert.equal(done.attempts[0].status, 'sent');
  });

  it('follows each sandbox outcome: 901 rejected at submit, 902 undelivered, 903 expired, 905 stays sent', async () => {
    const [rejected, undeliv, expired, silent] = await Promise.all(
      ['901', '902', '903', '905'].map((s) => send(t, key, { to: `+4915112345${s}`, body: s })),
    );
    const failed = await waitForStatus(t, key, rejected.id, ['failed']);
    assert.equal(failed.error.code, 'smpp_0x0000000b');
    assert.equal((await waitForStatus(t, key, undeliv.id, ['undelivered'])).error.code, 'receipt_undeliv');
    assert.equal((await waitForStatus(t, key, expired.id, ['expired'])).error.code, 'receipt_expired');
    await waitForStatus(t, key, silent.id, ['sent']);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(
      (await t.api.get(`/v1/messages/${silent.id}`, { key })).body.status,
      'sent',
      'without a receipt a message stays sent',
    );
  });

  it('backs off when throttled (904) and then delivers without failing the message', async () => {
    const m = await send(t, key, { to: '+4915112340904', body: 'throttled once' });
    const done = await waitForStatus(t, key, m.id, ['delivered']);
    assert.deepEqual(
      done.events.map((e: { status: string }) => e.status),
      ['queued', 'sending', 'queued', 'sending', 'sent', 'delivered'],
    );
  });

  it('sends a long message in parts and calls it delivered only when every part is', async () => {
    const m = await send(t, key, { to: '+4915112345678', body: 'x'.repeat(400) });
    assert.equal(m.segments, 3);
    await waitForStatus(t, key, m.id, ['delivered']);
    const parts = await t.platform.ctx.sql`select status from message_parts where message_id = ${m.id} order by part`;
    assert.deepEqual(
      parts.map((p) => p.status),
      ['DELIVRD', 'DELIVRD', 'DELIVRD'],
    );
  });

  it('delivers test-key traffic through the sandbox and erases bodies with storeContent false', async () => {
    const m = await send(t, t.boot.testApiKey, {
      to: '+4915112345678',
      body: 'secret code 123456',
      storeContent: false,
    });
    const done = await waitForStatus(t, t.boot.testApiKey, m.id, ['delivered']);
    assert.equal(done.body, null);
  });

  it('fails over to the next connector of a route when the first is down', async () => {
    const admin = t.boot.adminApiKey;
    const dead = await t.api.post('/v1/admin/connectors', {
      key: admin,
      body: { name: 'dead', kind: 'smpp', config: { host: '127.0.0.1', port: 1, systemId: 'x' } },
    });
    const sandbox = (await t.api.get('/v1/admin/connectors', { key: admin })).body.data.find(
      (c: { sandbox: boolean }) => c.sandbox,
    );
    await t.api.post('/v1/admin/routes', {
      key: admin,
      body: {
        prefix: '+33',
        connectors: [
          { connectorId: dead.body.id, priority: 0 },
          { connectorId: sandbox.id, priority: 1 },
        ],
      },
    });
    const m = await send(t, key, { to: '+33612345678', body: 'via failover' });
    const done = await waitForStatus(t, key, m.id, ['delivered']);
    assert.equal(done.connectorId, sandbox.id);
  });

  it('expires a message that could not be handed over before validUntil', async () => {
    const admin = t.boot.adminApiKey;
    const dead = await t.api.post('/v1/admin/connectors', {
      key: admin,
      body: { name: 'dead-uk', kind: 'smpp', config: { host: '127.0.0.1', port: 1, systemId: 'x' } },
    });
    await t.api.post('/v1/admin/routes', {
      key: admin,
      body: { prefix: '+44', connectors: [{ connectorId: dead.body.id, priority: 0 }] },
    });
    const m = await send(t, key, {
      to: '+447911123456',
      body: 'too late',
      validUntil: new Date(Date.now() + 2000).toISOString(),
    });
    const done = await waitForStatus(t, key, m.id, ['expired']);
    assert.equal(done.error.code, 'validity_expired');
  });

  it('sends a scheduled message when its time comes', async () => {
    const m = await send(t, key, {
      to: '+4915112345678',
      body: 'later',
      scheduledAt: new Date(Date.now() + 1500).toISOString(),
    });
    assert.equal(m.status, 'scheduled');
    const done = await waitForStatus(t, key, m.id, ['delivered']);
    assert.equal(done.events[0].status, 'scheduled');
  });

  it('requeues the messages of a dispatcher that died mid-send (expired lease) and delivers them', async () => {
    const m = await send(t, key, {
      to: '+4915112345678',
      body: 'orphan',
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    // As a crashed worker leaves it: claimed, leased, never answered.
    await t.platform.ctx
      .sql`update messages set status = 'sending', scheduled_at = null, lease_until = now() - interval '1 second', leased_by = 'dead-worker'
                             where id = ${m.id}`;
    await waitForStatus(t, key, m.id, ['delivered']);
  });

  it('receives inbound SMS, honours STOP with a confirmation, START and HELP', async () => {
    const phone = '+4917612345678';
    const inbound = async (body: string) => {
      const res = await t.api.post('/v1/sandbox/inbound', {
        key,
        body: { from: phone, to: t.boot.sandboxNumber, body },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.body, body);
      return res.body;
    };
    const hello = await inbound('Hi there');
    assert.equal(hello.status, 'received');
    assert.equal(hello.to, t.boot.sandboxNumber);

    await inbound('stop');
    const confirmation = await waitFor(async () => {
      const list = await t.api.get(`/v1/messages?direction=outbound&to=${encodeURIComponent(phone)}&limit=50`, { key });
      return list.body.data.find((msg: { body: string }) => msg.body?.includes('unsubscribed'));
    }, 'the STOP confirmation');
    await waitForStatus(t, key, confirmation.id, ['delivered']);
    const refused = await send(t, key, { to: phone, body: 'promo' });
    assert.equal(refused.status, 'rejected');
    assert.equal(refused.error.code, 'opted_out');

    await inbound('START');
    assert.equal((await send(t, key, { to: phone, body: 'welcome back' })).status, 'queued');

    await inbound('HELP');
    await waitFor(async () => {
      const list = await t.api.get(`/v1/messages?direction=outbound&to=${encodeURIComponent(phone)}&limit=50`, { key });
      return list.body.data.find((msg: { body: string }) => msg.body?.startsWith('Reply STOP'));
    }, 'the HELP answer');
  });

  it('reassembles a long inbound message sent in parts', async () => {
    const text = 'Part of a long reply. '.repeat(12).trim();
    const got = (
      await t.api.post('/v1/sandbox/inbound', {
        key,
        body: { from: '+4917699999999', to: t.boot.sandboxNumber, body: text },
      })
    ).body;
    assert.equal(got.body, text);
    assert.equal(got.segments, 2);
  });
});
