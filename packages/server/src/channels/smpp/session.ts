// One SMPP bind, ESME side, over the `smpp` package, with what the package leaves to us:
// an asynchronous window with response timeouts (SMPP 3.4 section 2.8), enquire_link
// keep-alive (4.11), answers to the SMSC's requests (deliver_sm 4.6, enquire_link, unbind 4.2,
// generic_nack 4.3), and rebinding with backoff whenever the link is lost.
import * as smpp from 'smpp';
import type { Logger } from 'pino';
import type { MessageInput, PDU, Session } from 'smpp';
import { createWindow, type Window } from './window.ts';
import { decodeDefaultAlphabetAs } from './default-alphabet.ts';
import type { DefaultAlphabet } from './connector-config.ts';
import { ESME_RINVCMDID, ESME_ROK, ESME_RX_T_APPN, SmppError, describeStatus } from './status-codes.ts';

export type BindMode = 'transceiver' | 'transmitter' | 'receiver';
export type SessionState = 'connecting' | 'bound' | 'unbound' | 'closed';

export interface SmppSessionOptions {
  host: string;
  port: number;
  tls?: boolean;
  systemId: string;
  password: string;
  systemType?: string;
  bindMode: BindMode;
  /** Requests awaiting their response at most (default 10); the SMSC sets the real limit. */
  windowSize?: number;
  /** Per request: bind, submit_sm, enquire_link, unbind (default 10 000). */
  responseTimeoutMs?: number;
  /** enquire_link period while bound (default 30 000); an unanswered one drops the link. */
  enquireLinkMs?: number;
  /** Rebind delay after a loss: starts here (default 1 000), doubles up to the max (default 60 000), ±20 % jitter. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  log: Logger;
  /** What data_coding 0 means on this SMSC, for decoding what it sends (default GSM 03.38). */
  defaultAlphabet?: DefaultAlphabet;
  /**
   * Every deliver_sm (receipts and mobile-originated messages). deliver_sm_resp is sent once
   * the promise resolves, so a receipt is acknowledged only after it is stored; when it rejects
   * the SMSC gets ESME_RX_T_APPN and delivers it again later.
   */
  onDeliver?: (pdu: PDU) => Promise<void> | void;
  onStateChange?: (state: SessionState) => void;
}

/** submit_sm fields (SMPP 3.4 section 4.4.1); data_coding is required, see addresses.ts. */
export interface SubmitFields {
  source_addr?: string;
  source_addr_ton?: number;
  source_addr_npi?: number;
  destination_addr: string;
  dest_addr_ton: number;
  dest_addr_npi: number;
  data_coding: number;
  short_message?: MessageInput;
  message_payload?: MessageInput;
  esm_class?: number;
  registered_delivery?: number;
  validity_period?: Date | string;
  schedule_delivery_time?: Date | string;
  priority_flag?: number;
  protocol_id?: number;
  service_type?: string;
  sar_msg_ref_num?: number;
  sar_total_segments?: number;
  sar_segment_seqnum?: number;
}

export interface SessionHealth {
  state: SessionState;
  /** Requests sent and awaiting their response. */
  outstanding: number;
  /** submit() calls waiting for a free slot in the window. */
  queued: number;
  /** The last link problem (refused bind, timeout, loss), kept after a successful rebind. */
  lastError: string | null;
}

type Settings = Required<
  Pick<SmppSessionOptions, 'windowSize' | 'responseTimeoutMs' | 'enquireLinkMs' | 'reconnectMinMs' | 'reconnectMaxMs'>
>;

export class SmppSession {
  private readonly opts: SmppSessionOptions & Settings;
  private readonly log: Logger;
  private readonly window: Window;
  private readonly pending = new Set<(err: SmppError) => void>();
  private current: Session | undefined;
  private stateValue: SessionState = 'connecting';
  private closing = false;
  private closed: Promise<void> | undefined;
  private lastError: string | null = null;
  private dropReason: string | null = null;
  private backoffMs: number;
  private readonly timers: { reconnect?: NodeJS.Timeout; enquire?: NodeJS.Timeout; connect?: NodeJS.Timeout } = {};

  /** Starts connecting at once (state 'connecting'); watch onStateChange or health() for 'bound'. */
  constructor(options: SmppSessionOptions) {
    this.opts = {
      ...options,
      windowSize: options.windowSize ?? 10,
      responseTimeoutMs: options.responseTimeoutMs ?? 10_000,
      enquireLinkMs: options.enquireLinkMs ?? 30_000,
      reconnectMinMs: options.reconnectMinMs ?? 1000,
      reconnectMaxMs: options.reconnectMaxMs ?? 60_000,
    };
    this.log = options.log.child({ smsc: `${options.host}:${options.port}`, bindMode: options.bindMode });
    this.window = createWindow(this.opts.windowSize);
    this.backoffMs = this.opts.reconnectMinMs;
    this.connect();
    // Reported after the constructor returns, so the callback may already use the instance.
    queueMicrotask(() => {
      if (this.stateValue === 'connecting') this.notify('connecting');
    });
  }

