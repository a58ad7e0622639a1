// Delivery receipts: deliver_sm with esm_class message type 0x04 (SMPP 3.4 section 5.2.12).
// The receipted_message_id / message_state TLVs (sections 5.3.2.12, 5.3.2.35) win when present;
// otherwise the appendix B text `id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…`,
// read leniently because SMSCs differ in case (`Text:`) and date length (seconds).
import type { PDU } from 'smpp';
import { messageText } from './user-data.ts';
import type { ReceiptIdFormat } from './connector-config.ts';
import { smscIdKey } from '../link.ts';

/** Appendix B stat words; ENROUTE is common for intermediate notifications. */
export type ReceiptStat = 'DELIVRD' | 'EXPIRED' | 'DELETED' | 'UNDELIV' | 'ACCEPTD' | 'UNKNOWN' | 'REJECTD' | 'ENROUTE';

export interface DeliveryReceipt {
  /** The SMSC's id of the submitted message, as sent (receiptIdKey turns it into the stored key). */
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
  1: 'ENROUTE',
  2: 'DELIVRD',
  3: 'EXPIRED',
  4: 'DELETED',
  5: 'UNDELIV',
  6: 'ACCEPTD',
  7: 'UNKNOWN',
  8: 'REJECTD',
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
    messageId,
    stat,
    err: field(text, 'err'),
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
  const [yy, mo, dd, hh, mi, ss] = m.slice(1).map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const d = new Date(Date.UTC(2000 + yy, mo - 1, dd, hh, mi, ss));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The receipt's id as the key of the submit_sm_resp id it names, per the connector's stated
 * receipt id format (like Kannel's msg-id-type): `same`, or converted between bases. A receipt
 * applies only to the part submitted under exactly that key on that connector.
 */
export function receiptIdKey(id: string, format: ReceiptIdFormat): string {
  const raw = id.trim();
  const convert = (digits: RegExp, from: 16 | 10, to: 16 | 10): string =>
    digits.test(raw) && raw.length <= 40 ? BigInt(from === 16 ? `0x${raw}` : raw).toString(to) : raw;
  switch (format) {
    case 'same':
      return smscIdKey(raw);
    case 'hex-to-decimal':
      return smscIdKey(convert(/^[0-9]+$/, 10, 16));
    case 'decimal-to-hex':
      return smscIdKey(convert(/^[0-9a-f]+$/i, 16, 10));
  }
}
