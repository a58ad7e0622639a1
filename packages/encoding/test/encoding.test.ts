import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SmsEncoding } from '../src/capacity.ts';
import { analyzeText } from '../src/analyze.ts';
import { buildConcatenatedParts, concatenationUdh } from '../src/concatenation.ts';
import {
  GSM7_BASIC_TABLE,
  GSM7_ESCAPE,
  GSM7_EXTENSION_TABLE,
  decodeGsm7,
  encodeGsm7,
  isGsm7,
  septetLength,
} from '../src/gsm7.ts';
import { splitForSms, unitLength } from '../src/split.ts';
import { TRANSLITERATIONS, transliterate } from '../src/transliterate.ts';
import { decodeUcs2, encodeUcs2 } from '../src/ucs2.ts';

const basicChars = [...GSM7_BASIC_TABLE].filter((_, code) => code !== GSM7_ESCAPE);
const extensionChars = [...GSM7_EXTENSION_TABLE.keys()];
const hex = (buf: Buffer) => buf.toString('hex');

describe('GSM 03.38 alphabet', () => {
  it('has 128 basic codes with ESC at 0x1B and ten extension characters', () => {
    assert.equal(GSM7_BASIC_TABLE.length, 128);
    assert.equal(basicChars.length, 127);
    assert.deepEqual(extensionChars.sort(), ['\f', '[', '\\', ']', '^', '{', '|', '}', '~', '€'].sort());
  });

  it('counts a basic character as one septet and an extension character as two', () => {
    for (const ch of basicChars) assert.equal(septetLength(ch), 1, JSON.stringify(ch));
    for (const ch of extensionChars) assert.equal(septetLength(ch), 2, JSON.stringify(ch));
    assert.equal(septetLength('Price: 5€ [net]'), 18);
    assert.equal(septetLength(''), 0);
  });

  it('recognises GSM-7 text and rejects characters outside both tables', () => {
    assert.ok(isGsm7(basicChars.join('') + extensionChars.join('')));
    assert.ok(isGsm7(''));
    for (const ch of ['`', 'ç', 'á', 'ê', 'Ж', '✓', '😀', '\t', '\x1b', '\u2019', '\ud83d']) {
      assert.equal(isGsm7(`ok ${ch}`), false, JSON.stringify(ch));
    }
    assert.throws(() => septetLength('naïve'), RangeError);
  });

  it('encodes every basic character to its code and decodes it back', () => {
    basicChars.forEach((ch) => {
      const code = GSM7_BASIC_TABLE.indexOf(ch);
      assert.deepEqual([...encodeGsm7(ch)], [code], JSON.stringify(ch));
      assert.equal(decodeGsm7(encodeGsm7(ch)), ch);
    });
    const all = basicChars.join('');
    assert.equal(decodeGsm7(encodeGsm7(all)), all);
  });

  it('encodes every extension character as ESC + code and decodes it back', () => {
    for (const [ch, code] of GSM7_EXTENSION_TABLE) {
      assert.deepEqual([...encodeGsm7(ch)], [0x1b, code], JSON.stringify(ch));
      assert.equal(decodeGsm7(encodeGsm7(ch)), ch);
    }
    assert.equal(hex(encodeGsm7('€[')), '1b651b3c');
    assert.equal(hex(encodeGsm7('$@_¤')), '02001124', 'the traps: $ is 0x02, @ 0x00, _ 0x11, ¤ 0x24');
  });

  it('refuses to encode a character outside GSM-7 instead of sending a wrong one', () => {
    assert.throws(() => encodeGsm7('café ✓'), /U\+2713 at index 5/);
  });

  it('decodes escapes the way TS 23.038 tells receivers to', () => {
    assert.equal(decodeGsm7(Buffer.from([0x1b, 0x41])), 'A', 'unknown extension code: basic character');
    assert.equal(decodeGsm7(Buffer.from([0x61, 0x1b])), 'a ', 'dangling ESC: space');
    assert.equal(decodeGsm7(Buffer.from([0x1b, 0x1b, 0x61])), ' a', 'ESC ESC: space');
    assert.equal(decodeGsm7(Buffer.from([0x61, 0xe9])), 'a\ufffd', 'an octet above 0x7F is no septet');
  });
});

