// The GSM 7-bit default alphabet (3GPP TS 23.038 §6.2.1, formerly GSM 03.38) and its
// extension table (§6.2.1.1), with the unpacked codec SMSCs expect for data_coding 0x00:
// one septet per octet, an extension character as ESC (0x1B) followed by its code. The SMSC
// packs septets for the air interface, so a 160-character message is 160 octets over SMPP.

/** Basic table: the character at index n has code n. 0x1B is the escape to the extension table. */
export const GSM7_BASIC_TABLE =
  '@£$¥èéùìòÇ\nØø\rÅå' +
  'Δ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ' +
  ' !"#¤%&\'()*+,-./' +
  '0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNO' +
  'PQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmno' +
  'pqrstuvwxyzäöñüà';

export const GSM7_ESCAPE = 0x1b;

/** Extension table: character → code after ESC. Each of these costs two septets. */
export const GSM7_EXTENSION_TABLE: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a], // form feed (page break)
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

// One lookup per UTF-16 code unit, for speed on the accept path: -1 = not in GSM-7,
// 0x00-0x7F = basic code, 0x100 | code = extension code. Every GSM-7 character is in the BMP.
const EXTENSION_FLAG = 0x100;
const CODE_OF = buildCodeLookup();
const EXTENSION_CHAR_OF = new Map([...GSM7_EXTENSION_TABLE].map(([ch, code]) => [code, ch]));

function buildCodeLookup(): Int16Array {
  const lookup = new Int16Array(0x10000).fill(-1);
  for (let code = 0; code < GSM7_BASIC_TABLE.length; code++) {
    if (code !== GSM7_ESCAPE) lookup[GSM7_BASIC_TABLE.charCodeAt(code)] = code;
  }
  for (const [ch, code] of GSM7_EXTENSION_TABLE) lookup[ch.charCodeAt(0)] = EXTENSION_FLAG | code;
  return lookup;
}

/** Septets taken by the UTF-16 code unit: 1 (basic), 2 (ESC + extension) or 0 (not GSM-7). */
export function septetsOfCodeUnit(codeUnit: number): 0 | 1 | 2 {
  const code = CODE_OF[codeUnit] ?? -1;
  if (code < 0) return 0;
  return code & EXTENSION_FLAG ? 2 : 1;
}

/** True when every character is in the basic or the extension table (the empty text is). */
export function isGsm7(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (septetsOfCodeUnit(text.charCodeAt(i)) === 0) return false;
  }
  return true;
}

/** Septets the text takes in GSM-7, extension characters counting 2. Throws for non-GSM text. */
export function septetLength(text: string): number {
  let septets = 0;
  for (let i = 0; i < text.length; i++) {
    const cost = septetsOfCodeUnit(text.charCodeAt(i));
    if (cost === 0) throw notGsm7(text, i);
    septets += cost;
  }
  return septets;
}

/** Unpacked septets, one per octet; extension characters as 0x1B + code. */
export function encodeGsm7(text: string): Buffer {
  const out = Buffer.allocUnsafe(septetLength(text));
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = CODE_OF[text.charCodeAt(i)] ?? -1;
    if (code & EXTENSION_FLAG) out[at++] = GSM7_ESCAPE;
    out[at++] = code & 0x7f;
  }
  return out;
}

/**
 * Decodes unpacked septets. Lenient with what SMSCs and handsets send, as TS 23.038
 * §6.2.1.1 prescribes for receivers: ESC before a code missing from the extension table
 * shows the basic-table character; ESC ESC (reserved for a further table) and a dangling
 * ESC show a space. An octet above 0x7F is no septet and becomes U+FFFD.
 */
export function decodeGsm7(buf: Uint8Array): string {
  let text = '';
  for (let i = 0; i < buf.length; i++) {
    const octet = buf[i] ?? 0;
    if (octet !== GSM7_ESCAPE) {
      text += basicChar(octet);
      continue;
    }
    const next = buf[++i];
    if (next === undefined || next === GSM7_ESCAPE) text += ' ';
    else text += EXTENSION_CHAR_OF.get(next) ?? basicChar(next);
  }
  return text;
}

function basicChar(octet: number): string {
  return octet < 0x80 ? GSM7_BASIC_TABLE.charAt(octet) : '\ufffd';
}

function notGsm7(text: string, index: number): RangeError {
  const hex = text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  return new RangeError(`U+${hex} at index ${index} is not in the GSM 03.38 alphabet: send the text as UCS-2`);
}
