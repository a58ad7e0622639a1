// Reading deliver_sm: delivery receipts (SMPP 3.4 appendix B text and the receipted_message_id
// / message_state TLVs, preferring the TLVs) and mobile-originated messages.
import type { PDU } from 'smpp';

export interface ParsedReceipt {
  smscId: string;
  stat: string;
  err: string | undefined;
}

// message_state TLV values (SMPP 3.4 section 5.2.28) in the receipt text's words.
const STATE_WORDS: Record<number, string> = { 1: 'ENROUTE', 2: 'DELIVRD', 3: 'EXPIRED', 4: 'DELETED', 5: 'UNDELIV', 6: 'ACCEPTD', 7: 'UNKNOWN', 8: 'REJECTD' };

export function isReceipt(pdu: PDU): boolean {
  // esm_class bits 2-5 give the message type; 0x04 is an SMSC delivery receipt.
  return ((Number(pdu.esm_class) || 0) & 0x3c) === 0x04;
}

export function messageText(pdu: PDU): string {
  const sm = pdu.short_message as { message?: string | Buffer } | string | Buffer | undefined;
  const payload = pdu.message_payload as { message?: string | Buffer } | string | Buffer | undefined;
  const pick = (v: typeof sm) => (v === undefined ? '' : typeof v === 'string' || Buffer.isBuffer(v) ? String(v) : String(v.message ?? ''));
  return pick(sm) || pick(payload);
}

export function parseReceipt(pdu: PDU): ParsedReceipt | undefined {
  const text = messageText(pdu);
  // Field names vary in case between SMSCs (`Text:`, `Stat:`).
  const field = (name: string) => new RegExp(`(?:^|\\s)${name}:(\\S+)`, 'i').exec(text)?.[1];
  const smscId = typeof pdu.receipted_message_id === 'string' && pdu.receipted_message_id ? pdu.receipted_message_id : field('id');
  const state = typeof pdu.message_state === 'number' ? STATE_WORDS[pdu.message_state] : undefined;
  const stat = state ?? field('stat');
  if (!smscId || !stat) return undefined;
  return { smscId, stat: stat.toUpperCase(), err: field('err') };
}

export interface InboundPart {
  ref: number;
  total: number;
  seq: number;
}

/** Concatenation info from the UDH (8- or 16-bit reference) or the SAR TLVs. */
export function concatInfo(pdu: PDU): InboundPart | undefined {
  const sm = pdu.short_message as { udh?: Buffer[] | Buffer } | undefined;
  const udh = sm && typeof sm === 'object' && !Buffer.isBuffer(sm) ? sm.udh : undefined;
  for (const ie of Array.isArray(udh) ? udh : udh ? [udh] : []) {
    const b = Buffer.from(ie);
    // The package may or may not keep the UDH length byte in front.
    const at = b[0] === 0x00 || b[0] === 0x08 ? 0 : 1;
    if (b[at] === 0x00 && b[at + 1] === 0x03) return { ref: b[at + 2]!, total: b[at + 3]!, seq: b[at + 4]! };
    if (b[at] === 0x08 && b[at + 1] === 0x04) return { ref: (b[at + 2]! << 8) | b[at + 3]!, total: b[at + 4]!, seq: b[at + 5]! };
  }
  if (typeof pdu.sar_msg_ref_num === 'number' && typeof pdu.sar_total_segments === 'number' && typeof pdu.sar_segment_seqnum === 'number') {
    return { ref: pdu.sar_msg_ref_num, total: pdu.sar_total_segments, seq: pdu.sar_segment_seqnum };
  }
  return undefined;
}

/** Inbound addresses often come without '+' and with TON 0; numbers become E.164. */
export function normalizeAddress(addr: string, ton: number): string {
  const a = addr.trim();
  if (a.startsWith('+')) return a;
  if (/^[0-9]+$/.test(a) && (ton === 1 || a.length >= 8)) return `+${a}`;
  return a;
}
