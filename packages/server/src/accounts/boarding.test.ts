// Boarding: a pending account's live keys are refused until its company details are complete,
// a required deposit is held and an operator accepts it in writing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';

const company = (over: Record<string, unknown> = {}) => ({
  legalName: 'ACME Messaging GmbH',
  addressLines: ['Hauptstraße 1', '10115 Berlin'],
  country: 'DE',
  vatId: 'DE811907980',
  contact: { name: 'Ada Example', email: 'ada@acme.example', phone: '+4930123456' },
  businessUse: true,
  ...over,
});
const acceptance = {
  text: 'We accept ACME Messaging GmbH as a client under our terms of 2026-01-01.',
  signer: 'Olga Operator',
  reference: 'CTR-2026-17',
};

describe('boarding', () => {
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
  });
  after(() => t.close());

  async function pending() {
    const acc = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'ACME' } })).body;
    const keyOf = async (mode: string) =>
      (
        await t.api.post(`/v1/admin/accounts/${acc.id}/api-keys`, {
          key: admin(),
          body: { name: mode, mode, scopes: ['messages:write', 'account:manage', 'billing:read', 'audit:read'] },
        })
      ).body.secret as string;
    return { id: acc.id as string, live: await keyOf('live'), test: await keyOf('test') };
  }
  const board = (id: string, body: unknown = { acceptance }) =>
    t.api.post(`/v1/admin/accounts/${id}/board`, { key: admin(), body });

  it('refuses to board without complete company details, naming what is missing', async () => {
    const acc = await pending();
    const none = await board(acc.id);
    assert.equal(none.status, 409);
    assert.deepEqual(
      none.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/company'],
    );

    const put = await t.api.request('PUT', '/v1/account/company', {
      key: acc.live,
      body: company({ vatId: null, businessUse: false }),
    });
    assert.equal(put.status, 200, 'a pending account can give its details with its live key');
    assert.equal(put.body.complete, false);
    const missing = await board(acc.id);
    assert.equal(missing.status, 409);
    assert.deepEqual(
      missing.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/company/vatId', '/company/businessUse'],
    );
    assert.equal((await t.api.get(`/v1/admin/accounts/${acc.id}`, { key: admin() })).body.status, 'pending');

    const bad = await t.api.request('PUT', '/v1/account/company', {
      key: acc.live,
      body: company({ contact: { name: 'x', email: 'not-an-email' } }),
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].pointer, '/contact/email');
    const noAcceptance = await board(acc.id, {});
    assert.equal(noAcceptance.status, 422);
    assert.equal(noAcceptance.body.errors[0].pointer, '/acceptance');
  });

  it('lets only test keys send while pending; the written acceptance activates the live key', async () => {
    const acc = await pending();
    const msg = { to: '+4915112345678', body: 'hello' };
    const refused = await t.api.post('/v1/messages', { key: acc.live, body: msg });
    assert.equal(refused.status, 403);
    assert.match(refused.body.type, /account-pending$/);
    assert.equal((await t.api.post('/v1/messages', { key: acc.test, body: msg })).status, 202);

    // A company outside the EU has no VAT id to give.
    await t.api.request('PUT', '/v1/account/company', { key: acc.live, body: company({ country: 'CH', vatId: null }) });
    const boarded = await board(acc.id);
    assert.equal(boarded.status, 200, JSON.stringify(boarded.body));
    assert.equal(boarded.body.status, 'active');
    assert.deepEqual(
      { ...boarded.body.boarding, acceptedAt: undefined },
      { acceptedAt: undefined, signer: 'Olga Operator', text: acceptance.text, reference: 'CTR-2026-17' },
    );
    assert.equal((await t.api.post('/v1/messages', { key: acc.live, body: msg })).status, 202);
    assert.equal((await board(acc.id)).status, 409, 'boarded once');

    const [profile] = await t.platform.ctx.sql<{ legalName: string; country: string; isBusiness: boolean }[]>`
      select legal_name as "legalName", country, is_business as "isBusiness" from billing_profiles where account_id = ${acc.id}`;
    assert.deepEqual(
      profile,
      { legalName: 'ACME Messaging GmbH', country: 'CH', isBusiness: true },
      'invoices can be issued from day one',
    );
    const audit = (await t.api.get('/v1/audit-log', { key: acc.live })).body.data as {
      action: string;
      data: Record<string, unknown>;
    }[];
    const entry = audit.find((e) => e.action === 'account.board')!;
    assert.equal(entry.data.reason, 'accepted in writing (CTR-2026-17)');
    assert.doesNotMatch(JSON.stringify(audit), /Olga|Ada/, 'audit entries name nobody');
  });

  it('holds boarding until the required deposit is received; refunds are recorded', async () => {
    const acc = await pending();
    await t.api.request('PUT', '/v1/account/company', { key: acc.live, body: company() });
    const require = await t.api.request('PUT', `/v1/admin/accounts/${acc.id}/deposit-requirement`, {
      key: admin(),
      body: { required: { amountMinor: 50_000, currency: 'EUR' } },
    });
    assert.equal(require.status, 204);
    const deposit = (amountMinor: number) =>
      t.api.post(`/v1/admin/accounts/${acc.id}/deposits`, {
        key: admin(),
        body: {
          amountMinor,
          currency: 'EUR',
          receivedOn: '2026-11-20',
          reference: `DEP-${amountMinor}`,
          method: 'bank_transfer',
        },
      });

    assert.equal((await deposit(20_000)).status, 201);
    const short = await board(acc.id);
    assert.equal(short.status, 409);
    assert.deepEqual(short.body.errors, [
      { pointer: '/deposit', detail: 'a deposit of 50000 EUR (minor units) is required; 20000 is held' },
    ]);
    const second = await deposit(30_000);
    assert.equal(second.body.deposit.status, 'held');
    assert.equal((await board(acc.id)).body.status, 'active');

    const balance = await t.api.get('/v1/balance', { key: acc.live });
    assert.deepEqual(balance.body.deposits, {
      required: { amountMinor: 50_000, currency: 'EUR', dueOn: null, overdue: false },
      held: [{ amountMinor: 50_000, currency: 'EUR' }],
    });
    const refund = await t.api.post(`/v1/admin/accounts/${acc.id}/deposits/${second.body.deposit.id}/refund`, {
      key: admin(),
      body: { note: 'returned on request' },
    });
    assert.equal(refund.body.status, 'refunded');
    assert.equal(
      (
        await t.api.post(`/v1/admin/accounts/${acc.id}/deposits/${second.body.deposit.id}/refund`, {
          key: admin(),
          body: { note: 'again' },
        })
      ).status,
      409,
    );
    const after = (await t.api.get('/v1/balance', { key: acc.live })).body.deposits;
    assert.deepEqual(after.held, [{ amountMinor: 20_000, currency: 'EUR' }]);
    assert.equal(
      after.required.overdue,
      false,
      'a boarding requirement has no due date: a refund after boarding blocks nothing',
    );
    const events = await t.platform.ctx.sql<
      { type: string }[]
    >`select type from events where account_id = ${acc.id} and type like 'deposit.%' order by sequence`;
    assert.deepEqual(
      events.map((e) => e.type),
      ['deposit.received', 'deposit.received', 'deposit.refunded'],
    );
  });
});
