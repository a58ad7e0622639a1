// The sandbox SMSC as an ESME sees it over real TCP: bind checks, the outcome of every
// destination suffix, receipts (text and TLVs), registered_delivery, concatenation, inbound.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as smpp from 'smpp';
import type { PDU } from 'smpp';
import { createLogger } from '../../platform/logger.ts';
import { waitFor } from '../../../test/wait.ts';
import { SmppSession, type SmppSessionOptions, type SubmitFields } from '../../channels/smpp/session.ts';
import { SmppError } from '../../channels/smpp/status-codes.ts';
import { parseDeliveryReceipt, type DeliveryReceipt } from '../../channels/smpp/receipt.ts';
import { smscIdKey } from '../../channels/link.ts';
import { concatInfo, messageText } from '../../channels/smpp/user-data.ts';
import { sourceAddress } from '../../channels/smpp/addresses.ts';
import { startSmscSimulator, type SmscSimulator } from './simulator.ts';

const log = createLogger('silent');
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function simulator(): Promise<SmscSimulator> {
  const smsc = await startSmscSimulator({ systemId: 'sim', password: 'secret', log, receiptDelayMs: 20 });
  cleanups.push(() => smsc.close());
  return smsc;
}

/** An ESME bound to the simulator that records every deliver_sm it gets. */
async function esme(port: number, over: Partial<SmppSessionOptions> = {}) {
  const delivered: PDU[] = [];
  const session = new SmppSession({
    host: '127.0.0.1',
    port,
    systemId: 'sim',
    password: 'secret',
    bindMode: 'transceiver',
    log,
    reconnectMinMs: 50,
    onDeliver: (pdu) => void delivered.push(pdu),
    ...over,
  });
  cleanups.push(() => session.close());
  await waitFor(async () => (session.state === 'bound' ? true : undefined), 'bind', 5000);
  const receipts = () => delivered.map(parseDeliveryReceipt).filter((r): r is DeliveryReceipt => r !== undefined);
  const receiptFor = (id: string) =>
    waitFor(async () => receipts().find((r) => smscIdKey(r.messageId) === smscIdKey(id)), `receipt for ${id}`, 5000);
  return { session, delivered, receipts, receiptFor };
}

function sms(to: string, over: Partial<SubmitFields> = {}): SubmitFields {
  return {
    ...sourceAddress('CXTest'),
    destination_addr: to,
    dest_addr_ton: 1,
    dest_addr_npi: 1,
    data_coding: 0,
    short_message: 'hello there',
    registered_delivery: 1,
    ...over,
  };
}

/** command_status of a bare bind_transceiver, without our session's rebinding. */
async function bindStatus(port: number, systemId: string, password: string): Promise<number> {
  const session = smpp.connect({ host: '127.0.0.1', port });
  session.on('error', () => {});
  try {
    return await new Promise<number>((resolve) =>
      session.on('connect', () => {
        session.send(
          new smpp.PDU('bind_transceiver', { system_id: systemId, password, interface_version: 0x34 }),
          (resp) => resolve(resp.command_status),
        );
      }),
    );
  } finally {
    session.destroy();
  }
}

