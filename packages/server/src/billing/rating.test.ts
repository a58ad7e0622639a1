// Rating: the price book's choice (account agreement, longest prefix, connector, effective
// date, discounts), then real messages rated when sent, the price preview and usage summaries.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitForBound, waitForStatus } from '../../test/messages.ts';
import { priceBookOf, type PriceRow } from './price-book.ts';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const row = (p: Partial<PriceRow> & Pick<PriceRow, 'id' | 'prefix'>): PriceRow => ({
  accountId: null,
  channel: 'sms',
  direction: 'outbound',
  connectorId: null,
  kind: 'price',
  unitPriceMicros: 0,
  discountBasisPoints: null,
  currency: 'EUR',
  effectiveFrom: day('2026-01-01'),
  ...p,
});

describe('price book', () => {
  const book = priceBookOf([
    row({ id: 'all', prefix: '+', unitPriceMicros: 50_000 }),
    row({ id: 'de', prefix: '+49', unitPriceMicros: 72_500 }),
    row({ id: 'de-mobile', prefix: '+4915', unitPriceMicros: 80_000 }),
    row({ id: 'de-mobile-2027', prefix: '+4915', unitPriceMicros: 90_000, effectiveFrom: day('2027-01-01') }),
    row({ id: 'de-via-b', prefix: '+49', connectorId: 'con_b', unitPriceMicros: 60_000 }),
    row({ id: 'fixed', accountId: 'acc_fixed', prefix: '+49', unitPriceMicros: 40_000 }),
    row({
      id: 'discount',
      accountId: 'acc_discount',
      prefix: '+',
      kind: 'discount',
      discountBasisPoints: 2_500,
      unitPriceMicros: null,
    }),
  ]);
  const price = (accountId: string, number: string, at = '2026-06-01', connectorId: string | null = null) =>
    book.priceOf({ accountId, channel: 'sms', direction: 'outbound', number, connectorId, at: day(at) });

  it('takes the longest matching prefix, a connector-specific price for that connector, and the latest effective date', () => {
    assert.equal(price('acc_x', '+33612345678')?.priceId, 'all');
    assert.equal(price('acc_x', '+493012345678')?.priceId, 'de');
    assert.equal(price('acc_x', '+4915112345678')?.unitPriceMicros, 80_000);
    assert.equal(
      price('acc_x', '+4915112345678', '2027-02-01')?.unitPriceMicros,
      90_000,
      'the new price from its effective date',
    );
    assert.equal(price('acc_x', '+493012345678', '2026-06-01', 'con_b')?.priceId, 'de-via-b');
    assert.equal(price('acc_x', '+493012345678', '2025-12-31'), undefined, 'nothing in force yet');
  });

  it('keeps a fixed-price agreement through list price changes; a discount follows them', () => {
    assert.equal(price('acc_fixed', '+4915112345678', '2027-02-01')?.unitPriceMicros, 40_000);
    assert.equal(price('acc_discount', '+4915112345678')?.unitPriceMicros, 60_000);
    assert.equal(price('acc_discount', '+4915112345678', '2027-02-01')?.unitPriceMicros, 67_500);
    assert.equal(price('acc_discount', '+4915112345678')?.priceId, 'discount');
  });
});

describe('rating messages', () => {
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform();
    await waitForBound(t);
  });
  after(async () => {
    await t.close();
  });

  it('rates each part when sent, shows the price on the message, previews it and sums usage by country; test keys are free', async () => {
    const acc = await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Rated', status: 'active' } });
    const keyOf = async (mode: string) =>
      (
        await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, {
          key: admin(),
          body: { name: mode, mode, scopes: ['messages:write', 'messages:read', 'billing:read'] },
        })
      ).body.secret as string;
    const [live, test] = [await keyOf('live'), await keyOf('test')];
    for (const body of [
      { prefix: '+', unitPriceMicros: 50_000 },
      { prefix: '+49', unitPriceMicros: 72_500 },
    ]) {
      const res = await t.api.post('/v1/admin/prices', {
        key: admin(),
        body: { channel: 'sms', currency: 'EUR', ...body },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    const future = await t.api.post('/v1/admin/prices', {
      key: admin(),
      body: {
        channel: 'sms',
        currency: 'EUR',
        prefix: '+49',
        unitPriceMicros: 99_000,
        effectiveFrom: '2099-01-01T00:00:00Z',
      },
    });
    assert.equal(
      (await t.api.post('/v1/admin/prices', { key: admin(), body: { channel: 'sms', currency: 'EUR', prefix: '+49' } }))
        .body.errors[0].pointer,
      '/unitPriceMicros',
    );
    await new Promise((r) => setTimeout(r, 1100)); // the dispatcher reloads prices every 5 s at most; the preview every 1 s

    const preview = await t.api.get(`/v1/pricing?to=${encodeURIComponent('+4915112345678')}&body=${'x'.repeat(200)}`, {
      key: live,
    });
    assert.deepEqual(
      [preview.body.segments, preview.body.unitPrice, preview.body.total],
      [2, { amountMicros: 72_500, currency: 'EUR' }, { amountMicros: 145_000, currency: 'EUR' }],
    );

    const m = await send(t, live, { to: '+4915112345678', body: 'y'.repeat(200) });
    const done = await waitForStatus(t, live, m.id, ['delivered']);
    const priced = done.price ?? (await waitForPrice(live, m.id));
    assert.deepEqual(priced, { amountMicros: 145_000, currency: 'EUR' }, 'two parts at the German price');
    const fr = await send(t, live, { to: '+33612345678', body: 'bonjour' });
    await waitForStatus(t, live, fr.id, ['delivered']);
    const free = await send(t, test, { to: '+4915112345679', body: 'test key' });
    assert.equal((await waitForStatus(t, test, free.id, ['delivered'])).price, null);
    const house = await send(t, t.boot.apiKey, { to: '+4915112345678', body: "the operator's own traffic" });
    assert.equal(
      (await waitForStatus(t, t.boot.apiKey, house.id, ['delivered'])).price,
      null,
      'the house account is never billed',
    );

    const usage = await t.api.get(`/v1/usage?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&groupBy=country`, {
      key: live,
    });
    assert.deepEqual(usage.body.data, [
      { key: 'DE', units: 2, amountMicros: 145_000, currency: 'EUR' },
      { key: 'FR', units: 1, amountMicros: 50_000, currency: 'EUR' },
    ]);
    const [stored] = await t.platform.ctx
      .sql`select count(*)::int as n from usage_records where account_id = ${acc.body.id} and message_id = ${free.id}`;
    assert.equal(stored!.n, 0, 'test keys are never billed');

    assert.equal(
      (await t.api.delete(`/v1/admin/prices/${future.body.id}`, { key: admin() })).status,
      204,
      'a price not in force yet can be withdrawn',
    );
    const inForce = (await t.api.get('/v1/admin/prices', { key: admin() })).body.data[0];
    assert.equal((await t.api.delete(`/v1/admin/prices/${inForce.id}`, { key: admin() })).status, 409);
  });

  async function waitForPrice(key: string, id: string) {
    for (let i = 0; i < 100; i++) {
      const m = await t.api.get(`/v1/messages/${id}`, { key });
      if (m.body.price) return m.body.price;
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  }
});