  get state(): SessionState {
    return this.stateValue;
  }

  health(): SessionHealth {
    return {
      state: this.stateValue,
      outstanding: this.window.inFlight,
      queued: this.window.waiting,
      lastError: this.lastError,
    };
  }

  /**
   * Sends one submit_sm inside the window and resolves with the SMSC's message_id. Rejects with
   * an SmppError: `refused` (transient for throttling, queue full, system and temporary
   * application errors; permanent otherwise), `timeout`, `unbound` (not bound now, or the link
   * dropped before the answer) or `closed`; all but permanent refusals are transient. `gate`
   * runs once the window has room, just before the PDU is written; what it throws is rethrown.
   */
  async submit(fields: SubmitFields, gate?: () => void): Promise<{ messageId: string }> {
    if (this.opts.bindMode === 'receiver') throw new Error('a receiver bind cannot submit (SMPP 3.4 section 2.3)');
    this.assertBound();
    // With a free slot the PDU goes out in this same tick, so a close() called right after
    // counts it as outstanding and waits for its response.
    if (!this.window.tryAcquire()) await this.window.acquire();
    try {
      // The last word before the PDU leaves (a traffic hold may have come while we waited).
      gate?.();
      const session = this.assertBound();
      const resp = await this.request(session, new smpp.PDU('submit_sm', fields));
      // generic_nack (section 4.3) reaches us the same way, by sequence number.
      if (resp.command_status !== ESME_ROK || resp.command === 'generic_nack') {
        throw SmppError.refused('submit_sm', resp.command_status || ESME_RX_T_APPN);
      }
      return { messageId: resp.message_id ?? '' };
    } finally {
      this.window.release();
    }
  }

  /** Waits for outstanding responses (up to responseTimeoutMs), unbinds (section 4.2) and closes. */
  close(): Promise<void> {
    this.closed ??= this.shutdown();
    return this.closed;
  }

  private async shutdown(): Promise<void> {
    this.closing = true;
    clearTimeout(this.timers.reconnect);
    clearInterval(this.timers.enquire);
    this.window.failWaiting(new SmppError('session closing', { kind: 'closed', transient: true }));
    const session = this.current;
    if (session && this.stateValue === 'bound') {
      await withTimeout(this.window.drained(), this.opts.responseTimeoutMs);
      await this.request(session, new smpp.PDU('unbind')).catch(() => undefined);
    }
    // The SMSC often closes first after unbind_resp; lost() has then cleared `current`.
    if (session && session === this.current) await new Promise<void>((resolve) => session.destroy(() => resolve()));
    this.failPending(new SmppError('session closed', { kind: 'closed', transient: true }));
    this.setState('closed');
  }

  private assertBound(): Session {
    if (this.closing) throw new SmppError('session closed', { kind: 'closed', transient: true });
    if (this.stateValue !== 'bound' || !this.current)
      throw new SmppError(`not bound (${this.stateValue})`, { kind: 'unbound', transient: true });
    return this.current;
  }

