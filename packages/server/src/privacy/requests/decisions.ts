// GDPR Art. 22: the automated decisions taken about a person (consent rejections, fraud holds
// and blocks), each with its explanation, for a human to confirm or overturn. Overturning a
// hold releases the message (sent once); a rejection is final, so overturning it is recorded
// and the client may send again.
import type { Context } from '../../context.ts';
import type { Db } from '../../db/pool.ts';
import type { FraudDecision } from '../../fraud/decision.ts';
import { decideHeld } from '../../fraud/review.ts';
import { appendAudit } from '../../platform/audit/log.ts';
import { P, Problem } from '../../http/problem.ts';
import type { RequestRow } from './store.ts';

export interface AutomatedDecision {
  messageId: string;
  kind: 'consent_rejection' | 'fraud_hold' | 'fraud_block';
  status: string;
  at: string;
  explanation: string;
  review: { outcome: string; note: string | null; at: string } | null;
}

export async function automatedDecisions(
  db: Db,
  accountId: string,
  subjectHash: Buffer,
  requestId: string,
): Promise<AutomatedDecision[]> {
  const rows = await db<
    {
      id: string;
      status: string;
      errorCode: string | null;
      errorDetail: string | null;
      fraud: FraudDecision | null;
      createdAt: Date;
      outcome: string | null;
      note: string | null;
      reviewedAt: Date | null;
    }[]
  >`
    select m.id, m.status, m.error_code as "errorCode", m.error_detail as "errorDetail", m.fraud, m.created_at as "createdAt",
           r.outcome, r.note, r.reviewed_at as "reviewedAt"
    from messages m
    left join privacy_decision_reviews r on r.account_id = m.account_id and r.request_id = ${requestId} and r.message_id = m.id
    where m.account_id = ${accountId} and m.subject_hash = ${subjectHash}
      and (m.error_code in ('no_consent', 'fraud_blocked') or m.fraud->>'action' in ('review', 'block'))
    order by m.id`;
  return rows.map((m) => {
    const fraud = m.fraud && m.fraud.action !== 'allow' ? m.fraud : null;
    return {
      messageId: m.id,
      kind: fraud ? (fraud.action === 'block' ? 'fraud_block' : 'fraud_hold') : 'consent_rejection',
      status: m.status,
      at: m.createdAt.toISOString(),
      explanation: fraud
        ? `fraud rules (${fraud.mode}, score ${fraud.score}): ${fraud.rules.map((r) => r.explanation).join('; ')}`
        : (m.errorDetail ?? 'no current consent for marketing on this channel'),
      review: m.outcome ? { outcome: m.outcome, note: m.note, at: m.reviewedAt!.toISOString() } : null,
    };
  });
}

/**
 * Records a person's review of one decision, in the caller's transaction. Says whether every
 * decision is now reviewed, and whether a held message is to be released once it commits.
 */
export async function reviewDecision(
  ctx: Context,
  tx: Db,
  request: RequestRow,
  messageId: string,
  outcome: 'confirmed' | 'overturned',
  note: string | null,
  actor: { type: 'user' | 'key'; id: string },
): Promise<{ allReviewed: boolean; release: boolean }> {
  const decisions = await automatedDecisions(tx, request.accountId, request.subjectHash, request.id);
  const decision = decisions.find((d) => d.messageId === messageId);
  if (!decision) throw Problem.field('/messageId', 'is not one of the automated decisions this request lists');
  if (decision.review) throw new Problem(P['invalid-state'], `this decision was already ${decision.review.outcome}`);
  const at = ctx.clock.now();
  await tx`insert into privacy_decision_reviews (account_id, request_id, message_id, outcome, note, actor_type, actor_id, reviewed_at)
           values (${request.accountId}, ${request.id}, ${messageId}, ${outcome}, ${note}, ${actor.type}, ${actor.id}, ${at})`;
  await appendAudit(tx, {
    accountId: request.accountId,
    actor,
    action: `dsr.decision_${outcome}`,
    target: { type: 'message', id: messageId },
    data: { requestId: request.id, kind: decision.kind },
    at,
  });
  return {
    allReviewed: decisions.every((d) => d.review || d.messageId === messageId),
    release: outcome === 'overturned' && decision.status === 'held',
  };
}

/** The release of an overturned hold: sent once, like a fraud reviewer's release. */
export async function releaseOverturned(
  ctx: Context,
  request: RequestRow,
  messageId: string,
  actor: { type: 'user' | 'key'; id: string },
): Promise<void> {
  await decideHeld(
    ctx,
    actor,
    'release',
    { accountId: request.accountId, ids: [messageId] },
    `overturned by ${request.id}`,
  );
}
