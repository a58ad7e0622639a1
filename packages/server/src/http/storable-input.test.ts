// The storable rules (http/storable.ts) on the cases issue 17 reported, and the edges that stay
// accepted. The sweep in bad-input-sweep.test.ts covers every other field the same way.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiResponse, type TestPlatform } from '../../test/harness.ts';
import { DATE_TIME_RULE, TEXT_RULE, isStorableText, storableDate, storableDateTime } from './storable.ts';

function assertNames(res: ApiResponse, status: number, pointers: string[]): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  assert.deepEqual(
    res.body.errors.map((e: { pointer: string }) => e.pointer).sort(),
    [...pointers].sort(),
    JSON.stringify(res.body),
  );
}

describe('the storable checks on their own', () => {
  it('takes real RFC 3339 times from 1970 to 9999 in UTC and nothing else', () => {
    const check = storableDateTime((v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v));
    for (const ok of [
      '1970-01-01T00:00:00Z',
      '2024-02-29T12:00:00+01:00',
      '9999-12-31T23:59:59.999Z',
      '1970-01-01T00:30:00+00:30',
    ])
      assert.ok(check(ok), ok);
    for (const bad of [
      '0000-01-01T00:00:00Z',
      '1969-12-31T23:59:59Z',
      '9999-12-31T23:30:00-01:00',
      '2024-06-30T23:59:60Z',
      'yesterday',
    ])
      assert.ok(!check(bad), bad);
    const date = storableDate((v) => /^\d{4}-\d\d-\d\d$/.test(v));
    assert.ok(date('1970-01-01') && date('9999-12-31'));
    assert.ok(!date('0000-01-01') && !date('1969-12-31'));
  });

  it('refuses U+0000 and unpaired surrogates but takes any other text', () => {
    assert.ok(isStorableText('héllo 👋 \u0001'));
    for (const bad of ['a\u0000b', '\ud800', 'x\udc00', '\ud83d']) assert.ok(!isStorableText(bad), JSON.stringify(bad));
  });
});

