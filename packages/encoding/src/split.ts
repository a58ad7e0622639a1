// Splitting text into the parts of a concatenated SMS (3GPP TS 23.040 §9.2.3.24.1). Parts
// are filled greedily up to the part capacity, with two rules that keep every part
// decodable on its own: an extension character never leaves its ESC behind in the previous
// part (TS 23.038 §6.2.1.1 — a lone ESC shows as a space), and a UTF-16 surrogate pair
// (an emoji) is never cut in half. Both can leave one unit unused at the end of a part, so
// the part count is not always ceil(units / capacity): it is whatever this split yields.
import type { ConcatenationReference, SmsEncoding } from './capacity.ts';
import { concatenatedPartCapacity, singleSmsCapacity } from './capacity.ts';
import { septetLength, septetsOfCodeUnit } from './gsm7.ts';

export interface SplitOptions {
  /** The concatenation header the parts will carry; decides the part capacity. Default '8-bit'. */
  reference?: ConcatenationReference;
}

/** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. Throws for non-GSM text as GSM-7. */
export function unitLength(text: string, encoding: SmsEncoding): number {
  return encoding === 'GSM-7' ? septetLength(text) : text.length;
}

/** The text as it will be sent: one string per SMS. The empty text is one (empty) SMS. */
export function splitForSms(text: string, encoding: SmsEncoding, opts: SplitOptions = {}): string[] {
  if (unitLength(text, encoding) <= singleSmsCapacity(encoding)) return [text];
  const capacity = concatenatedPartCapacity(encoding, opts.reference);
  const parts: string[] = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < text.length; ) {
    // GSM-7 characters are all single code units; in UCS-2 a surrogate pair moves as a block of 2.
    const width = encoding === 'UCS-2' && isSurrogatePairAt(text, i) ? 2 : 1;
    const cost = encoding === 'GSM-7' ? septetsOfCodeUnit(text.charCodeAt(i)) : width;
    if (used + cost > capacity) {
      parts.push(text.slice(start, i));
      start = i;
      used = 0;
    }
    used += cost;
    i += width;
  }
  parts.push(text.slice(start));
  return parts;
}

function isSurrogatePairAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}
