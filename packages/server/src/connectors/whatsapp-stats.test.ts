// GET /v1/admin/connectors counts what went through a WhatsApp connector, as it does for an
// SMPP one: the sandbox-whatsapp connector no longer shows 0 submitted after sends.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitFor, waitForStatus } from '../../test/messages.ts';

interface ConnectorJson {
  name: string;
  kind: string;
  stats: { submitted: number; failed: number; lastError: string | null };
}

describe('WhatsApp connector counters', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform();
    await waitFor(async () => {
      const numbers = (await t.api.get('/v1/numbers', { key: t.boot.apiKey })).body.data as { whatsapp: unknown }[];
      return numbers.find((n) => n.whatsapp) ? true : undefined;
    }, 'the sandbox WhatsApp number to be mapped');
  });
  after(() => t.close());

  it('counts submitted and refused WhatsApp sends on the sandbox-whatsapp connector', async () => {
    const hello = {
      name: 'hello_world',
      language: 'en_US',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }],
    };
    for (const to of ['+4915112340001', '+4915112340002']) {
      const m = await send(t, t.boot.apiKey, { channel: 'whatsapp', to, template: hello });
      await waitForStatus(t, t.boot.apiKey, m.id, ['delivered', 'read']);
    }
    // 903: Meta refuses the send at once (131030).
    const refused = await send(t, t.boot.apiKey, { channel: 'whatsapp', to: '+4915112340903', template: hello });
    await waitForStatus(t, t.boot.apiKey, refused.id, ['failed']);
    const stats = await waitFor(async () => {
      const list = (await t.api.get('/v1/admin/connectors', { key: t.boot.adminApiKey })).body.data as ConnectorJson[];
      const s = list.find((c) => c.kind === 'whatsapp' && c.name === 'sandbox-whatsapp')?.stats;
      return s && s.submitted === 2 && s.failed === 1 ? s : undefined;
    }, 'the counters of sandbox-whatsapp (reported every 5 s)');
    assert.ok(stats.lastError, 'the refusal is the last error');
  });
});
