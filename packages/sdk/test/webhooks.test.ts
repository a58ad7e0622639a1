// verifyWebhook / signWebhook against the Standard Webhooks test vector, the official
// `standardwebhooks` package, and every way a request must be refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { WebhookVerificationError, signWebhook, verifyWebhook } from '../src/index.ts';

// https://github.com/standard-webhooks/standard-webhooks (libraries' shared test vector)
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const vectorNow = new Date(vector.timestamp * 1000);
const vectorHeaders = (signature = vector.signature) => ({
  'webhook-id': vector.id,
  'webhook-timestamp': String(vector.timestamp),
  'webhook-signature': signature,
});

const secret = 'whsec_' + btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
const event = JSON.stringify({
  type: 'message.delivered',
  timestamp: new Date().toISOString(),
  data: { id: 'msg_1', status: 'delivered', sequence: 3 },
});

async function rejection(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => assert.fail('expected a WebhookVerificationError'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof WebhookVerificationError, String(err));
  return err.message;
}

describe('verifyWebhook', () => {
  it('verifies the Standard Webhooks test vector', async () => {
    assert.deepEqual(await verifyWebhook(vector.body, vectorHeaders(), vector.secret, { now: vectorNow }), {
      test: 2432232314,
    });
  });

  it('signs the test vector to the published signature', async () => {
    const headers = await signWebhook(vector.body, vector.secret, { id: vector.id, timestamp: vectorNow });
    assert.deepEqual(headers, vectorHeaders());
  });

  it('takes the body as bytes and the headers as a Headers object or in any letter case', async () => {
    const bytes = new TextEncoder().encode(vector.body);
    await verifyWebhook(bytes, new Headers(vectorHeaders()), vector.secret, { now: vectorNow });
    const shouting = {
      'Webhook-Id': vector.id,
      'WEBHOOK-TIMESTAMP': String(vector.timestamp),
      'Webhook-Signature': vector.signature,
    };
    await verifyWebhook(vector.body, shouting, vector.secret, { now: vectorNow });
  });

  it('accepts what the official standardwebhooks package signs', async () => {
    const wh = new Webhook(secret);
    const id = 'msg_official';
    const now = new Date();
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': wh.sign(id, now, event),
    };
    const verified = await verifyWebhook(event, headers, secret);
    assert.equal(verified.type, 'message.delivered');
    assert.equal(verified.data.sequence, 3);
  });

  it('signs what the official standardwebhooks package accepts', async () => {
    const headers = await signWebhook(event, secret);
    assert.deepEqual(new Webhook(secret).verify(event, { ...headers }), JSON.parse(event));
  });

  it('refuses a tampered body', async () => {
    const headers = await signWebhook(event, secret);
    assert.match(
      await rejection(verifyWebhook(event.replace('delivered', 'failed'), headers, secret)),
      /no webhook-signature matches/,
    );
  });

  it('refuses a signature made with another secret', async () => {
    const other = 'whsec_' + btoa('another secret of enough length!');
    const headers = await signWebhook(event, other);
    assert.match(await rejection(verifyWebhook(event, headers, secret)), /no webhook-signature matches/);
  });

  it('refuses timestamps beyond the tolerance, in the past and in the future', async () => {
    const old = await signWebhook(event, secret, { timestamp: new Date(Date.now() - 301_000) });
    assert.match(await rejection(verifyWebhook(event, old, secret)), /s old, more than the 300 s tolerance/);
    const future = await signWebhook(event, secret, { timestamp: new Date(Date.now() + 301_000) });
    assert.match(await rejection(verifyWebhook(event, future, secret)), /in the future/);
    await verifyWebhook(event, old, secret, { toleranceSeconds: 600 });
    assert.match(
      await rejection(verifyWebhook(vector.body, vectorHeaders(), vector.secret)),
      /old/,
      'the vector is from 2021',
    );
  });

  it('refuses a request without each of the three headers, or with a malformed timestamp', async () => {
    const headers = await signWebhook(event, secret);
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const { [name]: _, ...rest } = headers;
      assert.match(await rejection(verifyWebhook(event, rest, secret)), new RegExp(`missing ${name} header`));
    }
    assert.match(
      await rejection(verifyWebhook(event, { ...headers, 'webhook-timestamp': '2024-01-01T00:00:00Z' }, secret)),
      /not Unix seconds/,
    );
  });

  it('accepts when any signature matches, as during a secret rotation', async () => {
    const stale = (
      await signWebhook(vector.body, 'whsec_' + btoa('the secret before the rotation'), {
        id: vector.id,
        timestamp: vectorNow,
      })
    )['webhook-signature'];
    const headers = vectorHeaders(`${stale} ${vector.signature}`);
    assert.deepEqual(await verifyWebhook(vector.body, headers, vector.secret, { now: vectorNow }), {
      test: 2432232314,
    });
    assert.match(
      await rejection(verifyWebhook(vector.body, vectorHeaders(stale), vector.secret, { now: vectorNow })),
      /no webhook-signature matches/,
    );
  });

  it('ignores signature versions other than v1', async () => {
    const v2 = vector.signature.replace('v1,', 'v2,');
    assert.match(
      await rejection(verifyWebhook(vector.body, vectorHeaders(v2), vector.secret, { now: vectorNow })),
      /has no v1 signature/,
    );
    await verifyWebhook(vector.body, vectorHeaders(`${v2} ${vector.signature}`), vector.secret, { now: vectorNow });
  });
});
