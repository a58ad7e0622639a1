import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { toEncodableText } from './pdf-text.ts';

describe('toEncodableText for Helvetica (WinAnsi)', () => {
  let encodable: (text: string) => string;
  before(async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const charset = new Set(font.getCharacterSet());
    encodable = (text) => toEncodableText(text, (codePoint) => charset.has(codePoint));
  });

  it('keeps what WinAnsi can encode, the euro sign included', () => {
    assert.equal(encodable('Straße 5 – 10 € «Œuvre» Ærø'), 'Straße 5 – 10 € «Œuvre» Ærø');
  });

  it('drops accents WinAnsi lacks and replaces letters without a Latin form by "?"', () => {
    assert.equal(encodable('Łódź, Győr, Čakovec'), 'Lódz, Gyor, Cakovec', 'ó is WinAnsi, ł ź ő Č are not');
    assert.equal(encodable('ﬁnance'), 'finance');
    assert.equal(encodable('Ελλάδα'), '??????');
    assert.equal(encodable('Москва 東京 😀'), '?????? ?? ?');
    assert.equal(encodable('a\u2011b\u2212c'), 'a-b-c');
  });

  it('turns line breaks and tabs into spaces', () => {
    assert.equal(encodable('line 1\r\nline 2\tend'), 'line 1 line 2 end');
  });
});
