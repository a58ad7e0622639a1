// The erasure journal outside the database: operators download it with every backup
// (GET /v1/admin/privacy/erasure-journal, hashes only) and, after restoring a backup, apply it
// again with `cx-engage privacy reapply-erasures <file>`, so a restore never brings erased
// people back.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import type { Db } from '../../db/pool.ts';
import type { OperatorCommand } from '../../platform/operator-command.ts';
import { Timestamp } from '../../http/schemas.ts';
import { appendAudit } from '../../platform/audit/log.ts';
import { reapplyErasures } from './erasure.ts';
import type { SubjectKind } from './store.ts';

const Entry = Type.Object({
  accountId: Type.String(),
  subjectHash: Type.String({ description: 'hex' }),
  requestId: Type.String(),
  erasedAt: Timestamp,
  subjectKind: Type.Union([Type.Literal('end_user'), Type.Literal('platform')], {
    description:
      "end_user: an account's customer (hash of the number); platform: a portal user or email address (SHA-256 of the address)",
  }),
});
interface JournalEntry {
  accountId: string;
  subjectHash: string;
  requestId: string;
  erasedAt: string;
  subjectKind?: SubjectKind;
}

export async function readJournal(db: Db): Promise<Required<JournalEntry>[]> {
  const rows = await db<
    { accountId: string; subjectHash: Buffer; requestId: string; erasedAt: Date; subjectKind: SubjectKind }[]
  >`
    select account_id as "accountId", subject_hash as "subjectHash", request_id as "requestId", erased_at as "erasedAt", subject_kind as "subjectKind"
    from erasure_journal order by erased_at, request_id`;
  return rows.map((r) => ({ ...r, subjectHash: r.subjectHash.toString('hex'), erasedAt: r.erasedAt.toISOString() }));
}

export async function erasureJournalRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/v1/admin/privacy/erasure-journal',
    {
      schema: {
        tags: ['admin: privacy'],
        summary: 'Every erasure so far, by hash: keep it with each backup and apply it after a restore',
        response: { 200: Type.Object({ data: Type.Array(Entry) }) },
      },
    },
    async () => ({ data: await readJournal(opts.ctx.sql) }),
  );
}

/** Applies a journal file (the JSON the route above returns) to the database again. */
export async function reapplyJournal(
  ctx: Context,
  entries: JournalEntry[],
): Promise<{ subjects: number; messages: number }> {
  // Journals written before platform subjects existed have no kind: they are all end users.
  const applied = await reapplyErasures(
    ctx,
    entries.map((e) => ({
      accountId: e.accountId,
      subjectHash: Buffer.from(e.subjectHash, 'hex'),
      requestId: e.requestId,
      subjectKind: e.subjectKind ?? 'end_user',
    })),
  );
  for (const accountId of new Set(entries.map((e) => e.accountId))) {
    await appendAudit(ctx.sql, {
      accountId,
      actor: { type: 'system', id: 'cli' },
      action: 'privacy.erasures_reapplied',
      data: { entries: entries.filter((e) => e.accountId === accountId).length },
      at: ctx.clock.now(),
    });
  }
  return applied;
}

export const reapplyErasuresCommand: OperatorCommand = {
  name: 'privacy reapply-erasures',
  usage: 'privacy reapply-erasures <journal.json>',
  summary:
    'after restoring a backup: erase again everyone in the erasure journal downloaded from /v1/admin/privacy/erasure-journal',
  async run(ctx, args, out) {
    const [file, ...extra] = args;
    if (!file || extra.length > 0) {
      out('usage: cx-engage privacy reapply-erasures <journal.json>');
      return 2;
    }
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { data?: JournalEntry[] };
    const entries = (parsed.data ?? []).filter(
      (e) => /^[0-9a-f]{64}$/.test(e.subjectHash) && typeof e.accountId === 'string' && typeof e.requestId === 'string',
    );
    if (entries.length !== (parsed.data ?? []).length) {
      out('the file is not an erasure journal: every entry needs accountId, subjectHash (64 hex) and requestId');
      return 1;
    }
    const known = new Set((await ctx.sql<{ id: string }[]>`select id from accounts`).map((a) => a.id));
    const applicable = entries.filter((e) => known.has(e.accountId));
    const { subjects, messages } = await reapplyJournal(ctx, applicable);
    out(
      `re-applied ${subjects} erasure(s); ${messages} message(s) anonymized again; ${entries.length - applicable.length} entr(y/ies) for accounts not in this database skipped`,
    );
    return 0;
  },
};
