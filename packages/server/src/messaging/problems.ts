// Message error codes of messaging itself: routing, dispatch, operator answers and receipts,
// WhatsApp sends. Its HTTP refusals use the platform's generic problem types (http/problem.ts).
import { defineMessageErrors } from './error-catalogue.ts';
import type { MessageError } from './model.ts';

export const {
  NO_ROUTE,
  RETRIES_EXHAUSTED,
  VALIDITY_EXPIRED,
  SMPP_REJECTED,
  RECEIPT_EXPIRED,
  RECEIPT_UNDELIV,
  RECEIPT_REJECTD,
  RECEIPT_DELETED,
  RECEIPT_UNKNOWN,
  WINDOW_CLOSED,
  NO_OPT_IN,
  WHATSAPP_FAILED,
  NO_WHATSAPP_SENDER,
  TEST_KEY_SANDBOX_ONLY,
} = defineMessageErrors('messaging', {
  NO_ROUTE: {
    code: 'no_route',
    status: 'failed',
    title: 'No route to this destination',
    detail: 'no connector is routed for this destination; an operator must add a route',
    when: 'the routing table has no connector for the destination',
  },
  RETRIES_EXHAUSTED: {
    code: 'retries_exhausted',
    status: 'failed',
    title: 'Every attempt failed',
    detail: 'the operators kept failing temporarily until the retry budget ran out',
    when: 'temporary errors on every connector of the route until the attempt limit',
  },
  VALIDITY_EXPIRED: {
    code: 'validity_expired',
    status: 'expired',
    title: 'Not sent before validUntil',
    detail: 'the message could not be handed to an operator before its validUntil time',
    when: '`validUntil` passed before an operator took the message',
  },
  SMPP_REJECTED: {
    code: 'smpp_0x…',
    status: 'failed',
    title: 'The operator rejected the message',
    detail: 'submit_sm answered command_status 0x…',
    when: 'an SMSC refused submit_sm permanently; the code carries its command_status (`smpp_0x0000000b`)',
  },
  // SMPP 3.4 appendix B: the final receipt states other than DELIVRD.
  RECEIPT_EXPIRED: {
    code: 'receipt_expired',
    status: 'expired',
    title: 'The operator gave up delivering',
    detail: 'receipt stat EXPIRED',
    when: 'the delivery receipt says EXPIRED',
  },
  RECEIPT_UNDELIV: {
    code: 'receipt_undeliv',
    status: 'undelivered',
    title: 'The operator could not deliver the message',
    detail: 'receipt stat UNDELIV',
    when: 'the delivery receipt says UNDELIV',
  },
  RECEIPT_REJECTD: {
    code: 'receipt_rejectd',
    status: 'undelivered',
    title: 'The operator could not deliver the message',
    detail: 'receipt stat REJECTD',
    when: 'the delivery receipt says REJECTD',
  },
  RECEIPT_DELETED: {
    code: 'receipt_deleted',
    status: 'undelivered',
    title: 'The operator could not deliver the message',
    detail: 'receipt stat DELETED',
    when: 'the delivery receipt says DELETED',
  },
  RECEIPT_UNKNOWN: {
    code: 'receipt_unknown',
    status: 'undelivered',
    title: 'The operator could not deliver the message',
    detail: 'receipt stat UNKNOWN',
    when: 'the delivery receipt says UNKNOWN',
  },
  WINDOW_CLOSED: {
    code: 'whatsapp_window_closed',
    status: 'rejected',
    title: 'The 24-hour WhatsApp window is closed',
    detail: 'the customer has not written to this number in the last 24 hours: only an approved template can be sent',
    when: 'a free-form WhatsApp message outside the 24-hour window (`failed` when Meta reports 131047)',
  },
  NO_OPT_IN: {
    code: 'no_consent',
    status: 'rejected',
    title: 'No WhatsApp opt-in',
    detail:
      "a template that opens a conversation needs the customer's WhatsApp opt-in (PUT /v1/whatsapp/opt-ins/{number}) when the account enforces consent",
    when: "a WhatsApp template opening a conversation without the customer's opt-in, where the account enforces consent",
  },
  WHATSAPP_FAILED: {
    code: 'whatsapp_<Meta code>',
    status: 'failed',
    title: "Meta's error title",
    detail: "Meta's error details",
    when: "the Cloud API refused the message or reported it failed; the code carries Meta's (`whatsapp_131026`, `whatsapp_error` without one)",
  },
  NO_WHATSAPP_SENDER: {
    code: 'whatsapp_no_sender',
    status: 'failed',
    title: 'The sender is not a WhatsApp number of this platform',
    detail: 'the from number is not (or no longer) mapped to a WhatsApp connector',
    when: 'the sender number lost its WhatsApp connector between accept and send',
  },
  TEST_KEY_SANDBOX_ONLY: {
    code: 'test_key_sandbox_only',
    status: 'failed',
    title: 'Test keys only reach the sandbox',
    detail: 'this WhatsApp number belongs to a real Business Account: send with a live key, or use the sandbox number',
    when: 'a test key sent from a WhatsApp number of a real Business Account',
  },
});

export function smppRejected(commandStatus: number): MessageError {
  const hex = `0x${commandStatus.toString(16).padStart(8, '0')}`;
  return { ...SMPP_REJECTED, code: `smpp_${hex}`, detail: `submit_sm answered command_status ${hex}` };
}

/** A failure Meta reported, under its own code, title and details. */
export function whatsAppFailed(code: number | string, title: string, detail: string): MessageError {
  return { code: `whatsapp_${code}`, title, detail };
}

const RECEIPT_ERRORS: Record<string, { status: 'undelivered' | 'expired'; error: MessageError }> = {
  EXPIRED: { status: 'expired', error: RECEIPT_EXPIRED },
  UNDELIV: { status: 'undelivered', error: RECEIPT_UNDELIV },
  REJECTD: { status: 'undelivered', error: RECEIPT_REJECTD },
  DELETED: { status: 'undelivered', error: RECEIPT_DELETED },
  UNKNOWN: { status: 'undelivered', error: RECEIPT_UNKNOWN },
};

/** SMPP 3.4 appendix B receipt states that end a message, with the status they mean. */
export function receiptOutcome(
  stat: string,
  err: string | undefined,
): { status: 'delivered' | 'undelivered' | 'expired'; error: MessageError | null } | undefined {
  const s = stat.toUpperCase();
  if (s === 'DELIVRD') return { status: 'delivered', error: null };
  const final = RECEIPT_ERRORS[s];
  if (!final) return undefined; // ENROUTE, ACCEPTD: not final
  return { status: final.status, error: { ...final.error, detail: `receipt stat ${s} err ${err ?? '-'}` } };
}
