// The SSRF guard and the signature, without a platform: what the contract refuses, the
// Standard Webhooks test vector, and the sender's redirect and size limits over real HTTP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { isBlockedAddress, urlRefusal } from './ssrf.ts';
import { newWebhookSecret, sign, signatureHeader } from './signature.ts';
import { createWebhookSender, MAX_KEPT_BODY_BYTES } from './sender.ts';
import { startReceiver, type Receiver } from '../../test/receiver.ts';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { waitFor } from '../../test/wait.ts';

describe('SSRF guard', () => {
  it('refuses every range the contract lists and allows global unicast', () => {
    const refused = [
      '0.0.0.0', '0.1.2.3', '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', '100.100.100.200', '169.254.169.254',
      '224.0.0.1', '240.0.0.1', '255.255.255.255', '198.18.0.1', '198.19.255.255', '168.63.129.16', '192.0.2.1',
      '::', '::1', '::ffff:127.0.0.1', '::ffff:8.8.8.8', '64:ff9b::a00:1', '2002:a00:1::1', '2001:0:4136:e378::1', 'fc00::1',
      'fd00:ec2::254', 'fe80::1', 'fec0::1', 'ff02::1',
    ];
    for (const a of refused) assert.equal(isBlockedAddress(a), true, a);
    for (const a of ['8.8.8.8', '93.184.215.14', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) assert.equal(isBlockedAddress(a), false, a);
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
  });
});

describe('signatures', () => {
  it('matches the Standard Webhooks published test vector', () => {
    assert.equal(
      sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}'),
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('verifies with the official library, with one or two secrets during a rotation', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    const ts = Math.floor(Date.now() / 1000);
    const body = '{"type":"message.delivered"}';
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(ts), 'webhook-signature': signatureHeader([a, b], 'evt_1', ts, body) };
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
    const sender = createWebhookSender({ policy: { allowHttp: true, isBlocked: (a) => a !== '127.0.0.1' } });
    const res = await sender.post(outer.url, { 'content-type': 'application/json' }, '{}');
    await sender.close();
    assert.equal(res.statusCode, null);
    assert.match(res.error!, /127\.0\.0\.2 is not a public address/);
    assert.equal(inner.received.length, 0, 'the private target was never contacted');
    assert.equal(outer.received.length, 1);
  });

  it('refuses a name that resolves to a blocked address at connect time', async () => {
    const r = await startReceiver();
    receivers.push(r);
    const sender = createWebhookSender({ policy: { allowHttp: true, isBlocked: () => true } });
    const res = await sender.post(r.url.replace('127.0.0.1', 'localhost'), {}, '{}');
    await sender.close();
    assert.equal(res.statusCode, null);
    assert.match(res.error!, /not a public address/);
    assert.equal(r.received.length, 0);
  });

  it('keeps at most 4 KiB of the answer', async () => {
    const r = await startReceiver();
    receivers.push(r);
    r.answer = () => ({ status: 500, body: 'y'.repeat(1_000_000) });
    const sender = createWebhookSender({ policy: { allowHttp: true, isBlocked: () => false } });
    const res = await sender.post(r.url, {}, '{}');
    await sender.close();
    assert.equal(res.statusCode, 500);
    assert.equal(res.body!.length, MAX_KEPT_BODY_BYTES);
  });
});

describe('SSRF guard on a platform without CX_WEBHOOK_ALLOW_PRIVATE', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform({ env: { CX_WEBHOOK_ALLOW_PRIVATE: 'false' } });
  });
  after(async () => {
    await t.close();
  });

  it('refuses endpoints on blocked targets with 422 naming /url', async () => {
    for (const url of ['https://127.0.0.1/hook', 'http://93.184.215.14/hook', 'https://169.254.169.254/', 'https://[fd00:ec2::254]/', 'https://10.0.0.1/', 'https://localhost/hook']) {
      const res = await t.api.post('/v1/webhook-endpoints', { key: t.boot.apiKey, body: { url } });
      assert.equal(res.status, 422, url);
      assert.equal(res.body.errors[0].pointer, '/url');
    }
  });

  it('checks again at delivery: a callbackUrl on a private address is never contacted', async () => {
    const r = await startReceiver();
    try {
      const m = await t.api.post('/v1/messages', { key: t.boot.apiKey, body: { to: '+14155550150', body: 'ssrf', callbackUrl: r.url } });
      assert.equal(m.status, 202);
      const d = await waitFor(async () => {
        const res = await t.api.get('/v1/webhook-deliveries', { key: t.boot.apiKey });
        return res.body.data.find((x: { attempts: unknown[] }) => x.attempts.length > 0);
      }, 'an attempt');
      assert.match(d.attempts[0].error, /refused/);
      assert.equal(r.received.length, 0);
    } finally {
      await r.close();
    }
  });
});