describe('UCS-2', () => {
  it('encodes UTF-16BE with surrogate pairs kept and decodes back', () => {
    assert.equal(hex(encodeUcs2('hi 😀')), '006800690020d83dde00');
    const text = 'Привет, 世界! 👋🏽 €';
    assert.equal(decodeUcs2(encodeUcs2(text)), text);
  });

  it('drops a dangling last octet when decoding', () => {
    assert.equal(decodeUcs2(Buffer.from([0x00, 0x41, 0x00])), 'A');
    assert.equal(decodeUcs2(Buffer.alloc(0)), '');
  });
});

describe('encoding and segments', () => {
  const summary = (text: string) => {
    const a = analyzeText(text);
    return { encoding: a.encoding, segments: a.segments, units: a.units, perSegment: a.perSegment };
  };

  it('sends empty text as one GSM-7 SMS', () => {
    assert.deepEqual(summary(''), { encoding: 'GSM-7', segments: 1, units: 0, perSegment: 160 });
    assert.deepEqual(splitForSms('', 'GSM-7'), ['']);
  });

  it('fits 160 GSM-7 characters in one SMS and needs two parts of 153 for 161', () => {
    assert.deepEqual(summary('a'.repeat(160)), { encoding: 'GSM-7', segments: 1, units: 160, perSegment: 160 });
    assert.deepEqual(summary('a'.repeat(161)), { encoding: 'GSM-7', segments: 2, units: 161, perSegment: 153 });
    assert.deepEqual(
      splitForSms('a'.repeat(161), 'GSM-7').map((p) => p.length),
      [153, 8],
    );
  });

  it('needs two parts for 306 GSM-7 characters and three for 307', () => {
    assert.equal(analyzeText('a'.repeat(306)).segments, 2);
    assert.equal(analyzeText('a'.repeat(307)).segments, 3);
  });

  it('counts extension characters as two septets against 160', () => {
    assert.deepEqual(summary('€'.repeat(80)), { encoding: 'GSM-7', segments: 1, units: 160, perSegment: 160 });
    assert.deepEqual(summary('€'.repeat(81)), { encoding: 'GSM-7', segments: 2, units: 162, perSegment: 153 });
    assert.deepEqual(summary('a'.repeat(159) + '€'), { encoding: 'GSM-7', segments: 2, units: 161, perSegment: 153 });
  });

  it('never splits an escape pair: an extension character at the boundary moves to the next part', () => {
    const parts = splitForSms('a'.repeat(152) + '€' + 'b'.repeat(10), 'GSM-7');
    assert.deepEqual(parts, ['a'.repeat(152), '€' + 'b'.repeat(10)]);
    const payloads = buildConcatenatedParts('a'.repeat(152) + '€' + 'b'.repeat(10), 'GSM-7', 1).map((p) => p.payload);
    assert.equal(payloads[0]?.at(-1), 0x61, 'the first part does not end with ESC');
    assert.deepEqual([...(payloads[1]?.subarray(0, 2) ?? [])], [0x1b, 0x65]);
  });

  it('adds a part when a moved escape pair leaves a septet unused (306 septets, 3 parts)', () => {
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(152);
    assert.equal(septetLength(text), 306);
    assert.equal(analyzeText(text).segments, 3);
    assert.deepEqual(
      splitForSms(text, 'GSM-7').map((p) => septetLength(p)),
      [152, 153, 1],
    );
  });

  it('fits 70 UCS-2 units in one SMS and needs two parts of 67 for 71', () => {
    assert.deepEqual(summary('ж'.repeat(70)), { encoding: 'UCS-2', segments: 1, units: 70, perSegment: 70 });
    assert.deepEqual(summary('ж'.repeat(71)), { encoding: 'UCS-2', segments: 2, units: 71, perSegment: 67 });
  });

  it('needs two UCS-2 parts for 134 units and three for 135', () => {
    assert.equal(analyzeText('ж'.repeat(134)).segments, 2);
    assert.equal(analyzeText('ж'.repeat(135)).segments, 3);
  });

  it('counts an emoji as two UTF-16 units and never splits its surrogate pair', () => {
    assert.deepEqual(summary('😀'.repeat(35)), { encoding: 'UCS-2', segments: 1, units: 70, perSegment: 70 });
    assert.equal(analyzeText('😀'.repeat(36)).segments, 2);
    const parts = splitForSms('ж'.repeat(66) + '😀' + 'ж'.repeat(10), 'UCS-2');
    assert.deepEqual(parts, ['ж'.repeat(66), '😀' + 'ж'.repeat(10)]);
    for (const part of splitForSms('😀'.repeat(100), 'UCS-2')) {
      assert.equal(part, '😀'.repeat(part.length / 2), 'whole emoji only');
    }
  });

  it('switches the whole message to UCS-2 for one character outside GSM 03.38', () => {
    assert.deepEqual(summary('a'.repeat(100) + 'ж'), { encoding: 'UCS-2', segments: 2, units: 101, perSegment: 67 });
    assert.equal(analyzeText('Your code is 1234 ✓').encoding, 'UCS-2');
    assert.equal(analyzeText('Café at 5 o’clock').encoding, 'UCS-2', 'one curly apostrophe is enough');
  });

  it('counts the parts for a 16-bit reference header at 152 septets / 66 units', () => {
    assert.equal(analyzeText('a'.repeat(304), { reference: '16-bit' }).segments, 2);
    assert.equal(analyzeText('a'.repeat(305), { reference: '16-bit' }).segments, 3);
    assert.equal(analyzeText('ж'.repeat(133), { reference: '16-bit' }).perSegment, 66);
  });
});

