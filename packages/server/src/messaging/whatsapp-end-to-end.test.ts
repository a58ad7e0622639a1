// WhatsApp end to end through the sandbox Business Account: the messages API → the dispatcher →
// the Cloud API simulator over real HTTP → signed status webhooks back into our webhook route;
// customers' messages arrive the same way and open the 24-hour window.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitFor, waitForStatus } from '../../test/messages.ts';

describe('WhatsApp through the sandbox', () => {
  let t: TestPlatform;
  let key: string;
  let connectorId: string;
  const customer = '+4915112345678';
  const hello = {
    name: 'hello_world',
    language: 'en_US',
    components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }],
  };
  before(async () => {
    t = await startTestPlatform();
    key = t.boot.apiKey;
    connectorId = await waitFor(async () => {
      const numbers = (await t.api.get('/v1/numbers', { key })).body.data as {
        whatsapp: { connectorId: string } | null;
      }[];
      return numbers.find((n) => n.whatsapp)?.whatsapp?.connectorId;
    }, 'the sandbox WhatsApp number to be mapped');
  });
  after(() => t.close());

  it('refuses free-form messages outside the 24-hour window, sends templates, and reports sent → delivered → read', async () => {
    const closed = await send(t, key, { channel: 'whatsapp', to: customer, body: 'Hi there' });
    assert.deepEqual([closed.status, closed.error.code], ['rejected', 'whatsapp_window_closed']);
    assert.equal(closed.from, t.boot.sandboxNumber, "sent from the account's WhatsApp number by default");

    const template = await send(t, key, { channel: 'whatsapp', to: customer, template: hello });
    assert.equal(template.status, 'queued');
    assert.equal(template.encoding, null);
    assert.deepEqual(template.whatsapp.template, hello);
    await waitForStatus(t, key, template.id, ['read']);
    // Our "sent" (Meta took the request) and Meta's own "sent" status are one event: a status the
    // message has reached already is not recorded again, wherever the repeat lands.
    const read = await waitFor(async () => {
      const m = (await t.api.get(`/v1/messages/${template.id}`, { key })).body;
      return m.events.length >= 5 ? m : undefined;
    }, 'the five status events');
    const history = read.events.map((e: { status: string }) => e.status) as string[];
    assert.deepEqual(history, ['queued', 'sending', 'sent', 'delivered', 'read']);
    assert.equal(read.attempts[0].channel, 'whatsapp');
  });

  it('receives a customer message, which opens the window for free-form replies', async () => {
    const inbound = await t.api.post('/v1/sandbox/inbound', {
      key,
      body: { channel: 'whatsapp', from: customer, to: t.boot.sandboxNumber, body: 'Where is my order?' },
    });
    assert.equal(inbound.status, 201, JSON.stringify(inbound.body));
    const received = inbound.body as { body: string; from: string; status: string; channel: string };
    assert.deepEqual(
      [received.status, received.from, received.channel, received.body],
      ['received', customer, 'whatsapp', 'Where is my order?'],
    );

    const reply = await send(t, key, { channel: 'whatsapp', to: customer, body: 'On its way!', previewUrl: false });
    await waitForStatus(t, key, reply.id, ['read']);

    // Every other kind goes too, inside the window (Meta's shapes, camelCase).
    const wamid = (received as unknown as { reference: string }).reference;
    const kinds = [
      {
        interactive: {
          type: 'button',
          body: { text: 'Track it?' },
          action: {
            buttons: [
              { id: 'yes', title: 'Yes' },
              { id: 'no', title: 'No' },
            ],
          },
        },
      },
      {
        interactive: {
          type: 'list',
          body: { text: 'Pick a slot' },
          action: {
            button: 'Slots',
            sections: [
              {
                title: 'Today',
                rows: [
                  { id: 'am', title: 'Morning' },
                  { id: 'pm', title: 'Afternoon' },
                ],
              },
            ],
          },
        },
      },
      { reaction: { messageId: wamid, emoji: '👍' } },
      { location: { latitude: 52.52, longitude: 13.405, name: 'Depot', address: 'Berlin' } },
      { media: { kind: 'image', url: 'https://example.com/parcel.jpg', caption: 'Your parcel' } },
    ];
    for (const content of kinds) {
      const m = await send(t, key, { channel: 'whatsapp', to: customer, ...content });
      assert.equal(m.status, 'queued', JSON.stringify(content));
      await waitForStatus(t, key, m.id, ['read']);
    }
  });

  it('backs off when Meta throttles, then sends; keeps accounts apart', async () => {
    const throttled = await send(t, key, { channel: 'whatsapp', to: '+4915112345904', template: hello });
    const done = await waitForStatus(t, key, throttled.id, ['read']);
    assert.deepEqual(
      done.attempts.map((a: { status: string }) => a.status),
      ['retry', 'sent'],
      '130429 once, then after Retry-After',
    );

    const admin = t.boot.adminApiKey;
    const other = (await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Stranger', status: 'active' } }))
      .body.id;
    const stranger = (
      await t.api.post(`/v1/admin/accounts/${other}/api-keys`, {
        key: admin,
        body: { name: 's', scopes: ['messages:read', 'messages:write', 'templates:manage'] },
      })
    ).body.secret;
    assert.equal((await t.api.get(`/v1/messages/${throttled.id}`, { key: stranger })).status, 404);
    assert.deepEqual((await t.api.get('/v1/whatsapp/templates', { key: stranger })).body.data, []);
    const noNumber = await t.api.post('/v1/messages', {
      key: stranger,
      body: { channel: 'whatsapp', to: customer, template: hello },
    });
    assert.deepEqual(
      [noNumber.status, noNumber.body.errors[0].pointer],
      [422, '/channel'],
      "another account cannot send from the sandbox account's number",
    );
    const inbound = (
      (await t.api.get('/v1/messages?direction=inbound&channel=whatsapp', { key })).body.data as { id: string }[]
    )[0]!;
    assert.equal((await t.api.post(`/v1/messages/${inbound.id}/read`, { key: stranger })).status, 404);
  });

  it("fails undeliverable messages with Meta's code, asynchronously", async () => {
    const m = await send(t, key, { channel: 'whatsapp', to: '+4915112345901', template: hello });
    const failed = await waitForStatus(t, key, m.id, ['failed']);
    assert.equal(failed.error.code, 'whatsapp_131026');
  });

  it('validates WhatsApp content before anything is sent', async () => {
    const long = await t.api.post('/v1/messages', {
      key,
      body: { channel: 'whatsapp', to: customer, body: 'x'.repeat(4097) },
    });
    assert.deepEqual([long.status, long.body.errors[0].pointer], [422, '/body']);
    const buttons = Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, title: `Option ${i}` }));
    const tooMany = await t.api.post('/v1/messages', {
      key,
      body: {
        channel: 'whatsapp',
        to: customer,
        interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons } },
      },
    });
    assert.equal(tooMany.status, 422);
    assert.match(tooMany.body.errors[0].pointer, /^\/interactive\/action\/buttons/);
    const nothing = await t.api.post('/v1/messages', { key, body: { channel: 'whatsapp', to: customer } });
    assert.equal(nothing.status, 422);
    const smsWithTemplate = await t.api.post('/v1/messages', {
      key,
      body: { to: customer, body: 'x', template: hello },
    });
    assert.deepEqual([smsWithTemplate.status, smsWithTemplate.body.errors[0].pointer], [422, '/template']);
  });

  it("refuses webhooks not signed with the connector's app secret, and wrong verify tokens", async () => {
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
    const forged = await t.api.post(`/webhooks/whatsapp/${connectorId}`, {
      raw: body,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': `sha256=${crypto.createHmac('sha256', 'wrong').update(body).digest('hex')}`,
      },
    });
    assert.equal(forged.status, 401);
    const handshake = await t.api.get(
      `/webhooks/whatsapp/${connectorId}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=123`,
    );
    assert.equal(handshake.status, 403);
    assert.equal(
      (await t.api.post('/webhooks/whatsapp/con_nope', { raw: body, headers: { 'content-type': 'application/json' } }))
        .status,
      404,
    );
  });

  it("manages templates through Meta's review; only APPROVED ones with the right parameters can be sent", async () => {
    const list = (await t.api.get('/v1/whatsapp/templates', { key })).body.data as { name: string; status: string }[];
    assert.deepEqual(
      list.map((x) => [x.name, x.status]),
      [['hello_world', 'APPROVED']],
      "the sandbox account has Meta's stock template",
    );
    const missing = await t.api.post('/v1/messages', {
      key,
      body: { channel: 'whatsapp', to: customer, template: { ...hello, name: 'nope' } },
    });
    assert.deepEqual([missing.status, missing.body.errors[0].pointer], [422, '/template/name']);
    const wrong = await t.api.post('/v1/messages', {
      key,
      body: { channel: 'whatsapp', to: customer, template: { ...hello, components: [] } },
    });
    assert.equal(wrong.status, 422);
    assert.match(wrong.body.errors[0].detail, /body needs 1 parameter/);

    const body = (name: string) => ({
      name,
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Your order {{1}} has shipped.' }],
    });
    const created = await t.api.post('/v1/whatsapp/templates', { key, body: body('order_shipped') });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.ok(['PENDING', 'APPROVED'].includes(created.body.status), 'submitted (the sandbox reviews at once)');
    const approved = await waitFor(async () => {
      const rows = (await t.api.get('/v1/whatsapp/templates', { key })).body.data as { name: string; status: string }[];
      return rows.find((x) => x.name === 'order_shipped' && x.status === 'APPROVED');
    }, "Meta's approval webhook");
    assert.ok(approved);
    const m = await send(t, key, {
      channel: 'whatsapp',
      to: customer,
      template: {
        name: 'order_shipped',
        language: 'en_US',
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'A-17' }] }],
      },
    });
    await waitForStatus(t, key, m.id, ['delivered', 'read']);

    const rejected = await t.api.post('/v1/whatsapp/templates', { key, body: body('reject_spam') });
    await waitFor(
      async () =>
        ((await t.api.get('/v1/whatsapp/templates', { key })).body.data as { name: string; status: string }[]).find(
          (x) => x.name === 'reject_spam' && x.status === 'REJECTED',
        ),
      'the rejection',
    );
    const refused = await t.api.post('/v1/messages', {
      key,
      body: {
        channel: 'whatsapp',
        to: customer,
        template: {
          name: 'reject_spam',
          language: 'en_US',
          components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }],
        },
      },
    });
    assert.match(refused.body.errors[0].detail, /REJECTED: only APPROVED templates can be sent/);
    assert.equal((await t.api.delete(`/v1/whatsapp/templates/${rejected.body.id}`, { key })).status, 204);
    const events = await t.platform.ctx.sql<
      { type: string }[]
    >`select type from events where account_id = ${t.boot.accountId} and type like 'template.%' order by id`;
    assert.deepEqual(events.map((e) => e.type).slice(-5), [
      'template.pending',
      'template.approved',
      'template.pending',
      'template.rejected',
      'template.deleted',
    ]);
  });

  it('fails over to SMS when WhatsApp fails for good, at once or later, or delivers nothing in time', async () => {
    const channels = (m: { attempts: { channel: string; status: string }[] }) =>
      m.attempts.map((a) => `${a.channel}:${a.status}`);
    // 903: Meta refuses at once (131030). The SMS leg then meets the SMSC's 903 (receipt EXPIRED).
    const now = await send(t, key, { channel: 'whatsapp', to: '+4915112345903', template: hello, fallback: ['sms'] });
    const nowDone = await waitForStatus(t, key, now.id, ['expired']);
    assert.equal(nowDone.channel, 'sms');
    assert.deepEqual(channels(nowDone), ['whatsapp:failed', 'sms:sent']);
    assert.equal(nowDone.body, 'Hello Ada, welcome to CX Engage!', 'the SMS is the rendered template');
    // 902: sent, then Meta reports failed (131026); the SMSC's 902 is UNDELIV.
    const later = await send(t, key, {
      channel: 'whatsapp',
      to: '+4915112345902',
      template: hello,
      fallback: ['sms'],
      fallbackBody: 'Your code is 1234',
    });
    const laterDone = await waitForStatus(t, key, later.id, ['undelivered']);
    assert.deepEqual(channels(laterDone), ['whatsapp:failed', 'sms:sent']);
    assert.equal(laterDone.body, 'Your code is 1234');
    // 905: sent, then silence; after fallbackAfterSeconds it goes by SMS (which stays sent: 905 again).
    const silent = await send(t, key, {
      channel: 'whatsapp',
      to: '+4915112345905',
      template: hello,
      fallback: ['sms'],
      fallbackAfterSeconds: 10,
    });
    const silentDone = await waitFor(
      async () => {
        const m = (await t.api.get(`/v1/messages/${silent.id}`, { key })).body;
        return m.channel === 'sms' && m.status === 'sent' ? m : undefined;
      },
      'the timed-out WhatsApp message to go by SMS',
      30_000,
    );
    assert.deepEqual(channels(silentDone), ['whatsapp:sent', 'sms:sent']);
    // channel auto, free-form outside the window: straight to SMS.
    const auto = await send(t, key, { channel: 'auto', to: '+4915112340042', body: 'Hi by whichever way works' });
    const autoDone = await waitForStatus(t, key, auto.id, ['delivered']);
    assert.deepEqual([autoDone.channel, autoDone.body], ['sms', 'Hi by whichever way works']);
  });

  it('asks a WhatsApp opt-in for business-initiated templates where consent is enforced; marks inbound messages read', async () => {
    const admin = t.boot.adminApiKey;
    const account = (
      await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Consenting', status: 'active' } })
    ).body.id as string;
    const number = await t.api.post('/v1/admin/numbers', {
      key: admin,
      body: {
        number: '+14155550142',
        accountId: account,
        channels: ['sms', 'whatsapp'],
        whatsapp: { connectorId, phoneNumberId: '100000000000777' },
      },
    });
    assert.equal(number.status, 201, JSON.stringify(number.body));
    assert.equal((await t.api.post('/v1/admin/whatsapp/templates/sync', { key: admin })).status, 200);
    const client = (
      await t.api.post(`/v1/admin/accounts/${account}/api-keys`, {
        key: admin,
        body: { name: 'c', scopes: ['messages:write', 'messages:read', 'contacts:write', 'contacts:read'] },
      })
    ).body.secret as string;
    const to = '+4915112340777';
    const refused = await send(t, client, { channel: 'whatsapp', to, template: hello });
    assert.deepEqual([refused.status, refused.error.code], ['rejected', 'no_consent']);
    const optIn = await t.api.request('PUT', `/v1/whatsapp/opt-ins/${encodeURIComponent(to)}`, {
      key: client,
      body: { source: 'form', evidence: 'checkout checkbox, 2026-11-25' },
    });
    assert.deepEqual([optIn.status, optIn.body.optedIn], [200, true]);
    const sent = await send(t, client, { channel: 'whatsapp', to, template: hello });
    await waitForStatus(t, client, sent.id, ['delivered', 'read']);
    assert.equal(
      (await t.api.delete(`/v1/whatsapp/opt-ins/${encodeURIComponent(to)}`, { key: client })).body.optedIn,
      false,
    );
    assert.equal((await send(t, client, { channel: 'whatsapp', to, template: hello })).error.code, 'no_consent');

    const inbound = (
      (await t.api.get('/v1/messages?direction=inbound&channel=whatsapp', { key })).body.data as { id: string }[]
    )[0]!;
    assert.equal((await t.api.post(`/v1/messages/${inbound.id}/read`, { key })).status, 204);
    assert.equal(
      (await t.api.post(`/v1/messages/${sent.id}/read`, { key: client })).status,
      409,
      'only inbound messages',
    );
  });
});
