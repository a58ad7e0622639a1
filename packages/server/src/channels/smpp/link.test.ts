// The SMPP connector's PDUs as an SMSC receives them, for each long-message mode.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as smpp from 'smpp';
import { createLogger } from '../../platform/logger.ts';
import { withDefaults, type DefaultAlphabet, type LongMessageMode } from './connector-config.ts';
import type { InboundSms } from '../link.ts';
import { decodeDefaultAlphabetAs } from './default-alphabet.ts';
import { waitFor } from '../../../test/wait.ts';
import { createSmppLink } from './link.ts';

async function capturingSmsc(alphabet: DefaultAlphabet = 'gsm7') {
  const submits: smpp.PDU[] = [];
  const binds: smpp.PDU[] = [];
  const server = smpp.createServer({}, (session) => {
    decodeDefaultAlphabetAs(session, alphabet);
    session.on('error', () => {});
    session.on('bind_transceiver', (pdu: smpp.PDU) => {
      binds.push(pdu);
      session.send(pdu.response());
    });
    session.on('unbind', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('enquire_link', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('submit_sm', (pdu: smpp.PDU) => {
      submits.push(pdu);
      session.send(pdu.response({ message_id: String(submits.length) }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  const deliver = (fields: smpp.PduOptions) => server.sessions[0]!.send(new smpp.PDU('deliver_sm', fields));
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    submits,
    binds,
    deliver,
    close: () =>
      new Promise<void>((r) => {
        for (const s of server.sessions) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('SMPP connector PDUs', () => {
  const closers: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of closers.reverse()) await c();
  });

  async function sendLong(mode: LongMessageMode, text: string, binds = 1) {
    const smsc = await capturingSmsc();
    const link = createSmppLink({
      connectorId: 'con_t',
      password: '',
      log: createLogger('silent'),
      handlers: { onReceipt: async () => {}, onInbound: async () => {} },
      config: withDefaults({ host: '127.0.0.1', port: smsc.port, systemId: 't', longMessageMode: mode, binds }),
    });
    closers.push(
      () => smsc.close(),
      () => link.close(),
    );
    await waitFor(async () => (link.health().state === 'bound' ? true : undefined), 'bind');
    const ids = await link.send({
      to: '+4915112345678',
      from: 'ACME',
      text,
      encoding: 'GSM-7',
      validUntil: null,
      receipt: true,
    });
    return { ids, submits: smsc.submits, binds: smsc.binds };
  }

  it('holds as many submitting binds as configured and sends through them', async () => {
    const { ids, binds } = await sendLong('udh8', 'w'.repeat(400), 3);
    await waitFor(async () => (binds.length === 3 ? true : undefined), 'three binds');
    assert.equal(ids.length, 3);
  });

  it('sends GSM-7 with data_coding 0, the sender as alphanumeric TON 5 and the number without +', async () => {
    const { submits } = await sendLong('udh8', 'Hello');
    const pdu = submits[0]!;
    assert.equal(pdu.data_coding, 0);
    assert.equal(pdu.source_addr_ton, 5);
    assert.equal(pdu.destination_addr, '4915112345678');
    assert.equal(pdu.registered_delivery, 1);
  });

  it('marks long message parts with a 16-bit reference UDH when configured', async () => {
    const { ids, submits } = await sendLong('udh16', 'x'.repeat(400));
    assert.equal(ids.length, 3);
    const udh = (submits[0]!.short_message as { udh: Buffer[] }).udh;
    const ie = Buffer.concat(udh.map((b) => Buffer.from(b)));
    assert.ok(ie.includes(Buffer.from([0x08, 0x04])), '16-bit concatenation element');
  });

  it('uses the SAR TLVs when configured', async () => {
    const { submits } = await sendLong('sar', 'y'.repeat(320));
    assert.deepEqual(
      submits.map((p) => [p.sar_total_segments, p.sar_segment_seqnum]),
      [
        [3, 1],
        [3, 2],
        [3, 3],
      ],
    );
    assert.equal(new Set(submits.map((p) => p.sar_msg_ref_num)).size, 1);
  });

  it('sends the whole text in one message_payload PDU when configured', async () => {
    const { ids, submits } = await sendLong('payload', 'z'.repeat(500));
    assert.equal(ids.length, 1);
    const payload = submits[0]!.message_payload as { message: string } | string;
    assert.equal(typeof payload === 'string' ? payload : payload.message, 'z'.repeat(500));
  });

  it('speaks Latin-1 with an SMSC whose data_coding 0 means ISO-8859-1, both ways; other sessions keep GSM 03.38', async () => {
    const smsc = await capturingSmsc('latin1');
    const inbound: InboundSms[] = [];
    const link = createSmppLink({
      connectorId: 'con_l1',
      password: '',
      log: createLogger('silent'),
      handlers: { onReceipt: async () => {}, onInbound: async (m) => void inbound.push(m) },
      config: withDefaults({ host: '127.0.0.1', port: smsc.port, systemId: 't', dataCoding0: 'latin1' }),
    });
    closers.push(
      () => smsc.close(),
      () => link.close(),
    );
    await waitFor(async () => (link.health().state === 'bound' ? true : undefined), 'bind');
    const out = (text: string) =>
      link.send({ to: '+4915112345678', from: 'ACME', text, encoding: 'GSM-7', validUntil: null, receipt: true });

    await out('Grüße {à} ¿Qué?');
    assert.equal(smsc.submits[0]!.data_coding, 0);
    assert.equal((smsc.submits[0]!.short_message as { message: string }).message, 'Grüße {à} ¿Qué?');
    // Δ and € are GSM characters Latin-1 lacks: the message goes as UCS-2 instead of losing them.
    await out('Δ costs 5€');
    assert.equal(smsc.submits[1]!.data_coding, 8);
    assert.equal((smsc.submits[1]!.short_message as { message: string }).message, 'Δ costs 5€');
    assert.equal((await out('ü'.repeat(200))).length, 2, 'split by GSM-7 sizes: 153 per part');

    smsc.deliver({
      source_addr: '4915112345678',
      source_addr_ton: 1,
      destination_addr: '12345',
      data_coding: 0,
      short_message: Buffer.from('Grüße, Zoë', 'latin1'),
    });
    const got = await waitFor(async () => inbound[0], 'inbound');
    assert.equal(got.text, 'Grüße, Zoë');

    const gsm = await sendLong('udh8', 'Grüße');
    assert.equal(
      (gsm.submits[0]!.short_message as { message: string }).message,
      'Grüße',
      'a GSM SMSC in the same process still reads GSM',
    );
  });
});
