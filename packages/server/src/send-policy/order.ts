// The policy order of the contract, assembled from each domain's policy. A new rule is one
// line here and one policy in its own domain.
import type { Context } from '../context.ts';
import { countryRulesCheck } from '../country-rules/send-check.ts';
import { consentCheck } from '../privacy/enforcement.ts';
import { whatsAppWindowCheck } from '../messaging/whatsapp-window.ts';
import { createFraudCounter } from '../fraud/decide.ts';
import { moneyCheck } from '../billing/spend.ts';
import { depositCheck } from '../billing/deposit-demands.ts';
import { smsLimitCounter } from '../billing/limits.ts';
import { createSendPolicyEngine, type SendPolicyEngine } from './engine.ts';

export function createSendPolicies(ctx: Context): SendPolicyEngine {
  return createSendPolicyEngine([
    { check: countryRulesCheck(ctx) },
    { check: consentCheck },
    { check: whatsAppWindowCheck },
    { counter: createFraudCounter(ctx) },
    { check: depositCheck },
    { check: moneyCheck },
    { counter: smsLimitCounter },
  ]);
}
