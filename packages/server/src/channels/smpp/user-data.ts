// The user data of a deliver_sm as the `smpp` package decodes it: text per data_coding, and
// the concatenation reference from the UDH (3GPP TS 23.040 9.2.3.24.1 / .8) or the SAR TLVs
// (SMPP 3.4 sections 5.3.2.22-24).
import type { DecodedMessage, MessageInput, PDU } from 'smpp';

export interface ConcatPart {
  ref: number;
  total: number;
  seq: number;
}

/** The text of short_message, or of message_payload when short_message is empty. */
export function messageText(pdu: PDU): string {
  return textOf(pdu.short_message) || textOf(pdu.message_payload);
}

function textOf(v: DecodedMessage | MessageInput | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Buffer.isBuffer(v)) return v.toString('latin1');
  return typeof v.message === 'string' ? v.message : v.message.toString('latin1');
}

/** Which part of a concatenated message this is, from the UDH (8- or 16-bit reference) or SAR TLVs. */
export function concatInfo(pdu: PDU): ConcatPart | undefined {
  for (const ie of udhElements(pdu)) {
    // The package hands over each information element as [IEI, length, data…].
    if (ie[0] === 0x00 && ie[1] === 0x03 && ie.length >= 5) return { ref: ie[2]!, total: ie[3]!, seq: ie[4]! };
    if (ie[0] === 0x08 && ie[1] === 0x04 && ie.length >= 6)
      return { ref: ie.readUInt16BE(2), total: ie[4]!, seq: ie[5]! };
  }
  const { sar_msg_ref_num: ref, sar_total_segments: total, sar_segment_seqnum: seq } = pdu;
  if (typeof ref === 'number' && typeof total === 'number' && typeof seq === 'number') return { ref, total, seq };
  return undefined;
}

function udhElements(pdu: PDU): Buffer[] {
  for (const v of [pdu.short_message, pdu.message_payload]) {
    if (v && typeof v === 'object' && !Buffer.isBuffer(v) && Array.isArray(v.udh)) return v.udh;
  }
  return [];
}
