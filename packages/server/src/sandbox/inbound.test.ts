// POST /v1/sandbox/inbound keeps the simulated message in its queue table sealed with the
// account's keyring, like any message body: the SMS and WhatsApp texts arrive as sent, and a
// dump of the database afterwards does not show them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { waitFor, waitForBound } from '../../test/messages.ts';
import { dumpDatabase, findInDump } from '../../test/dump.ts';
import { startReceiver } from '../../test/receiver.ts';

describe('sandbox inbound', () => {
  let t: TestPlatform;
  let key: string;
  before(async () => {
    t = await startTestPlatform();
    key = t.boot.apiKey;
    await waitForBound(t);
  });
  after(() => t.close());

  async function inbound(
    channel: 'sms' | 'whatsapp',
    from: string,
    body: string,
  ): Promise<{ body: string; status: string }> {
    const res = await t.api.post('/v1/sandbox/inbound', {
      key,
      body: { channel, from, to: t.boot.sandboxNumber, body },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }

  it('delivers simulated SMS and WhatsApp messages whose text is sealed at rest', async () => {
    const sms = 'Sandbox secret ticket 7781 zebra';
    const whatsapp = 'Sandbox secret parcel 4420 walrus';
    assert.equal((await inbound('sms', '+4917612340001', sms)).status, 'received');
    assert.equal((await inbound('whatsapp', '+4917612340002', whatsapp)).status, 'received');

    const queued = await t.platform.ctx.sql<
      { n: number }[]
    >`select count(*)::int as n from sandbox_inbound where done_at is not null`;
    assert.equal(queued[0]!.n, 2, 'both went through the queue table');
    const dump = await dumpDatabase(t.platform.ctx.sql);
    for (const text of [sms, whatsapp])
      assert.deepEqual(findInDump(dump, text), [], `"${text}" is in no table, as text or as bytes`);
  });

  it('with a test key, records a test-mode message at once that only test endpoints hear of, unbilled and with no keyword effect', async () => {
    const test = t.boot.testApiKey;
    const [testHook, liveHook] = [await startReceiver(), await startReceiver()];
    try {
      for (const [k, r] of [
        [test, testHook],
        [key, liveHook],
      ] as const) {
        const ep = await t.api.post('/v1/webhook-endpoints', {
          key: k,
          body: { url: r.url, events: ['message.received'] },
        });
        assert.equal(ep.status, 201);
      }
      const from = '+4917612340009';
      const res = await t.api.post('/v1/sandbox/inbound', {
        key: test,
        body: { from, to: t.boot.sandboxNumber, body: 'STOP' },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.status, 'received');
      assert.match(res.body.id, /^msg_/);

      const got = await t.api.get(`/v1/messages/${res.body.id}`, { key: test });
      assert.deepEqual(
        [got.status, got.body.direction, got.body.status, got.body.body],
        [200, 'inbound', 'received', 'STOP'],
      );
      const listed = await t.api.get(`/v1/messages?direction=inbound&from=${encodeURIComponent(from)}`, { key: test });
      assert.deepEqual(
        listed.body.data.map((m: { id: string }) => m.id),
        [res.body.id],
      );

      const x = await waitFor(
        async () => testHook.received.find((d) => JSON.parse(d.body).data.id === res.body.id),
        'message.received at the test endpoint',
      );
      assert.equal(JSON.parse(x.body).type, 'message.received');
      const sql = t.platform.ctx.sql;
      const [{ deliveries }] =
        (await sql`select count(*)::int as deliveries from webhook_deliveries where event_type = 'message.received' and endpoint_id in (select id from webhook_endpoints where mode = 'live')`) as unknown as [
          { deliveries: number },
        ];
      assert.equal(deliveries, 0, 'no live endpoint got it');
      assert.deepEqual(liveHook.received, []);
      const [{ usage, suppressions, replies }] = (await sql`
        select (select count(*)::int from usage_records where message_id = ${res.body.id}) as usage,
               (select count(*)::int from suppressions) as suppressions,
               (select count(*)::int from messages where reference = ${'reply:' + res.body.id}) as replies`) as unknown as [
        { usage: number; suppressions: number; replies: number },
      ];
      assert.deepEqual({ usage, suppressions, replies }, { usage: 0, suppressions: 0, replies: 0 });
    } finally {
      await testHook.close();
      await liveHook.close();
    }
  });

  it('answers with the received message as GET /v1/messages/{id} shows it, not an earlier identical one', async () => {
    const from = '+4917612340004';
    const first = await t.api.post('/v1/sandbox/inbound', {
      key,
      body: { from, to: t.boot.sandboxNumber, body: 'same words' },
    });
    const second = await t.api.post('/v1/sandbox/inbound', {
      key,
      body: { from, to: t.boot.sandboxNumber, body: 'same words' },
    });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.notEqual(second.body.id, first.body.id, 'a new message each time');
    assert.match(second.body.id, /^msg_/);
    assert.deepEqual(
      [
        second.body.direction,
        second.body.channel,
        second.body.status,
        second.body.from,
        second.body.to,
        second.body.body,
      ],
      ['inbound', 'sms', 'received', from, t.boot.sandboxNumber, 'same words'],
    );
    const read = await t.api.get(`/v1/messages/${second.body.id}`, { key });
    assert.deepEqual(second.body, read.body);
    assert.deepEqual(
      read.body.events.map((e: { status: string }) => e.status),
      ['received'],
    );
  });

  it("still refuses a number that is not the account's", async () => {
    const res = await t.api.post('/v1/sandbox/inbound', {
      key,
      body: { from: '+4917612340003', to: '+4915100000000', body: 'x' },
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].pointer, '/to');
  });
});
