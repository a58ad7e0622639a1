// POST /v1/sandbox/inbound keeps the simulated message in its queue table sealed with the
// account's keyring, like any message body: the SMS and WhatsApp texts arrive as sent, and a
// dump of the database afterwards does not show them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { waitForBound } from '../../test/messages.ts';
import { dumpDatabase, findInDump } from '../../test/dump.ts';

describe('sandbox inbound', () => {
  let t: TestPlatform;
  let key: string;
  before(async () => {
    t = await startTestPlatform();
    key = t.boot.apiKey;
    await waitForBound(t);
  });
  after(() => t.close());

  async function inbound(channel: 'sms' | 'whatsapp', from: string, body: string): Promise<{ body: string; status: string }> {
    const res = await t.api.post('/v1/sandbox/inbound', { key, body: { channel, from, to: t.boot.sandboxNumber, body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }

  it('delivers simulated SMS and WhatsApp messages whose text is sealed at rest', async () => {
    const sms = 'Sandbox secret ticket 7781 zebra';
    const whatsapp = 'Sandbox secret parcel 4420 walrus';
    assert.equal((await inbound('sms', '+4917612340001', sms)).status, 'received');
    assert.equal((await inbound('whatsapp', '+4917612340002', whatsapp)).status, 'received');

    const queued = await t.platform.ctx.sql<{ n: number }[]>`select count(*)::int as n from sandbox_inbound where done_at is not null`;
    assert.equal(queued[0]!.n, 2, 'both went through the queue table');
    const dump = await dumpDatabase(t.platform.ctx.sql);
    for (const text of [sms, whatsapp]) assert.deepEqual(findInDump(dump, text), [], `"${text}" is in no table, as text or as bytes`);
  });

  it('answers with the received message as GET /v1/messages/{id} shows it, not an earlier identical one', async () => {
    const from = '+4917612340004';
    const first = await t.api.post('/v1/sandbox/inbound', { key, body: { from, to: t.boot.sandboxNumber, body: 'same words' } });
    const second = await t.api.post('/v1/sandbox/inbound', { key, body: { from, to: t.boot.sandboxNumber, body: 'same words' } });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.notEqual(second.body.id, first.body.id, 'a new message each time');
    assert.match(second.body.id, /^msg_/);
    assert.deepEqual([second.body.direction, second.body.channel, second.body.status, second.body.from, second.body.to, second.body.body],
      ['inbound', 'sms', 'received', from, t.boot.sandboxNumber, 'same words']);
    const read = await t.api.get(`/v1/messages/${second.body.id}`, { key });
    assert.deepEqual(second.body, read.body);
    assert.deepEqual(read.body.events.map((e: { status: string }) => e.status), ['received']);
  });

  it('still refuses a number that is not the account\'s', async () => {
    const res = await t.api.post('/v1/sandbox/inbound', { key, body: { from: '+4917612340003', to: '+4915100000000', body: 'x' } });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].pointer, '/to');
  });
});
