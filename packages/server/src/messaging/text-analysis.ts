// Encoding and segmentation of SMS text (3GPP TS 23.038 alphabet, TS 23.040 concatenation).
// GSM-7 when every character is in the basic table or the extension table (extension
// characters cost two septets: ESC + code); otherwise UCS-2. One SMS holds 160 septets or
// 70 UTF-16 units; parts of a concatenated SMS lose 7 septets / 3 units to the 8-bit-reference
// UDH, leaving 153 / 67. A part never ends between ESC and its character, nor inside a
// surrogate pair.
export interface TextAnalysis {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** The text that will be sent (after smart encoding, when enabled). */
  text: string;
  transliterated: boolean;
}

const GSM_BASIC = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

// Smart encoding: look-alikes that would force UCS-2, replaced by their GSM equivalent.
// Only unambiguous replacements; anything else keeps the message in UCS-2.
const LOOKALIKES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u00b4': "'", '\u0060': "'", '\u2039': "'", '\u203a': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...', '\u00a0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200a': ' ', '\u202f': ' ', '\u205f': ' ', '\u3000': ' ',
  '\u200b': '', '\ufeff': '', '\u2022': '*', '\u00b7': '.', '\u02c6': '^', '\u02dc': '~',
};

export function septetsOf(ch: string): 1 | 2 | undefined {
  if (GSM_BASIC.has(ch)) return 1;
  if (GSM_EXTENSION.has(ch)) return 2;
  return undefined;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!septetsOf(ch)) return false;
  return true;
}

export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) out += LOOKALIKES[ch] ?? ch;
  return out;
}

export function analyzeText(input: string, opts: { smartEncoding?: boolean } = {}): TextAnalysis {
  let text = input;
  let transliterated = false;
  if (opts.smartEncoding && !isGsm7(input)) {
    const replaced = transliterate(input);
    if (isGsm7(replaced)) {
      text = replaced;
      transliterated = replaced !== input;
    }
  }
  const encoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  return { encoding, segments: splitForSms(text, encoding).length, text, transliterated };
}

/** The parts as they will be sent, each within one SMS's capacity. */
export function splitForSms(text: string, encoding: 'GSM-7' | 'UCS-2'): string[] {
  const single = encoding === 'GSM-7' ? 160 : 70;
  const perPart = encoding === 'GSM-7' ? 153 : 67;
  const cost = (ch: string) => (encoding === 'GSM-7' ? septetsOf(ch) ?? 1 : ch.length);
  const chars = [...text]; // code points: a surrogate pair stays one element
  const total = chars.reduce((n, ch) => n + cost(ch), 0);
  if (total <= single) return [text];
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of chars) {
    const c = cost(ch);
    if (used + c > perPart) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += c;
  }
  if (current) parts.push(current);
  return parts;
}
