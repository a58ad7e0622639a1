// A fraud decision as stored with a message and shown by the API: what was decided, how sure
// (score 0-100), under which mode, and every rule that fired with its explanation, so no
// automated decision goes unexplained (the privacy work's automated-decision review reads it).
import { Type, type Static } from 'typebox';

export const FraudDecisionSchema = Type.Object({
  action: Type.Union([Type.Literal('allow'), Type.Literal('review'), Type.Literal('block')], {
    description: 'what was done: review holds the message, block rejects it',
  }),
  wouldAction: Type.Union([Type.Literal('allow'), Type.Literal('review'), Type.Literal('block')], {
    description: 'what the rules asked for (differs from action in monitor mode)',
  }),
  mode: Type.Union([Type.Literal('monitor'), Type.Literal('enforce')]),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  rules: Type.Array(Type.Object({ rule: Type.String(), score: Type.Number(), explanation: Type.String() })),
  decidedAt: Type.String({ format: 'date-time' }),
});
export type FraudDecision = Static<typeof FraudDecisionSchema>;
