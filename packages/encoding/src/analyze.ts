// What the messages API reports for a body (`encoding`, `segments`) and what the SMPP
// connector sends. GSM-7 when every character is in the GSM 03.38 basic or extension table,
// else UCS-2 for the whole message (3GPP TS 23.038 §4: one data coding per message).
import type { ConcatenationReference, SmsEncoding } from './capacity.ts';
import { concatenatedPartCapacity, singleSmsCapacity } from './capacity.ts';
import { isGsm7 } from './gsm7.ts';
import { splitForSms, unitLength } from './split.ts';
import { transliterate } from './transliterate.ts';

export interface TextAnalysis {
  encoding: SmsEncoding;
  /** Number of SMS sent: always splitForSms(text, encoding).length, at least 1. */
  segments: number;
  /** Septets (GSM-7, extension characters counting 2) or UTF-16 code units (UCS-2). */
  units: number;
  /** Capacity of each SMS: 160 / 70 for a single SMS, 153 / 67 per concatenated part. */
  perSegment: number;
  /** The text that will be sent (after smart encoding). */
  text: string;
  /** True when smart encoding replaced look-alikes to make the text GSM-7. */
  transliterated: boolean;
}

export interface AnalyzeOptions {
  /** Replace look-alike characters (curly quotes, long dashes, …) when that makes the text GSM-7. */
  smartEncoding?: boolean;
  /** The concatenation header long messages will carry. Default '8-bit'. */
  reference?: ConcatenationReference;
}

export function analyzeText(input: string, opts: AnalyzeOptions = {}): TextAnalysis {
  const { text, transliterated } = textToSend(input, opts.smartEncoding === true);
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const segments = splitForSms(text, encoding, { reference: opts.reference }).length;
  const perSegment = segments === 1 ? singleSmsCapacity(encoding) : concatenatedPartCapacity(encoding, opts.reference);
  return { encoding, segments, units: unitLength(text, encoding), perSegment, text, transliterated };
}

// Smart encoding applies only when it makes the whole text GSM-7. Otherwise the message is
// UCS-2 anyway, where the original characters cost no more (… is 1 unit, "..." is 3), so the
// customer's text is sent as written.
function textToSend(input: string, smartEncoding: boolean): { text: string; transliterated: boolean } {
  if (!smartEncoding || isGsm7(input)) return { text: input, transliterated: false };
  const replaced = transliterate(input);
  return isGsm7(replaced) ? { text: replaced, transliterated: true } : { text: input, transliterated: false };
}
