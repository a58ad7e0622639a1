// The Graph client against the sandbox Cloud API over real HTTP: sends and their signed status
// webhooks for every destination suffix, the 24-hour window, errors and their classification,
// media both ways and the template lifecycle.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../platform/clock.ts';
import { startReceiver } from '../../../test/receiver.ts';
import { waitFor } from '../../../test/wait.ts';
import { GraphClient } from './graph-client.ts';
import { GraphError, type GraphErrorKind } from './graph-error.ts';
import { toGraphMessage, type WhatsAppFields } from './outbound.ts';
import type { TemplateDefinition } from './templates.ts';
import {
  PHONE_NUMBER_ID,
  TOKEN,
  VERSION,
  WABA_ID,
  startWhatsAppSandbox,
  type WhatsAppSandbox,
} from '../../sandbox/whatsapp/test-kit.ts';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function sandbox(...args: Parameters<typeof startWhatsAppSandbox>): Promise<WhatsAppSandbox> {
  const s = await startWhatsAppSandbox(...args);
  cleanups.push(() => s.close());
  return s;
}

/** The user writes first, so free-form messages are inside the 24-hour window. */
async function openWindow(s: WhatsAppSandbox, to: string): Promise<void> {
  await s.sim.sendInbound({ phoneNumberId: PHONE_NUMBER_ID, from: to, kind: 'text', text: 'hi' });
}

const send = (s: WhatsAppSandbox, to: string, content: WhatsAppFields = { body: 'Hello from the sandbox' }) =>
  s.client.sendMessage(PHONE_NUMBER_ID, toGraphMessage(to, content));

function graphError(kind: GraphErrorKind, code: number | null, extra: (e: GraphError) => boolean = () => true) {
  return (e: unknown) =>
    e instanceof GraphError && e.kind === kind && e.code === code && !e.message.includes(TOKEN) && extra(e);
}

const otp: TemplateDefinition = {
  name: 'otp_code',
  language: 'en_US',
  category: 'AUTHENTICATION',
  components: [
    { type: 'BODY', text: 'Your code is {{1}}.' },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Copy', url: 'https://x.example/{{1}}' }] },
  ],
};

describe('GraphClient ↔ sandbox: sending', () => {
  it('sends a text and receives signed sent, delivered and read statuses with pricing', async () => {
    const s = await sandbox();
    await openWindow(s, '+4915112345678');
    const sent = await send(s, '+4915112345678');
    assert.match(sent.wamid, /^wamid\./);
    assert.deepEqual([sent.waId, sent.messageStatus], ['4915112345678', null]);
    const statuses = await s.statusesOf(sent.wamid, 3);
    assert.deepEqual(
      statuses.map((x) => x.status),
      ['sent', 'delivered', 'read'],
    );
    assert.deepEqual(
      [statuses[0]!.recipient, statuses[0]!.phoneNumberId, statuses[0]!.category, statuses[0]!.billable],
      ['+4915112345678', PHONE_NUMBER_ID, 'service', false],
    );
    assert.equal(s.unsigned(), 0);
  });

  it('reports a destination ending in 901 failed 131026 without ever sent', async () => {
    const s = await sandbox();
    await openWindow(s, '+4915112345901');
    const { wamid } = await send(s, '+4915112345901');
    const [failed] = await s.statusesOf(wamid, 1);
    assert.deepEqual(
      [failed!.status, failed!.errors],
      [
        'failed',
        [
          {
            code: 131026,
            title: 'Message undeliverable',
            message: 'Message undeliverable',
            details: 'Message Undeliverable.',
          },
        ],
      ],
    );
    const control = await send(s, '+4915112345901', { body: 'again' });
    await s.statusesOf(control.wamid, 1);
    assert.equal(s.statuses().filter((x) => x.wamid === wamid).length, 1);
  });

  it('reports a destination ending in 902 sent, then failed 131026', async () => {
    const s = await sandbox();
    await openWindow(s, '+4915112345902');
    const { wamid } = await send(s, '+4915112345902');
    const statuses = await s.statusesOf(wamid, 2);
    assert.deepEqual(
      statuses.map((x) => [x.status, x.errors[0]?.code]),
      [
        ['sent', undefined],
        ['failed', 131026],
      ],
    );
  });

  it('refuses a destination ending in 903 at once with a permanent 131030', async () => {
    const s = await sandbox();
    await openWindow(s, '+4915112345903');
    await assert.rejects(
      send(s, '+4915112345903'),
      graphError(
        'permanent',
        131030,
        (e) => e.httpStatus === 400 && e.title === 'Recipient phone number not in allowed list' && e.fbtraceId !== null,
      ),
    );
    assert.equal(s.sim.sent().length, 0);
  });

  it('throttles the first send to a number ending in 904 with Retry-After, then delivers the retry', async () => {
    const s = await sandbox({ retryAfterSeconds: 2 });
    await openWindow(s, '+4915112345904');
    await assert.rejects(
      send(s, '+4915112345904'),
      graphError(
        'throttled',
        130429,
        (e) => e.retryAfterMs === 2000 && e.httpStatus === 429 && e.title === 'Rate limit hit',
      ),
    );
    const { wamid } = await send(s, '+4915112345904');
    assert.deepEqual(
      (await s.statusesOf(wamid, 3)).map((x) => x.status),
      ['sent', 'delivered', 'read'],
    );
  });

  it('reports a destination ending in 905 sent and nothing more', async () => {
    const s = await sandbox();
    await openWindow(s, '+4915112345905');
    await openWindow(s, '+4915112345678');
    const silent = await send(s, '+4915112345905');
    const control = await send(s, '+4915112345678');
    // Statuses go out statusDelayMs apart from each send: once the later message is read, the
    // silent one's delivered would have come too.
    await s.statusesOf(control.wamid, 3);
    assert.deepEqual(
      s
        .statuses()
        .filter((x) => x.wamid === silent.wamid)
        .map((x) => x.status),
      ['sent'],
    );
  });

  it('marks an inbound message read', async () => {
    const s = await sandbox();
    await openWindow(s, '+4915112345678');
    const [hi] = await waitFor(async () => (s.inbound().length ? s.inbound() : undefined), 'the inbound message');
    await s.client.markRead(PHONE_NUMBER_ID, hi!.wamid);
  });
});

