// One SMPP bind against real SMSCs over TCP: the sandbox simulator, and small test SMSCs that
// misbehave on purpose (slow, silent, never answering enquire_link).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as smpp from 'smpp';
import type { PDU, Session } from 'smpp';
import { createLogger } from '../../platform/logger.ts';
import { waitFor } from '../../../test/wait.ts';
import { startSmscSimulator } from '../../sandbox/smsc/simulator.ts';
import { SmppSession, type SessionState, type SmppSessionOptions, type SubmitFields } from './session.ts';
import { SmppError } from './status-codes.ts';
import { parseDeliveryReceipt } from './receipt.ts';
import { smscIdKey } from '../link.ts';
import { messageText } from './user-data.ts';
import { destinationAddress, sourceAddress } from './addresses.ts';

const log = createLogger('silent');
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

const until = (cond: () => boolean, what: string) => waitFor(async () => (cond() ? true : undefined), what, 10_000);
const sms: SubmitFields = {
  ...sourceAddress('+4930123456'),
  ...destinationAddress('+4915112345678'),
  data_coding: 0,
  short_message: 'hi',
  registered_delivery: 1,
};

function open(port: number, over: Partial<SmppSessionOptions> = {}): SmppSession & { states: SessionState[] } {
  const states: SessionState[] = [];
  const session = Object.assign(
    new SmppSession({
      host: '127.0.0.1',
      port,
      systemId: 'test',
      password: 'secret',
      bindMode: 'transceiver',
      log,
      responseTimeoutMs: 2000,
      reconnectMinMs: 50,
      reconnectMaxMs: 400,
      onStateChange: (s) => states.push(s),
      ...over,
    }),
    { states },
  );
  cleanups.push(() => session.close());
  return session;
}

interface TestSmscHooks {
  submit?: (session: Session, pdu: PDU) => void;
  /** Default: answered. */
  enquireLink?: 'ignore';
}

