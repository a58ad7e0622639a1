// Meta's status webhooks can beat the commit of our own record of the send (the outcome's
// transaction is still running when `sent`, `delivered` and `read` arrive). Those statuses wait in
// PostgreSQL, committed before Meta gets its 200, and are applied once the send is stored: the
// message still ends `read`, with one event per status, not `sent` forever.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { waitFor } from '../../test/wait.ts';
import type { WhatsAppSimulator } from '../sandbox/whatsapp/simulator.ts';
import { connectWhatsAppSimulator } from '../sandbox/whatsapp/test-kit.ts';

const FROM = '+14155550177';
const PHONE_NUMBER_ID = '555000333';
const WABA_ID = '777200';

describe('WhatsApp statuses that arrive before the send is stored', () => {
  let t: TestPlatform;
  let meta: WhatsAppSimulator;
  const secrets = { accessToken: 'EAAG-early-token', appSecret: 'early-app-secret', verifyToken: 'early-verify' };
  before(async () => {
    t = await startTestPlatform();
    meta = await connectWhatsAppSimulator(t, { from: FROM, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, template: 'early_notice', secrets, simulator: { statusDelayMs: 20 } });
  });
  after(async () => {
    await t.close();
    await meta.close();
  });

  it('keeps them durably and applies them once the send is stored: the message ends read', async () => {
    const { sql } = t.platform.ctx;
    const template = { name: 'early_notice', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: 'A' }] }] };
    const pending = async () => (await sql<{ n: number }[]>`select count(*)::int as n from pending_whatsapp_statuses`)[0]!.n;
    let id = '';
    // Hold back the dispatcher's outcome (its first write is the attempt row) while Meta's three
    // statuses for the send arrive; release it once they wait in the database.
    await sql.begin(async (tx) => {
      await tx`lock table message_attempts in share mode`;
      const res = await t.api.post('/v1/messages', { key: t.boot.apiKey, body: { channel: 'whatsapp', from: FROM, to: '+4915114777710', template } });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      id = res.body.id;
      await waitFor(async () => ((await pending()) === 3 ? true : undefined), "Meta's three statuses waiting for the send");
      const m = (await t.api.get(`/v1/messages/${id}`, { key: t.boot.apiKey })).body;
      assert.equal(m.status, 'sending', 'the send is not stored yet');
    });
    const read = await waitFor(async () => {
      const m = (await t.api.get(`/v1/messages/${id}`, { key: t.boot.apiKey })).body;
      return m.status === 'read' ? m : undefined;
    }, 'the message read');
    assert.deepEqual(read.events.map((e: { status: string }) => e.status), ['queued', 'sending', 'sent', 'delivered', 'read']);
    assert.equal(await pending(), 0, 'nothing left waiting');
  });
});
