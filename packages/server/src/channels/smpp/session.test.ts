// The SMPP bind against real SMSCs over TCP: our sandbox SMSC, and small misbehaving ones.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as smpp from 'smpp';
import { createLogger } from '../../platform/logger.ts';
import { startSmsc } from '../../sandbox/smsc.ts';
import { LinkError } from '../link.ts';
import { SmppSession, type SessionOptions } from './session.ts';
import { parseReceipt, normalizeAddress } from './receipt.ts';
import { waitFor } from '../../../test/wait.ts';

const log = createLogger('silent');

function options(port: number, over: Partial<SessionOptions> = {}): SessionOptions {
  return {
    host: '127.0.0.1', port, tls: false, systemId: 'test', password: 'secret', systemType: '', bindMode: 'transceiver',
    windowSize: 10, responseTimeoutMs: 2000, enquireLinkMs: 30_000, reconnectMaxMs: 500, log, onDeliver: async () => {}, ...over,
  };
}

const until = (cond: () => boolean, what: string) => waitFor(async () => (cond() ? true : undefined), what, 10_000);

/** An SMSC that binds anyone and lets the test decide how to answer submit_sm. */
async function testSmsc(onSubmit: (session: smpp.Session, pdu: smpp.PDU) => void, port = 0) {
  const server = smpp.createServer({}, (session) => {
    session.on('error', () => {});
    session.on('bind_transceiver', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('enquire_link', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('submit_sm', (pdu: smpp.PDU) => onSubmit(session, pdu));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    close: () => new Promise<void>((r) => {
      for (const s of server.sessions) s.destroy();
      server.close(() => r());
    }),
  };
}

describe('SMPP session', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('binds with the right password, is refused with a wrong one', async () => {
    const smsc = await startSmsc({ systemId: 'test', password: 'secret', log });
    cleanups.push(() => smsc.close());
    const good = new SmppSession(options(smsc.port));
    const bad = new SmppSession(options(smsc.port, { password: 'nope' }));
    cleanups.push(() => good.close(), () => bad.close());
    await until(() => good.state === 'bound', 'bind');
    await until(() => bad.lastError !== null, 'refusal');
    assert.notEqual(bad.state, 'bound');
    assert.match(bad.lastError!, /0xe|connection closed/);
  });

  it('never has more requests outstanding than its window, and completes them all', async () => {
    let outstanding = 0;
    let peak = 0;
    let id = 0;
    const smsc = await testSmsc((session, pdu) => {
      outstanding++;
      peak = Math.max(peak, outstanding);
      setTimeout(() => {
        outstanding--;
        session.send(pdu.response({ message_id: String(++id) }));
      }, 5);
    });
    cleanups.push(() => smsc.close());
    const s = new SmppSession(options(smsc.port, { windowSize: 5 }));
    cleanups.push(() => s.close());
    await until(() => s.state === 'bound', 'bind');
    const ids = await Promise.all(Array.from({ length: 50 }, () => s.submit({ destination_addr: '4915112345678', short_message: 'x', data_coding: 0 })));
    assert.equal(new Set(ids).size, 50);
    assert.ok(peak <= 5, `peak ${peak} exceeds the window`);
    assert.ok(peak > 1, 'requests are pipelined, not sent one at a time');
  });

  it('gives up on a request the SMSC never answers with a transient error', async () => {
    const smsc = await testSmsc(() => {});
    cleanups.push(() => smsc.close());
    const s = new SmppSession(options(smsc.port, { responseTimeoutMs: 300 }));
    cleanups.push(() => s.close());
    await until(() => s.state === 'bound', 'bind');
    await assert.rejects(s.submit({ destination_addr: '1', short_message: 'x' }), (e: unknown) => e instanceof LinkError && e.transient);
  });

  it('classifies throttling as transient and an invalid destination as permanent', async () => {
    const smsc = await testSmsc((session, pdu) => session.send(pdu.response({ command_status: String(pdu.destination_addr) === '1' ? 0x58 : 0x0b })));
    cleanups.push(() => smsc.close());
    const s = new SmppSession(options(smsc.port));
    cleanups.push(() => s.close());
    await until(() => s.state === 'bound', 'bind');
    await assert.rejects(s.submit({ destination_addr: '1', short_message: 'x' }), (e: unknown) => e instanceof LinkError && e.transient && e.throttled);
    await assert.rejects(s.submit({ destination_addr: '2', short_message: 'x' }), (e: unknown) => e instanceof LinkError && !e.transient && e.commandStatus === 0x0b);
  });

  it('rebinds by itself after the SMSC restarts, and sends again', async () => {
    let smsc = await testSmsc((session, pdu) => session.send(pdu.response({ message_id: 'a1' })));
    const port = smsc.port;
    const s = new SmppSession(options(port));
    cleanups.push(() => s.close());
    await until(() => s.state === 'bound', 'bind');
    await smsc.close();
    await until(() => s.state !== 'bound', 'link loss');
    await assert.rejects(s.submit({ destination_addr: '1', short_message: 'x' }), (e: unknown) => e instanceof LinkError && e.transient);
    smsc = await testSmsc((session, pdu) => session.send(pdu.response({ message_id: 'b2' })), port);
    cleanups.push(() => smsc.close());
    await until(() => s.state === 'bound', 'rebind');
    assert.equal(await s.submit({ destination_addr: '1', short_message: 'x' }), 'b2');
  });
});

describe('deliver_sm parsing', () => {
  it('reads receipts from the TLVs first and from the text otherwise, whatever the case', () => {
    const tlv = new smpp.PDU('deliver_sm', { esm_class: 4, short_message: 'id:999 stat:UNDELIV', receipted_message_id: '0A1B', message_state: 2 });
    assert.deepEqual(parseReceipt(tlv), { smscId: '0A1B', stat: 'DELIVRD', err: undefined });
    const text = new smpp.PDU('deliver_sm', { esm_class: 4, short_message: 'id:0000123 sub:001 dlvrd:000 submit date:2611251200 done date:261125120105 Stat:EXPIRED err:003 Text:hello' });
    assert.deepEqual(parseReceipt(text), { smscId: '0000123', stat: 'EXPIRED', err: '003' });
  });

  it('normalises inbound addresses to E.164 and leaves short codes and names alone', () => {
    assert.equal(normalizeAddress('4915112345678', 0), '+4915112345678');
    assert.equal(normalizeAddress('4915112345678', 1), '+4915112345678');
    assert.equal(normalizeAddress('12345', 0), '12345');
    assert.equal(normalizeAddress('ACME', 5), 'ACME');
  });
});
