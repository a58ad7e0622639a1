// Turning the send policies' judgements into a message's status: messaging owns its rows, the
// policies only say what should happen (send-policy/policy.ts).
import type { Candidate, Judgement } from '../send-policy/policy.ts';
import type { MessageRow } from './store.ts';

/** The candidate a row is judged as, on the channel it is about to be sent on. */
export function candidateOf(row: MessageRow, text: string, whatsAppKind: string | null): Candidate {
  return {
    accountId: row.accountId,
    messageId: row.id,
    channel: row.channel === 'whatsapp' ? 'whatsapp' : 'sms',
    keyMode: row.keyMode,
    toNumber: row.toNumber,
    fromNumber: row.fromNumber,
    subjectHash: row.subjectHash,
    purpose: row.purpose,
    text,
    whatsAppKind,
    canFailOver: Boolean(row.fallback?.channels.includes('sms')),
    sendAt: row.scheduledAt,
  };
}

/** Applies a judgement to a row not stored yet; returns whether it must fail over to SMS once stored. */
export function applyJudgement(row: MessageRow, j: Judgement | undefined): { failOver: boolean } {
  if (!j) return { failOver: false };
  if (j.fraud) row.fraud = j.fraud;
  if (j.smsCycle !== undefined) row.smsCycle = j.smsCycle;
  if (j.sender) row.fromNumber = j.sender;
  const v = j.verdict;
  if (!v) return { failOver: false };
  switch (v.kind) {
    case 'refuse':
      Object.assign(row, {
        status: 'rejected',
        nextAttemptAt: null,
        errorCode: v.error.code,
        errorTitle: v.error.title,
        errorDetail: v.error.detail,
      });
      return { failOver: false };
    case 'hold':
      Object.assign(row, { status: 'held', holdReason: v.reason, nextAttemptAt: null });
      return { failOver: false };
    case 'defer':
      Object.assign(row, { status: 'scheduled', scheduledAt: v.until, nextAttemptAt: null });
      return { failOver: false };
    case 'fail_over':
      return { failOver: true };
  }
}
