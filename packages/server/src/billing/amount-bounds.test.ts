// Every route that takes a money amount has an upper bound: 2^62 (which JSON numbers cannot even
// hold exactly) or one past the bound is a 422 naming the field, never stored rounded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { MAX_AMOUNT_MINOR } from '../http/schemas.ts';

const HUGE = 2 ** 62;

describe('money amounts are bounded', () => {
  let t: TestPlatform;
  let acc: string;
  const admin = () => t.boot.adminApiKey;

  before(async () => {
    t = await startTestPlatform();
    acc = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Amounts', status: 'active' } })).body
      .id;
  });
  after(() => t.close());

  const payment = (amountMinor: number) => ({
    accountId: acc,
    amountMinor,
    currency: 'EUR',
    receivedOn: '2026-01-05',
    reference: 'r',
    method: 'bank_transfer',
  });
  const deposit = (amountMinor: number) => ({
    amountMinor,
    currency: 'EUR',
    receivedOn: '2026-01-05',
    reference: 'r',
    method: 'bank_transfer',
  });
  const depositItem = (amountMinor: number) => ({ items: [{ kind: 'deposit', amountMinor, currency: 'EUR' }] });
  const feeItem = (unitPriceMinor: number) => ({
    items: [{ kind: 'fee', description: 'setup', quantity: 1, unitPriceMinor, currency: 'EUR' }],
  });

  // [route, method, path, body for an amount, pointer, the largest amount allowed]
  const cases: [string, string, () => string, (n: number) => unknown, string, number, 'admin' | 'client'][] = [
    [
      'order deposit (client)',
      'POST',
      () => '/v1/orders',
      depositItem,
      '/items/0/amountMinor',
      MAX_AMOUNT_MINOR,
      'client',
    ],
    ['order fee (client)', 'POST', () => '/v1/orders', feeItem, '/items/0/unitPriceMinor', 2 ** 31 - 1, 'client'],
    [
      'order deposit (operator)',
      'POST',
      () => `/v1/admin/accounts/${acc}/orders`,
      depositItem,
      '/items/0/amountMinor',
      MAX_AMOUNT_MINOR,
      'admin',
    ],
    ['payment', 'POST', () => '/v1/admin/payments', payment, '/amountMinor', MAX_AMOUNT_MINOR, 'admin'],
    [
      'top-up',
      'POST',
      () => `/v1/admin/accounts/${acc}/top-ups`,
      (n) => ({ amountMinor: n, currency: 'EUR' }),
      '/amountMinor',
      MAX_AMOUNT_MINOR,
      'admin',
    ],
    [
      'deposit requirement',
      'PUT',
      () => `/v1/admin/accounts/${acc}/deposit-requirement`,
      (n) => ({ required: { amountMinor: n, currency: 'EUR' } }),
      '/required/amountMinor',
      MAX_AMOUNT_MINOR,
      'admin',
    ],
    ['deposit', 'POST', () => `/v1/admin/accounts/${acc}/deposits`, deposit, '/amountMinor', MAX_AMOUNT_MINOR, 'admin'],
    [
      'spend cap',
      'PUT',
      () => '/v1/account/spend-cap',
      (n) => ({ monthlyCapMicros: n }),
      '/monthlyCapMicros',
      1e15,
      'client',
    ],
    [
      'price',
      'POST',
      () => '/v1/admin/prices',
      (n) => ({ channel: 'sms', prefix: '+49', unitPriceMicros: n, currency: 'EUR' }),
      '/unitPriceMicros',
      1e9,
      'admin',
    ],
  ];

  for (const [name, method, path, body, pointer, max, who] of cases) {
    it(`${name}: 2^62 and ${max} + 1 are refused with 422 naming ${pointer}`, async () => {
      const key = who === 'admin' ? admin() : t.boot.apiKey;
      for (const amount of [HUGE, max + 1]) {
        const res = await t.api.request(method, path(), { key, body: body(amount) });
        assert.equal(res.status, 422, `${name} ${amount}: ${JSON.stringify(res.body)}`);
        assert.ok(
          res.body.errors.some((e: { pointer: string }) => e.pointer === pointer),
          `${name}: ${JSON.stringify(res.body.errors)}`,
        );
      }
    });
  }
});
