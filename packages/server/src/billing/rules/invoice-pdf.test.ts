// Renders invoices and reads them back with pdftotext (Debian package poppler-utils). Without
// pdftotext the text assertions are skipped, not faked; page counts use pdf-lib itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { renderInvoicePdf } from './invoice-pdf.ts';
import type { InvoiceDocument, InvoiceLine } from './invoice-pdf.ts';
import { REVERSE_CHARGE_NOTE } from './vat.ts';

const pdftotextMissing =
  spawnSync('pdftotext', ['-v']).error === undefined ? false : 'pdftotext not installed (Debian package poppler-utils)';

function extractText(pdf: Uint8Array): string {
  // -layout keeps each printed row on one line; runs of spaces and line breaks then become
  // single spaces, so a table row reads "description quantity unit-price amount".
  const result = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.replace(/\s+/g, ' ');
}

const pageCount = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();

function invoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const lines: InvoiceLine[] = [
    { description: 'SMS to Germany, October 2026', quantity: 12_000, unitPriceMinor: 7, amountMinor: 84_000 },
    { description: 'Dedicated long number +49 30 1234567', quantity: 1, unitPriceMinor: 39_456, amountMinor: 39_456 },
  ];
  return {
    kind: 'invoice',
    number: 'CX-2026-000123',
    issueDate: '2026-11-02',
    dueDate: '2026-11-16',
    servicePeriod: { from: '2026-10-01', to: '2026-10-31' },
    supplier: {
      name: 'CX Engage GmbH',
      addressLines: ['Hauptstraße 1', '10115 Berlin'],
      country: 'DE',
      vatId: 'DE123456789',
    },
    customer: {
      name: 'Rivière Télécom SARL',
      addressLines: ['12 rue de la Paix', '75002 Paris'],
      country: 'FR',
      vatId: 'FR12345678901',
    },
    currency: 'EUR',
    lines,
    netMinor: 123_456,
    vat: { kind: 'reverse_charge', rateBasisPoints: 0, amountMinor: 0, note: REVERSE_CHARGE_NOTE },
    totalMinor: 123_456,
    paymentTerms: 'Payable within 14 days',
    creditedInvoiceNumber: null,
    ...overrides,
  };
}

function manyLines(count: number): Pick<InvoiceDocument, 'lines' | 'netMinor' | 'totalMinor'> {
  const lines = Array.from({ length: count }, (_, index) => ({
    description: `Campaign ${index + 1}: SMS to France`,
    quantity: 1.25,
    unitPriceMinor: 800,
    amountMinor: 1000,
  }));
  return { lines, netMinor: count * 1000, totalMinor: count * 1000 };
}