describe('bad input the database cannot store is a 4xx naming the field', () => {
  let t: TestPlatform;
  const to = '+4915112345678';
  before(async () => {
    t = await startTestPlatform();
  });
  after(() => t.close());

  it('refuses U+0000 in a path id with 400 naming the parameter', async () => {
    for (const [path, name] of [
      ['/v1/messages/%00', 'messageId'],
      ['/v1/contacts/con_%00', 'contactId'],
      ['/v1/media/%00', 'fileId'],
      ['/v1/invoices/%00', 'invoiceId'],
      ['/v1/webhook-endpoints/%00', 'endpointId'],
      ['/v1/privacy/requests/%00', 'requestId'],
    ] as const) {
      assertNames(await t.api.get(path, { key: t.boot.apiKey }), 400, [`/params/${name}`]);
    }
    assertNames(await t.api.get('/v1/admin/accounts/acc_%00', { key: t.boot.adminApiKey }), 400, ['/params/accountId']);
    assertNames(await t.api.get('/webhooks/whatsapp/%00?hub.mode=subscribe'), 400, ['/params/connectorId']);
  });

  it('refuses U+0000 in a query parameter, and a cursor the API did not return, with 400 naming it', async () => {
    const res = await t.api.get('/v1/messages?to=%2B49%00', { key: t.boot.apiKey });
    assertNames(res, 400, ['/querystring/to']);
    assert.equal(res.body.errors[0].detail, TEXT_RULE);
    assertNames(await t.api.get('/v1/messages?cursor=bm9wZQ', { key: t.boot.apiKey }), 400, ['/querystring/cursor']);
  });

  it('refuses U+0000 and unpaired surrogates in body text, field names and fields the schema does not describe', async () => {
    const message = await t.api.post('/v1/messages', {
      key: t.boot.apiKey,
      body: {
        to,
        body: 'hi',
        reference: 'a\u0000b',
        metadata: { 'k\u0000': 'v', ok: 'x\ud800' },
        template: { name: 't', extra: ['\u0000'] },
      },
    });
    assertNames(message, 422, ['/reference', '/metadata/k\u0000', '/metadata/ok', '/template/extra/0']);
    const endpoint = await t.api.post('/v1/webhook-endpoints', {
      key: t.boot.apiKey,
      body: { url: 'https://example.com/hook', events: ['*'], description: 'a\u0000b' },
    });
    assertNames(endpoint, 422, ['/description']);
    assertNames(
      await t.api.post('/v1/api-keys', { key: t.boot.apiKey, body: { name: '\u0000', scopes: ['messages:read'] } }),
      422,
      ['/name'],
    );
    const dsr = await t.api.post('/v1/privacy/requests', {
      key: t.boot.apiKey,
      body: { type: 'access', subject: { phone: `${to}\u0000` } },
    });
    assert.equal(dsr.status, 422, JSON.stringify(dsr.body));
    assert.ok(
      dsr.body.errors.some((e: { pointer: string }) => e.pointer === '/subject/phone'),
      JSON.stringify(dsr.body),
    );
  });

  it('refuses a batch item with U+0000 alone and accepts the others', async () => {
    const res = await t.api.post('/v1/messages/batch', {
      key: t.boot.apiKey,
      body: {
        messages: [
          { to, body: 'fine' },
          { to, body: 'x', metadata: { a: '\u0000' } },
        ],
      },
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal(res.body.data[0].status, 'queued');
    assert.deepEqual(res.body.data[1].error.errors, [{ pointer: '/messages/1/metadata/a', detail: TEXT_RULE }]);
  });

  it('refuses impossible and out-of-range dates naming the field, and takes the edges of the range', async () => {
    const key = t.boot.apiKey;
    const summary = await t.api.get('/v1/reports/summary?from=0000-01-01T00:00:00Z&to=0000-01-02T00:00:00Z', { key });
    assertNames(summary, 400, ['/querystring/from', '/querystring/to']);
    assert.equal(summary.body.errors[0].detail, DATE_TIME_RULE);
    assertNames(await t.api.get('/v1/usage?from=2024-01-01T00:00:00Z&to=2024-06-30T23:59:60Z', { key }), 400, [
      '/querystring/to',
    ]);
    assertNames(await t.api.get('/v1/messages?createdBefore=9999-12-31T23:30:00-01:00', { key }), 400, [
      '/querystring/createdBefore',
    ]);
    assertNames(
      await t.api.post('/v1/messages', { key, body: { to, body: 'x', scheduledAt: '2025-02-29T10:00:00Z' } }),
      422,
      ['/scheduledAt'],
    );
    assertNames(
      await t.api.request('PUT', '/v1/admin/billing/reference-rates/0000-01-01', {
        key: t.boot.adminApiKey,
        body: { rateBasisPoints: 1 },
      }),
      400,
      ['/params/halfYearStart'],
    );
    const edges = await t.api.get(
      '/v1/messages?createdAfter=1970-01-01T00:00:00Z&createdBefore=9999-12-31T23:59:59.999Z',
      { key },
    );
    assert.equal(edges.status, 200, JSON.stringify(edges.body));
  });

  it('refuses an integer beyond its column with 422 naming it, and takes the largest that fits', async () => {
    const admin = t.boot.adminApiKey;
    const big = await t.api.post('/v1/admin/accounts', {
      key: admin,
      raw: '{"name":"Big","rateLimits":{"perKey":2147483648,"perAccount":1e308}}',
    });
    assertNames(big, 422, ['/rateLimits/perKey', '/rateLimits/perAccount']);
    const fits = await t.api.post('/v1/admin/accounts', {
      key: admin,
      body: { name: 'Fits', rateLimits: { perKey: 2147483647, perAccount: 2147483647 } },
    });
    assert.equal(fits.status, 201, JSON.stringify(fits.body));
    const deposit = await t.api.post(`/v1/admin/accounts/${fits.body.id}/deposits`, {
      key: admin,
      body: {
        amountMinor: 1_000_000_000_001,
        currency: 'EUR',
        receivedOn: '2026-01-05',
        reference: 'wire',
        method: 'bank_transfer',
      },
    });
    assertNames(deposit, 422, ['/amountMinor']);
  });
});