  private connect(): void {
    this.setState('connecting');
    this.dropReason = null;
    const session = smpp.connect({ host: this.opts.host, port: this.opts.port, tls: this.opts.tls ?? false });
    this.current = session;
    decodeDefaultAlphabetAs(session, this.opts.defaultAlphabet ?? 'gsm7');
    // A blackholed host never answers the TCP handshake: give up and back off.
    this.timers.connect = setTimeout(() => this.drop(session, 'connect timed out'), this.opts.responseTimeoutMs);
    session.on(this.opts.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(this.timers.connect);
      void this.bind(session);
    });
    // The package stops reading after a decode error: drop the link and start afresh.
    session.on('error', (err: Error) => this.drop(session, err.message));
    session.on('close', () => this.lost(session));
    session.on('pdu', (pdu: PDU) => this.answer(session, pdu));
  }

  private async bind(session: Session): Promise<void> {
    const command = `bind_${this.opts.bindMode}`;
    const pdu = new smpp.PDU(command, {
      system_id: this.opts.systemId,
      password: this.opts.password,
      system_type: this.opts.systemType ?? '',
      interface_version: 0x34,
      addr_ton: 0,
      addr_npi: 0,
      address_range: '',
    });
    try {
      const resp = await this.request(session, pdu);
      if (resp.command_status !== ESME_ROK)
        return this.drop(session, `${command} refused with ${describeStatus(resp.command_status)}`);
    } catch (err) {
      return this.drop(session, `${command} failed: ${(err as Error).message}`);
    }
    if (session !== this.current || this.closing) return;
    this.backoffMs = this.opts.reconnectMinMs;
    this.timers.enquire = setInterval(() => this.enquireLink(session), this.opts.enquireLinkMs);
    this.setState('bound');
  }

  private enquireLink(session: Session): void {
    this.request(session, new smpp.PDU('enquire_link')).catch(() => this.drop(session, 'enquire_link unanswered'));
  }

  /** Requests from the SMSC (responses to ours are routed to their callbacks by the package). */
  private answer(session: Session, pdu: PDU): void {
    if (pdu.isResponse()) return;
    switch (pdu.command) {
      case 'deliver_sm':
        return void this.answerDeliver(session, pdu);
      case 'enquire_link':
        session.send(pdu.response());
        return;
      case 'unbind':
        // The SMSC is going away (maintenance, failover): acknowledge, close, rebind later.
        session.send(pdu.response());
        this.dropReason = 'unbound by the SMSC';
        return session.close();
      case 'alert_notification':
      case 'outbind':
        return; // no response defined (sections 4.12, 4.1.7)
      default:
        // Unknown ids become generic_nack; known requests we do not serve get their _resp.
        session.send(pdu.response({ command_status: ESME_RINVCMDID }));
    }
  }

  private async answerDeliver(session: Session, pdu: PDU): Promise<void> {
    try {
      await this.opts.onDeliver?.(pdu);
      session.send(pdu.response()); // message_id unused in deliver_sm_resp (section 4.6.2)
    } catch (err) {
      this.log.warn({ err }, 'deliver_sm not stored; asking the SMSC to deliver it again');
      session.send(pdu.response({ command_status: ESME_RX_T_APPN }));
    }
  }

  /** Sends a request and resolves with its response, or rejects after responseTimeoutMs. */
  private request(session: Session, pdu: PDU): Promise<PDU> {
    return new Promise((resolve, reject) => {
      const fail = (err: SmppError) => {
        clearTimeout(timer);
        this.pending.delete(fail);
        reject(err);
      };
      const timer = setTimeout(
        () =>
          fail(
            new SmppError(`no ${pdu.command}_resp within ${this.opts.responseTimeoutMs} ms`, {
              kind: 'timeout',
              transient: true,
            }),
          ),
        this.opts.responseTimeoutMs,
      );
      this.pending.add(fail);
      const sent = session.send(pdu, (resp) => {
        if (!this.pending.delete(fail)) return; // already timed out or failed
        clearTimeout(timer);
        resolve(resp);
      });
      if (!sent) fail(new SmppError('link not writable', { kind: 'unbound', transient: true }));
    });
  }

  /** Ends a link we no longer trust; its 'close' event then schedules the rebind. */
  private drop(session: Session, reason: string): void {
    if (session !== this.current) return;
    this.dropReason ??= reason;
    session.destroy();
  }

  private lost(session: Session): void {
    if (session !== this.current) return;
    this.current = undefined;
    clearTimeout(this.timers.connect);
    clearInterval(this.timers.enquire);
    const reason = this.dropReason ?? 'connection closed by the SMSC';
    const error = new SmppError(`link lost: ${reason}`, { kind: this.closing ? 'closed' : 'unbound', transient: true });
    this.failPending(error);
    this.window.failWaiting(error);
    if (this.closing) return;
    this.lastError = reason;
    this.log.warn({ reason }, 'SMPP link lost; rebinding with backoff');
    this.setState('unbound');
    const delay = this.backoffMs * (0.8 + Math.random() * 0.4);
    this.backoffMs = Math.min(this.backoffMs * 2, this.opts.reconnectMaxMs);
    this.timers.reconnect = setTimeout(() => this.connect(), Math.min(delay, this.opts.reconnectMaxMs));
  }

  private failPending(err: SmppError): void {
    for (const fail of [...this.pending]) fail(err);
  }

  private setState(state: SessionState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.notify(state);
  }

  private notify(state: SessionState): void {
    this.log.info({ state }, `SMPP session ${state}`);
    try {
      this.opts.onStateChange?.(state);
    } catch (err) {
      this.log.error({ err }, 'onStateChange threw');
    }
  }
}

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<void>((r) => (timer = setTimeout(r, ms)))]).finally(() => clearTimeout(timer));
}
