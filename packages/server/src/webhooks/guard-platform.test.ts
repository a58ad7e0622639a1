// The SSRF guard on a running platform, at its three checkpoints: endpoint creation (422 on
// /url), message accept (422 on /callbackUrl, by literal address, no DNS) and delivery (a
// refused target ends the delivery at once, dead, with the reason; no retry for a day).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { startReceiver, type Receiver } from '../../test/receiver.ts';
import { waitFor } from '../../test/wait.ts';
import { checkMessage } from '../messaging/input.ts';

/** Refused in every mode, whatever CX_WEBHOOK_ALLOW_PRIVATE says (issue 17, point 4). */
const METADATA_URLS = [
  'https://169.254.169.254/x',
  'https://[::ffff:169.254.169.254]/',
  'https://[fd00:ec2::254]/',
  'https://100.100.100.200/',
  'https://168.63.129.16/',
  'https://[fe80::1]/',
  'https://[64:ff9b::a9fe:a9fe]/',
];

interface Delivery {
  status: string;
  attempts: { error: string | null }[];
  nextAttemptAt: string | null;
  url: string;
}

/** The first delivery to `url` that has been attempted: its outcome is written with the attempt. */
async function attemptedDelivery(t: TestPlatform, url: string): Promise<Delivery> {
  return waitFor(async () => {
    const res = await t.api.get('/v1/webhook-deliveries?limit=1000', { key: t.boot.apiKey });
    return (res.body.data as Delivery[]).find((d) => d.url === url && d.attempts.length > 0);
  }, `an attempt to ${url}`);
}

async function refusesAtAccept(t: TestPlatform, callbackUrl: string): Promise<void> {
  const single = await t.api.post('/v1/messages', {
    key: t.boot.apiKey,
    body: { to: '+14155550150', body: 'ssrf', callbackUrl },
  });
  assert.equal(single.status, 422, callbackUrl);
  assert.deepEqual(
    single.body.errors.map((e: { pointer: string }) => e.pointer),
    ['/callbackUrl'],
    callbackUrl,
  );
  const batch = await t.api.post('/v1/messages/batch', {
    key: t.boot.apiKey,
    body: {
      messages: [
        { to: '+14155550151', body: 'fine' },
        { to: '+14155550152', body: 'ssrf', callbackUrl },
      ],
    },
  });
  assert.equal(batch.status, 202);
  assert.equal(batch.body.data[0].status, 'queued');
  assert.equal(batch.body.data[1].error.errors[0].pointer, '/messages/1/callbackUrl', callbackUrl);
}

describe('SSRF guard on a platform without CX_WEBHOOK_ALLOW_PRIVATE', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform({ env: { CX_WEBHOOK_ALLOW_PRIVATE: 'false' } });
  });
  after(async () => {
    await t.close();
  });

  it('refuses endpoints on blocked targets with 422 naming /url', async () => {
    for (const url of [
      'https://127.0.0.1/hook',
      'http://93.184.215.14/hook',
      'https://10.0.0.1/',
      'https://localhost/hook',
      ...METADATA_URLS,
    ]) {
      const res = await t.api.post('/v1/webhook-endpoints', { key: t.boot.apiKey, body: { url } });
      assert.equal(res.status, 422, url);
      assert.equal(res.body.errors[0].pointer, '/url');
    }
  });

  it('tells a developer with a local receiver which setting opens it and that a restart is needed', async () => {
    for (const url of [
      'http://127.0.0.1:9000/hook',
      'https://127.0.0.1/hook',
      'https://192.168.1.20/hook',
      'https://localhost/hook',
    ]) {
      const res = await t.api.post('/v1/webhook-endpoints', { key: t.boot.apiKey, body: { url } });
      assert.equal(res.status, 422, url);
      assert.match(res.body.errors[0].detail, /CX_WEBHOOK_ALLOW_PRIVATE=true .*restart/, url);
    }
    const metadata = await t.api.post('/v1/webhook-endpoints', {
      key: t.boot.apiKey,
      body: { url: 'https://169.254.169.254/' },
    });
    assert.doesNotMatch(
      metadata.body.errors[0].detail,
      /CX_WEBHOOK_ALLOW_PRIVATE/,
      'no setting opens a metadata address',
    );
  });

  it('refuses a message whose callbackUrl is a metadata address with 422 on /callbackUrl, single and in a batch', async () => {
    for (const url of METADATA_URLS) await refusesAtAccept(t, url);
  });

  it('accepts a callbackUrl by name (no DNS at accept) and ends its delivery at once when the name resolves to a refused address', async () => {
    const r = await startReceiver();
    try {
      const callbackUrl = r.url.replace('http://127.0.0.1', 'https://localhost');
      const m = await t.api.post('/v1/messages', {
        key: t.boot.apiKey,
        body: { to: '+14155550150', body: 'ssrf', callbackUrl },
      });
      assert.equal(m.status, 202);
      const d = await attemptedDelivery(t, callbackUrl);
      assert.equal(d.status, 'dead', 'not retried for 27 hours');
      assert.equal(d.attempts.length, 1);
      assert.equal(d.nextAttemptAt, null);
      assert.match(d.attempts[0]!.error!, /^refused: localhost resolves to .*, which is not a public address/);
      assert.equal(r.received.length, 0);
    } finally {
      await r.close();
    }
  });
});

