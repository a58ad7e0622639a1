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
import { createSendPolicies } from '../send-policy/order.ts';
import { retryPendingWhatsAppStatuses } from './whatsapp-statuses.ts';

const FROM = '+14155550177';
const PHONE_NUMBER_ID = '555000333';
const WABA_ID = '777200';

describe('WhatsApp statuses that arrive before the send is stored', () => {
  let t: TestPlatform;
  let meta: WhatsAppSimulator;
  const secrets = { accessToken: 'EAAG-early-token', appSecret: 'early-app-secret', verifyToken: 'early-verify' };
  before(async () => {
    t = await startTestPlatform();
    meta = await connectWhatsAppSimulator(t, {
      from: FROM,
      phoneNumberId: PHONE_NUMBER_ID,
      wabaId: WABA_ID,
      template: 'early_notice',
      secrets,
      simulator: { statusDelayMs: 20 },
    });
  });
  after(async () => {
    await t.close();
    await meta.close();
  });

  it('keeps them durably and applies them once the send is stored: the message ends read', async () => {
    const { sql } = t.platform.ctx;
    const template = {
      name: 'early_notice',
      language: 'en_US',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'A' }] }],
    };
    const pending = async () =>
      (await sql<{ n: number }[]>`select count(*)::int as n from pending_whatsapp_statuses`)[0]!.n;
    let id = '';
    // Hold back the dispatcher's outcome (its first write is the attempt row) while Meta's three
    // statuses for the send arrive; release it once they wait in the database.
    await sql.begin(async (tx) => {
      await tx`lock table message_attempts in share mode`;
      const res = await t.api.post('/v1/messages', {
        key: t.boot.apiKey,
        body: { channel: 'whatsapp', from: FROM, to: '+4915114777710', template },
      });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      id = res.body.id;
      await waitFor(
        async () => ((await pending()) === 3 ? true : undefined),
        "Meta's three statuses waiting for the send",
      );
      const m = (await t.api.get(`/v1/messages/${id}`, { key: t.boot.apiKey })).body;
      assert.equal(m.status, 'sending', 'the send is not stored yet');
    });
    const read = await waitFor(async () => {
      const m = (await t.api.get(`/v1/messages/${id}`, { key: t.boot.apiKey })).body;
      return m.status === 'read' ? m : undefined;
    }, 'the message read');
    assert.deepEqual(
      read.events.map((e: { status: string }) => e.status),
      ['queued', 'sending', 'sent', 'delivered', 'read'],
    );
    assert.equal(await pending(), 0, 'nothing left waiting');
  });

  it('keeps each waiting status for an hour after it came, not after the oldest of its batch', async () => {
    const { sql } = t.platform.ctx;
    const now = new Date();
    const status = (wamid: string, minutesAgo: number) => {
      const at = new Date(now.getTime() - minutesAgo * 60_000);
      const update = {
        phoneNumberId: PHONE_NUMBER_ID,
        wamid,
        status: 'delivered',
        timestamp: at.toISOString(),
        recipient: '',
        errors: [],
        category: null,
        billable: null,
        conversationId: null,
      };
      return sql`insert into pending_whatsapp_statuses (connector_id, smsc_id, status, at, update, received_at)
                 values ('con_unknown', ${wamid.toLowerCase()}, 'delivered', ${at}, ${sql.json(update)}, ${at})`;
    };
    await status('wamid.OLD', 120);
    await status('wamid.YOUNG', 5);
    const policies = createSendPolicies(t.platform.ctx);
    try {
      await sql.begin((tx) => retryPendingWhatsAppStatuses(t.platform.ctx, tx, policies, now));
    } finally {
      await policies.stop();
    }
    // The leader's own sweep may take the rows first: wait for whichever sweep ran to commit.
    const left = await waitFor(async () => {
      const rows = await sql<
        { smscId: string; receivedAt: Date }[]
      >`select smsc_id as "smscId", received_at as "receivedAt" from pending_whatsapp_statuses`;
      return rows.length === 1 ? rows : undefined;
    }, 'one status left waiting');
    assert.deepEqual(
      left.map((r) => [r.smscId, r.receivedAt.getTime()]),
      [['wamid.young', now.getTime() - 5 * 60_000]],
    );
  });
});
