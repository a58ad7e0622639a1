// Delivery receipts: deliver_sm with esm_class message type 0x04 (SMPP 3.4 section 5.2.12).
// The receipted_message_id / message_state TLVs (sections 5.3.2.12, 5.3.2.35) win when present;
// otherwise the appendix B text `id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…`,
// read leniently because SMSCs differ in case (`Text:`), date length (seconds) and id base.
import type { PDU } from 'smpp';
import { messageText } from './user-data.ts';
import type { ReceiptIdFormat } from '../../connectors/config.ts';

/** Appendix B stat words; ENROUTE is common for intermediate notifications. */
export type ReceiptStat = 'DELIVRD' | 'EXPIRED' | 'DELETED' | 'UNDELIV' | 'ACCEPTD' | 'UNKNOWN' | 'REJECTD' | 'ENROUTE';

export interface DeliveryReceipt {
  /** The SMSC's id of the submitted message (compare with receiptIdsMatch). */
  messageId: string;
  /** Upper-case stat word; unknown words from odd SMSCs are passed through as sent. */
  stat: ReceiptStat | string;
  /** The text's err field (network/SMSC specific code), when given. */
  err: string | undefined;
  submitDate: Date | undefined;
  doneDate: Date | undefined;
}

// message_state values (section 5.2.28) in the receipt text's words.
const STATE_WORDS: Record<number, ReceiptStat> = {
  1: 'ENROUTE', 2: 'DELIVRD', 3: 'EXPIRED', 4: 'DELETED', 5: 'UNDELIV', 6: 'ACCEPTD', 7: 'UNKNOWN', 8: 'REJECTD',
};

/** esm_class bits 5-2: 0001 = SMSC delivery receipt, 1000 = intermediate delivery notification. */
export function isDeliveryReceipt(pdu: PDU): boolean {
  const type = (pdu.esm_class ?? 0) & 0x3c;
  return type === 0x04 || type === 0x20;
}

/** The receipt carried by a deliver_sm, or undefined when it is not one (or names no id or state). */
export function parseDeliveryReceipt(pdu: PDU): DeliveryReceipt | undefined {
  const tlvId = typeof pdu.receipted_message_id === 'string' ? pdu.receipted_message_id.trim() : '';
  if (!isDeliveryReceipt(pdu) && !tlvId) return undefined;
  const text = messageText(pdu);
  const messageId = tlvId || field(text, 'id');
  const tlvStat = typeof pdu.message_state === 'number' ? STATE_WORDS[pdu.message_state] : undefined;
  const stat = tlvStat ?? field(text, 'stat')?.toUpperCase();
  if (!messageId || !stat) return undefined;
  return {
    messageId, stat, err: field(text, 'err'),
    submitDate: receiptDate(field(text, 'submit date')),
    doneDate: receiptDate(field(text, 'done date')),
  };
}

/** One `name:value` field of the receipt text, any case, value up to the next space. */
function field(text: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(' ', '\\s+')}:\\s*(\\S+)`, 'i').exec(text);
  return m?.[1];
}

/** YYMMDDhhmm, sometimes with ss appended; taken as UTC (appendix B gives no zone). */
function receiptDate(value: string | undefined): Date | undefined {
  const m = value ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?$/.exec(value) : null;
  if (!m) return undefined;
  const [yy, mo, dd, hh, mi, ss] = m.slice(1).map((p) => Number(p ?? 0)) as [number, number, number, number, number, number];
  const d = new Date(Date.UTC(2000 + yy, mo - 1, dd, hh, mi, ss));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * Whether a receipt's id names the message submit_sm_resp gave `submitted`. SMSCs disagree:
 * one side may be zero-padded, or decimal where the other is hex (SMPP 3.3 used hex, 3.4 often
 * decimal). Exact first, then without leading zeros (hex case-insensitive), then hex↔decimal.
 */
export function receiptIdsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const x = stripZeros(a);
  const y = stripZeros(b);
  if (!x || !y) return false;
  if (x === y) return true;
  return hexEqualsDecimal(x, y) || hexEqualsDecimal(y, x);
}

function stripZeros(id: string): string {
  return id.trim().toLowerCase().replace(/^0+(?=.)/, '');
}

function hexEqualsDecimal(hex: string, decimal: string): boolean {
  if (!/^[0-9a-f]{1,32}$/.test(hex) || !/^[0-9]{1,40}$/.test(decimal)) return false;
  return BigInt(`0x${hex}`) === BigInt(decimal);
}

/** The receipt's id in its submit_sm_resp form, per the connector's receipt id format. */
export function receiptIdInRespForm(id: string, format: ReceiptIdFormat): { smscId: string; lenient: boolean } {
  const convert = (from: 'hex' | 'decimal', to: 16 | 10): string | undefined => {
    const digits = from === 'hex' ? /^[0-9a-f]+$/i : /^[0-9]+$/;
    return digits.test(id.trim()) ? BigInt(from === 'hex' ? `0x${id.trim()}` : id.trim()).toString(to) : undefined;
  };
  switch (format) {
    case 'auto': return { smscId: id, lenient: true };
    case 'same': return { smscId: id, lenient: false };
    case 'hex-to-decimal': return { smscId: convert('decimal', 16) ?? id, lenient: false };
    case 'decimal-to-hex': return { smscId: convert('hex', 10) ?? id, lenient: false };
  }
}
