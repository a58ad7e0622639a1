// Payments and statements on an injected clock: allocation to the oldest invoices first,
// invoice statuses, late interest under the supplier jurisdiction's rule and the EUR 40
// compensation, interest notes, reminders, settlement.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { ManualClock } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';
import { remindOverdue } from './payments.ts';

describe('payments and statements', () => {
  const clock = new ManualClock('2026-09-01T09:00:00Z');
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform({ clock });
    await t.api.request('PUT', '/v1/admin/billing/supplier', {
      key: admin(),
      body: { name: 'CX Operator GmbH', addressLines: ['Berlin'], country: 'DE', vatId: 'DE123456789' },
    });
  });
  after(async () => {
    await t.close();
  });

  async function customer(isBusiness: boolean, country = 'DE') {
    const acc = await t.api.post('/v1/admin/accounts', {
      key: admin(),
      body: { name: `Payer ${isBusiness}`, status: 'active' },
    });
    const key = (
      await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, {
        key: admin(),
        body: { name: 'k', scopes: ['billing:read', 'account:manage', 'sandbox:use'] },
      })
    ).body.secret as string;
    await t.api.request('PUT', `/v1/admin/accounts/${acc.body.id}/billing-profile`, {
      key: admin(),
      body: {
        legalName: 'Payer',
        addressLines: ['x'],
        country,
        isBusiness,
        email: `billing-${acc.body.id}@payer.example`,
      },
    });
    return { id: acc.body.id as string, key };
  }
  /** Invoices `amountMicros` of usage (net; domestic VAT 19 % on top for DE). */
  async function invoice(accountId: string, amountMicros: number) {
    await t.platform.ctx
      .sql`insert into usage_records (account_id, id, message_id, channel, direction, country, units, unit_price_micros, amount_micros, currency, occurred_at)
      values (${accountId}, ${newId('use')}, ${newId('msg')}, 'sms', 'outbound', 'DE', 1, ${amountMicros}, ${amountMicros}, 'EUR', ${new Date(clock.now().getTime() - 3600_000)})`;
    const run = await t.api.post('/v1/admin/invoice-runs', {
      key: admin(),
      body: { periodEnd: clock.now().toISOString() },
    });
    return run.body.issued.find((i: { accountId: string }) => i.accountId === accountId) as {
      invoiceId: string;
      totalMinor: number;
    };
  }
  const pay = (accountId: string, amountMinor: number) =>
    t.api.post('/v1/admin/payments', {
      key: admin(),
      body: {
        accountId,
        amountMinor,
        currency: 'EUR',
        receivedOn: clock.now().toISOString().slice(0, 10),
        reference: `PAY-${amountMinor}`,
        method: 'bank_transfer',
      },
    });
  const statusOf = async (key: string, id: string) => (await t.api.get(`/v1/invoices/${id}`, { key })).body.status;

  it('pays the oldest invoices first and moves them open → partially_paid → paid', async () => {
    const c = await customer(true);
    const first = await invoice(c.id, 100_000_000); // EUR 100 net, 119.00 total
    clock.advance(31 * 86_400_000);
    const second = await invoice(c.id, 50_000_000); // EUR 50 net, 59.50 total
    assert.deepEqual([first.totalMinor, second.totalMinor], [11_900, 5_950]);

    const p1 = await pay(c.id, 10_000);
    assert.equal(p1.status, 201, JSON.stringify(p1.body));
    assert.deepEqual(
      p1.body.allocations.map((a: { amountMinor: number }) => a.amountMinor),
      [10_000],
    );
    assert.equal(await statusOf(c.key, first.invoiceId), 'overdue', 'due 14 days after issue, a month ago');
    const p2 = await pay(c.id, 5_000);
    assert.deepEqual(
      p2.body.allocations.map((a: { invoiceId: string; amountMinor: number }) => [a.invoiceId, a.amountMinor]),
      [
        [first.invoiceId, 1_900],
        [second.invoiceId, 3_100],
      ],
    );
    assert.equal(await statusOf(c.key, first.invoiceId), 'paid');
    assert.equal(await statusOf(c.key, second.invoiceId), 'partially_paid');
    const paidEvents = await t.platform.ctx
      .sql`select object_id from events where account_id = ${c.id} and type = 'invoice.paid'`;
    assert.deepEqual(
      paidEvents.map((e) => e.object_id),
      [first.invoiceId],
    );
    const p3 = await pay(c.id, 3_000);
    assert.deepEqual(
      [p3.body.unallocatedMinor, p3.body.settled],
      [150, true],
      'the excess is kept as credit; nothing open any more',
    );
  });

  it('charges business customers of a German supplier the Basiszinssatz + 9 points and EUR 40 per late invoice; consumers the consumer rate only', async () => {
    const business = await customer(true);
    const consumer = await customer(false);
    const b = await invoice(business.id, 100_000_000);
    const c = await invoice(consumer.id, 100_000_000);
    clock.advance((14 + 30) * 86_400_000); // 30 days past due
    const bs = (await t.api.get('/v1/statement', { key: business.key })).body;
    assert.equal(bs.lines[0].invoiceId, b.invoiceId);
    assert.equal(bs.lines[0].daysOverdue, 30);
    assert.equal(
      bs.interestMinor,
      Math.round((11_900 * 0.1027 * 30) / 365),
      'Basiszinssatz 1.27 % + 9 points (§ 288(2) BGB) for 30 days on EUR 119',
    );
    assert.equal(bs.compensationMinor, 4_000);
    const cs = (await t.api.get('/v1/statement', { key: consumer.key })).body;
    assert.equal(cs.lines[0].invoiceId, c.invoiceId);
    assert.equal(cs.interestMinor, Math.round((11_900 * 0.0715 * 30) / 365));
    assert.equal(cs.compensationMinor, 0);

    const reminded = await remindOverdue(t.platform.ctx);
    assert.ok(reminded >= 2);
    assert.equal(await remindOverdue(t.platform.ctx), 0, 'at most one reminder a week');
    const emails = (await t.api.get('/v1/sandbox/emails', { key: business.key })).body.data as {
      to: string;
      subject: string;
    }[];
    assert.ok(emails.some((e) => e.subject.includes('overdue') && e.to === `billing-${business.id}@payer.example`));
  });

  it('settles the SMS usage and lifts a block once everything is paid', async () => {
    const c = await customer(true);
    await t.api.post(`/v1/admin/accounts/${c.id}/sms-limit`, {
      key: admin(),
      body: { smsLimit: 0, approvalText: 'test: blocked at once' },
    });
    await t.platform.ctx.sql`update billing_accounts set sms_blocked = true where account_id = ${c.id}`;
    const inv = await invoice(c.id, 10_000_000);
    const res = await pay(c.id, inv.totalMinor);
    assert.equal(res.body.settled, true);
    const account = (await t.api.get('/v1/account', { key: c.key })).body;
    assert.deepEqual([account.smsBlocked, account.sms.used], [false, 0]);
  });

  it('lets a held deposit cover the unbilled usage: the cycle settles and the block lifts', async () => {
    const c = await customer(true);
    await t.api.post(`/v1/admin/accounts/${c.id}/sms-limit`, {
      key: admin(),
      body: { smsLimit: 0, approvalText: 'test: blocked at once' },
    });
    await t.platform.ctx.sql`update billing_accounts set sms_blocked = true where account_id = ${c.id}`;
    await t.platform.ctx
      .sql`insert into usage_records (account_id, id, message_id, channel, direction, country, units, unit_price_micros, amount_micros, currency, occurred_at)
      values (${c.id}, ${newId('use')}, ${newId('msg')}, 'sms', 'outbound', 'DE', 1, 25_000_000, 25_000_000, 'EUR', ${clock.now()})`;
    const deposit = (amountMinor: number) =>
      t.api.post(`/v1/admin/accounts/${c.id}/deposits`, {
        key: admin(),
        body: {
          amountMinor,
          currency: 'EUR',
          receivedOn: '2026-09-01',
          reference: `D${amountMinor}`,
          method: 'bank_transfer',
        },
      });
    assert.equal((await deposit(2_000)).body.settled, false, 'EUR 20 does not cover EUR 25 of usage');
    assert.equal((await t.api.get('/v1/account', { key: c.key })).body.smsBlocked, true);
    assert.equal((await deposit(500)).body.settled, true, 'EUR 25 held now covers it');
    const account = (await t.api.get('/v1/account', { key: c.key })).body;
    assert.deepEqual([account.smsBlocked, account.sms.used], [false, 0]);
    const unblocked = await t.platform.ctx
      .sql`select data from events where account_id = ${c.id} and type = 'account.sms_unblocked'`;
    assert.equal(unblocked.length, 1);
  });

  it('uses the VAT, reference and consumer rates the operator configures', async () => {
    const day = clock.now().toISOString().slice(0, 10);
    const set = (path: string, body: unknown) => t.api.request('PUT', path, { key: admin(), body });
    assert.equal(
      (await set('/v1/admin/billing/vat-rates/DE', { effectiveFrom: day, standardRateBasisPoints: 2_000 })).status,
      204,
    );
    const business = await customer(true);
    const consumer = await customer(false);
    const b = await invoice(business.id, 100_000_000);
    assert.equal(b.totalMinor, 12_000, 'EUR 100 + 20 % from today');
    await invoice(consumer.id, 100_000_000);
    clock.advance((14 + 10) * 86_400_000);
    const half = `${clock.now().getUTCFullYear()}-${clock.now().getUTCMonth() < 6 ? '01' : '07'}-01`;
    assert.equal(
      (await set(`/v1/admin/billing/late-interest/DE/reference-rates/${half}`, { rateBasisPoints: 300 })).status,
      204,
    );
    assert.equal((await set('/v1/admin/billing/consumer-late-rate', { rateBasisPoints: 900 })).status, 204);
    assert.equal(
      (await set(`/v1/admin/billing/reference-rates/${half}`, { rateBasisPoints: 400 })).status,
      204,
      'the former route sets the euro-area rate',
    );
    assert.equal(
      (await set('/v1/admin/billing/reference-rates/2026-03-01', { rateBasisPoints: 400 })).body.errors[0].pointer,
      '/params/halfYearStart',
    );
    assert.equal(
      (await set(`/v1/admin/billing/late-interest/CH/reference-rates/${half}`, { rateBasisPoints: 0 })).status,
      404,
      'no rule for CH yet',
    );
    const bs = (await t.api.get('/v1/statement', { key: business.key })).body;
    assert.equal(bs.lines[0].daysOverdue, 10);
    assert.equal(bs.interestMinor, Math.round((12_000 * 0.12 * 10) / 365), 'Basiszinssatz 3 % + 9 points');
    const cs = (await t.api.get('/v1/statement', { key: consumer.key })).body;
    assert.equal(cs.interestMinor, Math.round((12_000 * 0.09 * 10) / 365));
    const rates = (await t.api.get('/v1/admin/billing/rates', { key: admin() })).body;
    assert.deepEqual(rates.vat.DE.at(-1), { from: day, standardRateBasisPoints: 2_000 });
    assert.equal(rates.consumerLateRateBasisPoints, 900);
    const byJurisdiction = Object.fromEntries(
      rates.lateInterest.map((r: { jurisdiction: string }) => [r.jurisdiction, r]),
    );
    assert.deepEqual(Object.keys(byJurisdiction).sort(), ['DE', 'EA', 'GB', 'SE']);
    assert.equal(byJurisdiction.DE.marginBasisPoints, 900);
    assert.equal(byJurisdiction.EA.marginBasisPoints, 800);
    assert.deepEqual(byJurisdiction.EA.referenceRates.at(-1), { validFrom: half, rateBasisPoints: 400 });
    assert.match(byJurisdiction.GB.referenceRateName, /Bank of England/);
    const audit = await t.platform.ctx.sql<
      { action: string }[]
    >`select action from audit_log where action like 'billing.%rate%' order by seq`;
    assert.ok(audit.filter((a) => a.action === 'billing.reference_rate_set').length >= 2, 'rate changes are audited');
  });

  it('takes the euro-area default for a euro supplier without a rule, and refuses to guess for a country outside the euro', async () => {
    const set = (path: string, body: unknown) => t.api.request('PUT', path, { key: admin(), body });
    clock.set('2027-02-01T09:00:00Z'); // ten days overdue inside one half-year
    const c = await customer(true);
    const { totalMinor } = await invoice(c.id, 100_000_000);
    clock.advance((14 + 10) * 86_400_000);
    await set('/v1/admin/billing/supplier', {
      name: 'CX Operator SARL',
      addressLines: ['Paris'],
      country: 'FR',
      vatId: 'FR12345678901',
    });
    const half = `${clock.now().getUTCFullYear()}-${clock.now().getUTCMonth() < 6 ? '01' : '07'}-01`;
    const ecb = (await t.api.get('/v1/admin/billing/rates', { key: admin() })).body.lateInterest
      .find((r: { jurisdiction: string }) => r.jurisdiction === 'EA')
      .referenceRates.filter((r: { validFrom: string }) => r.validFrom <= half)
      .at(-1).rateBasisPoints as number;
    const fr = (await t.api.get('/v1/statement', { key: c.key })).body;
    assert.equal(fr.interestMinor, Math.round((totalMinor * ((ecb + 800) / 10_000) * 10) / 365), 'ECB + 8 points');
    await set('/v1/admin/billing/supplier', {
      name: 'CX Operator AB',
      addressLines: ['Stockholm'],
      country: 'SE',
      vatId: 'SE123456789001',
    });
    const se = await t.api.get('/v1/statement', { key: c.key });
    assert.equal(se.status, 503, 'SE has its rule but no Riksbank rate entered yet');
    assert.match(se.body.detail, /no reference rate in force/);
    assert.equal(
      (await set(`/v1/admin/billing/late-interest/SE/reference-rates/${half}`, { rateBasisPoints: 175 })).status,
      204,
    );
    assert.equal(
      (await t.api.get('/v1/statement', { key: c.key })).body.interestMinor,
      Math.round((totalMinor * 0.0975 * 10) / 365),
      'Riksbank 1.75 % + 8 points',
    );
    await set('/v1/admin/billing/supplier', {
      name: 'CX Operator GmbH',
      addressLines: ['Berlin'],
      country: 'DE',
      vatId: 'DE123456789',
    });
  });
});
