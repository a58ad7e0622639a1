// The sandbox SMSC: a real SMPP 3.4 server (the `smpp` package in server mode) that answers
// like an operator, so any ESME can be tested end to end. Outcomes by the destination's last
// three digits (ARCHITECTURE.md, "numbers, connectors, sandbox"):
//   901 submit_sm refused with ESME_RINVDSTADR     902 accepted, receipt UNDELIV err:001
//   903 accepted, receipt EXPIRED                  904 first submit to that number ESME_RTHROTTLED,
//   905 accepted, never a receipt                      the retry accepted and DELIVRD
//   anything else: accepted, receipt DELIVRD.
import * as smpp from 'smpp';
import type { Logger } from 'pino';
import type { PDU, PduOptions, Session } from 'smpp';
import { isGsm7, splitForSms } from '@cx-engage/encoding';
import {
  ESME_RALYBND,
  ESME_RBINDFAIL,
  ESME_RINVBNDSTS,
  ESME_RINVCMDID,
  ESME_RINVDSTADR,
  ESME_RINVPASWD,
  ESME_ROK,
  ESME_RTHROTTLED,
} from '../../channels/smpp/status-codes.ts';
import { messageText } from '../../channels/smpp/user-data.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import { listenOn } from '../listen.ts';

export interface SmscSimulatorOptions {
  /** 0 (the default) picks a free port; read it back from `port`. */
  port?: number;
  host?: string;
  systemId: string;
  password: string;
  log: Logger;
  /** Between submit_sm_resp and the receipt (default 200; 0: right after the response). */
  receiptDelayMs?: number;
  /** The first message id it hands out (hex; default 0xa0000). Some SMSCs count from 1. */
  firstId?: number;
  /** Called for each submit_sm it accepts, with the id it handed out and the receipt it will send (tests, benchmarks). */
  onAccepted?: (submission: SmscSubmission) => void;
  /** Binds it takes at once, as operators cap an account's; one more is refused (ESME_RBINDFAIL). No cap by default. */
  maxBinds?: number;
}

export interface SmscSubmission {
  messageId: string;
  destination: string;
  /** The receipt's stat, or null when it sends none (905, or none asked for). */
  receipt: Stat | null;
}

export interface SmscSimulator {
  port: number;
  /**
   * Sends a mobile-originated SMS (deliver_sm, esm_class 0) to a bound receiver or transceiver,
   * as a phone on the network would: GSM-7 (data_coding 0) when the text allows, else UCS-2,
   * split into UDH-concatenated parts when long. Held until an ESME binds. Returns the part count.
   */
  injectInbound(m: { from: string; to: string; text: string }): number;
  /** submit_sm received since start (tests, benchmarks). */
  submitted(): number;
  /** Sessions bound now, and the most that were bound at once (tests, benchmarks). */
  binds(): { now: number; peak: number };
  /** deliver_sm left unacknowledged when an ESME's link dropped, each sent again on a bind (tests). */
  unacknowledgedOnDrop(): number;
  close(): Promise<void>;
}

type BindMode = 'transmitter' | 'receiver' | 'transceiver';
export type Stat = 'DELIVRD' | 'UNDELIV' | 'EXPIRED';
// message_state TLV values (SMPP 3.4 section 5.2.28).
const MESSAGE_STATE: Record<Stat, number> = { DELIVRD: 2, EXPIRED: 3, UNDELIV: 5 };

