// Message error codes of billing: the refusals of the SMS limit, prepaid credit, spend caps and
// overdue deposits. Its HTTP refusals use the platform's generic problem types (http/problem.ts).
import { defineMessageErrors } from '../messaging/error-catalogue.ts';

export const { LIMIT_REACHED, INSUFFICIENT_BALANCE, SPEND_CAP, DEPOSIT_OVERDUE } = defineMessageErrors('billing', {
  LIMIT_REACHED: {
    code: 'limit_reached',
    status: 'rejected',
    title: "The account's SMS limit is reached",
    detail: 'SMS are refused until the usage is settled or an operator approves a higher limit',
    when: 'a live SMS of a postpaid account at its SMS limit (`smsBlocked`)',
  },
  INSUFFICIENT_BALANCE: {
    code: 'insufficient_balance',
    status: 'rejected',
    title: "The account's prepaid credit is used up",
    detail: 'messages are refused until credit is bought (a top-up invoice) and paid',
    when: 'a live message of a prepaid account without credit',
  },
  SPEND_CAP: {
    code: 'spend_cap',
    status: 'rejected',
    title: "The account's monthly spend cap is reached",
    detail: 'messages are refused until the next month or until the cap is raised (PUT /v1/account/spend-cap)',
    when: 'a live message of an account at its monthly spend cap',
  },
  DEPOSIT_OVERDUE: {
    code: 'deposit_overdue',
    status: 'rejected',
    title: 'A deposit demanded from the account is overdue',
    detail: 'messages are refused until the deposit is received (GET /v1/balance shows the amount and the due date)',
    when: 'a live message of an account whose demanded deposit is past its due date',
  },
});