describe('smart encoding', () => {
  it('turns “curly” quotes, — dashes and … back into one GSM-7 SMS', () => {
    const body = '“Hello” — it’s ‘ready’… see «page» 2–3';
    assert.deepEqual(analyzeText(body).encoding, 'UCS-2');
    const smart = analyzeText(body, { smartEncoding: true });
    assert.deepEqual(smart, {
      encoding: 'GSM-7',
      segments: 1,
      units: 40,
      perSegment: 160,
      transliterated: true,
      text: '"Hello" - it\'s \'ready\'... see "page" 2-3',
    });
  });

  it('saves segments on a long message with one stray look-alike', () => {
    const body = 'a'.repeat(150) + '’';
    assert.equal(analyzeText(body).segments, 3);
    assert.equal(analyzeText(body, { smartEncoding: true }).segments, 1);
  });

  it('keeps the text as written when other characters still need UCS-2', () => {
    const body = '“Привет” — мир';
    assert.deepEqual(analyzeText(body, { smartEncoding: true }), {
      encoding: 'UCS-2',
      segments: 1,
      units: 14,
      perSegment: 70,
      text: body,
      transliterated: false,
    });
  });

  it('leaves GSM-7 text untouched and reports no transliteration', () => {
    const a = analyzeText('Plain "text" - ok', { smartEncoding: true });
    assert.equal(a.transliterated, false);
    assert.equal(a.text, 'Plain "text" - ok');
  });

  it('replaces each listed look-alike, which is not GSM-7, with GSM-7 text', () => {
    for (const [from, to] of Object.entries(TRANSLITERATIONS)) {
      assert.equal(isGsm7(from), false, `U+${from.charCodeAt(0).toString(16)}`);
      assert.ok(isGsm7(to), `U+${from.charCodeAt(0).toString(16)}`);
      assert.equal(transliterate(`x${from}y`), `x${to}y`);
    }
    assert.equal(transliterate('a\u00a0b\u2009c • d\u200b'), 'a b c - d');
    assert.equal(transliterate('Ж ✓ 😀 é'), 'Ж ✓ 😀 é', 'characters without a listed equivalent stay');
  });
});

