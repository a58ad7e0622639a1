// SMPP 3.4 command_status values we act on (section 5.1.3).
export const ESME_ROK = 0x00;
export const ESME_RSYSERR = 0x08;
export const ESME_RINVDSTADR = 0x0b;
export const ESME_RBINDFAIL = 0x0d;
export const ESME_RINVPASWD = 0x0e;
export const ESME_RMSGQFUL = 0x14;
export const ESME_RTHROTTLED = 0x58;
export const ESME_RX_T_APPN = 0x64;

/** Worth retrying later: the SMSC is busy or had a temporary fault. */
export function isTransient(status: number): boolean {
  return [ESME_RSYSERR, ESME_RMSGQFUL, ESME_RTHROTTLED, ESME_RX_T_APPN].includes(status);
}

/** Slow down and retry on the same connector, without failing the message. */
export function isThrottle(status: number): boolean {
  return status === ESME_RTHROTTLED || status === ESME_RMSGQFUL;
}
