// The sandbox Cloud API as any HTTP client sees it: Meta's error shapes, tokens, webhook
// retries and signatures, every inbound kind, template status changes, media URLs.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, FormData, request } from 'undici';
import { waitFor } from '../../../test/wait.ts';
import { parseWebhook, verifySignature, type InboundWhatsApp } from '../../channels/whatsapp/webhook.ts';
import { GraphError } from '../../channels/whatsapp/graph-error.ts';
import { toGraphMessage } from '../../channels/whatsapp/outbound.ts';
import type { InboundSpec } from './simulator.ts';
import {
  APP_SECRET,
  PHONE_NUMBER_ID,
  TOKEN,
  VERSION,
  WABA_ID,
  startWhatsAppSandbox,
  type WhatsAppSandbox,
} from './test-kit.ts';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});
// Our own Agent: the global dispatcher may be Node's bundled undici, which cannot send npm undici's FormData.
const agent = new Agent();
cleanups.push(() => agent.close());

async function sandbox(...args: Parameters<typeof startWhatsAppSandbox>): Promise<WhatsAppSandbox> {
  const s = await startWhatsAppSandbox(...args);
  cleanups.push(() => s.close());
  return s;
}

async function call(
  s: WhatsAppSandbox,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  token: string | null = TOKEN,
) {
  const res = await request(`${s.sim.url}${path}`, {
    method,
    dispatcher: agent,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.body.text();
  return {
    status: res.statusCode,
    headers: res.headers,
    text,
    json: (text.startsWith('{') ? JSON.parse(text) : undefined) as { error?: Record<string, unknown> } & Record<
      string,
      unknown
    >,
  };
}

const messages = `/${VERSION}/${PHONE_NUMBER_ID}/messages`;

describe('sandbox WhatsApp: requests and errors', () => {
  it("answers errors in Graph's shape: (#code) message, type, code, error_data, fbtrace_id", async () => {
    const s = await sandbox();
    const missing = await call(s, 'POST', messages, { to: '4915112345678', type: 'text', text: { body: 'x' } });
    assert.equal(missing.status, 400);
    assert.deepEqual(Object.keys(missing.json.error!).sort(), ['code', 'fbtrace_id', 'message', 'type']);
    assert.deepEqual(
      [missing.json.error!.code, missing.json.error!.message, missing.json.error!.type],
      [100, '(#100) The parameter messaging_product is required.', 'OAuthException'],
    );
    const unsupported = await call(s, 'POST', messages, {
      messaging_product: 'whatsapp',
      to: '4915112345678',
      type: 'poll',
      poll: {},
    });
    assert.deepEqual(
      [unsupported.json.error!.code, (unsupported.json.error!.error_data as { details: string }).details],
      [131051, 'Message type poll is not supported'],
    );
    const noBody = await call(s, 'POST', messages, {
      messaging_product: 'whatsapp',
      to: '4915112345678',
      type: 'image',
    });
    assert.equal(noBody.json.error!.code, 131008);
    const tooLong = await call(s, 'POST', messages, {
      messaging_product: 'whatsapp',
      to: '4915112345678',
      type: 'text',
      text: { body: 'x'.repeat(4097) },
    });
    assert.equal(tooLong.json.error!.code, 100);
    assert.equal((await call(s, 'POST', messages, '{not json')).json.error!.code, 100);
    const unknown = await call(s, 'GET', `/${VERSION}/${PHONE_NUMBER_ID}/whatever`);
    assert.deepEqual(
      [unknown.status, unknown.json.error!.code, unknown.json.error!.error_subcode, unknown.json.error!.type],
      [400, 100, 33, 'GraphMethodException'],
    );
    assert.equal(
      (await call(s, 'POST', messages, { messaging_product: 'whatsapp', status: 'read' })).json.error!.code,
      131008,
    );
  });

  it('wants the Bearer token (or access_token in the query), else 401 with code 190', async () => {
    const s = await sandbox();
    const read = { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X' };
    assert.deepEqual((await call(s, 'POST', messages, read)).json, { success: true });
    assert.deepEqual((await call(s, 'POST', `${messages}?access_token=${TOKEN}`, read, null)).json, { success: true });
    for (const token of [null, 'wrong']) {
      const r = await call(s, 'POST', messages, read, token);
      assert.deepEqual([r.status, r.json.error!.code], [401, 190]);
    }
  });

  it('answers a send like Meta: contacts with input and wa_id, messages with the wamid', async () => {
    const s = await sandbox({ enforceWindow: false });
    const r = await call(s, 'POST', messages, toGraphMessage('+4915112345678', { body: 'hi' }));
    assert.equal(r.status, 200);
    const wamid = (r.json.messages as { id: string }[])[0]!.id;
    assert.deepEqual(r.json, {
      messaging_product: 'whatsapp',
      contacts: [{ input: '4915112345678', wa_id: '4915112345678' }],
      messages: [{ id: wamid }],
    });
    // Without the window rule, a free-form message to a stranger is delivered.
    assert.deepEqual(
      (await s.statusesOf(wamid, 3)).map((x) => x.status),
      ['sent', 'delivered', 'read'],
    );
    assert.deepEqual(
      s.sim.sent().map((x) => [x.wamid, x.to, x.type, x.outcome]),
      [[wamid, '4915112345678', 'text', 'delivered']],
    );
  });
});

describe('sandbox WhatsApp: webhooks', () => {
  it('retries a webhook the receiver refused, with the same signed body', async () => {
    const s = await sandbox({ enforceWindow: false });
    s.receiver.answer = (_r, n) => ({ status: n === 0 ? 500 : 200 });
    const { wamid } = await s.client.sendMessage(PHONE_NUMBER_ID, toGraphMessage('+4915112345905', { body: 'hi' }));
    await s.statusesOf(wamid, 2);
    const [first, second] = s.receiver.received;
    assert.deepEqual(
      [first!.body, first!.headers['x-hub-signature-256']],
      [second!.body, second!.headers['x-hub-signature-256']],
    );
    assert.ok(verifySignature(APP_SECRET, Buffer.from(first!.body), first!.headers['x-hub-signature-256']));
    assert.equal(first!.headers['content-type'], 'application/json');
    assert.equal(s.statuses().length, 2, 'both attempts arrived signed; the receiver dedupes by wamid + status');
  });

  it('rejects sendInbound when the receiver keeps refusing or no URL is set, and still opens the window', async () => {
    const s = await sandbox();
    s.receiver.answer = () => ({ status: 503 });
    await assert.rejects(
      s.sim.sendInbound({ phoneNumberId: PHONE_NUMBER_ID, from: '+4915112345678', kind: 'text', text: 'hi' }),
      /did not accept/,
    );
    assert.equal(s.receiver.received.length, 3, 'first attempt and two retries');
    s.sim.setWebhookUrl(null);
    await assert.rejects(
      s.sim.sendInbound({ phoneNumberId: PHONE_NUMBER_ID, from: '+4915112345678', kind: 'text', text: 'hi' }),
      /no webhook URL/,
    );
    s.receiver.answer = () => ({ status: 200 });
    s.sim.setWebhookUrl(s.receiver.url);
    const { wamid } = await s.client.sendMessage(PHONE_NUMBER_ID, toGraphMessage('+4915112345678', { body: 'hi' }));
    assert.equal((await s.statusesOf(wamid, 1))[0]!.status, 'sent');
  });

  it('injects every inbound kind in the shape parseWebhook reads', async () => {
    const s = await sandbox();
    const common = { phoneNumberId: PHONE_NUMBER_ID, from: '+4915112345678', profileName: 'Ada Lovelace' };
    const specs: InboundSpec[] = [
      { ...common, kind: 'text', text: 'Hello', replyToWamid: 'wamid.EARLIER' },
      {
        ...common,
        kind: 'document',
        media: { bytes: Buffer.from('%PDF-1.7'), mimeType: 'application/pdf', filename: 'cv.pdf', caption: 'My CV' },
      },
      { ...common, kind: 'audio', media: { bytes: Buffer.from('OggS'), mimeType: 'audio/ogg' } },
      {
        ...common,
        kind: 'interactive',
        reply: { type: 'list_reply', id: 'p1', title: 'Margherita', description: 'Tomato' },
      },
      { ...common, kind: 'interactive', reply: { type: 'button_reply', id: 'yes', title: 'Yes' } },
      { ...common, kind: 'button', button: { text: 'Stop promotions', payload: 'STOP' } },
      { ...common, kind: 'reaction', reaction: { messageId: 'wamid.MINE', emoji: '👍' } },
      { ...common, kind: 'location', location: { latitude: 52.52, longitude: 13.405, name: 'Berlin' } },
      { ...common, kind: 'contacts', contacts: [{ name: 'Grace Hopper', phones: ['+1 202 555 0100'] }] },
      { ...common, kind: 'unsupported' },
    ];
    const wamids: string[] = [];
    for (const spec of specs) wamids.push((await s.sim.sendInbound(spec)).wamid);
    const got = s.inbound();
    assert.deepEqual(
      got.map((m) => m.wamid),
      wamids,
    );
    assert.ok(
      got.every(
        (m) =>
          m.from === '+4915112345678' &&
          m.profileName === 'Ada Lovelace' &&
          m.phoneNumberId === PHONE_NUMBER_ID &&
          m.displayPhoneNumber === '15550783881',
      ),
    );
    const detail = (m: InboundWhatsApp) => {
      switch (m.kind) {
        case 'text':
          return [m.text, m.replyToWamid];
        case 'interactive':
          return m.reply;
        case 'button':
          return m.button;
        case 'reaction':
          return m.reaction;
        case 'location':
          return m.location;
        case 'contacts':
          return m.contacts;
        case 'unsupported':
          return m.errors.map((e) => e.code);
        default:
          return [m.media.mimeType, m.media.filename, m.media.caption, m.media.sha256?.length];
      }
    };
    assert.deepEqual(
      got.map((m) => [m.kind, detail(m)]),
      [
        ['text', ['Hello', 'wamid.EARLIER']],
        ['document', ['application/pdf', 'cv.pdf', 'My CV', 64]],
        ['audio', ['audio/ogg', null, null, 64]],
        ['interactive', { type: 'list_reply', id: 'p1', title: 'Margherita', description: 'Tomato' }],
        ['interactive', { type: 'button_reply', id: 'yes', title: 'Yes', description: null }],
        ['button', { text: 'Stop promotions', payload: 'STOP' }],
        ['reaction', { messageId: 'wamid.MINE', emoji: '👍' }],
        ['location', { latitude: 52.52, longitude: 13.405, name: 'Berlin', address: null }],
        [
          'contacts',
          [
            {
              name: 'Grace Hopper',
              phones: [{ phone: '+1 202 555 0100', waId: '12025550100', type: 'CELL' }],
              emails: [],
            },
          ],
        ],
        ['unsupported', [131051]],
      ],
    );
  });
});

describe('sandbox WhatsApp: templates and media', () => {
  it('announces a paused or disabled template and refuses sends with 132015 / 132016', async () => {
    const s = await sandbox();
    s.sim.templates.add(WABA_ID, {
      name: 'promo',
      language: 'en',
      category: 'MARKETING',
      components: [{ type: 'BODY', text: 'Sale!' }],
    });
    const promo = { template: { name: 'promo', language: 'en' } };
    const { wamid } = await s.client.sendMessage(PHONE_NUMBER_ID, toGraphMessage('+4915112345678', promo));
    assert.equal((await s.statusesOf(wamid, 1))[0]!.category, 'marketing');
    s.sim.templates.setStatus(WABA_ID, 'promo', 'PAUSED', 'LOW_QUALITY');
    await assert.rejects(
      s.client.sendMessage(PHONE_NUMBER_ID, toGraphMessage('+4915112345678', promo)),
      (e: unknown) => e instanceof GraphError && e.code === 132015,
    );
    s.sim.templates.setStatus(WABA_ID, 'promo', 'DISABLED');
    await assert.rejects(
      s.client.sendMessage(PHONE_NUMBER_ID, toGraphMessage('+4915112345678', promo)),
      (e: unknown) => e instanceof GraphError && e.code === 132016,
    );
    const updates = await waitFor(
      async () => (s.templateUpdates().length === 2 ? s.templateUpdates() : undefined),
      'two status updates',
    );
    assert.deepEqual(
      updates.map((u) => [u.name, u.status, u.reason]),
      [
        ['promo', 'PAUSED', 'LOW_QUALITY'],
        ['promo', 'DISABLED', null],
      ],
    );
  });

  it('validates template creation: name, category, a BODY', async () => {
    const s = await sandbox();
    const path = `/${VERSION}/${WABA_ID}/message_templates`;
    for (const bad of [
      { name: 'Bad Name', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: 'x' }] },
      { name: 'ok', language: 'en', category: 'OTHER', components: [{ type: 'BODY', text: 'x' }] },
      { name: 'ok', language: 'en', category: 'UTILITY', components: [{ type: 'FOOTER', text: 'x' }] },
    ])
      assert.equal((await call(s, 'POST', path, bad)).json.error!.code, 100);
    assert.equal((await call(s, 'GET', `${path}?after=!!!`)).status, 400);
  });

  it('guards media download URLs by hash and token, and checks uploads', async () => {
    const s = await sandbox();
    const id = await s.client.uploadMedia(PHONE_NUMBER_ID, Buffer.from('hello'), 'text/plain', 'a.txt');
    const info = (await call(s, 'GET', `/${VERSION}/${id}`)).json;
    assert.deepEqual(
      [info.id, info.mime_type, info.file_size, info.messaging_product],
      [id, 'text/plain', 5, 'whatsapp'],
    );
    const url = new URL(info.url as string);
    assert.equal((await call(s, 'GET', `${url.pathname}${url.search}`)).text, 'hello');
    assert.equal((await call(s, 'GET', `${url.pathname}${url.search}`, undefined, null)).status, 401);
    assert.equal((await call(s, 'GET', `${url.pathname}?hash=guess`)).status, 404);

    const form = new FormData();
    form.set('file', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
    const res = await request(`${s.sim.url}/${VERSION}/${PHONE_NUMBER_ID}/media`, {
      method: 'POST',
      dispatcher: agent,
      body: form,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.deepEqual([res.statusCode, ((await res.body.json()) as { error: { code: number } }).error.code], [400, 100]);
    assert.equal(
      (await call(s, 'POST', `/${VERSION}/${PHONE_NUMBER_ID}/media`, { messaging_product: 'whatsapp' })).json.error!
        .code,
      100,
    );
  });
});

describe('sandbox WhatsApp: at volume, like Meta', () => {
  it("refuses sends over a number's throughput with 400 and code 130429, each number on its own", async () => {
    const s = await sandbox({ enforceWindow: false, throughputPerSecond: 5 });
    const answers = [];
    for (let i = 0; i < 8; i++)
      answers.push(await call(s, 'POST', messages, toGraphMessage('+4915112345678', { body: `n${i}` })));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200, 200, 200, 400, 400, 400],
    );
    const refused = answers[5]!.json.error!;
    assert.deepEqual(
      [refused.code, refused.message, (refused.error_data as { details: string }).details],
      [130429, '(#130429) Rate limit hit', 'Cloud API message throughput has been reached.'],
    );
    assert.equal(s.sim.throttled(), 3);
    const other = await call(
      s,
      'POST',
      `/${VERSION}/106540352242999/messages`,
      toGraphMessage('+4915112345678', { body: 'x' }),
    );
    assert.equal(other.status, 200, 'another phone number has its own budget');
    await assert.rejects(
      s.client.sendMessage(PHONE_NUMBER_ID, toGraphMessage('+4915112345678', { body: 'x' })),
      (e: unknown) => e instanceof GraphError && e.kind === 'throttled' && e.code === 130429 && e.httpStatus === 400,
    );
  });

  it('batches statuses in one POST and, shuffled, sends them out of order and some twice', async () => {
    const s = await sandbox({ enforceWindow: false, shuffleStatuses: true, shuffleSeed: 7 });
    const wamids: string[] = [];
    for (let i = 0; i < 40; i++)
      wamids.push(
        (
          await s.client.sendMessage(
            PHONE_NUMBER_ID,
            toGraphMessage(`+49151123450${String(i).padStart(2, '0')}`, { body: 'hi' }),
          )
        ).wamid,
      );
    const arrived = await waitFor(async () => {
      const byWamid = new Map(
        wamids.map((w) => [
          w,
          s
            .statuses()
            .filter((x) => x.wamid === w)
            .map((x) => x.status),
        ]),
      );
      return [...byWamid.values()].every((l) => (['sent', 'delivered', 'read'] as const).every((st) => l.includes(st)))
        ? byWamid
        : undefined;
    }, 'every message sent, delivered and read');
    const lists = [...arrived.values()];
    assert.ok(
      s.receiver.received.some((r) => parseWebhook(JSON.parse(r.body)).statuses.length > 1),
      'a POST carried several statuses',
    );
    assert.ok(
      lists.some((l) => l.length > new Set(l).size),
      'some status came twice',
    );
    assert.ok(
      lists.some((l) => l.indexOf('read') < l.indexOf('delivered') || l.indexOf('delivered') < l.indexOf('sent')),
      'some came out of order',
    );
  });
});