describe('concatenation UDH', () => {
  it('builds parts with the UDH bytes exactly 05 00 03 ref total seq', () => {
    const parts = buildConcatenatedParts('a'.repeat(307), 'GSM-7', 0xa7);
    assert.deepEqual(
      parts.map((p) => hex(p.udh)),
      ['050003a70301', '050003a70302', '050003a70303'],
    );
    assert.deepEqual(
      parts.map((p) => p.payload.length),
      [153, 153, 1],
    );
    assert.equal(parts.map((p) => decodeGsm7(p.payload)).join(''), 'a'.repeat(307));
  });

  it('carries UCS-2 parts as UTF-16BE of at most 134 octets, an emoji whole in one part', () => {
    const text = 'ж'.repeat(66) + '😀' + 'ж'.repeat(67);
    const parts = buildConcatenatedParts(text, 'UCS-2', 0);
    assert.deepEqual(
      parts.map((p) => hex(p.udh)),
      ['050003000301', '050003000302', '050003000303'],
    );
    assert.deepEqual(
      parts.map((p) => p.payload.length),
      [132, 134, 4],
    );
    assert.equal(hex(parts[1]!.payload.subarray(0, 4)), 'd83dde00');
    assert.equal(parts.map((p) => decodeUcs2(p.payload)).join(''), text);
  });

  it('sends a text that fits one SMS without a header', () => {
    const [only, ...rest] = buildConcatenatedParts('a'.repeat(160), 'GSM-7', 9);
    assert.equal(rest.length, 0);
    assert.equal(only?.udh.length, 0);
    assert.equal(only?.payload.length, 160);
  });

  it('builds the 16-bit reference header 06 08 04 refHi refLo total seq', () => {
    const parts = buildConcatenatedParts('a'.repeat(200), 'GSM-7', 0x1234, { reference: '16-bit' });
    assert.deepEqual(
      parts.map((p) => hex(p.udh)),
      ['06080412340201', '06080412340202'],
    );
    assert.deepEqual(
      parts.map((p) => p.payload.length),
      [152, 48],
    );
  });

  it('rejects a reference, total or sequence number the header cannot carry', () => {
    assert.throws(() => buildConcatenatedParts('a'.repeat(200), 'GSM-7', 256), RangeError);
    assert.throws(() => buildConcatenatedParts('a'.repeat(200), 'GSM-7', -1), RangeError);
    assert.throws(() => buildConcatenatedParts('a'.repeat(200), 'GSM-7', 1.5), RangeError);
    assert.throws(() => buildConcatenatedParts('a', 'GSM-7', 0x10000, { reference: '16-bit' }), RangeError);
    assert.throws(() => concatenationUdh(1, 2, 0), RangeError);
    assert.throws(() => concatenationUdh(1, 2, 3), RangeError);
    assert.throws(() => buildConcatenatedParts('ж'.repeat(67 * 255 + 1), 'UCS-2', 1), /at most 255/);
    assert.equal(buildConcatenatedParts('ж'.repeat(67 * 255), 'UCS-2', 1).length, 255);
  });
});

describe('splitting random text (seeded property test)', () => {
  // mulberry32: a small deterministic generator, so a failure reproduces with the same seed.
  function generator(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const gsmPool = [...basicChars, ...extensionChars, ...extensionChars];
  const otherPool = ['ж', '世', '’', '—', '😀', '👍🏽', '\u{1F1E9}\u{1F1EA}'];

  function randomText(next: () => number): string {
    const length = Math.floor(next() * 700);
    const nonGsmRate = next() < 0.5 ? 0 : next() * 0.3;
    let text = '';
    for (let i = 0; i < length; i++) {
      const pool = next() < nonGsmRate ? otherPool : gsmPool;
      text += pool[Math.floor(next() * pool.length)];
    }
    return text;
  }

  function checkSplit(text: string, encoding: SmsEncoding, segments: number): void {
    const parts = splitForSms(text, encoding);
    assert.equal(parts.length, segments, 'parts count equals segments');
    assert.equal(parts.join(''), text, 'nothing lost or reordered');
    const capacity = segments === 1 ? (encoding === 'GSM-7' ? 160 : 70) : encoding === 'GSM-7' ? 153 : 67;
    parts.forEach((part, i) => {
      assert.ok(unitLength(part, encoding) <= capacity, `part ${i} within ${capacity}`);
      assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(part), `part ${i} keeps surrogate pairs whole`);
      const next = parts[i + 1];
      if (next)
        assert.ok(
          unitLength(part + next.slice(0, next.codePointAt(0)! > 0xffff ? 2 : 1), encoding) > capacity,
          `part ${i} is full`,
        );
    });
    const encode = encoding === 'GSM-7' ? encodeGsm7 : encodeUcs2;
    const decode = encoding === 'GSM-7' ? decodeGsm7 : decodeUcs2;
    assert.equal(parts.map((p) => decode(encode(p))).join(''), text, 'round trip through the codec');
  }

  it('gives as many parts as segments, each full, within capacity and decodable, for 600 strings', () => {
    const next = generator(20240613);
    for (let n = 0; n < 600; n++) {
      const text = randomText(next);
      const { encoding, segments, text: sent } = analyzeText(text);
      assert.equal(sent, text);
      assert.equal(encoding, isGsm7(text) ? 'GSM-7' : 'UCS-2');
      checkSplit(text, encoding, segments);
      if (segments > 1 && segments <= 255) {
        const parts = buildConcatenatedParts(text, encoding, n % 256);
        assert.deepEqual(
          parts.map((p) => p.udh.subarray(4)),
          parts.map((_, i) => Buffer.from([segments, i + 1])),
        );
      }
    }
  });
});
