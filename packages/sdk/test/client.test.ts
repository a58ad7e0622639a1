// The client against the real platform (sandbox SMSC, real HTTP), plus a tiny local HTTP
// server for what the platform will not do on demand: 429 with Retry-After, 503, silence.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestPlatform, type TestPlatform } from '../../server/test/harness.ts';
import { addUser } from '../../server/test/portal.ts';
import { startReceiver } from '../../server/test/receiver.ts';
import { waitFor } from '../../server/test/wait.ts';
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  CxEngage,
  NotFoundError,
  PermissionDeniedError,
  ProblemError,
  ServerError,
  TimeoutError,
  ValidationError,
  verifyWebhook,
  type Message,
} from '../src/index.ts';

/** A destination of its own per test, so that lists and counts see only that test's messages. */
let nextNumber = 347100;
const freshNumber = () => `+4915112${nextNumber++}`;

describe('CxEngage client against the platform', () => {
  let t: TestPlatform;
  /** A test key: messages through the sandbox. */
  let client: CxEngage;
  /** A live key: what a test key may not touch (keys, the webhook secret, billing, privacy, the audit log) and live webhooks. */
  let live: CxEngage;

  before(async () => {
    t = await startTestPlatform();
    client = new CxEngage({ apiKey: t.boot.testApiKey, baseUrl: t.url });
    live = new CxEngage({ apiKey: t.boot.apiKey, baseUrl: t.url });
  });
  after(() => t.close());

  it('sends a message, reads it back and sees it delivered by the sandbox', async () => {
    const to = freshNumber();
    const sent = await client.messages.send({ to, body: 'Hello from the SDK' });
    assert.match(sent.id, /^msg_/);
    assert.equal(sent.status, 'queued');
    assert.equal(sent.to, to);
    const read = await client.messages.get(sent.id);
    assert.equal(read.body, 'Hello from the SDK');
    const delivered = await waitFor(async () => {
      const m = await client.messages.get(sent.id);
      return m.status === 'delivered' ? m : undefined;
    }, `message ${sent.id} to be delivered`);
    assert.equal(delivered.events.at(-1)?.status, 'delivered');
  });

  it('sends a batch and reports the invalid item on its own', async () => {
    const to = freshNumber();
    const { data } = await client.messages.batch([
      { to, body: 'one' },
      { to: 'not a number', body: 'two' },
      { to, body: 'three' },
    ]);
    assert.equal(data.length, 3);
    const [first, refused, third] = data;
    assert.ok(first && 'id' in first && first.status === 'queued');
    assert.ok(third && 'id' in third && third.status === 'queued');
    assert.ok(refused && !('id' in refused), 'the second item is refused');
    assert.equal(refused.error.status, 422);
    assert.equal(refused.error.errors?.[0]?.pointer, '/messages/1/to');
  });

  it('lists one page when awaited and every page when iterated', async () => {
    const to = freshNumber();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await client.messages.send({ to, body: `page test ${i}` })).id);

    const first = await client.messages.list({ to, limit: 2 });
    assert.deepEqual(
      first.data.map((m) => m.id),
      [ids[4], ids[3]],
      'newest first',
    );
    assert.ok(first.nextCursor);

    const all: Message[] = [];
    for await (const m of client.messages.list({ to, limit: 2 })) all.push(m);
    assert.deepEqual(
      all.map((m) => m.id),
      [...ids].reverse(),
    );

    let pages = 0;
    for await (const page of client.messages.list({ to, limit: 2 }).pages()) pages += page.data.length > 0 ? 1 : 0;
    assert.equal(pages, 3);

    const resumed: string[] = [];
    for await (const m of client.messages.list({ to, limit: 2, cursor: first.nextCursor })) resumed.push(m.id);
    assert.deepEqual(resumed, [ids[2], ids[1], ids[0]]);
  });

  it('cancels a scheduled message, and a second cancel is a ConflictError', async () => {
    const scheduledAt = new Date(Date.now() + 3600_000).toISOString();
    const m = await client.messages.send({ to: freshNumber(), body: 'later', scheduledAt });
    assert.equal(m.status, 'scheduled');
    assert.equal((await client.messages.cancel(m.id)).status, 'canceled');
    const err = await client.messages.cancel(m.id).catch((e: unknown) => e);
    assert.ok(err instanceof ConflictError);
    assert.equal(err.status, 409);
  });

  it('turns a 422 into a ValidationError with the field pointer and the request id', async () => {
    const err = await client.messages.send({ to: '015112345678', body: 'no country code' }).catch((e: unknown) => e);
    assert.ok(err instanceof ValidationError);
    assert.ok(err instanceof ProblemError);
    assert.equal(err.status, 422);
    assert.equal(err.type, 'https://cx-engage.dev/problems/validation-failed');
    assert.equal(err.errors[0]?.pointer, '/to');
    assert.ok(err.requestId, 'x-request-id is kept for support requests');

    // @ts-expect-error `to` is required by the spec; the server says the same
    const missing = await client.messages.send({ body: 'to nobody' }).catch((e: unknown) => e);
    assert.ok(missing instanceof ValidationError);
    assert.deepEqual(missing.errors, [{ pointer: '/to', detail: 'is required' }]);
  });

  it('turns a 401 into an AuthenticationError without retrying', async () => {
    const counting = countingFetch();
    const bad = new CxEngage({ apiKey: 'cxk_test_not_a_real_key', baseUrl: t.url, fetch: counting.fetch });
    const err = await bad.account.get().catch((e: unknown) => e);
    assert.ok(err instanceof AuthenticationError);
    assert.equal(err.status, 401);
    assert.equal(counting.requests.length, 1);
  });

  it('retries a send whose response was lost with the same Idempotency-Key: one message', async () => {
    const to = freshNumber();
    const keys: (string | null)[] = [];
    // The server receives and answers the first attempt; the client never sees the answer.
    const losesFirstResponse: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      keys.push(new Headers(init?.headers).get('idempotency-key'));
      if (keys.length === 1) {
        await response.text();
        throw new TypeError('fetch failed (simulated connection reset)');
      }
      return response;
    };
    const flaky = new CxEngage({ apiKey: t.boot.testApiKey, baseUrl: t.url, fetch: losesFirstResponse });
    const sent = await flaky.messages.send({ to, body: 'exactly once' });
    assert.equal(keys.length, 2);
    assert.ok(keys[0]);
    assert.equal(keys[1], keys[0], 'the retry reuses the key');
    const { data } = await client.messages.list({ to });
    assert.deepEqual(
      data.map((m) => m.id),
      [sent.id],
    );
  });

  it('lets the caller choose the Idempotency-Key', async () => {
    const to = freshNumber();
    const idempotencyKey = `order-${to}`;
    const first = await client.messages.send({ to, body: 'order confirmed' }, { idempotencyKey });
    const again = await client.messages.send({ to, body: 'order confirmed' }, { idempotencyKey });
    assert.equal(again.id, first.id);
    assert.equal((await client.messages.list({ to })).data.length, 1);
  });

  it('covers the account, its API keys, numbers, audit log and sandbox', async () => {
    const refused = await client.apiKeys.create({ name: 'from a test key', mode: 'live' }).catch((e: unknown) => e);
    assert.ok(refused instanceof PermissionDeniedError, 'a test key cannot mint keys');
    assert.equal((refused as PermissionDeniedError).type, 'https://cx-engage.dev/problems/test-key-forbidden');
    const account = await live.account.get();
    assert.equal(account.id, t.boot.accountId);
    assert.equal(account.sms.limit, null, 'the house account has no SMS limit');
    const asked = await live.account.requestLimit({ smsLimit: 1000, reason: 'sdk test' });
    assert.equal(asked.status, 'pending');
    const requests = [];
    for await (const r of live.account.listLimitRequests({ status: 'pending' })) requests.push(r.id);
    assert.ok(requests.includes(asked.id));
    const preview = await live.billing.price({ to: '+4915112345678', body: 'hi' });
    assert.deepEqual([preview.segments, preview.total], [1, null], 'no price configured on this platform');
    assert.deepEqual((await live.billing.statement()).lines, []);
    assert.deepEqual(await live.billing.invoices(), []);

    const created = await live.apiKeys.create({ name: 'sdk test', scopes: ['account:manage'] });
    assert.equal(created.mode, 'live', 'mode may be left out: the server defaults it');
    assert.match(created.secret, /^cxk_live_/);
    assert.equal((await live.apiKeys.get(created.id)).name, 'sdk test');
    const keyIds: string[] = [];
    for await (const k of live.apiKeys.list({ limit: 1 })) keyIds.push(k.id);
    assert.ok(keyIds.includes(created.id));
    const scoped = new CxEngage({ apiKey: created.secret, baseUrl: t.url });
    assert.equal((await scoped.account.get()).id, account.id);
    assert.ok((await live.apiKeys.revoke(created.id)).revokedAt);
    assert.ok((await scoped.account.get().catch((e: unknown) => e)) instanceof AuthenticationError);

    const numbers = await live.numbers.list();
    assert.ok(numbers.data.some((n) => n.number === t.boot.sandboxNumber));

    const actions: string[] = [];
    for await (const entry of live.auditLog.list({ limit: 2 })) actions.push(entry.action);
    assert.ok(actions.includes('api_key.created'));

    const from = freshNumber();
    const inbound = await live.sandbox.simulateInbound({ from, to: t.boot.sandboxNumber, body: 'STOP?' });
    assert.equal(inbound.status, 'received');
    assert.equal(inbound.body, 'STOP?');
    assert.equal((await live.messages.list({ from, direction: 'inbound' })).data[0]?.id, inbound.id);
    assert.ok(Array.isArray((await live.sandbox.listEmails()).data));
  });

  it('manages webhook endpoints, and verifies the signed events they deliver', async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await live.webhookEndpoints.create({ url: receiver.url, events: ['message.delivered'] });
      assert.match(endpoint.secret, /^whsec_/);
      const m = await live.messages.send({ to: freshNumber(), body: 'webhook me' });
      const forMessage = () => receiver.received.filter((r) => JSON.parse(r.body).data.id === m.id);
      const [first] = await waitFor(
        async () => (forMessage().length >= 1 ? forMessage() : undefined),
        'the message.delivered webhook',
      );
      assert.ok(first);
      const event = await verifyWebhook(first.body, first.headers, endpoint.secret);
      assert.equal(event.type, 'message.delivered');
      assert.equal(event.data.id, m.id);

      // Other live messages of this account may be delivered meanwhile: find this event's delivery.
      const delivery = await waitFor(
        async () =>
          (await live.webhookDeliveries.list({ endpointId: endpoint.id, status: 'delivered' })).data.find(
            (d) => d.eventId === first.headers['webhook-id'],
          ),
        'the delivery to be recorded',
      );
      assert.equal(delivery.eventId, first.headers['webhook-id']);
      assert.ok((await live.webhookDeliveries.get(delivery.id)).attempts.length >= 1);

      // During a rotation both secrets sign: a receiver that switches late still verifies.
      const rotated = await live.webhookEndpoints.rotateSecret(endpoint.id);
      await live.webhookDeliveries.retry(delivery.id);
      const [, again] = await waitFor(
        async () => (forMessage().length >= 2 ? forMessage() : undefined),
        'the retried delivery',
      );
      assert.ok(again);
      assert.equal(again.headers['webhook-id'], first.headers['webhook-id'], 'a retry keeps the webhook-id');
      await verifyWebhook(again.body, again.headers, endpoint.secret);
      await verifyWebhook(again.body, again.headers, rotated.secret);

      const replayed = await live.webhookEndpoints.replay(endpoint.id, {
        from: new Date(Date.now() - 3600_000).toISOString(),
        to: new Date().toISOString(),
      });
      assert.ok(replayed.deliveries >= 1);
      assert.equal((await live.webhookEndpoints.update(endpoint.id, { enabled: false })).disabledReason, 'manual');
      const endpoints = [];
      for await (const e of live.webhookEndpoints.list()) endpoints.push(e.id);
      assert.ok(endpoints.includes(endpoint.id));
      await live.webhookEndpoints.delete(endpoint.id);
      assert.ok((await live.webhookEndpoints.get(endpoint.id).catch((e: unknown) => e)) instanceof NotFoundError);
    } finally {
      await receiver.close();
    }
  });

  it("signs callbackUrl deliveries with the account's webhook secret, shown once", async () => {
    const receiver = await startReceiver();
    try {
      const { secret } = await live.webhookSecret.get();
      assert.ok(secret);
      assert.equal((await live.webhookSecret.get()).secret, null);
      const m = await live.messages.send({ to: freshNumber(), body: 'call me back', callbackUrl: receiver.url });
      const received = await waitFor(async () => receiver.received[0], 'a callbackUrl delivery');
      assert.equal((await verifyWebhook(received.body, received.headers, secret)).data.id, m.id);
      const rotated = await live.webhookSecret.rotate();
      assert.ok(rotated.secret && rotated.secret !== secret);
    } finally {
      await receiver.close();
    }
  });

  it('reaches any operation through the typed request()', async () => {
    const m = await client.messages.send({ to: freshNumber(), body: 'via request' });
    const read = await client.request('get', '/v1/messages/{messageId}', { path: { messageId: m.id } });
    assert.equal(read.id, m.id);
  });

  it('signs in with a session cookie and the CSRF header instead of an API key, as the portal does', async () => {
    const operator = new CxEngage({ apiKey: t.boot.adminApiKey, baseUrl: t.url });
    const account = await operator.request('post', '/v1/admin/accounts', {
      body: { name: 'SDK session', status: 'active' },
    });
    const key = await operator.request('post', '/v1/admin/accounts/{accountId}/api-keys', {
      path: { accountId: account.id },
      body: { name: 'k' },
    });
    await addUser(
      t,
      { id: account.id, key: key.secret },
      'sdk-session@client.example',
      'owner',
      'a long session password',
    );
    const jar = cookieJar();
    const csrf = () => ({ 'x-csrf-token': jar.cookies.get('cx_csrf') ?? '' });
    const session = new CxEngage({
      baseUrl: t.url,
      credentials: 'same-origin',
      headers: csrf,
      fetch: jar.fetch,
      maxRetries: 0,
    });
    const signedIn = await session.request('post', '/v1/auth/login', {
      body: { email: 'sdk-session@client.example', password: 'a long session password' },
    });
    assert.equal(signedIn.twoFactorRequired, false);
    const me = await session.request('get', '/v1/auth/session');
    assert.equal(me.account.id, account.id);
    assert.ok(
      jar.sent.every((h) => !h.has('authorization')),
      'no Authorization header without an API key',
    );
    assert.ok(
      jar.sent.every((h) => h.get('x-csrf-token') !== null),
      'the headers option goes with every request',
    );
    const created = await session.apiKeys.create({ name: 'made in a session' });
    assert.match(created.secret, /^cxk_live_/);

    const noToken = new CxEngage({ baseUrl: t.url, credentials: 'same-origin', fetch: jar.fetch, maxRetries: 0 });
    const refused = await noToken.apiKeys.create({ name: 'no CSRF token' }).catch((e: unknown) => e);
    assert.ok(refused instanceof PermissionDeniedError, String(refused));
    assert.match(refused.type, /csrf-token-invalid$/);
    assert.throws(() => new CxEngage({ baseUrl: t.url }), /apiKey is required/);
  });

  it('reads policy versions and objects to one in writing', async () => {
    const operator = new CxEngage({ apiKey: t.boot.adminApiKey, baseUrl: t.url });
    const account = await operator.request('post', '/v1/admin/accounts', {
      body: { name: 'SDK policies', status: 'active' },
    });
    const key = await operator.request('post', '/v1/admin/accounts/{accountId}/api-keys', {
      path: { accountId: account.id },
      body: { name: 'k', scopes: ['account:manage'] },
    });
    const published = await operator.request('post', '/v1/admin/policies', {
      body: {
        kind: 'terms',
        version: 'sdk-1',
        title: 'Terms',
        text: '# Terms',
        summaryOfChanges: 'New clause 9.',
        effectiveAt: '2099-01-01T00:00:00Z',
      },
    });
    const own = new CxEngage({ apiKey: key.secret, baseUrl: t.url });
    assert.deepEqual(
      (await own.policies.list()).data.map((p) => [p.id, p.notice.status]),
      [[published.id, 'pending']],
    );
    assert.equal((await own.policies.get(published.id)).text, '# Terms');
    const objected = await own.policies.object(published.id, { text: 'We object to clause 9.', signer: 'S. Signer' });
    assert.equal(objected.notice.status, 'objected');
    await assert.rejects(own.policies.accept(published.id, { signer: 'S. Signer' }), ConflictError);
  });

  it('keeps contacts and consent, and files a data-subject request that completes', async () => {
    const operator = new CxEngage({ apiKey: t.boot.adminApiKey, baseUrl: t.url });
    const account = await operator.request('post', '/v1/admin/accounts', {
      body: { name: 'SDK privacy', status: 'active' },
    });
    const key = await operator.request('post', '/v1/admin/accounts/{accountId}/api-keys', {
      path: { accountId: account.id },
      body: { name: 'k', scopes: ['contacts:read', 'contacts:write', 'privacy:manage'] },
    });
    const own = new CxEngage({ apiKey: key.secret, baseUrl: t.url });
    const phone = freshNumber();
    const contact = await own.contacts.create({ phone, name: 'Sam SDK' });
    assert.equal((await own.contacts.create({ phone })).id, contact.id, 'one contact per number');
    const state = await own.contacts.recordConsent(contact.id, {
      channel: 'sms',
      purpose: 'marketing',
      action: 'granted',
      source: 'api',
    });
    assert.deepEqual(
      state.current.map((c) => c.granted),
      [true],
    );
    await assert.rejects(own.contacts.create({ phone: 'not a number' }), ValidationError);
    const imported = await own.contacts.import({
      contacts: [
        { phone, tags: ['imported'] },
        { phone: freshNumber(), consents: [{ channel: 'sms', purpose: 'otp', action: 'granted' }] },
      ],
    });
    assert.deepEqual([imported.created, imported.updated, imported.consentsRecorded], [1, 1, 1]);
    assert.deepEqual((await own.contacts.get(contact.id)).tags, ['imported']);
    const bad = await own.contacts.import({ contacts: [{ phone: 'nope' }] }).catch((err: unknown) => err);
    assert.ok(bad instanceof ValidationError);
    assert.deepEqual(
      bad.problem.errors?.map((e) => e.pointer),
      ['/contacts/0/phone'],
    );
    const filed = await own.privacyRequests.create({ type: 'objection', subject: { contactId: contact.id } });
    const done = await waitFor(async () => {
      const r = await own.privacyRequests.get(filed.id);
      return r.status === 'completed' ? r : undefined;
    }, 'the objection to complete');
    assert.equal(done.type, 'objection');
    assert.deepEqual(
      (await own.privacyRequests.list({ type: 'objection' })).data.map((r) => r.id),
      [filed.id],
    );
    await assert.rejects(own.privacyRequests.extend(filed.id, 'too late'), ConflictError);
  });
});

