// @cx-engage/encoding: how an SMS text is encoded (GSM-7 or UCS-2), counted and split into the
// parts of a concatenated SMS. One copy for the server (accept path, SMPP connector, sandbox
// SMSC, price preview) and the portal's live counter, so they never disagree on parts.
// Pure TypeScript; only the octet codecs (encode*/decode*, buildConcatenatedParts) use Buffer.
export { analyzeText, type AnalyzeOptions, type TextAnalysis } from './analyze.ts';
export {
  concatenatedPartCapacity,
  singleSmsCapacity,
  type ConcatenationReference,
  type SmsEncoding,
} from './capacity.ts';
export {
  MAX_PARTS,
  buildConcatenatedParts,
  concatenationUdh,
  type ConcatenationOptions,
  type SmsPart,
} from './concatenation.ts';
export { decodeGsm7, encodeGsm7, isGsm7, septetLength } from './gsm7.ts';
export { splitForSms, unitLength, type SplitOptions } from './split.ts';
export { transliterate } from './transliterate.ts';
export { decodeUcs2, encodeUcs2 } from './ucs2.ts';
