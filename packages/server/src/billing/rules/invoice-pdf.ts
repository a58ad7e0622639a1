// Renders an invoice or credit note to an A4 PDF with pdf-lib and the standard Helvetica font.
// The document carries the particulars Council Directive 2006/112/EC Art. 226 requires:
// issue date, sequential number, supplier's and (for reverse charge) customer's VAT id, names
// and addresses, quantity and nature of the services, date or period of supply, unit price,
// taxable amount, VAT rate and amount, and the reverse-charge or exemption wording.
//
// The renderer checks that the figures add up but computes nothing: amounts, VAT and notes
// come from the billing rules. Rendering is deterministic (no creation timestamp), so the
// same invoice always gives the same bytes and an archived PDF can be re-rendered and
// compared.
import { PDFDocument, PageSizes, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { isoDateToDayNumber } from './dates.ts';
import { assertMinorUnits, formatMoney } from './money.ts';
import { toEncodableText } from './pdf-text.ts';
import type { VatDecision } from './vat.ts';

export type InvoiceParty = { name: string; addressLines: readonly string[]; country: string; vatId: string | null };

export type InvoiceLine = {
  description: string;
  /** Up to four decimals, e.g. 1.5 hours or 12 000 messages. */
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
};

export type InvoiceDocument = {
  /** interest_note: late interest and compensation charged on an invoice (not a supply: no VAT). */
  kind: 'invoice' | 'credit_note' | 'interest_note';
  number: string;
  /** Calendar dates as YYYY-MM-DD. */
  issueDate: string;
  dueDate: string;
  /** Art. 226(7): the date of supply, printed when given (e.g. the billed month). */
  servicePeriod?: { from: string; to: string };
  supplier: InvoiceParty & { vatId: string };
  customer: InvoiceParty;
  /** ISO 4217 code; amounts are integer minor units of it. */
  currency: string;
  lines: readonly InvoiceLine[];
  netMinor: number;
  vat: { kind: VatDecision['kind'] | 'not_subject'; rateBasisPoints: number; amountMinor: number; note: string | null };
  totalMinor: number;
  paymentTerms: string;
  /** Required for a credit note: the invoice it corrects (Art. 219). */
  creditedInvoiceNumber: string | null;
  /** Required for an interest note: the invoice paid late. */
  interestOnInvoiceNumber?: string;
};

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 50;
const RIGHT = PAGE_WIDTH - MARGIN;
const BOTTOM = MARGIN + 20; // room for the footer
const BODY_SIZE = 9;
const LINE_HEIGHT = 12;
const GREY = rgb(0.4, 0.4, 0.4);
// Table columns: the description wraps; the figures are right-aligned at these edges.
const DESCRIPTION_WIDTH = 240;
const QUANTITY_RIGHT = 350;
const UNIT_PRICE_RIGHT = 450;

type TextStyle = { font?: PDFFont; size?: number; align?: 'left' | 'right' };

// Writes top to bottom and starts a new page when the next block does not fit.
class PageWriter {
  readonly pdf: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly charset: ReadonlySet<number>;
  page: PDFPage;
  y: number;
  onNewPage: () => void = () => {};

  constructor(pdf: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.pdf = pdf;
    this.regular = regular;
    this.bold = bold;
    this.charset = new Set(regular.getCharacterSet());
    this.page = pdf.addPage(PageSizes.A4);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  ensureSpace(height: number): void {
    if (this.y - height >= BOTTOM) return;
    this.page = this.pdf.addPage(PageSizes.A4);
    this.y = PAGE_HEIGHT - MARGIN;
    this.onNewPage();
  }

  encodable(text: string): string {
    return toEncodableText(text, (codePoint) => this.charset.has(codePoint));
  }

  /** Draws one line at the current y (its baseline) without moving down. */
  text(value: string, x: number, style: TextStyle = {}): void {
    const font = style.font ?? this.regular;
    const size = style.size ?? BODY_SIZE;
    const text = this.encodable(value);
    const left = style.align === 'right' ? x - font.widthOfTextAtSize(text, size) : x;
    this.page.drawText(text, { x: left, y: this.y, font, size });
  }

  /** Breaks text into lines no wider than `width`, at spaces where possible. */
  wrap(value: string, width: number, font: PDFFont = this.regular, size = BODY_SIZE): string[] {
    const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
    const lines: string[] = [];
    let line = '';
    for (const word of this.encodable(value)
      .split(' ')
      .filter((part) => part !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      for (const char of word) {
        // a single word wider than the column is cut anywhere
        if (line !== '' && !fits(line + char)) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    if (line !== '' || lines.length === 0) lines.push(line);
    return lines;
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: RIGHT, y: this.y }, thickness: 0.5, color: GREY });
  }
}

export async function renderInvoicePdf(invoice: InvoiceDocument): Promise<Uint8Array> {
  assertConsistent(invoice);
  const title = { invoice: 'Invoice', credit_note: 'Credit note', interest_note: 'Interest note' }[invoice.kind];
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(`${title} ${invoice.number}`);
  const writer = new PageWriter(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  const money = (minor: number) => formatMoney(minor, invoice.currency);

  drawHeading(writer, invoice, title);
  drawParties(writer, invoice);

  const continuedHeading = () => {
    writer.text(`${title} ${invoice.number} (continued)`, MARGIN, { font: writer.bold, size: 11 });
    writer.y -= 2 * LINE_HEIGHT;
  };
  writer.onNewPage = () => {
    continuedHeading();
    drawTableHeader(writer);
  };
  drawTableHeader(writer);
  const quantityFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });
  for (const line of invoice.lines) {
    const descriptionLines = writer.wrap(line.description, DESCRIPTION_WIDTH);
    writer.ensureSpace(descriptionLines.length * LINE_HEIGHT);
    writer.text(quantityFormat.format(line.quantity), QUANTITY_RIGHT, { align: 'right' });
    writer.text(money(line.unitPriceMinor), UNIT_PRICE_RIGHT, { align: 'right' });
    writer.text(money(line.amountMinor), RIGHT, { align: 'right' });
    for (const text of descriptionLines) {
      writer.text(text, MARGIN);
      writer.y -= LINE_HEIGHT;
    }
  }

  writer.onNewPage = continuedHeading; // the totals start a page without an empty table
  drawTotals(writer, invoice, money);
  drawFooters(writer, invoice.number);
  return pdf.save();
}

function drawHeading(writer: PageWriter, invoice: InvoiceDocument, title: string): void {
  const top = writer.y;
  writer.text(title.toUpperCase(), MARGIN, { font: writer.bold, size: 20 });
  const facts: [string, string][] = [
    [`${title} number`, invoice.number],
    ['Issue date', invoice.issueDate],
  ];
  if (invoice.servicePeriod)
    facts.push(['Service period', `${invoice.servicePeriod.from} to ${invoice.servicePeriod.to}`]);
  if (invoice.kind === 'credit_note' && invoice.creditedInvoiceNumber !== null)
    facts.push(['Credits invoice', invoice.creditedInvoiceNumber]);
  if (invoice.interestOnInvoiceNumber !== undefined)
    facts.push(['Interest on invoice', invoice.interestOnInvoiceNumber]);
  facts.push(['Due date', invoice.dueDate]);
  for (const [label, value] of facts) {
    writer.text(label, 330, { font: writer.bold });
    writer.text(value, RIGHT, { align: 'right' });
    writer.y -= LINE_HEIGHT;
  }
  writer.y = Math.min(writer.y, top - 30) - LINE_HEIGHT;
}

function drawParties(writer: PageWriter, invoice: InvoiceDocument): void {
  const top = writer.y;
  const columnWidth = 230;
  let lowest = top;
  for (const [x, heading, party] of [
    [MARGIN, 'From', invoice.supplier],
    [315, 'Bill to', invoice.customer],
  ] as const) {
    writer.y = top;
    writer.text(heading, x, { font: writer.bold, size: 8 });
    writer.y -= LINE_HEIGHT;
    const rows = [
      ...writer.wrap(party.name, columnWidth, writer.bold).map((text) => ({ text, font: writer.bold })),
      ...[...party.addressLines, countryName(party.country)]
        .flatMap((line) => writer.wrap(line, columnWidth))
        .map((text) => ({ text, font: writer.regular })),
      ...(party.vatId === null ? [] : [{ text: `VAT ID: ${party.vatId}`, font: writer.regular }]),
    ];
    for (const row of rows) {
      writer.text(row.text, x, { font: row.font });
      writer.y -= LINE_HEIGHT;
    }
    lowest = Math.min(lowest, writer.y);
  }
  writer.y = lowest - LINE_HEIGHT;
}

function drawTableHeader(writer: PageWriter): void {
  const bold = { font: writer.bold };
  writer.text('Description', MARGIN, bold);
  writer.text('Quantity', QUANTITY_RIGHT, { ...bold, align: 'right' });
  writer.text('Unit price', UNIT_PRICE_RIGHT, { ...bold, align: 'right' });
  writer.text('Amount', RIGHT, { ...bold, align: 'right' });
  writer.y -= 4;
  writer.rule();
  writer.y -= LINE_HEIGHT;
}

function drawTotals(writer: PageWriter, invoice: InvoiceDocument, money: (minor: number) => string): void {
  const notes = [invoice.vat.note, invoice.paymentTerms]
    .filter((note): note is string => note !== null && note !== '')
    .flatMap((note) => writer.wrap(note, RIGHT - MARGIN));
  writer.ensureSpace((4 + notes.length) * LINE_HEIGHT);
  writer.y += LINE_HEIGHT / 2; // halfway between the last line's baseline and this one
  writer.rule();
  writer.y -= LINE_HEIGHT / 2 + LINE_HEIGHT;
  const rows: [string, number, PDFFont][] = [
    ['Net amount', invoice.netMinor, writer.regular],
    [vatLabel(invoice.vat), invoice.vat.amountMinor, writer.regular],
    ['Total', invoice.totalMinor, writer.bold],
  ];
  for (const [label, amount, font] of rows) {
    writer.text(label, UNIT_PRICE_RIGHT, { font, align: 'right' });
    writer.text(money(amount), RIGHT, { font, align: 'right' });
    writer.y -= LINE_HEIGHT;
  }
  writer.y -= LINE_HEIGHT;
  for (const note of notes) {
    writer.text(note, MARGIN);
    writer.y -= LINE_HEIGHT;
  }
}

function drawFooters(writer: PageWriter, number: string): void {
  const pages = writer.pdf.getPages();
  pages.forEach((page, index) => {
    writer.page = page;
    writer.y = MARGIN;
    writer.text(`${number}, page ${index + 1} of ${pages.length}`, RIGHT, { size: 8, align: 'right' });
  });
}

function vatLabel(vat: InvoiceDocument['vat']): string {
  const rate = `VAT ${formatPercent(vat.rateBasisPoints)}`;
  if (vat.kind === 'reverse_charge') return `${rate} (reverse charge)`;
  if (vat.kind === 'outside_eu') return `${rate} (not applicable)`;
  if (vat.kind === 'not_subject') return 'No VAT (not a supply)';
  return rate;
}

/** 1900 → "19%", 2550 → "25.5%", without floating-point division. */
function formatPercent(basisPoints: number): string {
  const hundredths = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${Math.trunc(basisPoints / 100)}${hundredths === '' ? '' : `.${hundredths}`}%`;
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a well-formed region code: print what was stored
  }
}

function assertConsistent(invoice: InvoiceDocument): void {
  const fail = (reason: string): never => {
    throw new RangeError(`invoice ${invoice.number} cannot be rendered: ${reason}`);
  };
  for (const date of [invoice.issueDate, invoice.dueDate, invoice.servicePeriod?.from, invoice.servicePeriod?.to]) {
    if (date !== undefined) isoDateToDayNumber(date);
  }
  for (const line of invoice.lines) {
    assertMinorUnits('unitPriceMinor', line.unitPriceMinor);
    assertMinorUnits('amountMinor', line.amountMinor);
    if (!Number.isFinite(line.quantity) || Number(line.quantity.toFixed(4)) !== line.quantity)
      fail(`quantity ${line.quantity} has more than four decimals`);
  }
  for (const [name, value] of [
    ['netMinor', invoice.netMinor],
    ['vat.amountMinor', invoice.vat.amountMinor],
    ['totalMinor', invoice.totalMinor],
  ] as const) {
    assertMinorUnits(name, value);
  }
  if (invoice.lines.reduce((sum, line) => sum + line.amountMinor, 0) !== invoice.netMinor)
    fail('the lines do not add up to netMinor');
  if (invoice.netMinor + invoice.vat.amountMinor !== invoice.totalMinor) fail('netMinor + VAT is not totalMinor');
  if (invoice.kind === 'credit_note' && invoice.creditedInvoiceNumber === null)
    fail('a credit note must name the invoice it credits (Art. 219)');
  if (
    invoice.kind === 'interest_note' &&
    (invoice.interestOnInvoiceNumber === undefined || invoice.vat.amountMinor !== 0)
  ) {
    fail('an interest note names the invoice paid late and charges no VAT');
  }
  // Art. 226(4) and (11a): a reverse-charged invoice shows the customer's VAT id and says so.
  if (invoice.vat.kind === 'reverse_charge' && (invoice.customer.vatId === null || invoice.vat.note === null)) {
    fail('a reverse-charge invoice needs the customer VAT id and the reverse-charge note');
  }
}