describe('GraphClient ↔ sandbox: the 24-hour window', () => {
  it('fails a free-form message to a user who never wrote with 131047, classified window_closed', async () => {
    const s = await sandbox();
    const { wamid } = await send(s, '+4915112345678');
    const [failed] = await s.statusesOf(wamid, 1);
    assert.deepEqual(
      [failed!.status, failed!.errors[0]?.code, failed!.errors[0]?.title],
      ['failed', 131047, 'Re-engagement message'],
    );
  });

  it('lets templates through, and closes the window 24 hours after the last inbound message', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const s = await sandbox({ clock });
    s.sim.templates.add(WABA_ID, otp);
    await openWindow(s, '+4915112345678');
    clock.advance(24 * 3600_000 - 1000);
    const inside = await send(s, '+4915112345678');
    clock.advance(1000);
    const outside = await send(s, '+4915112345678');
    const template = await send(s, '+4915112345678', {
      template: {
        name: 'otp_code',
        language: 'en_US',
        components: [
          { type: 'body', parameters: [{ type: 'text', text: '123456' }] },
          { type: 'button', subType: 'url', index: 0, parameters: [{ type: 'text', text: '123456' }] },
        ],
      },
    });
    assert.equal(template.messageStatus, 'accepted');
    assert.equal((await s.statusesOf(inside.wamid, 3))[0]!.status, 'sent');
    assert.deepEqual(
      (await s.statusesOf(outside.wamid, 1)).map((x) => [x.status, x.errors[0]?.code]),
      [['failed', 131047]],
    );
    const [sent] = await s.statusesOf(template.wamid, 3);
    assert.deepEqual(
      [sent!.status, sent!.category, sent!.billable, sent!.timestamp.toISOString()],
      ['sent', 'authentication', true, '2026-03-02T10:00:00.000Z'],
    );
  });
});

