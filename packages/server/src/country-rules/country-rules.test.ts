// The per-country rules over real HTTP: operators set, read, list and remove them; bad input
// is named field by field; clients cannot touch them; every process sees a change at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiResponse, type TestPlatform } from '../../test/harness.ts';
import { waitFor } from '../../test/wait.ts';
import { loadCountryRules } from './service.ts';

const FRANCE = {
  alphanumericSender: 'registered_only',
  registeredSenders: [{ sender: 'ACME' }],
  defaultSender: '38700',
  timeZone: 'Europe/Paris',
  quietHours: { start: '20:00', end: '08:00' },
  quietDays: ['sunday'],
  holidays: ['2026-12-25', '2026-07-14'],
};

describe('per-country rules (admin API)', () => {
  let t: TestPlatform;
  let admin: string;
  let client: string;
  let readOnly: string;
  let accountId: string;
  const put = (country: string, body: unknown, key = admin) =>
    t.api.request('PUT', `/v1/admin/country-rules/${country}`, { key, body });
  const pointers = (res: { body: { errors?: { pointer: string }[] } }) =>
    (res.body.errors ?? []).map((e) => e.pointer).sort();

  before(async () => {
    t = await startTestPlatform();
    admin = t.boot.adminApiKey;
    accountId = (
      await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Rules Client', status: 'active' } })
    ).body.id;
    client = (await t.api.post(`/v1/admin/accounts/${accountId}/api-keys`, { key: admin, body: { name: 'client' } }))
      .body.secret;
    readOnly = (
      await t.api.post(`/v1/admin/accounts/${t.boot.accountId}/api-keys`, {
        key: admin,
        body: { name: 'ro', scopes: ['platform:read'] },
      })
    ).body.secret;
  });
  after(() => t.close());

  it('ships rules for the United States and Canada: no alphanumeric senders', async () => {
    const us = await t.api.get('/v1/admin/country-rules/US', { key: admin });
    assert.equal(us.status, 200);
    assert.deepEqual(
      [us.body.alphanumericSender, us.body.timeZone, us.body.quietHours],
      ['not_allowed', 'America/New_York', null],
    );
    assert.equal(
      (await t.api.get('/v1/admin/country-rules/CA', { key: admin })).body.alphanumericSender,
      'not_allowed',
    );
  });

  it('creates a rule with 201, replaces it with 200, and shows it as stored', async () => {
    const created = await put('FR', FRANCE);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.registeredSenders, [{ sender: 'ACME', accountId: null }]);
    assert.deepEqual(created.body.holidays, ['2026-07-14', '2026-12-25'], 'sorted');
    assert.deepEqual(created.body.quietHours, { start: '20:00', end: '08:00' });
    const replaced = await put('FR', {
      alphanumericSender: 'allowed',
      registeredSenders: [{ sender: 'SHOP', accountId }],
    });
    assert.equal(replaced.status, 200);
    assert.deepEqual(
      [
        replaced.body.defaultSender,
        replaced.body.timeZone,
        replaced.body.quietHours,
        replaced.body.holidays,
        replaced.body.registeredSenders,
      ],
      [null, null, null, [], [{ sender: 'SHOP', accountId }]],
      'a PUT is the whole rule: what it leaves out takes its default',
    );
    const {
      country: _c,
      updatedAt: _u,
      ...shown
    } = (await t.api.get('/v1/admin/country-rules/FR', { key: admin })).body;
    const again = await put('FR', shown);
    assert.equal(again.status, 200, 'what GET shows can be PUT back as is');
    assert.deepEqual({ ...again.body, updatedAt: null }, { ...replaced.body, updatedAt: null });
  });

  it('lists the rules by country with cursor pagination', async () => {
    await put('DE', { timeZone: 'Europe/Berlin', holidays: ['2026-12-25'] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await t.api.get(`/v1/admin/country-rules?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        key: readOnly,
      });
      assert.equal(page.status, 200);
      seen.push(...page.body.data.map((r: { country: string }) => r.country));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...seen].sort());
    for (const c of ['CA', 'DE', 'US']) assert.ok(seen.includes(c), c);
    assert.equal((await t.api.get('/v1/admin/country-rules?cursor=bm9wZQ', { key: admin })).status, 400);
  });

  it('removes a rule with 204, then answers 404', async () => {
    await put('IT', {});
    assert.equal((await t.api.delete('/v1/admin/country-rules/IT', { key: admin })).status, 204);
    assert.equal((await t.api.get('/v1/admin/country-rules/IT', { key: admin })).status, 404);
    assert.equal((await t.api.delete('/v1/admin/country-rules/IT', { key: admin })).status, 404);
  });

  it('names every field at fault', async () => {
    const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    const window = await put('ES', {
      timeZone: 'Europe/Madrid ',
      quietHours: { start: '22:00', end: '22:00' },
      quietDays: everyDay,
    });
    assert.equal(window.status, 422);
    assert.equal(window.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.deepEqual(pointers(window), ['/quietDays', '/quietHours/end', '/timeZone']);
    assert.deepEqual(
      pointers(await put('ES', { holidays: ['2026-01-06'] })),
      ['/timeZone'],
      'holidays need the zone they are read in',
    );
    const senders = await put('ES', {
      alphanumericSender: 'not_allowed',
      defaultSender: 'ACME',
      registeredSenders: [
        { sender: '12345' },
        { sender: 'SHOP', accountId: 'acc_01jnotthere000000000000000' },
        { sender: 'SHOP', accountId: 'acc_01jnotthere000000000000000' },
      ],
    });
    assert.deepEqual(pointers(senders), [
      '/defaultSender',
      '/registeredSenders/0/sender',
      '/registeredSenders/1/accountId',
      '/registeredSenders/2',
      '/registeredSenders/2/accountId',
    ]);
    const unregistered = await put('ES', { alphanumericSender: 'registered_only', defaultSender: 'ACME' });
    assert.deepEqual(pointers(unregistered), ['/defaultSender'], 'an alphanumeric default must be registered');
    const shapes = await put('ES', {
      alphanumericSender: 'sometimes',
      quietHours: { start: '25:00', end: '08:00' },
      holidays: ['2026-02-30', '0000-01-01'],
      colour: 'red',
    });
    assert.equal(shapes.status, 422);
    assert.deepEqual(pointers(shapes), [
      '/alphanumericSender',
      '/colour',
      '/holidays/0',
      '/holidays/1',
      '/quietHours/start',
    ]);
    assert.equal((await t.api.get('/v1/admin/country-rules/ES', { key: admin })).status, 404, 'nothing stored');
  });

  it('refuses a country code that is not one (400 naming the path parameter)', async () => {
    for (const country of ['XX', 'de', 'DEU']) {
      const res = await put(country, {});
      assert.equal(res.status, 400, country);
      assert.deepEqual(pointers(res), ['/params/country']);
    }
  });

  it('is for operators only: client keys get 403, read-only operator keys may only read', async () => {
    for (const key of [client, t.boot.apiKey]) {
      assert.equal((await t.api.get('/v1/admin/country-rules', { key })).status, 403);
      assert.equal((await t.api.get('/v1/admin/country-rules/US', { key })).status, 403);
      assert.equal((await put('GB', {}, key)).status, 403);
      assert.equal((await t.api.delete('/v1/admin/country-rules/US', { key })).status, 403);
    }
    assert.equal((await t.api.get('/v1/admin/country-rules/US', { key: readOnly })).status, 200);
    assert.equal((await put('GB', {}, readOnly)).status, 403);
    assert.equal((await t.api.get('/v1/admin/country-rules/GB', { key: admin })).status, 404);
  });

  it("records each change in the operator's audit log", async () => {
    await put('PT', { timeZone: 'Europe/Lisbon', quietHours: { start: '21:00', end: '09:00' } });
    await t.api.delete('/v1/admin/country-rules/PT', { key: admin });
    const log = await t.api.get(`/v1/admin/audit-log?accountId=${t.boot.accountId}&targetId=PT`, { key: admin });
    assert.deepEqual(
      log.body.data.map((e: { action: string }) => e.action),
      ['country_rule.created', 'country_rule.deleted'],
    );
    assert.equal(log.body.data[0].data.quietHours, '21:00-09:00');
  });
});

describe('per-country rules as the accept path sees them', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform();
  });
  after(() => t.close());

  it('applies a change made through the API at once, without waiting for a periodic reload', async () => {
    // A reload period far longer than the wait below: only the notification can bring the change.
    const rules = await loadCountryRules(t.platform.ctx, { refreshMs: 3_600_000 });
    try {
      const candidate = {
        accountId: t.boot.accountId,
        toNumber: '+4915112345678',
        fromNumber: 'EVIL',
        purpose: 'transactional',
        channel: 'sms' as const,
      };
      const now = new Date();
      assert.equal(rules.verdicts([candidate], now)[0], null, 'Germany has no rules yet');
      assert.equal(
        rules.verdicts([{ ...candidate, toNumber: '+14155550123' }], now)[0]?.kind,
        'refuse',
        'the shipped US rule is loaded',
      );

      const set = await t.api.request('PUT', '/v1/admin/country-rules/DE', {
        key: t.boot.adminApiKey,
        body: { alphanumericSender: 'not_allowed' },
      });
      assert.equal(set.status, 201);
      const refused = await waitFor(
        async () => rules.verdicts([candidate], now)[0] ?? undefined,
        'the DE rule to apply',
        10_000,
      );
      assert.deepEqual(refused.kind === 'refuse' && refused.error.code, 'sender_not_allowed');

      await t.api.delete('/v1/admin/country-rules/DE', { key: t.boot.adminApiKey });
      await waitFor(
        async () => (rules.verdicts([candidate], now)[0] === null ? true : undefined),
        'the DE rule to be gone',
        10_000,
      );
    } finally {
      await rules.close();
    }
  });
});

describe('per-country rules on messages, over HTTP', () => {
  let t: TestPlatform;
  let admin: string;
  let key: string;
  const send = (body: Record<string, unknown>) => t.api.post('/v1/messages', { key, body });
  before(async () => {
    t = await startTestPlatform();
    admin = t.boot.adminApiKey;
    key = t.boot.apiKey;
  });
  after(() => t.close());

  it('rejects a sender name the destination does not carry (the shipped US rule), per message', async () => {
    const res = await send({ to: '+14155550123', from: 'ACME', body: 'hello' });
    assert.equal(res.status, 202);
    assert.deepEqual([res.body.status, res.body.error?.code], ['rejected', 'sender_not_allowed']);
    assert.match(res.body.error.detail, /US/);
  });

  it("sends with the country's default sender instead of a name it refuses", async () => {
    assert.equal(
      (
        await t.api.request('PUT', '/v1/admin/country-rules/NL', {
          key: admin,
          body: { alphanumericSender: 'not_allowed', defaultSender: '38700' },
        })
      ).status,
      201,
    );
    const res = await waitFor(
      async () => {
        const r = await send({ to: '+31612345678', from: 'ACME', body: 'hallo' });
        return r.body.from === '38700' ? r : undefined;
      },
      'the NL rule to apply',
      10_000,
    );
    assert.equal(res.body.status, 'queued');
  });

  it("defers marketing inside the country's quiet hours to when they end; transactional goes at once", async () => {
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const now = Date.now();
    const end = new Date(Math.floor((now + 2 * 3_600_000) / 60_000) * 60_000);
    const quietHours = { start: hhmm(new Date(now - 2 * 3_600_000)), end: hhmm(end) };
    assert.equal(
      (await t.api.request('PUT', '/v1/admin/country-rules/BE', { key: admin, body: { timeZone: 'UTC', quietHours } }))
        .status,
      201,
    );
    const marketing = await waitFor(
      async () => {
        const r = await send({ to: '+32470123456', body: 'our sale', purpose: 'marketing' });
        return r.body.status === 'scheduled' ? r : undefined;
      },
      'the BE rule to apply',
      10_000,
    );
    assert.equal(marketing.body.scheduledAt, end.toISOString());
    const transactional = await send({ to: '+32470123457', body: 'your code' });
    assert.equal(transactional.body.status, 'queued');
  });
});
