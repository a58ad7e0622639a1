// The SSRF guard and the signature, without a platform: what the contract refuses, the
// Standard Webhooks test vector, and the sender's redirect and size limits over real HTTP.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { isBlockedAddress, literalUrlRefusal, targetPolicy, urlRefusal, type Resolver } from './ssrf.ts';
import { classifyAddress } from './address-class.ts';
import { newWebhookSecret, sign, signatureHeader } from './signature.ts';
import { createWebhookSender, MAX_KEPT_BODY_BYTES } from './sender.ts';
import { startReceiver, type Receiver } from '../../test/receiver.ts';

// Refused in every mode: metadata, link-local, CGNAT, broadcast, multicast, documentation,
// benchmarking and reserved ranges, and the IPv4-mapped, NAT64, 6to4 and Teredo forms of them
// (and of public addresses: a translation form is never a public target).
const REFUSED_EVERYWHERE = [
  '169.254.169.254',
  '::ffff:169.254.169.254',
  '::ffff:a9fe:a9fe',
  '::ffff:0:a9fe:a9fe',
  'fd00:ec2::254',
  '100.100.100.200',
  '168.63.129.16',
  'fe80::1',
  'fe80::1%eth0',
  '169.254.1.1',
  '100.64.0.1',
  '100.127.255.254',
  '0.0.0.0',
  '0.1.2.3',
  '255.255.255.255',
  '224.0.0.1',
  '239.255.255.250',
  '240.0.0.1',
  '192.0.0.8',
  '192.0.2.1',
  '198.51.100.7',
  '203.0.113.9',
  '198.18.0.1',
  '198.19.255.255',
  '::',
  '::a9fe:a9fe',
  '100::1',
  '2001:db8::1',
  '2001:2::1',
  '3fff::1',
  '2001:0:4136:e378::1',
  'fec0::1',
  'ff02::1',
  'ff05::2',
  '64:ff9b::a9fe:a9fe',
  '64:ff9b::169.254.169.254',
  '64:ff9b::6464:64c8',
  '64:ff9b:1::a9fe:a9fe',
  '64:ff9b:1:a9fe:a9:fe00::',
  '2002:a9fe:a9fe::1',
  '::ffff:100.64.0.1',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
  'not-an-address',
  '',
];
/** What CX_WEBHOOK_ALLOW_PRIVATE=true opens, and only it: loopback and private, also in the forms carrying them. */
const OPENED_BY_THE_FLAG = [
  '127.0.0.1',
  '127.255.0.1',
  '10.1.2.3',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '::1',
  'fc00::1',
  'fd12:3456::1',
  'fd00:ec2::253',
  '::ffff:127.0.0.1',
  '::ffff:10.0.0.1',
  '64:ff9b::a00:1',
  '2002:c0a8:101::1',
];
const PUBLIC = [
  '8.8.8.8',
  '93.184.215.14',
  '1.1.1.1',
  '172.32.0.1',
  '100.128.0.1',
  '168.63.129.17',
  '2606:4700:4700::1111',
  '2a00:1450:4001:80b::200e',
];

describe('SSRF guard', () => {
  it('refuses metadata, link-local and every other special address in both modes', () => {
    for (const a of REFUSED_EVERYWHERE) {
      assert.equal(isBlockedAddress(a, false), true, `${a} in production`);
      assert.equal(isBlockedAddress(a, true), true, `${a} with CX_WEBHOOK_ALLOW_PRIVATE=true`);
      assert.equal(classifyAddress(a), 'refused', a);
    }
  });

  it('opens exactly loopback and private ranges with CX_WEBHOOK_ALLOW_PRIVATE=true', () => {
    for (const a of OPENED_BY_THE_FLAG) {
      assert.equal(isBlockedAddress(a, false), true, `${a} in production`);
      assert.equal(isBlockedAddress(a, true), false, `${a} with CX_WEBHOOK_ALLOW_PRIVATE=true`);
    }
  });

  it('allows global unicast in both modes', () => {
    for (const a of PUBLIC)
      assert.deepEqual([isBlockedAddress(a, false), isBlockedAddress(a, true)], [false, false], a);
  });

  it('refuses URLs by scheme, credentials, literal address and what the name resolves to now', async () => {
    assert.match((await urlRefusal('http://93.184.215.14/hook', false))!, /https/);
    assert.match((await urlRefusal('https://127.0.0.1/hook', false))!, /not a public address/);
    assert.match((await urlRefusal('https://169.254.169.254/latest/meta-data', false))!, /not a public address/);
    assert.match((await urlRefusal('https://[fd00:ec2::254]/', false))!, /not a public address/);
    assert.match((await urlRefusal('https://10.0.0.8/', false))!, /not a public address/);
    assert.match((await urlRefusal('https://localhost:8443/hook', false))!, /resolves to .*not a public address/);
    assert.match((await urlRefusal('https://user:pw@93.184.215.14/', false))!, /credentials/);
    assert.equal(await urlRefusal('https://93.184.215.14/hook', false), undefined);
    assert.equal(await urlRefusal('http://127.0.0.1:9/hook', true), undefined, 'allowed with CX_WEBHOOK_ALLOW_PRIVATE');
    assert.equal(await urlRefusal('http://localhost:9/hook', true), undefined, 'a name resolving to loopback too');
  });

  it('refuses metadata and link-local URLs with CX_WEBHOOK_ALLOW_PRIVATE=true, however the address is written', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:169.254.169.254]/',
      'http://[fd00:ec2::254]/',
      'http://100.100.100.200/',
      'http://168.63.129.16/',
      'http://[fe80::1]/',
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://0xa9.254.169.254/',
      'http://2852039166/',
    ]) {
      assert.match((await urlRefusal(url, true))!, /not a public address \(refused in every mode/, url);
      assert.match(literalUrlRefusal(url, true)!, /not a public address/, url);
    }
  });

  it('judges a callbackUrl at accept without DNS: syntax and literal address only', () => {
    assert.equal(literalUrlRefusal('https://name.invalid/hook', false), undefined, 'names are checked at delivery');
    assert.match(literalUrlRefusal('not a url', true)!, /absolute URL/);
    assert.match(literalUrlRefusal('ftp://93.184.215.14/', true)!, /http or https/);
    assert.match(literalUrlRefusal('http://93.184.215.14/', false)!, /https/);
    assert.match(literalUrlRefusal('https://[::1]/', false)!, /::1 is not a public address/);
    assert.equal(literalUrlRefusal('https://[::1]/', true), undefined);
  });
});

