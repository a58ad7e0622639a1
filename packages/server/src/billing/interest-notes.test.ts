// Interest notes on an injected clock: late interest (German supplier: Basiszinssatz + 9 points)
// and the EUR 40 compensation charged on a numbered document without VAT, each day charged
// once, the compensation once per invoice; paid like invoices; rendered as PDF.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { ManualClock } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';

const DAY = 86_400_000;

describe('interest notes', () => {
  const clock = new ManualClock('2026-09-01T09:00:00Z');
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform({ clock, role: 'api' });
    await t.api.request('PUT', '/v1/admin/billing/supplier', {
      key: admin(),
      body: { name: 'CX Operator GmbH', addressLines: ['Berlin'], country: 'DE', vatId: 'DE123456789' },
    });
  });
  after(() => t.close());

  async function customer(isBusiness: boolean) {
    const acc = await t.api.post('/v1/admin/accounts', {
      key: admin(),
      body: { name: `Late ${isBusiness}`, status: 'active' },
    });
    const key = (
      await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, {
        key: admin(),
        body: { name: 'k', scopes: ['billing:read', 'sandbox:use'] },
      })
    ).body.secret as string;
    await t.api.request('PUT', `/v1/admin/accounts/${acc.body.id}/billing-profile`, {
      key: admin(),
      body: {
        legalName: 'Late AG',
        addressLines: ['x'],
        country: 'DE',
        isBusiness,
        email: `ap-${acc.body.id}@late.example`,
      },
    });
    await t.platform.ctx
      .sql`insert into usage_records (account_id, id, message_id, channel, direction, country, units, unit_price_micros, amount_micros, currency, occurred_at)
      values (${acc.body.id}, ${newId('use')}, ${newId('msg')}, 'sms', 'outbound', 'DE', 1, 100000000, 100000000, 'EUR', ${new Date(clock.now().getTime() - 3600_000)})`;
    const run = await t.api.post('/v1/admin/invoice-runs', {
      key: admin(),
      body: { periodEnd: clock.now().toISOString() },
    });
    const invoice = run.body.issued.find((i: { accountId: string }) => i.accountId === acc.body.id) as {
      invoiceId: string;
      totalMinor: number;
    };
    return { id: acc.body.id as string, key, invoiceId: invoice.invoiceId };
  }
  const charge = (invoiceId: string) => t.api.post(`/v1/admin/invoices/${invoiceId}/interest-note`, { key: admin() });
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

  it('charges the interest accrued and the EUR 40 compensation on an interest note without VAT, each only once', async () => {
    const c = await customer(true); // EUR 119.00, due 2026-09-15
    assert.equal((await charge(c.invoiceId)).status, 409, 'not late yet: nothing to charge');
    clock.set('2026-10-15T09:00:00Z'); // 30 days late

    const note = await charge(c.invoiceId);
    assert.equal(note.status, 201, JSON.stringify(note.body));
    const interest = Math.round((11_900 * 0.1027 * 30) / 365); // Basiszinssatz 1.27 % + 9 points (§ 288(2) BGB)
    assert.deepEqual(
      [
        note.body.kind,
        note.body.interestInvoiceId,
        note.body.netMinor,
        note.body.vatMinor,
        note.body.totalMinor,
        note.body.vat.kind,
        note.body.dueDate,
      ],
      ['interest_note', c.invoiceId, interest + 4_000, 0, interest + 4_000, 'not_subject', '2026-10-29'],
    );
    assert.equal(note.body.lines.length, 2);
    assert.match(
      note.body.lines[0].description,
      /2026-09-16 to 2026-10-15 \(30 days at 10\.27 % a year: Basiszinssatz/,
    );
    assert.match(note.body.lines[1].description, /Fixed compensation/);
    assert.equal(note.body.lines[1].amountMinor, 4_000);
    assert.match(note.body.number, /^CX-2026-\d{6}$/, 'numbered with the invoices');

    const statement = (await t.api.get('/v1/statement', { key: c.key })).body;
    assert.deepEqual(
      [statement.interestMinor, statement.compensationMinor],
      [0, 0],
      'what is charged is no longer shown as accrued',
    );
    assert.deepEqual(
      statement.lines.map((l: { invoiceId: string; outstandingMinor: number }) => [l.invoiceId, l.outstandingMinor]),
      [
        [c.invoiceId, 11_900],
        [note.body.id, interest + 4_000],
      ],
    );
    assert.equal((await charge(c.invoiceId)).status, 409, 'the same days are never charged twice');
    assert.equal((await charge(note.body.id)).status, 409, 'no interest on interest (§ 289 BGB)');

    clock.advance(10 * DAY);
    const paid = await pay(c.id, 11_900 + interest + 4_000);
    assert.deepEqual(
      paid.body.allocations.map((a: { invoiceId: string }) => a.invoiceId),
      [c.invoiceId, note.body.id],
      'interest notes are paid like invoices',
    );
    clock.advance(20 * DAY);
    const second = await charge(c.invoiceId);
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.equal(
      second.body.totalMinor,
      Math.round((11_900 * 0.1027 * 10) / 365),
      'ten more days until the payment, no second compensation',
    );
    assert.match(second.body.lines[0].description, /2026-10-16 to 2026-10-25/);

    const listed = (await t.api.get('/v1/invoices', { key: c.key })).body.data.map((i: { kind: string }) => i.kind);
    assert.deepEqual(listed, ['interest_note', 'interest_note', 'invoice']);
    const pdf = await fetch(`${t.url}/v1/invoices/${note.body.id}/pdf`, {
      headers: { authorization: `Bearer ${c.key}` },
    });
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    const emails = (await t.api.get('/v1/sandbox/emails', { key: c.key })).body.data as { subject: string }[];
    assert.ok(
      emails.some((e) => e.subject === `Interest note ${note.body.number}`),
      JSON.stringify(emails),
    );
    const events = await t.platform.ctx.sql`select type from events where object_id = ${note.body.id}`;
    assert.deepEqual(
      events.map((e) => e.type),
      ['invoice.issued', 'invoice.paid'],
    );
  });

  it('charges consumers their rate without compensation; credits and waives; refuses credit notes and unknown invoices', async () => {
    clock.set('2026-09-01T09:00:00Z');
    const c = await customer(false);
    clock.set('2026-10-15T09:00:00Z');
    const note = await charge(c.invoiceId);
    assert.deepEqual(
      [note.status, note.body.lines.length, note.body.totalMinor],
      [201, 1, Math.round((11_900 * 0.0715 * 30) / 365)],
    );
    const waived = await t.api.post(`/v1/admin/invoices/${note.body.id}/credit-note`, {
      key: admin(),
      body: { reason: 'interest waived' },
    });
    assert.equal(waived.status, 201, JSON.stringify(waived.body));
    assert.equal((await charge(waived.body.id)).status, 409);
    assert.equal((await charge('inv_missing')).status, 404);
    const credit = await t.api.post(`/v1/admin/invoices/${c.invoiceId}/credit-note`, {
      key: admin(),
      body: { reason: 'wrong invoice' },
    });
    assert.equal(credit.status, 201);
    assert.equal((await charge(c.invoiceId)).status, 409, 'a credited invoice owes nothing');
  });
});
