// Message error codes of fraud: blocks by the rules and rejections after review. Its HTTP
// refusals use the platform's generic problem types (http/problem.ts).
import { defineMessageErrors } from '../messaging/error-catalogue.ts';

export const { FRAUD_BLOCKED, REVIEW_REJECTED } = defineMessageErrors('fraud', {
  FRAUD_BLOCKED: {
    code: 'fraud_blocked',
    status: 'rejected',
    title: 'Blocked by the fraud rules',
    detail: 'the fraud rules that fired, with their explanations',
    when: 'a fraud rule in `enforce` mode decided `block`; the detail names the rules',
  },
  REVIEW_REJECTED: {
    code: 'fraud_blocked',
    status: 'rejected',
    title: 'Rejected after fraud review',
    detail: 'a reviewer rejected this message after the fraud rules held it',
    when: 'a reviewer rejected a message the fraud rules held (`held` → `rejected`)',
  },
});
