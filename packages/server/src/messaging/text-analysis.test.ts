import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, splitForSms, septetsOf } from './text-analysis.ts';

describe('SMS encoding and segments', () => {
  it('fits 160 GSM-7 characters in one SMS and needs two for 161', () => {
    assert.deepEqual([analyzeText('a'.repeat(160)).segments, analyzeText('a'.repeat(161)).segments], [1, 2]);
    assert.equal(analyzeText('a'.repeat(160)).encoding, 'GSM-7');
  });

  it('splits long GSM-7 text into parts of 153 septets', () => {
    assert.deepEqual([analyzeText('a'.repeat(306)).segments, analyzeText('a'.repeat(307)).segments], [2, 3]);
  });

  it('counts extension characters as two septets and never splits one across parts', () => {
    assert.equal(analyzeText('€'.repeat(80)).segments, 1, '160 septets');
    assert.equal(analyzeText('€'.repeat(81)).segments, 2);
    const parts = splitForSms('a'.repeat(152) + '€' + 'b'.repeat(10), 'GSM-7');
    assert.equal(parts[0], 'a'.repeat(152), 'the € does not fit in the 1 septet left: it moves whole');
    assert.equal(parts[1], '€' + 'b'.repeat(10));
  });

  it('switches to UCS-2 for one character outside GSM 03.38: 70 per SMS, 67 per part', () => {
    assert.equal(analyzeText('Привет').encoding, 'UCS-2');
    assert.deepEqual([analyzeText('я'.repeat(70)).segments, analyzeText('я'.repeat(71)).segments], [1, 2]);
    assert.deepEqual([analyzeText('я'.repeat(134)).segments, analyzeText('я'.repeat(135)).segments], [2, 3]);
    assert.equal(analyzeText('a'.repeat(100) + '✓').encoding, 'UCS-2');
  });

  it('counts an emoji as two UTF-16 units and never splits its surrogate pair', () => {
    assert.equal(analyzeText('😀'.repeat(35)).segments, 1);
    assert.equal(analyzeText('😀'.repeat(36)).segments, 2);
    const parts = splitForSms('a'.repeat(66) + '😀' + 'b'.repeat(10), 'UCS-2');
    assert.equal(parts[0], 'a'.repeat(66));
    assert.ok(parts[1]!.startsWith('😀'));
    for (const p of splitForSms('😀x'.repeat(200), 'UCS-2')) assert.ok(!/[\ud800-\udbff]$/.test(p), 'no part ends in a high surrogate');
  });

  it('with smart encoding turns curly quotes and long dashes back into one GSM-7 SMS', () => {
    const text = '“Your order” is ready — pick it up… don’t wait';
    assert.equal(analyzeText(text).encoding, 'UCS-2');
    const smart = analyzeText(text, { smartEncoding: true });
    assert.equal(smart.encoding, 'GSM-7');
    assert.equal(smart.text, '"Your order" is ready - pick it up... don\'t wait');
    assert.ok(smart.transliterated);
    assert.equal(analyzeText('“quoted” Привет', { smartEncoding: true }).text, '“quoted” Привет', 'text that stays UCS-2 is left untouched');
  });

  it('always produces as many parts as it counts segments, and the parts rebuild the text', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['a', 'Z', ' ', '€', '{', 'é', 'я', '😀', '\n', '^'];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: Math.floor(rand() * 400) + 1 }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const a = analyzeText(text);
      const parts = splitForSms(text, a.encoding);
      assert.equal(parts.length, a.segments);
      assert.equal(parts.join(''), text);
      if (parts.length > 1) {
        for (const p of parts) {
          const size = a.encoding === 'GSM-7' ? [...p].reduce((n, ch) => n + (septetsOf(ch) ?? 1), 0) : p.length;
          assert.ok(size <= (a.encoding === 'GSM-7' ? 153 : 67));
        }
      }
    }
  });
});
