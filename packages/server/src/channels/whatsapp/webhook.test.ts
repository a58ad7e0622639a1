// Meta's webhook POSTs as the Cloud API reference shows them: signature checks, the
// subscription handshake, every inbound kind and status, batching and unknown fields.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { parseTemplateStatusUpdates, parseWebhook, verifyHandshake, verifySignature } from './webhook.ts';

const secret = 'app-secret-0123';
const sign = (body: Buffer, key = secret) => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;

/** One `messages` change of a WABA's webhook, with Meta's envelope. */
function envelope(value: object, field = 'messages') {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field,
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

function inbound(message: object, profile = 'Sheena Nelson') {
  return envelope({
    contacts: [{ profile: { name: profile }, wa_id: '16505551234' }],
    messages: [
      {
        from: '16505551234',
        id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        timestamp: '1749416383',
        ...message,
      },
    ],
  });
}

function only(payload: object) {
  const { inbound: messages, statuses } = parseWebhook(payload);
  assert.equal(statuses.length, 0);
  assert.equal(messages.length, 1);
  return messages[0]!;
}

describe('verifySignature', () => {
  const body = Buffer.from(JSON.stringify(inbound({ type: 'text', text: { body: 'héllo' } })));

  it('accepts the HMAC of the raw body under the app secret, in either hex case', () => {
    assert.equal(verifySignature(secret, body, sign(body)), true);
    assert.equal(verifySignature(secret, body, sign(body).toUpperCase().replace('SHA256=', 'sha256=')), true);
    assert.equal(verifySignature(secret, body, [sign(body)]), true);
  });

  it('refuses a wrong secret, a tampered body, a missing or malformed header, an empty secret', () => {
    assert.equal(verifySignature(secret, body, sign(body, 'other-secret')), false);
    const tampered = Buffer.from(body.toString().replace('héllo', 'hallo'));
    assert.equal(verifySignature(secret, tampered, sign(body)), false);
    assert.equal(verifySignature(secret, body, undefined), false);
    assert.equal(verifySignature(secret, body, ''), false);
    assert.equal(verifySignature(secret, body, sign(body).replace('sha256=', 'sha1=')), false);
    assert.equal(verifySignature(secret, body, sign(body).slice(0, -2)), false);
    assert.equal(verifySignature(secret, body, `${sign(body)}00`), false);
    assert.equal(verifySignature(secret, body, 'sha256=zz'), false);
    assert.equal(verifySignature('', body, sign(body, '')), false);
  });
});

describe('verifyHandshake', () => {
  it('answers the challenge for subscribe with our token, null otherwise', () => {
    const q = new URLSearchParams({
      'hub.mode': 'subscribe',
      'hub.verify_token': 'tok',
      'hub.challenge': '1158201444',
    });
    assert.equal(verifyHandshake(q, 'tok'), '1158201444');
    assert.equal(
      verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '42' }, 'tok'),
      '42',
    );
    assert.equal(verifyHandshake(q, 'other'), null);
    assert.equal(verifyHandshake(q, ''), null);
    assert.equal(
      verifyHandshake({ 'hub.mode': 'unsubscribe', 'hub.verify_token': 'tok', 'hub.challenge': '42' }, 'tok'),
      null,
    );
    assert.equal(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok' }, 'tok'), null);
    assert.equal(
      verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': ['tok'], 'hub.challenge': '42' }, 'tok'),
      null,
    );
  });
});