describe('GraphClient ↔ sandbox: errors', () => {
  it('classifies a wrong token as auth (190) and never puts a token in the error', async () => {
    const s = await sandbox();
    const wrong = new GraphClient({ baseUrl: s.sim.url, version: VERSION, accessToken: 'EAAG-wrong-token' });
    cleanups.push(() => wrong.close());
    await assert.rejects(
      wrong.sendMessage(PHONE_NUMBER_ID, toGraphMessage('+4915112345678', { body: 'x' })),
      (e: unknown) =>
        e instanceof GraphError &&
        e.kind === 'auth' &&
        e.code === 190 &&
        e.httpStatus === 401 &&
        !JSON.stringify({ ...e, message: e.message, stack: e.stack }).includes('EAAG-wrong-token'),
    );
  });

  it('answers a bad request with a permanent Meta error', async () => {
    const s = await sandbox();
    const body = {
      ...toGraphMessage('+4915112345678', { media: { kind: 'image', url: 'https://x.example/a.png' } }),
      image: { link: 'https://x.example/a.png', id: '1' },
    };
    await assert.rejects(
      s.client.sendMessage(PHONE_NUMBER_ID, body),
      graphError('permanent', 100, (e) => e.details === "Please specify exactly one of image['link'] or image['id']"),
    );
  });

  it('classifies no answer, a timeout and a 502 without a Graph body as transient', async () => {
    const refused = new GraphClient({ baseUrl: 'http://127.0.0.1:1', version: VERSION, accessToken: TOKEN });
    cleanups.push(() => refused.close());
    await assert.rejects(
      refused.markRead(PHONE_NUMBER_ID, 'wamid.X'),
      graphError('transient', null, (e) => /network error/.test(e.message)),
    );

    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const base = receiver.url.replace(/\/hook$/, '');
    receiver.answer = (_r, n) => (n === 0 ? 'hang' : { status: 502, body: '<html>Bad gateway</html>' });
    const slow = new GraphClient({ baseUrl: base, version: VERSION, accessToken: TOKEN, timeoutMs: 200 });
    cleanups.push(() => slow.close());
    await assert.rejects(
      slow.markRead(PHONE_NUMBER_ID, 'wamid.X'),
      graphError('transient', null, (e) => /timed out/.test(e.message)),
    );
    await assert.rejects(
      slow.markRead(PHONE_NUMBER_ID, 'wamid.X'),
      graphError('transient', null, (e) => e.httpStatus === 502),
    );
    assert.equal(receiver.received[1]!.headers.authorization, `Bearer ${TOKEN}`);
  });

  it('classifies a pair rate limit (131056) as throttled and 131000 as transient, by code', async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const errorBody = (code: number) =>
      JSON.stringify({ error: { message: `(#${code}) x`, type: 'OAuthException', code, fbtrace_id: 'AbC' } });
    receiver.answer = (_r, n) => ({ status: n === 0 ? 400 : 500, body: errorBody(n === 0 ? 131056 : 131000) });
    const client = new GraphClient({
      baseUrl: receiver.url.replace(/\/hook$/, ''),
      version: VERSION,
      accessToken: TOKEN,
    });
    cleanups.push(() => client.close());
    await assert.rejects(
      client.markRead('1', 'w'),
      graphError(
        'throttled',
        131056,
        (e) => e.retryAfterMs === null && e.title === '(Business Account, Consumer Account) pair rate limit hit',
      ),
    );
    await assert.rejects(client.markRead('1', 'w'), graphError('transient', 131000));
  });
});

describe('GraphClient ↔ sandbox: media', () => {
  it('uploads media, sends it by id and downloads the same bytes with the token', async () => {
    const s = await sandbox();
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const id = await s.client.uploadMedia(PHONE_NUMBER_ID, bytes, 'application/pdf', 'invoice.pdf');
    assert.match(id, /^\d+$/);
    const got = await s.client.downloadMedia(id);
    assert.deepEqual([got.mimeType, Buffer.compare(got.bytes, Buffer.from(bytes))], ['application/pdf', 0]);
    await openWindow(s, '+4915112345678');
    const { wamid } = await send(s, '+4915112345678', {
      media: { kind: 'document', id, filename: 'invoice.pdf', caption: 'Your invoice' },
    });
    assert.equal((await s.statusesOf(wamid, 1))[0]!.status, 'sent');
  });

  it('downloads the media of an inbound image by the id its webhook gave', async () => {
    const s = await sandbox();
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    await s.sim.sendInbound({
      phoneNumberId: PHONE_NUMBER_ID,
      from: '+4915112345678',
      kind: 'image',
      media: { bytes: png, mimeType: 'image/png', caption: 'look' },
    });
    const m = (await waitFor(async () => (s.inbound().length ? s.inbound() : undefined), 'the inbound image'))[0]!;
    assert.ok(m.kind === 'image');
    const got = await s.client.downloadMedia(m.media.id);
    assert.deepEqual([got.mimeType, got.bytes.equals(png), m.media.caption], ['image/png', true, 'look']);
  });

  it('answers an unknown media id with a permanent 100', async () => {
    const s = await sandbox();
    await assert.rejects(s.client.downloadMedia('424242'), graphError('permanent', 100));
  });
});