describe('renderInvoicePdf', () => {
  it('prints number, parties, totals and the reverse-charge note', { skip: pdftotextMissing }, async () => {
    const text = extractText(await renderInvoicePdf(invoice()));
    for (const expected of [
      'INVOICE',
      'CX-2026-000123',
      'Issue date 2026-11-02',
      'Due date 2026-11-16',
      '2026-10-01 to 2026-10-31',
      'CX Engage GmbH',
      'VAT ID: DE123456789',
      'Rivière Télécom SARL',
      'VAT ID: FR12345678901',
      'France',
      'SMS to Germany, October 2026 12,000 0.07 EUR 840.00 EUR',
      'Net amount 1,234.56 EUR',
      'VAT 0% (reverse charge) 0.00 EUR',
      'Total 1,234.56 EUR',
      REVERSE_CHARGE_NOTE,
      'Payable within 14 days',
      'CX-2026-000123, page 1 of 1',
    ]) {
      assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
    }
  });

  it('prints the domestic VAT rate and amount', { skip: pdftotextMissing }, async () => {
    const text = extractText(
      await renderInvoicePdf(
        invoice({
          customer: { name: 'Berliner Kunde AG', addressLines: [], country: 'DE', vatId: null },
          vat: { kind: 'domestic', rateBasisPoints: 1900, amountMinor: 23_457, note: null },
          totalMinor: 146_913,
        }),
      ),
    );
    assert.ok(text.includes('VAT 19% 234.57 EUR Total 1,469.13 EUR'), text);
    assert.ok(!text.includes('Reverse charge'), text);
  });

  it('paginates 120 lines over several pages, repeating the table header, without losing a line', async () => {
    const pdf = await renderInvoicePdf(invoice(manyLines(120)));
    const pages = await pageCount(pdf);
    assert.ok(pages > 1, `expected several pages, got ${pages}`);
    if (pdftotextMissing) return;
    const text = extractText(pdf);
    for (let line = 1; line <= 120; line++)
      assert.ok(text.includes(`Campaign ${line}: SMS to France 1.25 8.00 EUR 10.00 EUR`), `line ${line}`);
    assert.ok(text.includes(`page ${pages} of ${pages}`));
    assert.equal(text.split('Description Quantity Unit price Amount').length - 1, pages, 'one table header per page');
    assert.ok(text.includes('Total 1,200.00 EUR'));
  });

  it('survives names and descriptions WinAnsi cannot encode', { skip: pdftotextMissing }, async () => {
    const text = extractText(
      await renderInvoicePdf(
        invoice({
          customer: {
            name: 'Ελληνική Εταιρεία Łódź 株式会社',
            addressLines: ['Αθήνα 😀'],
            country: 'GR',
            vatId: 'EL123456789',
          },
          lines: [
            { description: 'SMS to Greece – Ελλάδα', quantity: 1, unitPriceMinor: 123_456, amountMinor: 123_456 },
          ],
        }),
      ),
    );
    assert.ok(text.includes('???????? ???????? Lódz ????'), text);
    assert.ok(text.includes('SMS to Greece – ??????'), text);
    assert.ok(text.includes('Greece'), text);
  });

  it('renders a credit note naming the invoice it credits', { skip: pdftotextMissing }, async () => {
    const text = extractText(
      await renderInvoicePdf(
        invoice({
          kind: 'credit_note',
          number: 'CX-2026-000130',
          creditedInvoiceNumber: 'CX-2026-000123',
          lines: [{ description: 'Refund: undelivered SMS', quantity: -1, unitPriceMinor: 5000, amountMinor: -5000 }],
          netMinor: -5000,
          totalMinor: -5000,
        }),
      ),
    );
    for (const expected of [
      'CREDIT NOTE',
      'Credit note number CX-2026-000130',
      'Credits invoice CX-2026-000123',
      'Total -50.00 EUR',
    ]) {
      assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
    }
  });

  it('formats zero-decimal currencies', { skip: pdftotextMissing }, async () => {
    const text = extractText(
      await renderInvoicePdf(
        invoice({
          currency: 'JPY',
          lines: [{ description: 'SMS', quantity: 3, unitPriceMinor: 1500, amountMinor: 4500 }],
          netMinor: 4500,
          totalMinor: 4500,
        }),
      ),
    );
    assert.ok(text.includes('3 1,500 JPY 4,500 JPY'), text);
  });

  it('gives the same bytes for the same invoice', async () => {
    assert.deepEqual(await renderInvoicePdf(invoice()), await renderInvoicePdf(invoice()));
  });

  it('refuses invoices whose figures or mandatory particulars are inconsistent', async () => {
    await assert.rejects(renderInvoicePdf(invoice({ netMinor: 123_455 })), /lines do not add up/);
    await assert.rejects(renderInvoicePdf(invoice({ totalMinor: 1 })), /netMinor \+ VAT is not totalMinor/);
    await assert.rejects(renderInvoicePdf(invoice({ kind: 'credit_note' })), /must name the invoice it credits/);
    const noVatId = invoice();
    await assert.rejects(
      renderInvoicePdf({ ...noVatId, customer: { ...noVatId.customer, vatId: null } }),
      /customer VAT id/,
    );
    await assert.rejects(renderInvoicePdf(invoice({ issueDate: '02/11/2026' })), /not a calendar date/);
    await assert.rejects(
      renderInvoicePdf(
        invoice({ lines: [{ description: 'x', quantity: 0.00001, unitPriceMinor: 0, amountMinor: 123_456 }] }),
      ),
      /more than four decimals/,
    );
  });
});