describe('signatures', () => {
  it('matches the Standard Webhooks published test vector', () => {
    assert.equal(
      sign(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('verifies with the official library, with one or two secrets during a rotation', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    const ts = Math.floor(Date.now() / 1000);
    const body = '{"type":"message.delivered"}';
    const headers = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(ts),
      'webhook-signature': signatureHeader([a, b], 'evt_1', ts, body),
    };
    assert.deepEqual(new Webhook(a).verify(body, headers), { type: 'message.delivered' });
    assert.deepEqual(new Webhook(b).verify(body, headers), { type: 'message.delivered' });
    assert.throws(() => new Webhook(newWebhookSecret()).verify(body, headers));
    assert.throws(() => new Webhook(a).verify(body.replace('delivered', 'failed'), headers));
  });
});

describe('webhook sender', () => {
  const receivers: Receiver[] = [];
  after(async () => {
    for (const r of receivers) await r.close();
  });

  it('re-checks redirects and refuses one to a blocked address', async () => {
    // Only 127.0.0.1 counts as "public" here; 127.0.0.2 (also loopback on Linux) stands for a private target.
    const inner = await startReceiver('127.0.0.2').catch(() => undefined);
    if (!inner) return;
    const outer = await startReceiver();
    receivers.push(inner, outer);
    outer.answer = () => ({ status: 307, headers: { location: inner.url } });
    const sender = createWebhookSender({ policy: { allowPrivate: true, isBlocked: (a) => a !== '127.0.0.1' } });
    const res = await sender.post(outer.url, { 'content-type': 'application/json' }, '{}');
    await sender.close();
    assert.equal(res.statusCode, null);
    assert.match(res.error!, /127\.0\.0\.2 is not a public address/);
    assert.equal(res.refused, true);
    assert.equal(inner.received.length, 0, 'the private target was never contacted');
    assert.equal(outer.received.length, 1);
  });

  it('refuses a name that resolves to a blocked address at connect time', async () => {
    const r = await startReceiver();
    receivers.push(r);
    const sender = createWebhookSender({ policy: { allowPrivate: true, isBlocked: () => true } });
    const res = await sender.post(r.url.replace('127.0.0.1', 'localhost'), {}, '{}');
    await sender.close();
    assert.equal(res.statusCode, null);
    assert.match(res.error!, /not a public address/);
    assert.equal(r.received.length, 0);
  });

  it('refuses a name resolving to a metadata address even with CX_WEBHOOK_ALLOW_PRIVATE=true, and says it is final', async () => {
    const r = await startReceiver();
    receivers.push(r);
    // Our own DNS answers for names we invent; one refused answer among allowed ones is enough.
    const answers: Record<string, string[]> = {
      'metadata.test': ['169.254.169.254'],
      'mixed.test': ['127.0.0.1', 'fd00:ec2::254'],
      'ok.test': ['127.0.0.1'],
    };
    const resolve: Resolver = async (host) =>
      (answers[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    const sender = createWebhookSender({ policy: targetPolicy(true), resolve });
    const port = new URL(r.url).port;
    const metadata = await sender.post(`http://metadata.test:${port}/`, {}, '{}');
    const mixed = await sender.post(`http://mixed.test:${port}/`, {}, '{}');
    const ok = await sender.post(`http://ok.test:${port}/`, {}, '{}');
    await sender.close();
    assert.equal(metadata.refused, true);
    assert.match(
      metadata.error!,
      /^refused: metadata\.test resolves to 169\.254\.169\.254, which is not a public address \(refused in every mode/,
    );
    assert.equal(mixed.refused, true);
    assert.match(mixed.error!, /fd00:ec2::254/);
    assert.deepEqual([ok.statusCode, ok.refused], [204, undefined]);
    assert.equal(r.received.length, 1, 'only the allowed name was contacted');
  });

  it('does not call an ordinary failure a refusal (it is retried)', async () => {
    const r = await startReceiver();
    const url = r.url;
    await r.close();
    const sender = createWebhookSender({ policy: targetPolicy(true) });
    const res = await sender.post(url, {}, '{}');
    await sender.close();
    assert.equal(res.statusCode, null);
    assert.equal(res.refused, undefined, res.error ?? '');
  });

  it('keeps at most 4 KiB of the answer', async () => {
    const r = await startReceiver();
    receivers.push(r);
    r.answer = () => ({ status: 500, body: 'y'.repeat(1_000_000) });
    const sender = createWebhookSender({ policy: { allowPrivate: true, isBlocked: () => false } });
    const res = await sender.post(r.url, {}, '{}');
    await sender.close();
    assert.equal(res.statusCode, 500);
    assert.equal(res.body!.length, MAX_KEPT_BODY_BYTES);
  });
});