/** An SMSC that binds anyone and lets the test decide how to answer; counts what it receives. */
async function testSmsc(hooks: TestSmscHooks = {}, port = 0) {
  const seen = { binds: [] as PDU[], enquireLinks: 0, unbinds: 0, resps: [] as PDU[] };
  const server = smpp.createServer({}, (session) => {
    session.on('error', () => session.destroy());
    session.on('pdu', (pdu: PDU) => {
      if (pdu.isResponse()) return void seen.resps.push(pdu);
      if (pdu.command.startsWith('bind_')) {
        seen.binds.push(pdu);
        session.send(pdu.response({ system_id: 'TEST' }));
      } else if (pdu.command === 'enquire_link') {
        seen.enquireLinks++;
        if (hooks.enquireLink !== 'ignore') session.send(pdu.response());
      } else if (pdu.command === 'unbind') {
        seen.unbinds++;
        session.send(pdu.response());
      } else if (pdu.command === 'submit_sm') hooks.submit?.(session, pdu);
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  const addr = server.address();
  const close = () =>
    new Promise<void>((r) => {
      for (const s of [...server.sessions]) s.destroy();
      server.close(() => r());
    });
  cleanups.push(close);
  return { port: typeof addr === 'object' && addr ? addr.port : 0, seen, sessions: () => server.sessions, close };
}

describe('SMPP session', () => {
  it('binds as a transceiver with interface_version 0x34, reports its states and unbinds on close', async () => {
    const smsc = await testSmsc();
    const s = open(smsc.port, { systemType: 'cx' });
    await until(() => s.state === 'bound', 'bind');
    const bind = smsc.seen.binds[0]!;
    assert.deepEqual(
      [bind.command, bind.interface_version, bind.system_id, bind.password, bind.system_type],
      ['bind_transceiver', 0x34, 'test', 'secret', 'cx'],
    );
    await s.close();
    assert.deepEqual(s.states, ['connecting', 'bound', 'closed']);
    assert.equal(smsc.seen.unbinds, 1);
  });

  it('is refused with a wrong password: never bound, and health says why', async () => {
    const smsc = await startSmscSimulator({ systemId: 'test', password: 'secret', log });
    cleanups.push(() => smsc.close());
    const s = open(smsc.port, { password: 'nope' });
    await until(() => /ESME_RINVPASWD/.test(s.health().lastError ?? ''), 'the refusal');
    assert.ok(!s.states.includes('bound'));
    await assert.rejects(s.submit(sms), (e: unknown) => e instanceof SmppError && e.kind === 'unbound' && e.transient);
  });

  it('submits a message and matches its DELIVRD receipt to the message id', async () => {
    const smsc = await startSmscSimulator({ systemId: 'test', password: 'secret', log, receiptDelayMs: 10 });
    cleanups.push(() => smsc.close());
    const receipts: PDU[] = [];
    const s = open(smsc.port, { onDeliver: async (pdu) => void receipts.push(pdu) });
    await until(() => s.state === 'bound', 'bind');
    const { messageId } = await s.submit(sms);
    await until(() => receipts.length === 1, 'the receipt');
    const receipt = parseDeliveryReceipt(receipts[0]!);
    assert.equal(receipt?.stat, 'DELIVRD');
    assert.ok(receipt && smscIdKey(receipt.messageId) === smscIdKey(messageId));
    assert.ok(receipt.doneDate instanceof Date);
  });

  it('never has more than windowSize submits outstanding at the SMSC, queues the rest, and completes them all', async () => {
    let outstanding = 0;
    let peak = 0;
    let id = 0;
    const smsc = await testSmsc({
      submit: (session, pdu) => {
        peak = Math.max(peak, ++outstanding);
        setTimeout(() => {
          outstanding--;
          session.send(pdu.response({ message_id: String(++id) }));
        }, 5);
      },
    });
    const s = open(smsc.port, { windowSize: 5 });
    await until(() => s.state === 'bound', 'bind');
    const all = Promise.all(Array.from({ length: 50 }, () => s.submit(sms)));
    assert.deepEqual([s.health().outstanding, s.health().queued], [5, 45]);
    const ids = (await all).map((r) => r.messageId);
    assert.equal(new Set(ids).size, 50);
    assert.ok(peak <= 5, `peak ${peak} exceeds the window`);
    assert.ok(peak > 1, 'requests are pipelined, not sent one at a time');
    assert.deepEqual([s.health().outstanding, s.health().queued], [0, 0]);
  });

  it('gives up on a submit the SMSC never answers with a transient timeout, and frees its window slot', async () => {
    const smsc = await testSmsc({ submit: () => {} });
    const s = open(smsc.port, { responseTimeoutMs: 300, windowSize: 1 });
    await until(() => s.state === 'bound', 'bind');
    await assert.rejects(s.submit(sms), (e: unknown) => e instanceof SmppError && e.kind === 'timeout' && e.transient);
    assert.equal(s.health().outstanding, 0);
  });

  it('acknowledges deliver_sm only once the handler has stored it, and with ESME_RX_T_APPN when it throws', async () => {
    const smsc = await testSmsc();
    let release: () => void = () => {};
    const stored = new Promise<void>((r) => (release = r));
    let calls = 0;
    const s = open(smsc.port, {
      onDeliver: async () => {
        if (++calls === 1) return stored;
        throw new Error('database down');
      },
    });
    await until(() => s.state === 'bound', 'bind');
    const smscSide = smsc.sessions()[0]!;
    const ask = (command: string, fields = {}) =>
      new Promise<PDU>((r) => smscSide.send(new smpp.PDU(command, fields), r));
    const first = ask('deliver_sm', { esm_class: 4, data_coding: 0, short_message: 'id:1 stat:DELIVRD' });
    // An enquire_link round trip after it: the deliver_sm was read, yet must stay unanswered.
    assert.equal((await ask('enquire_link')).command_status, 0);
    assert.equal(
      smsc.seen.resps.some((p) => p.command === 'deliver_sm_resp'),
      false,
    );
    release();
    assert.equal((await first).command_status, 0);
    assert.equal((await ask('deliver_sm', { data_coding: 0, short_message: 'MO' })).command_status, 0x64);
  });

  it('sends enquire_link while bound and drops a link whose enquire_link goes unanswered, then rebinds', async () => {
    const smsc = await testSmsc({ enquireLink: 'ignore' });
    const s = open(smsc.port, { enquireLinkMs: 100, responseTimeoutMs: 200 });
    await until(() => smsc.seen.binds.length >= 2, 'a second bind');
    assert.ok(smsc.seen.enquireLinks >= 1);
    assert.ok(s.states.includes('unbound'));
    assert.match(s.health().lastError ?? '', /enquire_link/);
  });

  it('rebinds after the SMSC restarts on the same port, and submits again', async () => {
    let smsc = await startSmscSimulator({ systemId: 'test', password: 'secret', log });
    const port = smsc.port;
    const s = open(port);
    await until(() => s.state === 'bound', 'bind');
    assert.ok((await s.submit(sms)).messageId);
    await smsc.close();
    await until(() => s.state !== 'bound', 'link loss');
    assert.equal(s.state === 'unbound' || s.state === 'connecting', true);
    await assert.rejects(s.submit(sms), (e: unknown) => e instanceof SmppError && e.kind === 'unbound' && e.transient);
    smsc = await startSmscSimulator({ systemId: 'test', password: 'secret', log, port });
    cleanups.push(() => smsc.close());
    await until(() => s.state === 'bound', 'rebind');
    assert.ok((await s.submit(sms)).messageId);
    assert.deepEqual(s.states.slice(0, 3), ['connecting', 'bound', 'unbound']);
  });

  it('waits for outstanding responses before unbinding on close', async () => {
    const smsc = await testSmsc({
      submit: (session, pdu) => setTimeout(() => session.send(pdu.response({ message_id: 'late' })), 100),
    });
    const s = open(smsc.port);
    await until(() => s.state === 'bound', 'bind');
    const pending = s.submit(sms);
    await s.close();
    assert.deepEqual(await pending, { messageId: 'late' });
    assert.equal(smsc.seen.unbinds, 1);
    await assert.rejects(s.submit(sms), (e: unknown) => e instanceof SmppError && e.kind === 'closed');
  });

  it('hands an injected inbound message to onDeliver', async () => {
    const smsc = await startSmscSimulator({ systemId: 'test', password: 'secret', log });
    cleanups.push(() => smsc.close());
    const inbound: PDU[] = [];
    const s = open(smsc.port, { bindMode: 'receiver', onDeliver: (pdu) => void inbound.push(pdu) });
    await until(() => s.state === 'bound', 'bind');
    smsc.injectInbound({ from: '+4915112345678', to: '+4930123456', text: 'STOP' });
    await until(() => inbound.length === 1, 'the inbound message');
    const [mo] = inbound as [PDU];
    assert.deepEqual(
      [mo.esm_class, mo.source_addr, mo.destination_addr, messageText(mo)],
      [0, '4915112345678', '4930123456', 'STOP'],
    );
    assert.equal(parseDeliveryReceipt(mo), undefined);
  });
});
