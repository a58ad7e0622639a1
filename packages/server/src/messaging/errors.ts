// Error codes recorded on messages (`error.code`), one place so the docs can list them.
import type { MessageError } from './model.ts';

export function smppRejected(commandStatus: number): MessageError {
  const hex = `0x${commandStatus.toString(16).padStart(8, '0')}`;
  return { code: `smpp_${hex}`, title: 'The operator rejected the message', detail: `submit_sm answered command_status ${hex}` };
}

export const NO_ROUTE: MessageError = {
  code: 'no_route', title: 'No route to this destination', detail: 'no connector is routed for this destination; an operator must add a route',
};

export const RETRIES_EXHAUSTED: MessageError = {
  code: 'retries_exhausted', title: 'Every attempt failed', detail: 'the operators kept failing temporarily until the retry budget ran out',
};

export const VALIDITY_EXPIRED: MessageError = {
  code: 'validity_expired', title: 'Not sent before validUntil', detail: 'the message could not be handed to an operator before its validUntil time',
};

/** SMPP 3.4 appendix B receipt states that end a message, with the status they mean. */
export function receiptOutcome(stat: string, err: string | undefined): { status: 'delivered' | 'undelivered' | 'expired'; error: MessageError | null } | undefined {
  const s = stat.toUpperCase();
  if (s === 'DELIVRD') return { status: 'delivered', error: null };
  if (s === 'EXPIRED') return { status: 'expired', error: { code: 'receipt_expired', title: 'The operator gave up delivering', detail: `receipt stat EXPIRED err ${err ?? '-'}` } };
  if (['UNDELIV', 'REJECTD', 'DELETED', 'UNKNOWN'].includes(s)) {
    return { status: 'undelivered', error: { code: `receipt_${s.toLowerCase()}`, title: 'The operator could not deliver the message', detail: `receipt stat ${s} err ${err ?? '-'}` } };
  }
  return undefined; // ENROUTE, ACCEPTD: not final
}
