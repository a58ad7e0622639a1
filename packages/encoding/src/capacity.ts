// How much text one SMS carries (3GPP TS 23.040 §9.2.3.16, §9.2.3.24). The user data is 140
// octets: 160 septets or 70 UCS-2 code units. A part of a concatenated message also carries
// a User Data Header, which the text loses room to: the 8-bit-reference header
// (05 00 03 ref total seq) is 6 octets, leaving 153 septets (with one fill bit) or 67 units;
// the 16-bit-reference one (06 08 04 refHi refLo total seq) is 7, leaving 152 or 66.

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** Which concatenation header the parts carry: 8-bit reference (the common default) or 16-bit. */
export type ConcatenationReference = '8-bit' | '16-bit';

const USER_DATA_OCTETS = 140;

export function udhOctets(reference: ConcatenationReference): number {
  return reference === '8-bit' ? 6 : 7;
}

/** Septets (GSM-7) or UTF-16 code units (UCS-2) that fit in one SMS without a header. */
export function singleSmsCapacity(encoding: SmsEncoding): number {
  return capacityOf(encoding, USER_DATA_OCTETS);
}

/** Septets or code units per part of a concatenated SMS. */
export function concatenatedPartCapacity(encoding: SmsEncoding, reference: ConcatenationReference = '8-bit'): number {
  return capacityOf(encoding, USER_DATA_OCTETS - udhOctets(reference));
}

function capacityOf(encoding: SmsEncoding, octets: number): number {
  return encoding === 'GSM-7' ? Math.floor((octets * 8) / 7) : Math.floor(octets / 2);
}