describe('GraphClient ↔ sandbox: templates', () => {
  it('creates a template PENDING, approves it by webhook, then it can be sent', async () => {
    const s = await sandbox({ templateApprovalDelayMs: 30 });
    const created = await s.client.createTemplate(WABA_ID, otp);
    assert.deepEqual([created.status, created.category], ['PENDING', 'AUTHENTICATION']);
    await assert.rejects(
      send(s, '+4915112345678', { template: { name: 'otp_code', language: 'en_US' } }),
      graphError('permanent', 132001),
    );
    const [update] = await waitFor(
      async () => (s.templateUpdates().length ? s.templateUpdates() : undefined),
      'the approval webhook',
    );
    assert.deepEqual(update, {
      wabaId: WABA_ID,
      templateId: created.id,
      name: 'otp_code',
      language: 'en_US',
      status: 'APPROVED',
      reason: null,
    });
    assert.equal((await s.client.listTemplates(WABA_ID)).find((t) => t.name === 'otp_code')?.status, 'APPROVED');
    await assert.rejects(
      send(s, '+4915112345678', {
        template: { name: 'otp_code', language: 'en_US', components: [{ type: 'body', parameters: [] }] },
      }),
      graphError('permanent', 132000),
    );
    await s.client.createTemplate(WABA_ID, { ...otp, language: 'de' });
    await assert.rejects(
      s.client.createTemplate(WABA_ID, otp),
      graphError('permanent', 100, (e) => e.subcode === 2388024),
    );
  });

  it('rejects a template whose name starts with reject_', async () => {
    const s = await sandbox();
    const { id } = await s.client.createTemplate(WABA_ID, { ...otp, name: 'reject_this' });
    const [update] = await waitFor(
      async () => (s.templateUpdates().length ? s.templateUpdates() : undefined),
      'the rejection webhook',
    );
    assert.deepEqual([update!.templateId, update!.status, update!.reason], [id, 'REJECTED', 'INVALID_FORMAT']);
    const [listed] = await s.client.listTemplates(WABA_ID);
    assert.deepEqual([listed!.status, listed!.rejected_reason], ['REJECTED', 'INVALID_FORMAT']);
  });

  it('lists every template across pages and deletes one in all languages', async () => {
    const s = await sandbox();
    for (let i = 0; i < 230; i++) s.sim.templates.add(WABA_ID, { ...otp, name: `tpl_${String(i).padStart(3, '0')}` });
    s.sim.templates.add(WABA_ID, { ...otp, name: 'tpl_000', language: 'de' });
    s.sim.templates.add('other-waba', { ...otp, name: 'not_mine' });
    const all = await s.client.listTemplates(WABA_ID);
    assert.equal(all.length, 231);
    assert.deepEqual([all[0]!.name, all[229]!.name, all[230]!.language], ['tpl_000', 'tpl_229', 'de']);
    await s.client.deleteTemplate(WABA_ID, 'tpl_000');
    assert.equal((await s.client.listTemplates(WABA_ID)).length, 229);
    await assert.rejects(s.client.deleteTemplate(WABA_ID, 'tpl_000'), graphError('permanent', 100));
  });

  it('does not follow paging.next off the Graph origin (it would get our token)', async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    receiver.answer = () => ({
      status: 200,
      body: JSON.stringify({ data: [], paging: { next: 'https://evil.example/v23.0/1/message_templates?after=x' } }),
    });
    const client = new GraphClient({
      baseUrl: receiver.url.replace(/\/hook$/, ''),
      version: VERSION,
      accessToken: TOKEN,
    });
    cleanups.push(() => client.close());
    await assert.rejects(
      client.listTemplates('1'),
      graphError('permanent', null, (e) => /origin/.test(e.message)),
    );
  });
});
