// Concatenated SMS for submit_sm with esm_class 0x40 (UDHI: short_message starts with a
// User Data Header), 3GPP TS 23.040 §9.2.3.24.1 (IEI 0x00, 8-bit reference) and
// §9.2.3.24.8 (IEI 0x08, 16-bit reference). Every part of one message carries the same
// reference, the total and its own sequence number, starting at 1.
import type { ConcatenationReference, SmsEncoding } from './capacity.ts';
import { encodeGsm7 } from './gsm7.ts';
import { splitForSms } from './split.ts';
import { encodeUcs2 } from './ucs2.ts';

export interface SmsPart {
  /** The User Data Header; empty when the text fits in one SMS (send it without UDHI). */
  udh: Buffer;
  /** The part's text: unpacked septets for data_coding 0x00, UTF-16BE for 0x08. */
  payload: Buffer;
}

export interface ConcatenationOptions {
  /** '8-bit' (default): `05 00 03 ref total seq`; '16-bit': `06 08 04 refHi refLo total seq`. */
  reference?: ConcatenationReference;
}

/** TS 23.040: the total and the sequence number are one octet each. */
export const MAX_PARTS = 255;

/**
 * The PDUs' payloads for the text, one per SMS. The reference (0-255, or 0-65535 with a
 * 16-bit header) must differ between concurrent long messages to the same recipient.
 */
export function buildConcatenatedParts(
  text: string,
  encoding: SmsEncoding,
  reference: number,
  opts: ConcatenationOptions = {},
): SmsPart[] {
  const kind = opts.reference ?? '8-bit';
  checkReference(reference, kind);
  const texts = splitForSms(text, encoding, { reference: kind });
  if (texts.length > MAX_PARTS)
    throw new RangeError(`text needs ${texts.length} SMS; at most ${MAX_PARTS} can be concatenated`);
  const encode = encoding === 'GSM-7' ? encodeGsm7 : encodeUcs2;
  if (texts.length === 1) return [{ udh: Buffer.alloc(0), payload: encode(text) }];
  return texts.map((part, i) => ({
    udh: concatenationUdh(reference, texts.length, i + 1, kind),
    payload: encode(part),
  }));
}

/** The concatenation User Data Header, length octet (UDHL) included. */
export function concatenationUdh(
  reference: number,
  total: number,
  seq: number,
  kind: ConcatenationReference = '8-bit',
): Buffer {
  checkReference(reference, kind);
  if (!Number.isInteger(total) || total < 1 || total > MAX_PARTS)
    throw new RangeError(`total ${total} is not in 1-${MAX_PARTS}`);
  // A receiver ignores the element when seq is 0 or above total (TS 23.040 §9.2.3.24.1).
  if (!Number.isInteger(seq) || seq < 1 || seq > total) throw new RangeError(`seq ${seq} is not in 1-${total}`);
  if (kind === '8-bit') return Buffer.from([0x05, 0x00, 0x03, reference, total, seq]);
  return Buffer.from([0x06, 0x08, 0x04, reference >> 8, reference & 0xff, total, seq]);
}

function checkReference(reference: number, kind: ConcatenationReference): void {
  const max = kind === '8-bit' ? 0xff : 0xffff;
  if (!Number.isInteger(reference) || reference < 0 || reference > max) {
    throw new RangeError(`reference ${reference} is not in 0-${max} for a ${kind} concatenation header`);
  }
}
