// WhatsApp's limits, each checked just inside and just over, with the pointer the caller sees.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS, validateWhatsAppContent } from './validate.ts';

const s = (n: number, c = 'a') => c.repeat(n);

function accepts(input: unknown): void {
  assert.deepEqual(validateWhatsAppContent(input), []);
}

function rejects(input: unknown, pointer: string, detail?: RegExp): void {
  const errors = validateWhatsAppContent(input);
  assert.deepEqual(
    errors.map((e) => e.pointer),
    [pointer],
    JSON.stringify(errors),
  );
  if (detail) assert.match(errors[0]!.detail, detail);
}

const buttons = (n: number, title = 'OK') => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, title }));
const buttonMsg = (action: unknown, extra: object = {}) => ({
  interactive: { type: 'button', body: { text: 'Pick one' }, action, ...extra },
});
const listMsg = (sections: unknown, button = 'Choose', extra: object = {}) => ({
  interactive: { type: 'list', body: { text: 'Menu' }, action: { button, sections }, ...extra },
});
const rows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, title: `Row ${from + i}` }));

describe('validateWhatsAppContent: kinds', () => {
  it('requires exactly one kind and points at the extra one', () => {
    rejects({}, '', /one of body, template/);
    rejects({ body: 'hi', location: { latitude: 0, longitude: 0 } }, '/location', /exactly one kind/);
    rejects(null, '', /object/);
  });

  it('takes previewUrl only as a boolean beside body', () => {
    accepts({ body: 'see https://example.com', previewUrl: true });
    rejects({ body: 'x', previewUrl: 'yes' }, '/previewUrl');
    rejects({ location: { latitude: 1, longitude: 2 }, previewUrl: true }, '/previewUrl');
  });
});

describe('validateWhatsAppContent: text', () => {
  it('accepts 1 to 4096 characters, counting an emoji as one', () => {
    accepts({ body: 'x' });
    accepts({ body: s(LIMITS.textBody) });
    accepts({ body: s(LIMITS.textBody, '😀') });
    rejects({ body: s(LIMITS.textBody + 1) }, '/body', /at most 4096 characters \(is 4097\)/);
    rejects({ body: '' }, '/body', /empty/);
    rejects({ body: 42 }, '/body', /string/);
  });
});

describe('validateWhatsAppContent: media', () => {
  it('needs exactly one of url or id, and an https url', () => {
    accepts({ media: { kind: 'image', url: 'https://cdn.example.com/a.jpg' } });
    accepts({ media: { kind: 'audio', id: '1234567890' } });
    rejects({ media: { kind: 'image' } }, '/media', /exactly one of url or id/);
    rejects({ media: { kind: 'image', url: 'https://x.example/a.jpg', id: '1' } }, '/media', /exactly one/);
    rejects({ media: { kind: 'image', url: 'http://x.example/a.jpg' } }, '/media/url', /https/);
    rejects({ media: { kind: 'image', url: 'not a url' } }, '/media/url', /https/);
    rejects({ media: { kind: 'gif', id: '1' } }, '/media/kind');
  });

  it('takes a caption of up to 1024 characters on images, videos and documents only', () => {
    accepts({ media: { kind: 'video', id: '1', caption: s(LIMITS.caption) } });
    rejects({ media: { kind: 'image', id: '1', caption: s(LIMITS.caption + 1) } }, '/media/caption', /1024/);
    rejects({ media: { kind: 'sticker', id: '1', caption: 'hi' } }, '/media/caption', /no caption/);
    rejects({ media: { kind: 'audio', id: '1', caption: 'hi' } }, '/media/caption');
  });

  it('takes a filename on documents only', () => {
    accepts({ media: { kind: 'document', id: '1', filename: 'invoice.pdf', caption: 'Your invoice' } });
    rejects({ media: { kind: 'image', id: '1', filename: 'a.jpg' } }, '/media/filename');
  });
});