describe('parseWebhook: inbound', () => {
  it('reads a text with the sender in E.164, profile name, time and quoted message', () => {
    const m = only(
      inbound({ type: 'text', text: { body: 'Hi there' }, context: { from: '15550783881', id: 'wamid.QUOTED' } }),
    );
    assert.deepEqual(m, {
      phoneNumberId: '106540352242922',
      displayPhoneNumber: '15550783881',
      from: '+16505551234',
      wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      timestamp: new Date(1749416383000),
      replyToWamid: 'wamid.QUOTED',
      profileName: 'Sheena Nelson',
      kind: 'text',
      text: 'Hi there',
    });
  });

  it('reads each media kind with id, mime type, sha256, caption and filename', () => {
    const image = only(
      inbound({
        type: 'image',
        image: { caption: 'My cat', mime_type: 'image/jpeg', sha256: 'Ch4Qz0bq', id: '1003383421387256' },
      }),
    );
    assert.equal(image.kind, 'image');
    assert.deepEqual(image.kind === 'image' && image.media, {
      id: '1003383421387256',
      mimeType: 'image/jpeg',
      sha256: 'Ch4Qz0bq',
      caption: 'My cat',
      filename: null,
    });
    const doc = only(
      inbound({
        type: 'document',
        document: { filename: 'invoice.pdf', mime_type: 'application/pdf', sha256: 'x', id: '55' },
      }),
    );
    assert.deepEqual(doc.kind === 'document' && [doc.media.filename, doc.media.caption], ['invoice.pdf', null]);
    for (const kind of ['audio', 'video', 'sticker'] as const) {
      const m = only(
        inbound({
          type: kind,
          [kind]: {
            mime_type: 'x/y',
            sha256: 's',
            id: `${kind}-1`,
            ...(kind === 'audio' && { voice: true }),
            ...(kind === 'sticker' && { animated: false }),
          },
        }),
      );
      assert.deepEqual([m.kind, 'media' in m && m.media.id], [kind, `${kind}-1`]);
    }
  });

  it('reads button and list replies with id and title, and the message they answer', () => {
    const button = only(
      inbound({
        type: 'interactive',
        context: { from: '15550783881', id: 'wamid.ASKED' },
        interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
      }),
    );
    assert.deepEqual(
      [button.replyToWamid, button.kind === 'interactive' && button.reply],
      ['wamid.ASKED', { type: 'button_reply', id: 'yes', title: 'Yes', description: null }],
    );
    const list = only(
      inbound({
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'p1', title: 'Margherita', description: 'Tomato' } },
      }),
    );
    assert.deepEqual(list.kind === 'interactive' && list.reply, {
      type: 'list_reply',
      id: 'p1',
      title: 'Margherita',
      description: 'Tomato',
    });
    const flow = only(
      inbound({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{}' } } }),
    );
    assert.deepEqual([flow.kind, flow.kind === 'unsupported' && flow.type], ['unsupported', 'interactive.nfm_reply']);
  });

  it("reads a template's quick-reply button with its payload", () => {
    const m = only(
      inbound({
        type: 'button',
        context: { from: '15550783881', id: 'wamid.TPL' },
        button: { payload: 'STOP', text: 'Stop promotions' },
      }),
    );
    assert.deepEqual(m.kind === 'button' && m.button, { text: 'Stop promotions', payload: 'STOP' });
  });

  it('reads a reaction, and a removed reaction as emoji null', () => {
    const m = only(inbound({ type: 'reaction', reaction: { message_id: 'wamid.MINE', emoji: '❤️' } }));
    assert.deepEqual(m.kind === 'reaction' && m.reaction, { messageId: 'wamid.MINE', emoji: '❤️' });
    const removed = only(inbound({ type: 'reaction', reaction: { message_id: 'wamid.MINE' } }));
    assert.deepEqual(removed.kind === 'reaction' && removed.reaction, { messageId: 'wamid.MINE', emoji: null });
  });

  it('reads a location and shared contacts', () => {
    const loc = only(
      inbound({
        type: 'location',
        location: {
          address: '1 Hacker Way, Menlo Park, CA 94025',
          latitude: 37.483307,
          longitude: -122.148981,
          name: 'Meta Headquarters',
          url: 'https://meta.com',
        },
      }),
    );
    assert.deepEqual(loc.kind === 'location' && loc.location, {
      latitude: 37.483307,
      longitude: -122.148981,
      name: 'Meta Headquarters',
      address: '1 Hacker Way, Menlo Park, CA 94025',
    });
    const contacts = only(
      inbound({
        type: 'contacts',
        contacts: [
          {
            name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara' },
            phones: [
              { phone: '+1 (940) 555-1234', type: 'HOME', wa_id: '19405551234' },
              { phone: '+1 (650) 555-1234', type: 'WORK' },
            ],
            emails: [{ email: 'bjohnson@example.com', type: 'WORK' }],
            org: { company: 'Lucky Shrub' },
          },
        ],
      }),
    );
    assert.deepEqual(contacts.kind === 'contacts' && contacts.contacts, [
      {
        name: 'Barbara J. Johnson',
        emails: ['bjohnson@example.com'],
        phones: [
          { phone: '+1 (940) 555-1234', waId: '19405551234', type: 'HOME' },
          { phone: '+1 (650) 555-1234', waId: null, type: 'WORK' },
        ],
      },
    ]);
  });

  it("keeps Meta's unsupported messages and unknown kinds as unsupported with their errors", () => {
    const m = only(
      inbound({
        type: 'unsupported',
        errors: [
          {
            code: 131051,
            title: 'Message type unknown',
            message: 'Message type unknown',
            error_data: { details: 'Message type is currently not supported.' },
          },
        ],
      }),
    );
    assert.deepEqual(m.kind === 'unsupported' && [m.type, m.errors], [
      'unsupported',
      [
        {
          code: 131051,
          title: 'Message type unknown',
          message: 'Message type unknown',
          details: 'Message type is currently not supported.',
        },
      ],
    ]);
    const order = only(inbound({ type: 'order', order: { catalog_id: '1', product_items: [] } }));
    assert.deepEqual(order.kind === 'unsupported' && order.type, 'order');
  });
});

