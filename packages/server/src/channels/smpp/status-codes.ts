// SMPP 3.4 command_status values we act on (section 5.1.3) and the error a submit fails with.
export const ESME_ROK = 0x00;
export const ESME_RINVCMDID = 0x03;
export const ESME_RINVBNDSTS = 0x04;
export const ESME_RALYBND = 0x05;
export const ESME_RSYSERR = 0x08;
export const ESME_RINVDSTADR = 0x0b;
export const ESME_RBINDFAIL = 0x0d;
export const ESME_RINVPASWD = 0x0e;
export const ESME_RINVSYSID = 0x0f;
export const ESME_RMSGQFUL = 0x14;
export const ESME_RSUBMITFAIL = 0x45;
export const ESME_RTHROTTLED = 0x58;
export const ESME_RX_T_APPN = 0x64;

const NAMES: Record<number, string> = {
  [ESME_ROK]: 'ESME_ROK',
  [ESME_RINVCMDID]: 'ESME_RINVCMDID',
  [ESME_RINVBNDSTS]: 'ESME_RINVBNDSTS',
  [ESME_RALYBND]: 'ESME_RALYBND',
  [ESME_RSYSERR]: 'ESME_RSYSERR',
  [ESME_RINVDSTADR]: 'ESME_RINVDSTADR',
  [ESME_RBINDFAIL]: 'ESME_RBINDFAIL',
  [ESME_RINVPASWD]: 'ESME_RINVPASWD',
  [ESME_RINVSYSID]: 'ESME_RINVSYSID',
  [ESME_RMSGQFUL]: 'ESME_RMSGQFUL',
  [ESME_RSUBMITFAIL]: 'ESME_RSUBMITFAIL',
  [ESME_RTHROTTLED]: 'ESME_RTHROTTLED',
  [ESME_RX_T_APPN]: 'ESME_RX_T_APPN',
};

/** `ESME_RTHROTTLED (0x58)`, for logs and error messages. */
export function describeStatus(status: number): string {
  const hex = `0x${status.toString(16).padStart(2, '0')}`;
  return NAMES[status] ? `${NAMES[status]} (${hex})` : hex;
}

/** Worth retrying later: the SMSC is busy or had a temporary fault; everything else is permanent. */
export function isTransient(status: number): boolean {
  return status === ESME_RSYSERR || status === ESME_RMSGQFUL || status === ESME_RTHROTTLED || status === ESME_RX_T_APPN;
}

/** Slow down and retry on the same connector, without failing the message. */
export function isThrottle(status: number): boolean {
  return status === ESME_RTHROTTLED || status === ESME_RMSGQFUL;
}

/**
 * Why a request failed:
 * - `refused`: the SMSC answered with a non-zero command_status (or generic_nack);
 * - `timeout`: no response within responseTimeoutMs (the SMSC may still have accepted it);
 * - `unbound`: not bound (connecting, rebinding) or the link was lost before the response;
 * - `closed`: the session is closing or closed.
 */
export type SmppErrorKind = 'refused' | 'timeout' | 'unbound' | 'closed';

export class SmppError extends Error {
  /** The SMSC's command_status for `refused`, else null. */
  readonly commandStatus: number | null;
  /** Retrying later (here or on another connector) may succeed. */
  readonly transient: boolean;
  readonly kind: SmppErrorKind;

  constructor(message: string, details: { kind: SmppErrorKind; transient: boolean; commandStatus?: number | null }) {
    super(message);
    this.name = 'SmppError';
    this.kind = details.kind;
    this.transient = details.transient;
    this.commandStatus = details.commandStatus ?? null;
  }

  static refused(command: string, status: number): SmppError {
    return new SmppError(`${command} refused with ${describeStatus(status)}`, {
      kind: 'refused',
      transient: isTransient(status),
      commandStatus: status,
    });
  }

  /** ESME_RTHROTTLED / ESME_RMSGQFUL: back off before the next submit. */
  get throttled(): boolean {
    return this.commandStatus !== null && isThrottle(this.commandStatus);
  }
}
