// Phone numbers and sender shapes: E.164 validity (libphonenumber's full metadata), short
// codes and alphanumeric sender names. Every domain that reads a number from a person or an
// operator normalises it here.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const ALPHANUMERIC = /^(?=.*[A-Za-z])[A-Za-z0-9 .\-&]{1,11}$/;
const SHORT_CODE = /^[0-9]{3,8}$/;
/** The number in E.164 if it is a valid one written with its country code, else undefined. */
export function normalizeE164(raw: string): string | undefined {
  if (!raw.startsWith('+')) return undefined;
  const parsed = parsePhoneNumberFromString(raw);
  return parsed?.isValid() ? parsed.number : undefined;
}

/** What an operator can assign to an account: an E.164 number (normalised) or a short code. */
export function normalizeAssignable(raw: string): string | undefined {
  return SHORT_CODE.test(raw) ? raw : normalizeE164(raw);
}

/** What a `from` is: a sender name, a short code or an E.164 number; undefined when none of them. */
export function senderKind(from: string): 'alphanumeric' | 'shortcode' | 'e164' | undefined {
  if (from.startsWith('+')) return normalizeE164(from) ? 'e164' : undefined;
  if (SHORT_CODE.test(from)) return 'shortcode';
  if (ALPHANUMERIC.test(from)) return 'alphanumeric';
  return undefined;
}