describe('SSRF guard on a platform with CX_WEBHOOK_ALLOW_PRIVATE=true', () => {
  let t: TestPlatform;
  let r: Receiver;
  before(async () => {
    t = await startTestPlatform();
    r = await startReceiver();
  });
  after(async () => {
    await r.close();
    await t.close();
  });

  it('refuses endpoints on metadata and link-local addresses and allows loopback', async () => {
    for (const url of METADATA_URLS.map((u) => u.replace('https:', 'http:'))) {
      const res = await t.api.post('/v1/webhook-endpoints', { key: t.boot.apiKey, body: { url } });
      assert.equal(res.status, 422, url);
      assert.equal(res.body.errors[0].pointer, '/url');
      assert.match(res.body.errors[0].detail, /refused in every mode/);
    }
    const ok = await t.api.post('/v1/webhook-endpoints', {
      key: t.boot.apiKey,
      body: { url: r.url, events: ['message.sent'] },
    });
    assert.equal(ok.status, 201);
    await t.api.delete(`/v1/webhook-endpoints/${ok.body.id}`, { key: t.boot.apiKey });
  });

  it('refuses a message whose callbackUrl is a metadata address, and accepts one on loopback', async () => {
    for (const url of METADATA_URLS) await refusesAtAccept(t, url.replace('https:', 'http:'));
    const ok = await t.api.post('/v1/messages', {
      key: t.boot.apiKey,
      body: { to: '+14155550150', body: 'hi', callbackUrl: r.url },
    });
    assert.equal(ok.status, 202);
  });

  it('ends at once a delivery to an endpoint stored before the guard refused its metadata address', async () => {
    const created = await t.api.post('/v1/webhook-endpoints', {
      key: t.boot.apiKey,
      body: { url: r.url, events: ['message.queued'] },
    });
    assert.equal(created.status, 201);
    // As an endpoint created by an earlier version (the flag then opened every address) would be.
    const stale = 'http://169.254.169.254/latest/meta-data';
    await t.platform.ctx
      .sql`update webhook_endpoints set url = ${stale} where account_id = ${t.boot.accountId} and id = ${created.body.id}`;
    const m = await t.api.post('/v1/messages', {
      key: t.boot.apiKey,
      body: { to: '+14155550153', body: 'to the endpoint' },
    });
    assert.equal(m.status, 202);
    const d = await attemptedDelivery(t, stale);
    assert.deepEqual([d.status, d.attempts.length, d.nextAttemptAt], ['dead', 1, null]);
    assert.match(d.attempts[0]!.error!, /^refused: 169\.254\.169\.254 is not a public address \(refused in every mode/);
  });
});

describe('callbackUrl at accept in production mode', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const check = (callbackUrl: string, webhookAllowPrivate: boolean) =>
    checkMessage({ to: '+14155550150', body: 'x', callbackUrl }, now, '/messages/3', { webhookAllowPrivate });
  const pointerOf = (r: ReturnType<typeof check>) => ('errors' in r ? r.errors.map((e) => e.pointer) : []);

  it('refuses http, loopback and private literals unless CX_WEBHOOK_ALLOW_PRIVATE=true, and names only the field', () => {
    for (const url of [
      'https://127.0.0.1/hook',
      'https://[::1]/',
      'https://10.0.0.8/',
      'https://192.168.1.1/',
      'http://93.184.215.14/',
      'https://u:p@93.184.215.14/',
    ]) {
      assert.deepEqual(pointerOf(check(url, false)), ['/messages/3/callbackUrl'], url);
    }
    for (const url of ['https://127.0.0.1/hook', 'http://10.0.0.8/'])
      assert.deepEqual(pointerOf(check(url, true)), [], url);
    for (const url of ['https://93.184.215.14/hook', 'https://hooks.example.com/x'])
      assert.deepEqual(pointerOf(check(url, false)), [], url);
  });
});