describe('CxEngage client retries and timeouts', () => {
  it('waits for Retry-After after a 429 and then succeeds, with one Idempotency-Key', async () => {
    const server = await scriptedServer([
      (res) => problem(res, 429, { 'retry-after': '1' }),
      (res) => json(res, 202, { id: 'msg_after_429' }),
    ]);
    try {
      const client = new CxEngage({ apiKey: 'cxk_test_x', baseUrl: server.url });
      const sent = await client.messages.send({ to: '+4915112345678', body: 'x' });
      assert.equal(sent.id, 'msg_after_429');
      const [first, second] = server.requests;
      assert.ok(first && second);
      assert.ok(second.at - first.at >= 1000, `the retry came ${Math.round(second.at - first.at)} ms later`);
      assert.equal(second.headers['idempotency-key'], first.headers['idempotency-key']);
    } finally {
      await server.close();
    }
  });

  it('reads Retry-After as an HTTP date too', async () => {
    // HTTP dates have whole seconds: two seconds ahead is at least one second away.
    const server = await scriptedServer([
      (res) => problem(res, 429, { 'retry-after': new Date(Date.now() + 2000).toUTCString() }),
      (res) => json(res, 200, { id: 'acc_1' }),
    ]);
    try {
      await new CxEngage({ apiKey: 'cxk_test_x', baseUrl: server.url }).account.get();
      const [first, second] = server.requests;
      assert.ok(first && second && second.at - first.at >= 1000);
    } finally {
      await server.close();
    }
  });

  it('retries a 409 saying the first attempt with this Idempotency-Key is still running', async () => {
    const server = await scriptedServer([
      (res) => problem(res, 409, {}, 'https://cx-engage.dev/problems/idempotency-in-flight'),
      (res) => json(res, 202, { id: 'msg_replayed' }),
    ]);
    try {
      const sent = await new CxEngage({ apiKey: 'cxk_test_x', baseUrl: server.url }).messages.send({
        to: '+4915112345678',
        body: 'x',
      });
      assert.equal(sent.id, 'msg_replayed');
      assert.equal(server.requests.length, 2);
    } finally {
      await server.close();
    }
  });

  it('does not retry other 4xx', async () => {
    const server = await scriptedServer([(res) => problem(res, 409), (res) => json(res, 200, {})]);
    try {
      const err = await new CxEngage({ apiKey: 'cxk_test_x', baseUrl: server.url }).messages
        .cancel('msg_1')
        .catch((e: unknown) => e);
      assert.ok(err instanceof ConflictError);
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });

  it('retries 5xx up to maxRetries, then throws a ServerError', async () => {
    const unavailable = (res: http.ServerResponse) => problem(res, 503);
    const server = await scriptedServer([unavailable, unavailable, unavailable]);
    try {
      const err = await new CxEngage({ apiKey: 'cxk_test_x', baseUrl: server.url, maxRetries: 2 }).account
        .get()
        .catch((e: unknown) => e);
      assert.ok(err instanceof ServerError);
      assert.equal(err.status, 503);
      assert.equal(server.requests.length, 3);
    } finally {
      await server.close();
    }
  });

  it('gives up with a TimeoutError when nothing answers within timeoutMs', async () => {
    const server = await scriptedServer([() => {}, () => {}]);
    try {
      const client = new CxEngage({ apiKey: 'cxk_test_x', baseUrl: server.url, timeoutMs: 200, maxRetries: 1 });
      const err = await client.account.get().catch((e: unknown) => e);
      assert.ok(err instanceof TimeoutError);
      assert.ok(err instanceof ConnectionError);
      assert.equal(server.requests.length, 2);
    } finally {
      await server.close();
    }
  });

  it('throws a ConnectionError when the server cannot be reached', async () => {
    const server = await scriptedServer([]);
    await server.close();
    const err = await new CxEngage({ apiKey: 'cxk_test_x', baseUrl: server.url, maxRetries: 1 }).account
      .get()
      .catch((e: unknown) => e);
    assert.ok(err instanceof ConnectionError);
    assert.ok(!(err instanceof TimeoutError));
  });
});

function countingFetch(): { fetch: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    fetch: (input, init) => {
      requests.push(`${init?.method} ${String(input)}`);
      return fetch(input, init);
    },
  };
}

/** A browser's cookie handling for Node's fetch, which keeps no cookies: what `credentials` asks a browser for. */
function cookieJar() {
  const cookies = new Map<string, string>();
  const sent: Headers[] = [];
  const fetchWithCookies: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    sent.push(new Headers(headers));
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  };
  return { cookies, sent, fetch: fetchWithCookies };
}

interface ScriptedServer {
  url: string;
  requests: { at: number; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Answers the n-th request with the n-th handler; a handler that does not answer leaves the client waiting. */
async function scriptedServer(handlers: ((res: http.ServerResponse) => void)[]): Promise<ScriptedServer> {
  const requests: ScriptedServer['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ at: performance.now(), headers: req.headers });
    req.resume();
    handlers[requests.length - 1]?.(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function problem(
  res: http.ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  type = 'https://cx-engage.dev/problems/test',
): void {
  res
    .writeHead(status, { 'content-type': 'application/problem+json', ...headers })
    .end(JSON.stringify({ type, title: http.STATUS_CODES[status] ?? 'error', status }));
}