describe('validateWhatsAppContent: reply buttons', () => {
  it('takes 1 to 3 buttons', () => {
    accepts(buttonMsg({ buttons: buttons(3) }));
    rejects(buttonMsg({ buttons: buttons(4) }), '/interactive/action/buttons', /1 to 3/);
    rejects(buttonMsg({ buttons: [] }), '/interactive/action/buttons');
  });

  it('limits a title to 20 characters and an id to 256, ids unique', () => {
    accepts(buttonMsg({ buttons: buttons(1, s(LIMITS.buttonTitle)) }));
    rejects(
      buttonMsg({ buttons: buttons(2, s(LIMITS.buttonTitle + 1)).slice(1) }),
      '/interactive/action/buttons/0/title',
      /20/,
    );
    accepts(buttonMsg({ buttons: [{ id: s(LIMITS.buttonId), title: 'Yes' }] }));
    rejects(
      buttonMsg({
        buttons: [
          { id: 'a', title: 'Yes' },
          { id: s(LIMITS.buttonId + 1), title: 'No' },
        ],
      }),
      '/interactive/action/buttons/1/id',
      /256/,
    );
    rejects(
      buttonMsg({
        buttons: [
          { id: 'same', title: 'Yes' },
          { id: 'same', title: 'No' },
        ],
      }),
      '/interactive/action/buttons/1/id',
      /unique/,
    );
  });

  it('limits the body to 1024 characters and header and footer to 60', () => {
    accepts({
      interactive: { type: 'button', body: { text: s(LIMITS.interactiveBody) }, action: { buttons: buttons(1) } },
    });
    rejects(
      {
        interactive: { type: 'button', body: { text: s(LIMITS.interactiveBody + 1) }, action: { buttons: buttons(1) } },
      },
      '/interactive/body/text',
      /1024/,
    );
    accepts(buttonMsg({ buttons: buttons(1) }, { header: { type: 'text', text: s(60) }, footer: { text: s(60) } }));
    rejects(buttonMsg({ buttons: buttons(1) }, { footer: { text: s(61) } }), '/interactive/footer/text');
    rejects(buttonMsg({ buttons: buttons(1) }, { header: { type: 'text', text: s(61) } }), '/interactive/header/text');
    accepts(buttonMsg({ buttons: buttons(1) }, { header: { type: 'image', url: 'https://x.example/a.png' } }));
    rejects(buttonMsg({ buttons: buttons(1) }, { header: { type: 'image' } }), '/interactive/header');
  });

  it('refuses list fields on a button message', () => {
    rejects(buttonMsg({ buttons: buttons(1), button: 'Menu' }), '/interactive/action');
  });
});

describe('validateWhatsAppContent: lists', () => {
  it('takes up to 10 sections and 10 rows in all', () => {
    accepts(
      listMsg([
        { title: 'A', rows: rows(5) },
        { title: 'B', rows: rows(5, 5) },
      ]),
    );
    rejects(
      listMsg([
        { title: 'A', rows: rows(5) },
        { title: 'B', rows: rows(6, 5) },
      ]),
      '/interactive/action/sections',
      /at most 10 rows in all \(has 11\)/,
    );
    rejects(listMsg([{ rows: rows(11) }]), '/interactive/action/sections/0/rows', /1 to 10/);
    const sections = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `S${i}`, rows: rows(1, i) }));
    accepts(listMsg(sections(10)));
    const over = validateWhatsAppContent(listMsg(sections(11))).map((e) => e.pointer);
    assert.deepEqual(over, ['/interactive/action/sections']);
  });

  it('limits row title to 24, description to 72, button text to 20, section title to 24', () => {
    accepts(
      listMsg(
        [{ rows: [{ id: 'r', title: s(LIMITS.rowTitle), description: s(LIMITS.rowDescription) }] }],
        s(LIMITS.listButton),
      ),
    );
    rejects(
      listMsg([{ rows: [{ id: 'r', title: s(LIMITS.rowTitle + 1) }] }]),
      '/interactive/action/sections/0/rows/0/title',
      /24/,
    );
    rejects(
      listMsg([{ rows: [{ id: 'r', title: 'x', description: s(LIMITS.rowDescription + 1) }] }]),
      '/interactive/action/sections/0/rows/0/description',
      /72/,
    );
    rejects(listMsg([{ rows: rows(1) }], s(LIMITS.listButton + 1)), '/interactive/action/button', /20/);
    accepts(listMsg([{ title: s(24), rows: rows(1) }]));
    rejects(listMsg([{ title: s(25), rows: rows(1) }]), '/interactive/action/sections/0/title');
  });

  it('needs section titles when there are several sections, and unique row ids across them', () => {
    rejects(
      listMsg([{ rows: rows(1) }, { title: 'B', rows: rows(1, 1) }]),
      '/interactive/action/sections/0/title',
      /string/,
    );
    rejects(
      listMsg([
        { title: 'A', rows: rows(1) },
        { title: 'B', rows: rows(1) },
      ]),
      '/interactive/action/sections/1/rows/0/id',
      /unique/,
    );
  });

  it('takes a text header only, and no reply buttons', () => {
    rejects(listMsg([{ rows: rows(1) }], 'Menu', { header: { type: 'image', id: '1' } }), '/interactive/header/type');
    accepts(listMsg([{ rows: rows(1) }], 'Menu', { header: { type: 'text', text: 'Our menu' } }));
  });
});

