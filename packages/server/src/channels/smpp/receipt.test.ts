// Reading delivery receipts the way SMSCs really send them, and matching their ids.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as smpp from 'smpp';
import type { PduOptions } from 'smpp';
import { parseDeliveryReceipt, receiptIdKey } from './receipt.ts';
import { concatInfo } from './user-data.ts';
import { normalizeAddress, sourceAddress } from './addresses.ts';

/** Encoded and decoded again, as it would arrive over the wire. */
function received(fields: PduOptions): smpp.PDU {
  return new smpp.PDU(new smpp.PDU('deliver_sm', { data_coding: 0, ...fields, sequence_number: 1 }).toBuffer());
}

describe('delivery receipts', () => {
  it('reads a text-only receipt, whatever the case of the field names and with seconds in the dates', () => {
    const pdu = received({
      esm_class: 4,
      short_message:
        'id:0000123 sub:001 dlvrd:000 submit date:2611251200 done date:261125120105 Stat:expired err:003 Text:hello world',
    });
    assert.deepEqual(parseDeliveryReceipt(pdu), {
      messageId: '0000123',
      stat: 'EXPIRED',
      err: '003',
      submitDate: new Date('2026-11-25T12:00:00Z'),
      doneDate: new Date('2026-11-25T12:01:05Z'),
    });
  });

  it('prefers the receipted_message_id and message_state TLVs over the text', () => {
    const pdu = received({
      esm_class: 4,
      short_message: 'id:999 sub:001 dlvrd:000 submit date:2611251200 done date:2611251201 stat:UNDELIV err:001 text:',
      receipted_message_id: '0A1B',
      message_state: 2,
    });
    const r = parseDeliveryReceipt(pdu);
    assert.deepEqual([r?.messageId, r?.stat, r?.err], ['0A1B', 'DELIVRD', '001']);
  });

  it('reads a TLV-only receipt with no text at all', () => {
    const r = parseDeliveryReceipt(
      received({ esm_class: 4, short_message: '', receipted_message_id: 'abc', message_state: 5 }),
    );
    assert.deepEqual([r?.messageId, r?.stat, r?.err, r?.doneDate], ['abc', 'UNDELIV', undefined, undefined]);
  });

  it('does not take a mobile-originated message for a receipt, nor a receipt without id or state', () => {
    assert.equal(parseDeliveryReceipt(received({ esm_class: 0, short_message: 'id:1 stat:DELIVRD' })), undefined);
    assert.equal(parseDeliveryReceipt(received({ esm_class: 4, short_message: 'stat:DELIVRD' })), undefined);
    assert.equal(parseDeliveryReceipt(received({ esm_class: 4, short_message: 'id:77' })), undefined);
  });
});

describe('receipt id formats', () => {
  it('keys a receipt id exactly as the connector states it: same, or converted between bases; never guessed', () => {
    assert.equal(receiptIdKey('000000FF', 'same'), 'ff', 'zero padding and case are not part of the id');
    assert.equal(receiptIdKey('255', 'same'), '255', 'a decimal 255 is not hex ff unless the connector says so');
    assert.equal(receiptIdKey('255', 'hex-to-decimal'), 'ff');
    assert.equal(receiptIdKey('00ff', 'decimal-to-hex'), '255');
    assert.equal(receiptIdKey('not-hex', 'decimal-to-hex'), 'not-hex', 'left as sent when it cannot be converted');
  });
});

describe('addresses and concatenation', () => {
  it('sends E.164 senders as TON 1 / NPI 1 without +, short codes as TON 3, names as TON 5 / NPI 0', () => {
    assert.deepEqual(sourceAddress('+4915112345678'), {
      source_addr: '4915112345678',
      source_addr_ton: 1,
      source_addr_npi: 1,
    });
    assert.deepEqual(sourceAddress('12345'), { source_addr: '12345', source_addr_ton: 3, source_addr_npi: 0 });
    assert.deepEqual(sourceAddress('ACME'), { source_addr: 'ACME', source_addr_ton: 5, source_addr_npi: 0 });
  });

  it('normalises inbound numbers to E.164 and leaves short codes and names alone', () => {
    assert.equal(normalizeAddress('4915112345678', 0), '+4915112345678');
    assert.equal(normalizeAddress('4915112345678', 1), '+4915112345678');
    assert.equal(normalizeAddress('12345', 0), '12345');
    assert.equal(normalizeAddress('ACME', 5), 'ACME');
  });

  it('reads the part number from an 8-bit or 16-bit UDH reference, or from the SAR TLVs', () => {
    const udh8 = received({ short_message: { udh: Buffer.from([5, 0x00, 3, 0x2a, 3, 2]), message: 'b' } });
    const udh16 = received({ short_message: { udh: Buffer.from([6, 0x08, 4, 0x01, 0x02, 3, 3]), message: 'c' } });
    const sar = received({ short_message: 'a', sar_msg_ref_num: 7, sar_total_segments: 2, sar_segment_seqnum: 1 });
    assert.deepEqual(concatInfo(udh8), { ref: 0x2a, total: 3, seq: 2 });
    assert.deepEqual(concatInfo(udh16), { ref: 0x0102, total: 3, seq: 3 });
    assert.deepEqual(concatInfo(sar), { ref: 7, total: 2, seq: 1 });
    assert.equal(concatInfo(received({ short_message: 'plain' })), undefined);
  });
});
