// The live counter of the send form uses the server's own encoding code (pure TypeScript, no
// Node imports on this path), so the portal and the API never disagree on parts.
import { analyzeText } from '@cx-engage/encoding';

export interface SmsCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** 160 / 70 for one SMS, 153 / 67 per part of a longer one. */
  perSegment: number;
  /** Units still free in the last part. */
  remaining: number;
}

export function smsCount(text: string): SmsCount {
  const a = analyzeText(text);
  return {
    encoding: a.encoding,
    units: a.units,
    segments: a.segments,
    perSegment: a.perSegment,
    remaining: a.segments * a.perSegment - a.units,
  };
}
