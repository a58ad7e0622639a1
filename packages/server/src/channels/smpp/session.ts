// One SMPP bind (ESME side) over the `smpp` package, with what the package leaves out:
// an asynchronous window, response timeouts, enquire_link, answers to the SMSC's requests,
// and rebinding with backoff whenever the link is lost (SMPP 3.4 sections 2.8, 4.1, 4.11).
import * as smpp from 'smpp';
import type { Logger } from 'pino';
import { LinkError } from '../link.ts';
import { ESME_ROK, ESME_RX_T_APPN, isThrottle, isTransient } from './status-codes.ts';

export type BindMode = 'transceiver' | 'transmitter' | 'receiver';
export type SessionState = 'connecting' | 'bound' | 'down' | 'closed';

export interface SessionOptions {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
  systemType: string;
  bindMode: BindMode;
  windowSize: number;
  responseTimeoutMs: number;
  enquireLinkMs: number;
  reconnectMaxMs: number;
  log: Logger;
  /** deliver_sm from the SMSC; the PDU is acknowledged once this resolves. */
  onDeliver(pdu: smpp.PDU): Promise<void>;
}

export class SmppSession {
  private readonly opts: SessionOptions;
  private session: smpp.Session | undefined;
  private stateValue: SessionState = 'connecting';
  private outstanding = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, { reject: (e: LinkError) => void; timer: NodeJS.Timeout }>();
  private reconnectDelay = 1000;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private enquireTimer: NodeJS.Timeout | undefined;
  lastError: string | null = null;

  constructor(opts: SessionOptions) {
    this.opts = opts;
    this.connect();
  }

  get state(): SessionState {
    return this.stateValue;
  }

  get inFlight(): number {
    return this.outstanding;
  }

  /** Sends submit_sm inside the window; resolves with the SMSC's message_id. */
  async submit(fields: smpp.PduFields): Promise<string> {
    if (this.stateValue !== 'bound') throw new LinkError('not bound', { transient: true });
    while (this.outstanding >= this.opts.windowSize) {
      await new Promise<void>((r) => this.waiting.push(r));
      if (this.stateValue !== 'bound') throw new LinkError('link lost while waiting for the window', { transient: true });
    }
    this.outstanding++;
    try {
      const resp = await this.request(new smpp.PDU('submit_sm', fields));
      // A generic_nack (same sequence number) arrives here too, with its error status.
      if (resp.command_status !== ESME_ROK || resp.command === 'generic_nack') {
        const status = resp.command_status || ESME_RX_T_APPN;
        throw new LinkError(`submit_sm refused with 0x${status.toString(16)}`, { transient: isTransient(status), throttled: isThrottle(status), commandStatus: status });
      }
      return String(resp.message_id ?? '');
    } finally {
      this.outstanding--;
      this.waiting.shift()?.();
    }
  }

  /** Unbinds and closes; outstanding requests get their answer or time out first. */
  async close(): Promise<void> {
    this.stateValue = 'closed';
    clearTimeout(this.reconnectTimer);
    clearInterval(this.enquireTimer);
    const session = this.session;
    if (!session) return;
    const deadline = Date.now() + this.opts.responseTimeoutMs;
    while (this.outstanding > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await Promise.race([this.request(new smpp.PDU('unbind')).catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    session.destroy();
    this.failAll('session closed');
  }

  private connect(): void {
    this.stateValue = 'connecting';
    const session = smpp.connect({ host: this.opts.host, port: this.opts.port, tls: this.opts.tls });
    this.session = session;
    session.on('connect', () => void this.bind(session));
    session.on('error', (err: Error) => this.lost(session, err.message));
    session.on('close', () => this.lost(session, 'connection closed'));
    session.on('enquire_link', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: smpp.PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('deliver_sm', (pdu: smpp.PDU) => {
      this.opts.onDeliver(pdu).then(
        () => session.send(pdu.response()),
        (err: unknown) => {
          // Temporary error: the SMSC keeps the receipt or message and delivers it again later.
          this.opts.log.warn({ err }, 'deliver_sm not stored; asking the SMSC to retry');
          session.send(pdu.response({ command_status: ESME_RX_T_APPN }));
        },
      );
    });
  }

  private async bind(session: smpp.Session): Promise<void> {
    const command = `bind_${this.opts.bindMode}`;
    try {
      const resp = await this.request(new smpp.PDU(command, {
        system_id: this.opts.systemId, password: this.opts.password, system_type: this.opts.systemType, interface_version: 0x34,
      }), session);
      if (resp.command_status !== ESME_ROK) {
        this.lastError = `${command} refused with 0x${resp.command_status.toString(16)}`;
        this.opts.log.warn({ host: this.opts.host, status: resp.command_status }, 'SMPP bind refused');
        session.destroy();
        return;
      }
      this.stateValue = 'bound';
      this.reconnectDelay = 1000;
      this.lastError = null;
      this.enquireTimer = setInterval(() => this.request(new smpp.PDU('enquire_link')).catch(() => session.destroy()), this.opts.enquireLinkMs);
      this.waiting.splice(0).forEach((r) => r());
    } catch (err) {
      this.lastError = (err as Error).message;
      session.destroy();
    }
  }

  private request(pdu: smpp.PDU, session = this.session): Promise<smpp.PDU> {
    return new Promise((resolve, reject) => {
      if (!session) return reject(new LinkError('not connected', { transient: true }));
      let seq = 0;
      const sent = session.send(pdu, (resp) => {
        const entry = this.pending.get(seq);
        if (entry) clearTimeout(entry.timer);
        this.pending.delete(seq);
        resolve(resp);
      });
      seq = pdu.sequence_number;
      if (!sent) return reject(new LinkError('socket not writable', { transient: true }));
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new LinkError(`no answer to ${pdu.command} within ${this.opts.responseTimeoutMs} ms`, { transient: true }));
      }, this.opts.responseTimeoutMs);
      this.pending.set(seq, { reject, timer });
    });
  }

  private lost(session: smpp.Session, reason: string): void {
    if (session !== this.session) return;
    clearInterval(this.enquireTimer);
    this.session = undefined;
    this.failAll(reason);
    if (this.stateValue === 'closed') return;
    this.lastError = reason;
    this.stateValue = 'down';
    const delay = Math.min(this.reconnectDelay, this.opts.reconnectMaxMs) * (0.8 + Math.random() * 0.4);
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, this.opts.reconnectMaxMs);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private failAll(reason: string): void {
    for (const [, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.reject(new LinkError(reason, { transient: true }));
    }
    this.pending.clear();
    this.waiting.splice(0).forEach((r) => r());
  }
}
