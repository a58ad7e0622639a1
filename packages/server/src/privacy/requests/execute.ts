// Carrying out a data-subject request: a graphile-worker job per request, queued when the
// request is received (or approved, where the account wants a person to approve first).
// received → in_progress → completed | rejected; an automated-decision review stays
// in_progress until a person has reviewed every decision it lists.
import type { Context } from '../../context.ts';
import type { Db } from '../../db/pool.ts';
import { withTransaction } from '../../db/tx.ts';
import { jsonb } from '../../db/json.ts';
import { appendAudit } from '../../platform/audit/log.ts';
import { createSubjectHasher } from '../subject-hash.ts';
import { contactBySubject, type ContactRow } from '../contacts.ts';
import { updateContact, type ContactChanges } from '../contact-updates.ts';
import { collectSubjectData, storeExport } from './export.ts';
import { eraseSubject } from './erasure.ts';
import { erasePlatformSubject, exportPlatformSubject } from './platform-subjects.ts';
import { automatedDecisions } from './decisions.ts';
import { isUnderLegalHold } from '../retention/holds.ts';
import { getRequest, readChanges, setStatus, type RequestRow } from './store.ts';

export const EXECUTE_TASK = 'execute_privacy_request';

export async function queueExecution(db: Db, accountId: string, requestId: string): Promise<void> {
  await db`select graphile_worker.add_job(${EXECUTE_TASK}, json_build_object('accountId', ${accountId}::text, 'requestId', ${requestId}::text), job_key := ${requestId})`;
}

type Outcome =
  | {
      status: 'completed' | 'in_progress';
      result: Record<string, unknown>;
      exportFileId?: string;
      exportExpiresAt?: Date;
    }
  | { status: 'rejected'; reason: string; result?: Record<string, unknown> };

const SYSTEM = { type: 'system' as const, id: 'privacy-requests' };

async function run(ctx: Context, row: RequestRow): Promise<Outcome> {
  if (row.subjectKind === 'platform') return runPlatform(ctx, row);
  const contact = await contactBySubject(ctx.sql, row.accountId, row.subjectHash);
  switch (row.type) {
    case 'access':
    case 'portability': {
      const stored = await storeExport(
        ctx,
        row.accountId,
        row.id,
        await collectSubjectData(ctx, row.accountId, row.subjectHash),
      );
      return {
        status: 'completed',
        result: { exported: stored.counts, format: 'zip: export.json and one CSV per table' },
        exportFileId: stored.fileId,
        exportExpiresAt: stored.expiresAt,
      };
    }
    case 'rectification':
      return rectify(ctx, row, contact);
    case 'erasure': {
      if (await isUnderLegalHold(ctx.sql, row.accountId, row.subjectHash)) {
        return {
          status: 'rejected',
          reason:
            'a legal hold applies to this account or person: the data must be kept until it is lifted (GDPR Art. 17(3)(e)); file the erasure again then',
        };
      }
      const report = await eraseSubject(ctx, row.accountId, row.subjectHash, row.id);
      return { status: 'completed', result: { ...report } };
    }
    case 'objection':
    case 'restriction': {
      await ctx.sql`insert into privacy_restrictions (account_id, subject_hash, kind, request_id, created_at)
                    values (${row.accountId}, ${row.subjectHash}, ${row.type}, ${row.id}, ${ctx.clock.now()}) on conflict do nothing`;
      const effect =
        row.type === 'objection'
          ? 'no marketing messages on any channel (rejected with objection)'
          : 'no messages at all; data only stored (rejected with restricted)';
      return { status: 'completed', result: { effect } };
    }
    case 'automated_decision_review': {
      const decisions = await automatedDecisions(ctx.sql, row.accountId, row.subjectHash, row.id);
      return {
        status: decisions.length === 0 ? 'completed' : 'in_progress',
        result: {
          decisions: decisions.length,
          awaiting: 'a person confirms or overturns each decision (POST /v1/privacy/requests/{id}/reviews)',
        },
      };
    }
  }
}