describe('sandbox SMSC', () => {
  it('refuses a bind with an unknown system_id (ESME_RBINDFAIL) or a wrong password (ESME_RINVPASWD)', async () => {
    const smsc = await simulator();
    assert.equal(await bindStatus(smsc.port, 'sim', 'secret'), 0x00);
    assert.equal(await bindStatus(smsc.port, 'nobody', 'secret'), 0x0d);
    assert.equal(await bindStatus(smsc.port, 'sim', 'wrong'), 0x0e);
  });

  it('delivers other destinations with a DELIVRD receipt in the text and the TLVs, from recipient to sender', async () => {
    const { session, receiptFor, delivered } = await esme((await simulator()).port);
    const { messageId } = await session.submit(sms('4915112345678'));
    assert.match(messageId, /^[0-9a-f]+$/);
    const receipt = await receiptFor(messageId);
    assert.equal(receipt.stat, 'DELIVRD');
    assert.equal(receipt.err, '000');
    const pdu = delivered.find((p) => p.receipted_message_id === messageId)!;
    assert.equal(pdu.esm_class, 0x04);
    assert.equal(pdu.message_state, 2);
    assert.equal(pdu.source_addr, '4915112345678');
    assert.equal(pdu.destination_addr, 'CXTest');
    assert.match(
      messageText(pdu),
      new RegExp(
        `^id:${messageId} sub:001 dlvrd:001 submit date:\\d{10} done date:\\d{10} stat:DELIVRD err:000 text:hello there$`,
      ),
    );
  });

  it('refuses a destination ending in 901 with a permanent ESME_RINVDSTADR', async () => {
    const { session } = await esme((await simulator()).port);
    await assert.rejects(
      session.submit(sms('4915112345901')),
      (e: unknown) => e instanceof SmppError && e.commandStatus === 0x0b && !e.transient,
    );
  });

  it('reports a destination ending in 902 as UNDELIV err:001 and one ending in 903 as EXPIRED', async () => {
    const { session, receiptFor } = await esme((await simulator()).port);
    const undeliverable = await session.submit(sms('4915112345902'));
    const expired = await session.submit(sms('4915112345903'));
    assert.deepEqual(pick(await receiptFor(undeliverable.messageId)), { stat: 'UNDELIV', err: '001' });
    assert.deepEqual(pick(await receiptFor(expired.messageId)), { stat: 'EXPIRED', err: '000' });
  });

  it('throttles the first submit to a number ending in 904, then accepts and delivers the retry', async () => {
    const { session, receiptFor } = await esme((await simulator()).port);
    await assert.rejects(
      session.submit(sms('4915112345904')),
      (e: unknown) => e instanceof SmppError && e.commandStatus === 0x58 && e.transient && e.throttled,
    );
    const { messageId } = await session.submit(sms('4915112345904'));
    assert.equal((await receiptFor(messageId)).stat, 'DELIVRD');
  });

  it('accepts a destination ending in 905 and never sends its receipt', async () => {
    const { session, receiptFor, receipts } = await esme((await simulator()).port);
    const silent = await session.submit(sms('4915112345905'));
    const control = await session.submit(sms('4915112345678'));
    // Receipts go out in submit order: once the later one is here, the 905 one would have been too.
    await receiptFor(control.messageId);
    assert.equal(
      receipts().some((r) => smscIdKey(r.messageId) === smscIdKey(silent.messageId)),
      false,
    );
  });

  it('honours registered_delivery: no receipt for 0, failures only for 2', async () => {
    const { session, receiptFor, receipts } = await esme((await simulator()).port);
    const none = await session.submit(sms('4915112345678', { registered_delivery: 0 }));
    const deliveredQuietly = await session.submit(sms('4915112345678', { registered_delivery: 2 }));
    const failed = await session.submit(sms('4915112345902', { registered_delivery: 2 }));
    assert.equal((await receiptFor(failed.messageId)).stat, 'UNDELIV');
    const ids = receipts().map((r) => r.messageId);
    assert.ok(
      !ids.includes(none.messageId) && !ids.includes(deliveredQuietly.messageId),
      `unexpected receipts: ${ids.join(', ')}`,
    );
  });

  it('accepts each part of a concatenated message with its own id and receipt', async () => {
    const { session, receiptFor } = await esme((await simulator()).port);
    const parts = await Promise.all(
      [1, 2].map((seq) =>
        session.submit(
          sms('4915112345678', {
            short_message: { udh: Buffer.from([0x05, 0x00, 0x03, 0x2a, 2, seq]), message: `part ${seq}` },
          }),
        ),
      ),
    );
    assert.notEqual(parts[0]!.messageId, parts[1]!.messageId);
    for (const p of parts) assert.equal((await receiptFor(p.messageId)).stat, 'DELIVRD');
  });

  it('holds receipts until a receiver binds when the message went out on a transmitter', async () => {
    const smsc = await simulator();
    const tx = await esme(smsc.port, { bindMode: 'transmitter' });
    const { messageId } = await tx.session.submit(sms('4915112345678'));
    const rx = await esme(smsc.port, { bindMode: 'receiver' });
    assert.equal((await rx.receiptFor(messageId)).stat, 'DELIVRD');
    assert.equal(tx.delivered.length, 0);
  });

  it('delivers a receipt again when the ESME answered deliver_sm_resp with a temporary error', async () => {
    const smsc = await simulator();
    const stored: PDU[] = [];
    let refusals = 0;
    const { session } = await esme(smsc.port, {
      onDeliver: (pdu) => {
        if (refusals === 0) {
          refusals++;
          throw new Error('database down');
        }
        stored.push(pdu);
      },
    });
    const { messageId } = await session.submit(sms('4915112345678'));
    await waitFor(
      async () => (stored.some((p) => p.receipted_message_id === messageId) ? true : undefined),
      'the receipt sent again',
      5000,
    );
    assert.equal(refusals, 1);
  });

  it('sends inbound text as GSM-7 (data_coding 0) when it can, else UCS-2, long text in UDH parts', async () => {
    const smsc = await simulator();
    const { delivered } = await esme(smsc.port);
    assert.equal(smsc.injectInbound({ from: '+4915112345678', to: '+4930123456', text: 'Hello [€]' }), 1);
    assert.equal(smsc.injectInbound({ from: '+4915112345678', to: '+4930123456', text: 'Привет 😀' }), 1);
    assert.equal(smsc.injectInbound({ from: '+4915112345678', to: '12345', text: 'x'.repeat(200) }), 2);
    await waitFor(async () => (delivered.length === 4 ? true : undefined), 'four deliver_sm', 5000);
    const [gsm, ucs2, part1, part2] = delivered as [PDU, PDU, PDU, PDU];
    assert.deepEqual([gsm.esm_class, gsm.data_coding, messageText(gsm)], [0, 0x00, 'Hello [€]']);
    assert.deepEqual([ucs2.data_coding, messageText(ucs2)], [0x08, 'Привет 😀']);
    assert.deepEqual([gsm.source_addr, gsm.source_addr_ton, gsm.destination_addr], ['4915112345678', 1, '4930123456']);
    assert.equal(part1.destination_addr, '12345');
    assert.deepEqual([concatInfo(part1)?.seq, concatInfo(part2)?.seq, concatInfo(part2)?.total], [1, 2, 2]);
    assert.equal(messageText(part1) + messageText(part2), 'x'.repeat(200));
  });
});

function pick(r: DeliveryReceipt): { stat: string; err: string | undefined } {
  return { stat: r.stat, err: r.err };
}
