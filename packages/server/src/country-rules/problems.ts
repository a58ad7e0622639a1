// Message error codes of the per-country rules, recorded on refused messages (`error.code`). The
// admin routes use the platform's generic problem types (validation-failed, not-found).
import { defineMessageErrors } from '../messaging/error-catalogue.ts';
import type { MessageError } from '../messaging/model.ts';

/** The generic form; the builders below say which rule refused the sender. */
export const { SENDER_NOT_ALLOWED } = defineMessageErrors('country-rules', {
  SENDER_NOT_ALLOWED: {
    code: 'sender_not_allowed',
    status: 'rejected',
    title: 'The sender is not allowed',
    detail:
      'this sender may not be used for this message; send from one of your numbers or a sender registered for the destination',
    when: "the destination country does not carry this sender (alphanumeric, or not registered there), or it is not on the account's sender allow-list",
  },
});

/** A country that does not carry alphanumeric senders at all (for example the United States). */
export function alphanumericNotCarried(country: string): MessageError {
  return {
    ...SENDER_NOT_ALLOWED,
    detail: `operators in ${country} do not carry alphanumeric senders; send from a number or short code`,
  };
}

/** A country that carries only alphanumeric senders registered with its operators. */
export function senderNotRegistered(country: string): MessageError {
  return {
    ...SENDER_NOT_ALLOWED,
    detail: `this alphanumeric sender is not registered for ${country}; ask your operator to register it`,
  };
}

/** The account's own sender allow-list (settings.senderAllowList) refuses the sender. */
export const SENDER_NOT_ON_ALLOW_LIST: MessageError = {
  ...SENDER_NOT_ALLOWED,
  detail: "the sender is not on this account's sender allow-list",
};
