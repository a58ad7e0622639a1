// WhatsApp at volume through one business number, with a Cloud API simulator that behaves like
// Meta under load: 80 messages/s per number (130429 beyond), statuses batched, out of order and
// repeated. Every message must still end in its latest status, with one event (and one
// webhook) per status it reached, and throttling must only delay messages, never fail them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { startReceiver, type Receiver } from '../../test/receiver.ts';
import { waitFor } from '../../test/wait.ts';
import type { WhatsAppSimulator } from '../sandbox/whatsapp/simulator.ts';
import { connectWhatsAppSimulator } from '../sandbox/whatsapp/test-kit.ts';

const TOTAL = 2000;
const FROM = '+14155550188';
const PHONE_NUMBER_ID = '555000222';
const WABA_ID = '777100';

describe('WhatsApp at volume', () => {
  let t: TestPlatform;
  let meta: WhatsAppSimulator;
  let hooks: Receiver;
  const secrets = { accessToken: 'EAAG-volume-token', appSecret: 'volume-app-secret', verifyToken: 'volume-verify' };
  before(async () => {
    t = await startTestPlatform();
    hooks = await startReceiver();
    // Configured above what Meta takes (the simulator's 50/s): the number must back off.
    meta = await connectWhatsAppSimulator(t, {
      from: FROM,
      phoneNumberId: PHONE_NUMBER_ID,
      wabaId: WABA_ID,
      template: 'volume_notice',
      secrets,
      maxPerSecond: 80,
      // Below Meta's 80/s, so the number is throttled however fast this machine is.
      simulator: { shuffleStatuses: true, shuffleSeed: 42, statusDelayMs: 20, throughputPerSecond: 50 },
    });
    const endpoint = await t.api.post('/v1/webhook-endpoints', {
      key: t.boot.apiKey,
      body: { url: hooks.url, events: ['message.sent', 'message.delivered', 'message.read'] },
    });
    assert.equal(endpoint.status, 201, JSON.stringify(endpoint.body));
  });
  after(async () => {
    await t.close();
    await meta.close();
    await hooks.close();
  });

  it('ends each of 2,000 messages read, with one event and one webhook per status, throttled but never failed', async () => {
    const key = t.boot.apiKey;
    const template = {
      name: 'volume_notice',
      language: 'en_US',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'A' }] }],
    };
    const ids: string[] = [];
    for (let b = 0; b < TOTAL / 1000; b++) {
      // Destinations end in x10: never 901-905, which the simulator turns into failures.
      const messages = Array.from({ length: 1000 }, (_, i) => ({
        channel: 'whatsapp',
        from: FROM,
        to: `+4915114${String(b * 1000 + i).padStart(4, '0')}10`,
        template,
      }));
      const res = await t.api.post('/v1/messages/batch', { key, body: { messages } });
      assert.equal(res.status, 202, JSON.stringify(res.body).slice(0, 500));
      ids.push(...(res.body.data as { id: string; status: string }[]).map((m) => m.id));
      assert.ok(
        res.body.data.every((m: { status: string }) => m.status === 'queued'),
        JSON.stringify(res.body.data[0]),
      );
    }
    assert.equal(new Set(ids).size, TOTAL, JSON.stringify(ids.slice(0, 1)));

    const { sql } = t.platform.ctx;
    await waitFor(
      async () => {
        const [row] = await sql<
          { n: number }[]
        >`select count(*)::int as n from messages where account_id = ${t.boot.accountId} and id = any(${ids}) and status = 'read'`;
        return row!.n === TOTAL || undefined;
      },
      `all ${TOTAL} messages read`,
      240_000,
    );

    // One event per status reached, however often and in whatever order Meta said it. A late
    // `delivered` may still be waiting for its retry when the last `read` lands: wait for it.
    const expected = ['message.delivered', 'message.read', 'message.sent'].map((type) => ({
      type,
      messages: TOTAL,
      events: TOTAL,
    }));
    const countEvents = async () =>
      (
        await sql<{ type: string; messages: number; events: number }[]>`
      select type, count(distinct object_id)::int as messages, count(*)::int as events from events
      where account_id = ${t.boot.accountId} and object_id = any(${ids}) and type in ('message.sent', 'message.delivered', 'message.read', 'message.failed')
      group by type order by type`
      ).map((c) => ({ ...c }));
    await waitFor(
      async () => (JSON.stringify(await countEvents()) === JSON.stringify(expected) ? true : undefined),
      'every status applied',
      60_000,
    ).catch(() => undefined);
    assert.deepEqual(await countEvents(), expected);
    // Some `delivered` came after `read`: recorded, yet the message stayed read.
    const [late] = await sql<{ n: number }[]>`
      select count(*)::int as n from events d join events r on r.account_id = d.account_id and r.object_id = d.object_id and r.type = 'message.read'
      where d.account_id = ${t.boot.accountId} and d.object_id = any(${ids}) and d.type = 'message.delivered' and d.sequence > r.sequence`;
    assert.ok(late!.n > 0, 'the shuffle made some delivered arrive after read');

    // Throttled by Meta (130429): retried, not failed.
    assert.ok(meta.throttled() > 0, 'the simulator refused sends over its limit');
    const retried = await sql<{ messageId: string }[]>`
      select distinct message_id as "messageId" from message_attempts
      where account_id = ${t.boot.accountId} and message_id = any(${ids}) and status = 'retry' and error_code = 'whatsapp_130429'`;
    assert.ok(retried.length > 0, 'throttled messages went again');
    const one = (await t.api.get(`/v1/messages/${retried[0]!.messageId}`, { key })).body;
    assert.equal(one.status, 'read');
    assert.deepEqual(one.attempts.map((a: { status: string }) => a.status).slice(-1), ['sent']);
    assert.ok(one.attempts.some((a: { status: string }) => a.status === 'retry'));
    assert.equal(one.error, null);
    assert.deepEqual(
      one.events
        .filter((e: { status: string }) => ['sent', 'delivered', 'read'].includes(e.status))
        .map((e: { status: string }) => e.status)
        .sort(),
      ['delivered', 'read', 'sent'],
    );

    // Webhooks: exactly one event delivered per message and status (a retried delivery keeps its webhook-id).
    const eventIds = () => new Set(hooks.received.map((r) => r.headers['webhook-id']));
    await waitFor(async () => eventIds().size >= 3 * TOTAL || undefined, 'the webhooks', 120_000);
    const keys = hooks.received
      .map((r) => JSON.parse(r.body) as { type: string; data: { id: string } })
      .map((b) => `${b.data.id} ${b.type}`);
    assert.deepEqual([eventIds().size, new Set(keys).size], [3 * TOTAL, 3 * TOTAL]);
  });
});