/** A person the platform is controller for: access and portability export, erasure erases. */
async function runPlatform(ctx: Context, row: RequestRow): Promise<Outcome> {
  switch (row.type) {
    case 'access':
    case 'portability': {
      const stored = await exportPlatformSubject(ctx, row.accountId, row.id, row.subjectHash);
      return {
        status: 'completed',
        result: { exported: stored.counts, format: 'zip: export.json and one CSV per table' },
        exportFileId: stored.fileId,
        exportExpiresAt: stored.expiresAt,
      };
    }
    case 'erasure':
      if (await isUnderLegalHold(ctx.sql, row.accountId, row.subjectHash)) {
        return {
          status: 'rejected',
          reason:
            'a legal hold applies: the data must be kept until it is lifted (GDPR Art. 17(3)(e)); file the erasure again then',
        };
      }
      return {
        status: 'completed',
        result: { ...(await erasePlatformSubject(ctx, row.accountId, row.subjectHash, row.id)) },
      };
    default:
      return { status: 'rejected', reason: `a ${row.type} request does not apply to a portal user or email address` };
  }
}

async function rectify(ctx: Context, row: RequestRow, contact: ContactRow | undefined): Promise<Outcome> {
  if (!contact)
    return { status: 'rejected', reason: 'no contact is held for this subject, so there is nothing to correct' };
  const changes = (await readChanges<ContactChanges>(ctx.keyring, row)) ?? {};
  const hasher = createSubjectHasher(ctx.sql, ctx.keyring);
  await withTransaction(ctx.sql, async (tx) => {
    const locked = (
      await tx<
        ContactRow[]
      >`select account_id as "accountId", id, subject_hash as "subjectHash", phone, email_hash as "emailHash", profile, tags,
      created_at as "createdAt", updated_at as "updatedAt" from contacts where account_id = ${row.accountId} and id = ${contact.id} for update`
    )[0]!;
    await updateContact(ctx, hasher, tx, { accountId: row.accountId, actor: SYSTEM }, locked, changes);
  });
  return { status: 'completed', result: { contactId: contact.id, corrected: Object.keys(changes).sort() } };
}

/** The job: moves the request on, runs it, records the outcome. Safe to run twice. */
export async function executeRequest(ctx: Context, accountId: string, requestId: string): Promise<void> {
  const row = await withTransaction(ctx.sql, async (tx) => {
    const r = await getRequest(tx, accountId, requestId, { forUpdate: true });
    if (!r || (r.status !== 'received' && r.status !== 'in_progress') || (r.status === 'in_progress' && r.result))
      return undefined;
    if (r.status === 'received') await setStatus(tx, r, 'in_progress', ctx.clock.now());
    return r;
  });
  if (!row) return;
  const outcome = await run(ctx, row);
  await withTransaction(ctx.sql, async (tx) => {
    const current = (await getRequest(tx, accountId, requestId, { forUpdate: true }))!;
    const at = ctx.clock.now();
    if (outcome.status === 'rejected') {
      await setStatus(tx, current, 'rejected', at, {
        rejectionReason: outcome.reason,
        ...(outcome.result && { result: outcome.result }),
      });
    } else if (outcome.status === 'completed') {
      await setStatus(tx, current, 'completed', at, {
        result: outcome.result,
        ...(outcome.exportFileId && { exportFileId: outcome.exportFileId, exportExpiresAt: outcome.exportExpiresAt! }),
      });
    } else {
      await tx`update privacy_requests set result = ${jsonb(tx, outcome.result)}, updated_at = ${at} where account_id = ${accountId} and id = ${requestId}`;
    }
    await appendAudit(tx, {
      accountId,
      actor: SYSTEM,
      action: `dsr.${outcome.status}`,
      target: { type: 'privacy_request', id: requestId },
      data: { type: row.type },
      at,
    });
  });
}