export async function startSmscSimulator(opts: SmscSimulatorOptions): Promise<SmscSimulator> {
  const log = opts.log;
  const receiptDelayMs = opts.receiptDelayMs ?? 200;
  const outbox = createOutbox(log, Math.max(receiptDelayMs, 500));
  const throttledOnce = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let nextId = opts.firstId ?? 0xa0000; // hex ids with letters, as many SMSCs hand out
  let nextRef = 0;
  let submitted = 0;
  const boundSessions = new Set<Session>();
  let peakBinds = 0;

  const server = smpp.createServer({}, (session) => {
    const bound: { mode?: BindMode } = {};
    session.on('error', (err: Error) => {
      log.debug({ err }, 'sandbox SMSC session error');
      session.destroy();
    });
    session.on('close', () => {
      boundSessions.delete(session);
      outbox.removeReceiver(session);
    });
    session.on('pdu', (pdu: PDU) => {
      if (!pdu.isResponse()) handle(session, bound, pdu);
    });
  });

  function handle(session: Session, bound: { mode?: BindMode }, pdu: PDU): void {
    const bindMode = /^bind_(transmitter|receiver|transceiver)$/.exec(pdu.command)?.[1] as BindMode | undefined;
    if (bindMode) return bind(session, bound, bindMode, pdu);
    switch (pdu.command) {
      case 'submit_sm':
        if (bound.mode !== 'transmitter' && bound.mode !== 'transceiver')
          return void session.send(pdu.response({ command_status: ESME_RINVBNDSTS }));
        return submit(session, pdu);
      case 'enquire_link':
        return void session.send(pdu.response());
      case 'unbind':
        session.send(pdu.response());
        return session.close();
      default:
        // generic_nack for unknown ids; ESME_RINVCMDID for requests the simulator does not serve.
        session.send(pdu.response({ command_status: ESME_RINVCMDID }));
    }
  }

  function bind(session: Session, bound: { mode?: BindMode }, mode: BindMode, pdu: PDU): void {
    if (bound.mode) return void session.send(pdu.response({ command_status: ESME_RALYBND }));
    const full = opts.maxBinds !== undefined && boundSessions.size >= opts.maxBinds;
    const status =
      pdu.system_id !== opts.systemId || full
        ? ESME_RBINDFAIL
        : pdu.password !== opts.password
          ? ESME_RINVPASWD
          : ESME_ROK;
    session.send(pdu.response({ command_status: status, system_id: 'CXSANDBOX' }));
    if (status !== ESME_ROK) return session.close();
    bound.mode = mode;
    boundSessions.add(session);
    peakBinds = Math.max(peakBinds, boundSessions.size);
    if (mode !== 'transmitter') outbox.addReceiver(session);
  }

  function submit(session: Session, pdu: PDU): void {
    submitted++;
    const dest = pdu.destination_addr ?? '';
    const suffix = dest.slice(-3);
    if (suffix === '901') return void session.send(pdu.response({ command_status: ESME_RINVDSTADR }));
    if (suffix === '904' && !throttledOnce.has(dest)) {
      throttledOnce.add(dest);
      return void session.send(pdu.response({ command_status: ESME_RTHROTTLED }));
    }
    const id = (nextId++).toString(16);
    session.send(pdu.response({ message_id: id }));
    const stat: Stat | undefined =
      suffix === '905' ? undefined : suffix === '902' ? 'UNDELIV' : suffix === '903' ? 'EXPIRED' : 'DELIVRD';
    const receipt = stat !== undefined && wantsReceipt(pdu.registered_delivery ?? 0, stat);
    opts.onAccepted?.({ messageId: id, destination: dest, receipt: receipt ? stat : null });
    if (!receipt) return;
    const submittedAt = new Date();
    const timer = setTimeout(() => {
      timers.delete(timer);
      outbox.send(receiptFields(pdu, id, stat, submittedAt), session);
    }, receiptDelayMs);
    timers.add(timer);
  }

  function injectInbound(m: { from: string; to: string; text: string }): number {
    const gsm = isGsm7(m.text);
    const parts = splitForSms(m.text, gsm ? 'GSM-7' : 'UCS-2');
    const ref = nextRef++ & 0xff;
    parts.forEach((text, i) =>
      outbox.send({
        ...address('source', m.from),
        ...address('dest', m.to),
        esm_class: 0,
        data_coding: gsm ? 0x00 : 0x08,
        // 8-bit reference concatenation UDH (3GPP TS 23.040 9.2.3.24.1); the package sets UDHI.
        short_message:
          parts.length === 1 ? text : { udh: Buffer.from([0x05, 0x00, 0x03, ref, parts.length, i + 1]), message: text },
      }),
    );
    return parts.length;
  }

  const port = await listenOn(server, opts.port, opts.host);
  return {
    port,
    injectInbound,
    submitted: () => submitted,
    binds: () => ({ now: boundSessions.size, peak: peakBinds }),
    unacknowledgedOnDrop: () => outbox.orphaned(),
    close: () => closeServer(server, timers, outbox),
  };
}

async function closeServer(server: smpp.Server, timers: Set<NodeJS.Timeout>, outbox: Outbox): Promise<void> {
  for (const t of timers) clearTimeout(t);
  timers.clear();
  outbox.close();
  for (const s of [...server.sessions]) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
}

/** registered_delivery bits 1-0 (SMPP 3.4 section 5.2.17): 1 = final outcome, 2 = failure only. */
function wantsReceipt(registeredDelivery: number, stat: Stat): boolean {
  const mode = registeredDelivery & 0x03;
  return mode === 1 || (mode === 2 && stat !== 'DELIVRD');
}

/** The receipt as SMSCs send it: appendix B text and the TLVs, from the recipient to the sender. */
function receiptFields(submit: PDU, id: string, stat: Stat, submittedAt: Date): PduOptions {
  const excerpt = messageText(submit)
    .replace(/[^\x20-\x7e]/g, '.')
    .slice(0, 20);
  const text =
    `id:${id} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:${receiptDate(submittedAt)} ` +
    `done date:${receiptDate(new Date())} stat:${stat} err:${stat === 'UNDELIV' ? '001' : '000'} text:${excerpt}`;
  return {
    source_addr: submit.destination_addr ?? '',
    source_addr_ton: submit.dest_addr_ton ?? 0,
    source_addr_npi: submit.dest_addr_npi ?? 0,
    destination_addr: submit.source_addr ?? '',
    dest_addr_ton: submit.source_addr_ton ?? 0,
    dest_addr_npi: submit.source_addr_npi ?? 0,
    esm_class: 0x04,
    data_coding: 0x00,
    short_message: text,
    receipted_message_id: id,
    message_state: MESSAGE_STATE[stat],
  };
}

/** YYMMDDhhmm in UTC (appendix B). */
function receiptDate(d: Date): string {
  return d.toISOString().replace(/\D/g, '').slice(2, 12);
}

/** E.164 as TON 1 / NPI 1 without '+', short codes TON 0 / NPI 1, names TON 5 / NPI 0. */
function address(side: 'source' | 'dest', value: string): PduOptions {
  const [addr, ton, npi] = /^\+?[0-9]+$/.test(value)
    ? [value.replace(/^\+/, ''), value.startsWith('+') ? 1 : 0, 1]
    : [value, 5, 0];
  return side === 'source'
    ? { source_addr: addr, source_addr_ton: ton, source_addr_npi: npi }
    : { destination_addr: addr, dest_addr_ton: ton, dest_addr_npi: npi };
}