describe('parseWebhook: statuses', () => {
  const status = (s: object) =>
    envelope({ statuses: [{ id: 'wamid.OUT', recipient_id: '16505551234', timestamp: '1750263773', ...s }] });

  it('reads sent with pricing category and conversation, and failed with its errors', () => {
    const sent = parseWebhook(
      status({
        status: 'sent',
        conversation: { id: 'conv-1', expiration_timestamp: '1750350173', origin: { type: 'utility' } },
        pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
      }),
    ).statuses;
    assert.deepEqual(sent, [
      {
        phoneNumberId: '106540352242922',
        wamid: 'wamid.OUT',
        status: 'sent',
        timestamp: new Date(1750263773000),
        recipient: '+16505551234',
        errors: [],
        category: 'utility',
        billable: true,
        conversationId: 'conv-1',
      },
    ]);
    const failed = parseWebhook(
      status({
        status: 'failed',
        errors: [
          {
            code: 131047,
            title: 'Re-engagement message',
            message: 'Re-engagement message',
            error_data: { details: 'More than 24 hours have passed since the recipient last replied.' },
            href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
          },
        ],
      }),
    ).statuses[0]!;
    assert.deepEqual(
      [failed.status, failed.errors[0]?.code, failed.errors[0]?.title, failed.category, failed.billable],
      ['failed', 131047, 'Re-engagement message', null, null],
    );
  });

  it('falls back to the conversation origin for the category and skips statuses it does not know', () => {
    const { statuses } = parseWebhook(
      envelope({
        statuses: [
          {
            id: 'wamid.A',
            status: 'delivered',
            timestamp: '1750263774',
            recipient_id: '1',
            conversation: { id: 'c', origin: { type: 'marketing' } },
          },
          { id: 'wamid.B', status: 'deleted', timestamp: '1750263774', recipient_id: '1' },
          { id: 'wamid.C', status: 'read', recipient_id: '1' },
          { id: 'wamid.D', status: 'read', timestamp: 1750263775, recipient_id: '1' },
        ],
      }),
    );
    assert.deepEqual(
      statuses.map((s) => [s.wamid, s.status, s.category]),
      [
        ['wamid.A', 'delivered', 'marketing'],
        ['wamid.D', 'read', null],
      ],
    );
  });
});

describe('parseWebhook: batching and tolerance', () => {
  it('reads several entries and changes in one POST, ignoring other fields and unknown keys', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'waba-1',
          time: 1,
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: 'pn-1' },
                messages: [
                  {
                    from: '4915112345678',
                    id: 'wamid.1',
                    timestamp: '1750000000',
                    type: 'text',
                    text: { body: 'a' },
                    brand_new: { x: 1 },
                  },
                ],
                statuses: [{ id: 'wamid.S', status: 'read', timestamp: '1750000001', recipient_id: '4915112345678' }],
              },
            },
            { field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } },
          ],
        },
        {
          id: 'waba-2',
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: 'pn-2' },
                messages: [
                  { from: '4917612345678', id: 'wamid.2', timestamp: '1750000002', type: 'text', text: { body: 'b' } },
                ],
              },
            },
          ],
        },
        {
          id: 'waba-3',
          changes: [
            {
              field: 'messages',
              value: {
                messages: [{ from: '1', id: 'wamid.nometa', timestamp: '1', type: 'text', text: { body: 'c' } }],
              },
            },
          ],
        },
      ],
    };
    const { inbound: messages, statuses } = parseWebhook(payload);
    assert.deepEqual(
      messages.map((m) => [m.phoneNumberId, m.wamid, m.from, m.profileName, m.displayPhoneNumber]),
      [
        ['pn-1', 'wamid.1', '+4915112345678', null, null],
        ['pn-2', 'wamid.2', '+4917612345678', null, null],
      ],
    );
    assert.deepEqual(
      statuses.map((s) => [s.phoneNumberId, s.wamid]),
      [['pn-1', 'wamid.S']],
    );
  });

  it('returns nothing for other objects and garbage', () => {
    for (const junk of [
      null,
      'x',
      42,
      [],
      {},
      { object: 'page', entry: [] },
      { entry: 'x' },
      { entry: [{ changes: [null, { field: 'messages', value: 5 }] }] },
    ]) {
      assert.deepEqual(parseWebhook(junk), { inbound: [], statuses: [] });
    }
  });
});

describe('parseTemplateStatusUpdates', () => {
  it('reads approvals and rejections with the reason, NONE as null', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'waba-1',
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event: 'APPROVED',
                message_template_id: 123456,
                message_template_name: 'order_update',
                message_template_language: 'en_US',
                reason: 'NONE',
              },
            },
            {
              field: 'message_template_status_update',
              value: {
                event: 'REJECTED',
                message_template_id: '789',
                message_template_name: 'reject_me',
                message_template_language: 'de',
                reason: 'INVALID_FORMAT',
              },
            },
            { field: 'message_template_status_update', value: { event: 'FLAGGED', message_template_id: 1 } },
          ],
        },
      ],
    };
    assert.deepEqual(parseTemplateStatusUpdates(payload), [
      {
        wabaId: 'waba-1',
        templateId: '123456',
        name: 'order_update',
        language: 'en_US',
        status: 'APPROVED',
        reason: null,
      },
      {
        wabaId: 'waba-1',
        templateId: '789',
        name: 'reject_me',
        language: 'de',
        status: 'REJECTED',
        reason: 'INVALID_FORMAT',
      },
    ]);
    assert.deepEqual(parseWebhook(payload), { inbound: [], statuses: [] });
  });
});
