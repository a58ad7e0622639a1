// Invoice runs through the API: usage from real messages reconciles to the cent, each VAT case,
// gapless numbers, due dates, PDFs read back with pdftotext, credit notes, immutability.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitForBound, waitForStatus } from '../../test/messages.ts';
import { newId } from '../platform/ids.ts';

const pdftotextMissing =
  spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0
    ? false
    : 'pdftotext not installed (Debian package poppler-utils)';

describe('invoices', () => {
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform();
    await waitForBound(t);
    const supplier = await t.api.request('PUT', '/v1/admin/billing/supplier', {
      key: admin(),
      body: {
        name: 'CX Operator GmbH',
        addressLines: ['Hauptstr. 1', '10115 Berlin'],
        country: 'DE',
        vatId: 'DE123456789',
      },
    });
    assert.equal(supplier.status, 204, JSON.stringify(supplier.body));
  });
  after(async () => {
    await t.close();
  });

  async function customer(name: string, profile: Record<string, unknown> | null) {
    const acc = await t.api.post('/v1/admin/accounts', { key: admin(), body: { name, status: 'active' } });
    const key = (
      await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, {
        key: admin(),
        body: { name: 'k', scopes: ['messages:write', 'messages:read', 'billing:read'] },
      })
    ).body.secret as string;
    if (profile) {
      const res = await t.api.request('PUT', `/v1/admin/accounts/${acc.body.id}/billing-profile`, {
        key: admin(),
        body: { legalName: name, addressLines: ['Street 1', 'City'], ...profile },
      });
      assert.equal(res.status, 204, JSON.stringify(res.body));
    }
    return { id: acc.body.id as string, key };
  }
  /** Usage as the dispatcher records it (rating itself is tested in rating.test.ts). */
  async function usage(accountId: string, units: number, unitPriceMicros: number, country = 'DE') {
    await t.platform.ctx
      .sql`insert into usage_records (account_id, id, message_id, channel, direction, country, units, unit_price_micros, amount_micros, currency, occurred_at)
      values (${accountId}, ${newId('use')}, ${newId('msg')}, 'sms', 'outbound', ${country}, ${units}, ${unitPriceMicros}, ${units * unitPriceMicros}, 'EUR', now() - interval '1 day')`;
  }
  const run = async () => {
    const res = await t.api.post('/v1/admin/invoice-runs', {
      key: admin(),
      body: { periodEnd: new Date(Date.now() + 1000).toISOString() },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as {
      issued: { accountId: string; invoiceId: string; number: string; totalMinor: number }[];
      skipped: { accountId: string; reason: string }[];
    };
  };
  const invoicesOf = async (key: string) => (await t.api.get('/v1/invoices', { key })).body.data;

  it('invoices real usage to the cent, with domestic VAT, a gapless number and the due date 14 days after issue', async () => {
    await t.api.post('/v1/admin/prices', {
      key: admin(),
      body: { channel: 'sms', currency: 'EUR', prefix: '+', unitPriceMicros: 72_500 },
    });
    const de = await customer('Domestic GmbH', {
      country: 'DE',
      isBusiness: true,
      vatId: 'DE999999999',
      vatIdVerified: true,
    });
    await new Promise((r) => setTimeout(r, 5500)); // the dispatcher's price book reloads every 5 s
    for (const body of ['x'.repeat(200), 'short', 'y'.repeat(200)])
      await waitForStatus(t, de.key, (await send(t, de.key, { to: '+4915112345670', body })).id, ['delivered']);
    const [sum] = await t.platform.ctx.sql<
      { micros: string; units: number }[]
    >`select sum(amount_micros)::text as micros, sum(units)::int as units from usage_records where account_id = ${de.id}`;
    assert.deepEqual([sum!.units, sum!.micros], [5, '362500']);

    const report = await run();
    const mine = report.issued.find((i) => i.accountId === de.id)!;
    const [invoice] = await invoicesOf(de.key);
    assert.equal(invoice.netMinor, 36, '5 parts at EUR 0.0725 = EUR 0.3625, rounded half-up on the line');
    assert.equal(invoice.vat.kind, 'domestic');
    assert.equal(invoice.vat.rateBasisPoints, 1900);
    assert.equal(invoice.vatMinor, 7);
    assert.equal(invoice.totalMinor, 43);
    assert.equal(mine.number, invoice.number);
    assert.match(invoice.number, /^CX-\d{4}-\d{6}$/);
    assert.equal((Date.parse(invoice.dueDate) - Date.parse(invoice.issueDate)) / 86_400_000, 14);
    assert.equal(invoice.status, 'open');
    assert.equal((await run()).issued.filter((i) => i.accountId === de.id).length, 0, 'usage is invoiced once');
  });

  it('applies reverse charge, the EU consumer rate and no EU VAT outside the EU; skips accounts without a profile', async () => {
    const fr = await customer('Entreprise SARL', {
      country: 'FR',
      isBusiness: true,
      vatId: 'FR12345678901',
      vatIdVerified: true,
      paymentTermsDays: 30,
    });
    const at = await customer('Consumer AT', { country: 'AT', isBusiness: false });
    const frUnverified = await customer('Unverified SARL', { country: 'FR', isBusiness: true, vatId: 'FR99999999999' });
    const us = await customer('US Inc', { country: 'US', isBusiness: true });
    const none = await customer('No profile', null);
    for (const c of [fr, at, frUnverified, us, none]) await usage(c.id, 1000, 50_000);
    const report = await run();
    assert.deepEqual(report.skipped.find((s) => s.accountId === none.id)?.reason, 'the account has no billing profile');
    const numbers = report.issued.map((i) => Number(i.number.slice(-6)));
    assert.deepEqual(
      numbers,
      numbers.map((_, i) => numbers[0]! + i),
      'gapless and in order',
    );

    const [reverse] = await invoicesOf(fr.key);
    assert.deepEqual(
      [reverse.netMinor, reverse.vatMinor, reverse.totalMinor, reverse.vat.kind],
      [5000, 0, 5000, 'reverse_charge'],
    );
    assert.match(reverse.vat.note, /Reverse charge/);
    assert.equal(
      (Date.parse(reverse.dueDate) - Date.parse(reverse.issueDate)) / 86_400_000,
      30,
      "the customer's own payment terms",
    );
    assert.deepEqual(
      [(await invoicesOf(at.key))[0].vat.kind, (await invoicesOf(at.key))[0].vatMinor],
      ['eu_consumer', 1000],
      'Austrian 20 %',
    );
    assert.equal(
      (await invoicesOf(frUnverified.key))[0].vat.rateBasisPoints,
      2000,
      'an unverified VAT id pays the French rate',
    );
    assert.deepEqual(
      [(await invoicesOf(us.key))[0].vat.kind, (await invoicesOf(us.key))[0].vatMinor],
      ['outside_eu', 0],
    );

    const pdf = await fetch(`${t.url}/v1/invoices/${reverse.id}/pdf`, {
      headers: { authorization: `Bearer ${fr.key}` },
    });
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    if (!pdftotextMissing) {
      const file = path.join(os.tmpdir(), `${reverse.id}.pdf`);
      fs.writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      fs.rmSync(file);
      for (const expected of [reverse.number, 'Entreprise SARL', 'FR12345678901', 'Reverse charge', 'CX Operator GmbH'])
        assert.ok(text.includes(expected), `PDF shows ${expected}`);
    }
    assert.equal(
      (await t.api.get(`/v1/invoices/${reverse.id}`, { key: at.key })).status,
      404,
      "another account's invoice",
    );
  });

  it('corrects an issued invoice only by a credit note; invoices can be neither edited nor deleted', async () => {
    const c = await customer('Credited GmbH', { country: 'DE', isBusiness: true });
    await usage(c.id, 10, 100_000);
    const { issued } = await run();
    const invoice = issued.find((i) => i.accountId === c.id)!;
    const credit = await t.api.post(`/v1/admin/invoices/${invoice.invoiceId}/credit-note`, {
      key: admin(),
      body: { reason: 'wrong price list' },
    });
    assert.equal(credit.status, 201, JSON.stringify(credit.body));
    assert.deepEqual(
      [credit.body.kind, credit.body.totalMinor, credit.body.creditedInvoiceId],
      ['credit_note', -invoice.totalMinor, invoice.invoiceId],
    );
    assert.notEqual(credit.body.number, invoice.number);
    assert.equal(
      (await t.api.get(`/v1/invoices/${invoice.invoiceId}`, { key: c.key })).body.status,
      'paid',
      'settled by the credit note',
    );
    assert.equal(
      (
        await t.api.post(`/v1/admin/invoices/${invoice.invoiceId}/credit-note`, {
          key: admin(),
          body: { reason: 'twice' },
        })
      ).status,
      409,
    );
    await assert.rejects(
      t.platform.ctx.sql`update invoices set total_minor = 1 where id = ${invoice.invoiceId}`,
      /immutable/,
    );
    await assert.rejects(t.platform.ctx.sql`delete from invoices where id = ${invoice.invoiceId}`, /never deleted/);
  });
});
