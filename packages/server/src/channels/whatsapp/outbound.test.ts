// Our WhatsApp content becomes Meta's JSON exactly as the Cloud API reference writes it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toGraphMessage, whatsAppKind } from './outbound.ts';

const head = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '4915112345678' };

describe('toGraphMessage', () => {
  it('sends text without the + and with preview_url false unless asked, quoting a message as context', () => {
    assert.deepEqual(toGraphMessage('+4915112345678', { body: 'Hello' }), {
      ...head,
      type: 'text',
      text: { body: 'Hello', preview_url: false },
    });
    assert.deepEqual(
      toGraphMessage('+4915112345678', { body: 'https://x.example', previewUrl: true }, { replyToWamid: 'wamid.ABC' }),
      {
        ...head,
        context: { message_id: 'wamid.ABC' },
        type: 'text',
        text: { body: 'https://x.example', preview_url: true },
      },
    );
  });

  it('sends a template with language code, snake_case parameters and a string button index', () => {
    const body = toGraphMessage('+4915112345678', {
      template: {
        name: 'order_update',
        language: 'de',
        components: [
          {
            type: 'header',
            parameters: [{ type: 'document', document: { url: 'https://x.example/i.pdf', filename: 'invoice.pdf' } }],
          },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ada', parameterName: 'name' },
              { type: 'currency', currency: { fallbackValue: '12,50 €', code: 'EUR', amount1000: 12500 } },
              { type: 'date_time', dateTime: { fallbackValue: '1. Mai' } },
            ],
          },
          { type: 'button', subType: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'STOP' }] },
          {
            type: 'button',
            subType: 'copy_code',
            index: 1,
            parameters: [{ type: 'coupon_code', couponCode: 'SAVE10' }],
          },
        ],
      },
    });
    assert.deepEqual(body, {
      ...head,
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'de' },
        components: [
          {
            type: 'header',
            parameters: [{ type: 'document', document: { link: 'https://x.example/i.pdf', filename: 'invoice.pdf' } }],
          },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ada', parameter_name: 'name' },
              { type: 'currency', currency: { fallback_value: '12,50 €', code: 'EUR', amount_1000: 12500 } },
              { type: 'date_time', date_time: { fallback_value: '1. Mai' } },
            ],
          },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'STOP' }] },
          {
            type: 'button',
            sub_type: 'copy_code',
            index: '1',
            parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }],
          },
        ],
      },
    });
  });

  it('sends media by link or id under the kind as type, with caption and filename', () => {
    assert.deepEqual(
      toGraphMessage('+4915112345678', { media: { kind: 'image', url: 'https://x.example/a.jpg', caption: 'Look' } }),
      {
        ...head,
        type: 'image',
        image: { link: 'https://x.example/a.jpg', caption: 'Look' },
      },
    );
    assert.deepEqual(
      toGraphMessage('+4915112345678', { media: { kind: 'document', id: '998877', filename: 'a.pdf' } }),
      {
        ...head,
        type: 'document',
        document: { id: '998877', filename: 'a.pdf' },
      },
    );
    assert.deepEqual(toGraphMessage('+4915112345678', { media: { kind: 'sticker', id: '5' } }), {
      ...head,
      type: 'sticker',
      sticker: { id: '5' },
    });
  });

  it('wraps reply buttons as {type: reply, reply: {id, title}} and keeps a list as button + sections', () => {
    assert.deepEqual(
      toGraphMessage('+4915112345678', {
        interactive: {
          type: 'button',
          header: { type: 'image', id: '77' },
          body: { text: 'Confirm?' },
          footer: { text: 'Reply below' },
          action: {
            buttons: [
              { id: 'yes', title: 'Yes' },
              { id: 'no', title: 'No' },
            ],
          },
        },
      }),
      {
        ...head,
        type: 'interactive',
        interactive: {
          type: 'button',
          header: { type: 'image', image: { id: '77' } },
          body: { text: 'Confirm?' },
          footer: { text: 'Reply below' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
              { type: 'reply', reply: { id: 'no', title: 'No' } },
            ],
          },
        },
      },
    );
    const sections = [{ title: 'Pizza', rows: [{ id: 'p1', title: 'Margherita', description: 'Tomato, mozzarella' }] }];
    assert.deepEqual(
      toGraphMessage('+4915112345678', {
        interactive: {
          type: 'list',
          header: { type: 'text', text: 'Menu' },
          body: { text: 'Pick' },
          action: { button: 'Order', sections },
        },
      }),
      {
        ...head,
        type: 'interactive',
        interactive: {
          type: 'list',
          header: { type: 'text', text: 'Menu' },
          body: { text: 'Pick' },
          action: { button: 'Order', sections },
        },
      },
    );
  });

  it('sends reactions and locations in Meta field names', () => {
    assert.deepEqual(toGraphMessage('+4915112345678', { reaction: { messageId: 'wamid.Q', emoji: '👍' } }), {
      ...head,
      type: 'reaction',
      reaction: { message_id: 'wamid.Q', emoji: '👍' },
    });
    assert.deepEqual(
      toGraphMessage('+4915112345678', { location: { latitude: 52.52, longitude: 13.405, name: 'Berlin' } }),
      {
        ...head,
        type: 'location',
        location: { latitude: 52.52, longitude: 13.405, name: 'Berlin' },
      },
    );
  });

  it('refuses content without exactly one kind', () => {
    assert.equal(whatsAppKind({ body: 'x', reaction: { messageId: 'w', emoji: '👍' } }), undefined);
    assert.throws(() => toGraphMessage('+4915112345678', {}), /exactly one kind/);
  });
});