describe('validateWhatsAppContent: reaction and location', () => {
  it('takes one emoji, including ZWJ sequences and flags, or empty to remove', () => {
    accepts({ reaction: { messageId: 'wamid.X', emoji: '👍' } });
    accepts({ reaction: { messageId: 'wamid.X', emoji: '👨‍👩‍👧' } });
    accepts({ reaction: { messageId: 'wamid.X', emoji: '🇩🇪' } });
    accepts({ reaction: { messageId: 'wamid.X', emoji: '' } });
    rejects({ reaction: { messageId: 'wamid.X', emoji: '👍👍' } }, '/reaction/emoji');
    rejects({ reaction: { messageId: 'wamid.X', emoji: 'a' } }, '/reaction/emoji');
    rejects({ reaction: { emoji: '👍' } }, '/reaction/messageId');
  });

  it('takes latitude -90..90 and longitude -180..180', () => {
    accepts({ location: { latitude: 90, longitude: -180, name: 'Pole', address: 'North' } });
    accepts({ location: { latitude: -90, longitude: 180 } });
    rejects({ location: { latitude: 90.0001, longitude: 0 } }, '/location/latitude', /between -90 and 90/);
    rejects({ location: { latitude: 0, longitude: -180.0001 } }, '/location/longitude');
    rejects({ location: { latitude: '52.5', longitude: 13.4 } }, '/location/latitude', /number/);
    rejects({ location: { latitude: Number.NaN, longitude: 13.4 } }, '/location/latitude', /number/);
  });
});

describe('validateWhatsAppContent: template', () => {
  const tpl = (extra: object) => ({ template: { name: 'order_update', language: 'en_US', ...extra } });

  it('accepts a template with header, body and button parameters of every kind', () => {
    accepts(
      tpl({
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { url: 'https://x.example/a.png' } }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ada' },
              { type: 'currency', currency: { fallbackValue: '€12.50', code: 'EUR', amount1000: 12500 } },
              { type: 'date_time', dateTime: { fallbackValue: 'May 1' } },
            ],
          },
          { type: 'button', subType: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'STOP' }] },
          { type: 'button', subType: 'copy_code', index: 1, parameters: [{ type: 'coupon_code', couponCode: s(15) }] },
        ],
      }),
    );
  });

  it('checks the name, language and button index', () => {
    rejects({ template: { name: 'Order Update', language: 'en_US' } }, '/template/name');
    rejects({ template: { name: 'x', language: 'english' } }, '/template/language');
    rejects(
      tpl({ components: [{ type: 'button', subType: 'url', index: 10, parameters: [] }] }),
      '/template/components/0/index',
    );
    rejects(tpl({ components: [{ type: 'body', index: 0, parameters: [] }] }), '/template/components/0');
  });

  it('limits a header text parameter to 60 and a body one to 1024 (32768 for a body-only template)', () => {
    accepts(tpl({ components: [{ type: 'header', parameters: [{ type: 'text', text: s(60) }] }] }));
    rejects(
      tpl({ components: [{ type: 'header', parameters: [{ type: 'text', text: s(61) }] }] }),
      '/template/components/0/parameters/0/text',
    );
    const header = { type: 'header', parameters: [{ type: 'text', text: 'Hi' }] };
    accepts(tpl({ components: [header, { type: 'body', parameters: [{ type: 'text', text: s(1024) }] }] }));
    rejects(
      tpl({ components: [header, { type: 'body', parameters: [{ type: 'text', text: s(1025) }] }] }),
      '/template/components/1/parameters/0/text',
    );
    accepts(tpl({ components: [{ type: 'body', parameters: [{ type: 'text', text: s(1025) }] }] }));
  });

  it('limits a coupon code to 15 characters and checks currency fields', () => {
    rejects(
      tpl({
        components: [
          { type: 'button', subType: 'copy_code', index: 0, parameters: [{ type: 'coupon_code', couponCode: s(16) }] },
        ],
      }),
      '/template/components/0/parameters/0/couponCode',
    );
    rejects(
      tpl({
        components: [
          {
            type: 'body',
            parameters: [{ type: 'currency', currency: { fallbackValue: '1', code: 'eur', amount1000: 1 } }],
          },
        ],
      }),
      '/template/components/0/parameters/0/currency/code',
    );
    rejects(
      tpl({
        components: [
          {
            type: 'body',
            parameters: [{ type: 'currency', currency: { fallbackValue: '1', code: 'EUR', amount1000: 1.5 } }],
          },
        ],
      }),
      '/template/components/0/parameters/0/currency/amount1000',
    );
  });
});
