// The one small interface a connector implements for the dispatcher. SMPP is the first;
// WhatsApp, voice and others copy the shape of channels/smpp/.
export interface OutboundSms {
  to: string;
  from: string | null;
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  validUntil: Date | null;
  /** Ask for a delivery receipt (always, unless the SMSC cannot give one). */
  receipt: boolean;
  /**
   * Asked once, as the message's first part enters the SMPP window: a reason (a traffic hold)
   * stops the whole message there, with a LinkError whose `held` names it.
   */
  gate?: () => string | null;
}

export class LinkError extends Error {
  readonly transient: boolean;
  readonly throttled: boolean;
  readonly commandStatus: number | null;
  /** Not sent because of this hold (see OutboundSms.gate). */
  readonly held: string | null;
  constructor(
    message: string,
    opts: { transient: boolean; throttled?: boolean; commandStatus?: number | null; held?: string | null },
  ) {
    super(message);
    this.transient = opts.transient;
    this.throttled = opts.throttled ?? false;
    this.commandStatus = opts.commandStatus ?? null;
    this.held = opts.held ?? null;
  }
}

export interface InboundSms {
  connectorId: string;
  /** E.164 with '+' where the address was a number (normalised from TON/NPI), else as sent. */
  from: string;
  to: string;
  text: string;
  /** One part of a concatenated message (UDH or SAR TLVs); reassembled by messaging. */
  part?: { ref: number; total: number; seq: number };
  at: Date;
}

/**
 * The one form a channel's message id is stored and matched in: trimmed, lower case, no leading
 * zeros (SMSCs zero-pad and change case between submit_sm_resp and receipt; the value is the
 * same). Nothing else is guessed.
 */
export function smscIdKey(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/^0+(?=.)/, '');
}

/** A delivery receipt from a connector, its id already in the stored key form. */
export interface Receipt {
  connectorId: string;
  /** The key of the submit_sm_resp id it names (channels/smpp/receipt.ts `receiptIdKey`). */
  smscId: string;
  stat: string;
  err: string | undefined;
  at: Date;
}

export interface LinkHandlers {
  /** Resolve only once the receipt is stored: the SMSC gets its ack after that. */
  onReceipt(r: Receipt): Promise<void>;
  onInbound(m: InboundSms): Promise<void>;
}

export interface LinkHealth {
  state: 'connecting' | 'bound' | 'down';
  outstanding: number;
  submitted: number;
  failed: number;
  receipts: number;
  lastError: string | null;
}

/** A connector's counters as one worker reports them to connector_status (SMPP links and WhatsApp alike). */
export interface StatusReport {
  connectorId: string;
  state: string;
  outstanding: number;
  submitted: number;
  failed: number;
  receipts: number;
  lastError: string | null;
}

export interface SmsLink {
  readonly connectorId: string;
  /** Sends every part of one message on one bind; resolves with the SMSC's ids in part order. */
  send(sms: OutboundSms): Promise<string[]>;
  /** Submits it can have outstanding at once over its binds (their SMPP windows). */
  readonly window: number;
  health(): LinkHealth;
  close(): Promise<void>;
}
