// Prepaid accounts end to end: refused at zero, credit bought with a VAT invoice and credited
// when paid, debited by rating as messages go out, never invoiced twice; and inbound rating.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitFor, waitForBound, waitForStatus } from '../../test/messages.ts';

describe('prepaid accounts', () => {
  let t: TestPlatform;
  let account: string;
  let live: string;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform();
    await waitForBound(t);
    await t.api.request('PUT', '/v1/admin/billing/supplier', {
      key: admin(),
      body: { name: 'CX Operator GmbH', addressLines: ['Berlin'], country: 'DE', vatId: 'DE123456789' },
    });
    account = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Prepaid', status: 'active' } }))
      .body.id;
    live = (
      await t.api.post(`/v1/admin/accounts/${account}/api-keys`, {
        key: admin(),
        body: {
          name: 'live',
          scopes: ['messages:write', 'messages:read', 'billing:read', 'account:manage', 'sandbox:use'],
        },
      })
    ).body.secret;
    await t.api.request('PUT', `/v1/admin/accounts/${account}/billing-profile`, {
      key: admin(),
      body: { legalName: 'Prepaid Ltd', addressLines: ['x'], country: 'DE', isBusiness: true },
    });
    for (const [direction, prefix, unitPriceMicros] of [
      ['outbound', '+49', 50_000],
      ['inbound', '+44', 10_000],
    ] as const) {
      const res = await t.api.post('/v1/admin/prices', {
        key: admin(),
        body: {
          channel: 'sms',
          direction,
          prefix,
          unitPriceMicros,
          currency: 'EUR',
          effectiveFrom: '2020-01-01T00:00:00Z',
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
  });
  after(() => t.close());

  const balance = async () => (await t.api.get('/v1/balance', { key: live })).body;

  it('refuses messages at zero credit, sells credit with VAT and credits it once the invoice is paid', async () => {
    assert.equal(
      (
        await t.api.request('PUT', `/v1/admin/accounts/${account}/billing-mode`, {
          key: admin(),
          body: { mode: 'prepaid' },
        })
      ).status,
      204,
    );
    const refused = await send(t, live, { to: '+4915112345678', body: 'no credit yet' });
    assert.equal(refused.status, 'rejected');
    assert.equal(refused.error.code, 'insufficient_balance');

    const topUp = await t.api.post(`/v1/admin/accounts/${account}/top-ups`, {
      key: admin(),
      body: { amountMinor: 10, currency: 'EUR' },
    });
    assert.equal(topUp.status, 201, JSON.stringify(topUp.body));
    assert.equal(topUp.body.totalMinor, 12, 'EUR 0.10 of credit + 19 % VAT, rounded');
    const invoice = (await t.api.get(`/v1/invoices/${topUp.body.invoiceId}`, { key: live })).body;
    assert.deepEqual(
      invoice.lines.map((l: { description: string }) => l.description),
      ['Prepaid messaging credit'],
    );
    assert.deepEqual(
      (await balance()).balance,
      { amountMicros: 0, currency: 'EUR' },
      'nothing credited before payment',
    );

    await t.api.post('/v1/admin/payments', {
      key: admin(),
      body: {
        accountId: account,
        amountMinor: 12,
        currency: 'EUR',
        receivedOn: '2026-11-20',
        reference: 'TOPUP-1',
        method: 'card',
      },
    });
    assert.deepEqual(await balance(), {
      mode: 'prepaid',
      balance: { amountMicros: 100_000, currency: 'EUR' },
      deposits: { required: null, held: [] },
    });
  });

  it('debits each sent message and refuses once the credit is used up, with an event', async () => {
    const first = await send(t, live, { to: '+4915112345678', body: 'one' });
    const second = await send(t, live, { to: '+4915112345679', body: 'two' });
    for (const m of [first, second]) await waitForStatus(t, live, m.id, ['delivered']);
    await waitFor(async () => (await balance()).balance.amountMicros === 0, 'the two messages debited');
    const third = await send(t, live, { to: '+4915112345670', body: 'three' });
    assert.equal(third.error?.code, 'insufficient_balance');
    const events = await t.platform.ctx.sql<
      { type: string }[]
    >`select type from events where account_id = ${account} and type like 'account.balance_%' order by sequence`;
    assert.deepEqual(
      events.map((e) => e.type),
      ['account.balance_credited', 'account.balance_exhausted'],
    );
    assert.equal(
      (await t.api.get('/v1/account', { key: live })).body.sms.used,
      0,
      'prepaid accounts pay as they go: no SMS limit count',
    );

    const run = await t.api.post('/v1/admin/invoice-runs', {
      key: admin(),
      body: { periodEnd: new Date(Date.now() + 60_000).toISOString() },
    });
    assert.equal(
      run.body.issued.filter((i: { accountId: string }) => i.accountId === account).length,
      0,
      'usage paid from credit is not invoiced again',
    );
    const usage = (
      await t.api.get(`/v1/usage?from=2020-01-01T00:00:00Z&to=2099-01-01T00:00:00Z&groupBy=channel`, { key: live })
    ).body.data;
    assert.deepEqual(
      usage,
      [{ key: 'sms', units: 2, amountMicros: 100_000, currency: 'EUR' }],
      'usage still reports it',
    );
  });

  it('rates inbound messages where an inbound price exists', async () => {
    const number = (
      await t.api.post('/v1/admin/numbers', {
        key: admin(),
        body: { number: '+447400123456', accountId: account, channels: ['sms'] },
      })
    ).body.number;
    await t.api.post('/v1/sandbox/inbound', {
      key: live,
      body: { channel: 'sms', from: '+447400123999', to: number, body: 'hello' },
    });
    const received = await waitFor(async () => {
      const list = (await t.api.get('/v1/messages?direction=inbound', { key: live })).body.data;
      return list.find((m: { price: unknown }) => m.price !== null);
    }, 'the inbound message rated');
    assert.deepEqual(received.price, { amountMicros: 10_000, currency: 'EUR' });
    const [usage] = await t.platform.ctx
      .sql`select direction, country, prepaid from usage_records where account_id = ${account} and direction = 'inbound'`;
    assert.deepEqual({ ...usage }, { direction: 'inbound', country: 'GB', prepaid: true });
  });
});
