// WhatsApp media with an operator's own connector (a Cloud API simulator standing in for Meta):
// uploads are stored sealed and sent by media id; customers' media are fetched into our files.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { send, waitFor, waitForStatus } from '../../../test/messages.ts';
import { startWhatsAppSimulator, type WhatsAppSimulator } from '../../sandbox/whatsapp/simulator.ts';

describe('WhatsApp media', () => {
  let t: TestPlatform;
  let meta: WhatsAppSimulator;
  let key: string;
  const secrets = { accessToken: 'EAAG-test-token', appSecret: 'app-secret-1', verifyToken: 'verify-me' };
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]);
  before(async () => {
    t = await startTestPlatform();
    meta = await startWhatsAppSimulator({
      ...secrets,
      phoneNumbers: [{ id: '555000111', wabaId: '777000', displayPhoneNumber: '14155550177' }],
      enforceWindow: false,
    });
    const admin = t.boot.adminApiKey;
    // WhatsApp is priced per message by category: a reply in the window is "service".
    for (const [category, unitPriceMicros] of [
      ['service', 3_000],
      ['marketing', 90_000],
      [null, 1_000],
    ] as const) {
      const price = await t.api.post('/v1/admin/prices', {
        key: admin,
        body: { channel: 'whatsapp', prefix: '+49', category, unitPriceMicros, currency: 'EUR' },
      });
      assert.equal(price.status, 201, JSON.stringify(price.body));
    }
    assert.equal(
      (
        await t.api.post('/v1/admin/prices', {
          key: admin,
          body: { channel: 'sms', prefix: '+49', category: 'service', unitPriceMicros: 1, currency: 'EUR' },
        })
      ).status,
      422,
    );
    const connector = await t.api.post('/v1/admin/connectors', {
      key: admin,
      body: {
        name: 'Acme WABA',
        kind: 'whatsapp',
        config: { wabaId: '777000', graphBaseUrl: meta.url, graphVersion: 'v21.0', ...secrets },
      },
    });
    assert.equal(connector.status, 201, JSON.stringify(connector.body));
    assert.deepEqual(
      [connector.body.state, connector.body.hasPassword, connector.body.config.accessToken],
      ['ready', true, undefined],
      'secrets are write-only',
    );
    meta.setWebhookUrl(`${t.url}/webhooks/whatsapp/${connector.body.id}`);
    const handshake = await t.api.get(
      `/webhooks/whatsapp/${connector.body.id}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=4242`,
    );
    assert.deepEqual([handshake.status, handshake.body], [200, '4242'], "Meta's subscription handshake");
    const account = (await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Media', status: 'active' } }))
      .body.id;
    await t.api.post('/v1/admin/numbers', {
      key: admin,
      body: {
        number: '+14155550177',
        accountId: account,
        channels: ['whatsapp'],
        whatsapp: { connectorId: connector.body.id, phoneNumberId: '555000111' },
      },
    });
    key = (
      await t.api.post(`/v1/admin/accounts/${account}/api-keys`, {
        key: admin,
        body: { name: 'k', scopes: ['messages:write', 'messages:read'] },
      })
    ).body.secret;
  });
  after(async () => {
    await t.close();
    await meta.close();
  });

  it('uploads media, sends it by id, and serves it back', async () => {
    const upload = await t.api.post('/v1/media?filename=receipt.png', {
      key,
      raw: png as unknown as string,
      headers: { 'content-type': 'image/png' },
    });
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    assert.equal(upload.body.size, png.length);
    const back = await fetch(`${t.url}/v1/media/${upload.body.id}`, { headers: { authorization: `Bearer ${key}` } });
    assert.deepEqual(Buffer.from(await back.arrayBuffer()), png);
    const [stored] = await t.platform.ctx.sql<
      { data: Buffer }[]
    >`select data from file_chunks where file_id = ${upload.body.id}`;
    assert.ok(!stored!.data.includes(png.subarray(8, 200)), 'sealed at rest');
    // Media are free-form: the customer writes first, which opens the 24-hour window.
    await meta.sendInbound({
      phoneNumberId: '555000111',
      from: '+4915112345678',
      kind: 'text',
      text: 'send me the receipt',
    });
    await waitFor(
      async () =>
        ((await t.api.get('/v1/messages?direction=inbound', { key })).body.data as unknown[]).length > 0 || undefined,
      'the customer message',
    );
    const m = await send(t, key, {
      channel: 'whatsapp',
      to: '+4915112345678',
      media: { kind: 'image', id: upload.body.whatsappMediaId, caption: 'Your receipt' },
    });
    await waitForStatus(t, key, m.id, ['delivered', 'read']);
    const priced = await waitFor(
      async () => (await t.api.get(`/v1/messages/${m.id}`, { key })).body.price ?? undefined,
      'the message rated',
    );
    assert.deepEqual(priced, { amountMicros: 3_000, currency: 'EUR' }, 'the service price, not the any-category one');
    const [usage] = await t.platform.ctx.sql<
      { category: string; channel: string }[]
    >`select category, channel from usage_records where message_id = ${m.id}`;
    assert.deepEqual({ ...usage }, { category: 'service', channel: 'whatsapp' });
    const refused = await t.api.post('/v1/media?filename=x.exe', {
      key,
      raw: 'MZ',
      headers: { 'content-type': 'application/x-msdownload' },
    });
    assert.equal(refused.status, 415);
  });

  it('stores the media a customer sends, fetched from Meta when it arrives', async () => {
    await meta.sendInbound({
      phoneNumberId: '555000111',
      from: '+4915112345678',
      kind: 'image',
      media: { bytes: png, mimeType: 'image/png', caption: 'my photo' },
    });
    const received = await waitFor(async () => {
      const list = (await t.api.get('/v1/messages?direction=inbound', { key })).body.data as {
        whatsapp: { media?: { fileId: string; caption: string } } | null;
      }[];
      return list.find((m) => m.whatsapp?.media?.fileId);
    }, 'the inbound image');
    assert.equal(received.whatsapp!.media!.caption, 'my photo');
    const file = await fetch(`${t.url}/v1/media/${received.whatsapp!.media!.fileId}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), png);
  });

  it('receives every kind a customer can send', async () => {
    const from = '+4915112349876';
    const specs = [
      { kind: 'interactive' as const, reply: { type: 'button_reply' as const, id: 'yes', title: 'Yes please' } },
      { kind: 'button' as const, button: { text: 'Stop promotions', payload: 'STOP_PROMO' } },
      { kind: 'reaction' as const, reaction: { messageId: 'wamid.X', emoji: '❤️' } },
      { kind: 'location' as const, location: { latitude: 48.85, longitude: 2.35, name: 'Home' } },
      { kind: 'contacts' as const, contacts: [{ name: 'Ada', phones: ['+4915112340000'] }] },
    ];
    for (const spec of specs) await meta.sendInbound({ phoneNumberId: '555000111', from, ...spec });
    const got = await waitFor(async () => {
      const list = (await t.api.get(`/v1/messages?direction=inbound&from=${encodeURIComponent(from)}`, { key })).body
        .data as { body: string | null; whatsapp: Record<string, unknown> }[];
      return list.length === specs.length ? list : undefined;
    }, 'five inbound messages');
    const shapes = got
      .map(
        (m) =>
          Object.keys(m.whatsapp)
            .filter((k) => k !== 'body')
            .sort()
            .join(',') + (m.body ? `:${m.body}` : ''),
      )
      .sort();
    assert.deepEqual(shapes, ['button:Stop promotions', 'contacts', 'interactive:Yes please', 'location', 'reaction']);
  });
});
