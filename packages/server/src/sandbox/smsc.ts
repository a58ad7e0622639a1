// The sandbox SMSC: a real SMPP 3.4 server (the `smpp` package in server mode) that answers
// like an operator. Outcomes by the destination's last three digits (the contract):
//   901 submit rejected (ESME_RINVDSTADR)   902 receipt UNDELIV   903 receipt EXPIRED
//   904 throttled once (ESME_RTHROTTLED), then accepted   905 accepted, no receipt ever
//   anything else: accepted and DELIVRD.
import * as smpp from 'smpp';
import type { Logger } from 'pino';
import { ESME_RBINDFAIL, ESME_RINVDSTADR, ESME_RINVPASWD, ESME_ROK, ESME_RTHROTTLED } from '../channels/smpp/status-codes.ts';
import { isGsm7, splitForSms } from '../messaging/text-analysis.ts';

export interface SmscOptions {
  host?: string;
  port?: number;
  systemId: string;
  password: string;
  receiptDelayMs?: number;
  log: Logger;
}

export interface Smsc {
  port: number;
  /** Sends a mobile-originated SMS to every bound receiver (as a phone on the network would). */
  injectInbound(m: { from: string; to: string; text: string }): number;
  /** submit_sm counted since start (for tests and benchmarks). */
  submitted(): number;
  close(): Promise<void>;
}

const MESSAGE_STATE = { DELIVRD: 2, EXPIRED: 3, UNDELIV: 5 } as const;

export async function startSmsc(opts: SmscOptions): Promise<Smsc> {
  const receivers = new Set<smpp.Session>();
  const throttledOnce = new Set<string>();
  let nextId = 0x10000;
  let submitted = 0;
  const delay = opts.receiptDelayMs ?? 200;
  const timers = new Set<NodeJS.Timeout>();

  const server = smpp.createServer({}, (session) => {
    let bound = false;
    session.on('error', () => session.destroy());
    session.on('close', () => receivers.delete(session));
    for (const mode of ['transceiver', 'transmitter', 'receiver'] as const) {
      session.on(`bind_${mode}`, (pdu: smpp.PDU) => {
        const status = pdu.system_id !== opts.systemId ? ESME_RBINDFAIL : pdu.password !== opts.password ? ESME_RINVPASWD : ESME_ROK;
        session.send(pdu.response({ command_status: status, system_id: 'CXSANDBOX' }));
        if (status !== ESME_ROK) return session.close();
        bound = true;
        if (mode !== 'transmitter') receivers.add(session);
      });
    }
    session.on('enquire_link', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: smpp.PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('deliver_sm_resp', () => {});
    session.on('submit_sm', (pdu: smpp.PDU) => {
      if (!bound) return session.send(pdu.response({ command_status: 0x04 })); // ESME_RINVBNDSTS
      submitted++;
      const dest = String(pdu.destination_addr ?? '');
      const suffix = dest.slice(-3);
      if (suffix === '901') return session.send(pdu.response({ command_status: ESME_RINVDSTADR }));
      if (suffix === '904' && !throttledOnce.has(dest)) {
        throttledOnce.add(dest);
        return session.send(pdu.response({ command_status: ESME_RTHROTTLED }));
      }
      const id = (nextId++).toString(16);
      session.send(pdu.response({ message_id: id }));
      const wantsReceipt = ((Number(pdu.registered_delivery) || 0) & 0x03) !== 0;
      if (!wantsReceipt || suffix === '905') return;
      const stat = suffix === '902' ? 'UNDELIV' : suffix === '903' ? 'EXPIRED' : 'DELIVRD';
      const submitDate = new Date();
      const timer = setTimeout(() => {
        timers.delete(timer);
        sendReceipt(pdu, id, stat, submitDate);
      }, delay);
      timers.add(timer);
    });
  });

  function sendReceipt(submit: smpp.PDU, id: string, stat: keyof typeof MESSAGE_STATE, submitDate: Date): void {
    const target = [...receivers][0];
    if (!target) return; // no receiver bound: a real SMSC would keep it; the sandbox drops it
    const text = `id:${id} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:${smppDate(submitDate)} done date:${smppDate(new Date())} stat:${stat} err:${stat === 'UNDELIV' ? '001' : '000'} text:`;
    target.send(new smpp.PDU('deliver_sm', {
      source_addr: submit.destination_addr, source_addr_ton: 1, source_addr_npi: 1,
      destination_addr: submit.source_addr, dest_addr_ton: submit.source_addr_ton, dest_addr_npi: submit.source_addr_npi,
      esm_class: 0x04, data_coding: 0, short_message: text, receipted_message_id: id, message_state: MESSAGE_STATE[stat],
    }));
  }

  function injectInbound(m: { from: string; to: string; text: string }): number {
    const gsm = isGsm7(m.text);
    const parts = splitForSms(m.text, gsm ? 'GSM-7' : 'UCS-2');
    const ref = Math.floor(Math.random() * 256);
    let sent = 0;
    for (const session of receivers) {
      parts.forEach((text, i) => {
        session.send(new smpp.PDU('deliver_sm', {
          source_addr: m.from.replace(/^\+/, ''), source_addr_ton: 1, source_addr_npi: 1,
          destination_addr: m.to.replace(/^\+/, ''), dest_addr_ton: m.to.startsWith('+') ? 1 : 0, dest_addr_npi: 1,
          esm_class: 0, data_coding: gsm ? 0 : 0x08,
          short_message: parts.length === 1 ? text : { udh: Buffer.from([0x05, 0x00, 0x03, ref, parts.length, i + 1]), message: text },
        }));
      });
      sent++;
      break; // one receiver is enough: the connector dedupes nothing across binds
    }
    return sent;
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve()));
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    injectInbound,
    submitted: () => submitted,
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const s of server.sessions) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** YYMMDDhhmm, the receipt text's date format (SMPP 3.4 appendix B). */
function smppDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
}
