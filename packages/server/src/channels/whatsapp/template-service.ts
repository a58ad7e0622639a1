// WhatsApp message templates: created through our API and submitted to Meta for review, their
// statuses kept in step from Meta's webhook (message_template_status_update) and a periodic
// sync, each change announced as a `template.*` event. Only APPROVED templates can be sent.
import type { Context } from '../../context.ts';
import type { Db } from '../../db/pool.ts';
import { withTransaction } from '../../db/tx.ts';
import { jsonb } from '../../db/json.ts';
import { P, Problem } from '../../http/problem.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvents } from '../../platform/events.ts';
import { createCache } from '../../db/cache.ts';
import type { WhatsAppDirectory } from './directory.ts';
import type { GraphTemplate, TemplateDefinition, TemplateDefinitionComponent, TemplateStatus } from './templates.ts';

export interface TemplateRow {
  accountId: string;
  id: string;
  connectorId: string;
  name: string;
  language: string;
  category: string;
  status: TemplateStatus;
  quality: string | null;
  components: TemplateDefinitionComponent[];
  reason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const columns = (db: Db) => db`
  account_id as "accountId", id, connector_id as "connectorId", name, language, category, status, quality, components, reason,
  created_at as "createdAt", updated_at as "updatedAt"`;

export async function listTemplates(db: Db, accountId: string): Promise<TemplateRow[]> {
  return db<
    TemplateRow[]
  >`select ${columns(db)} from whatsapp_templates where account_id = ${accountId} order by name, language`;
}

/** The connector of the account's WhatsApp numbers (its first one unless named). */
export async function accountConnector(db: Db, accountId: string, connectorId?: string): Promise<string> {
  const [row] = await db<{ connectorId: string }[]>`
    select whatsapp_connector_id as "connectorId" from numbers
    where account_id = ${accountId} and whatsapp_connector_id is not null ${connectorId ? db`and whatsapp_connector_id = ${connectorId}` : db``}
    order by number limit 1`;
  if (!row)
    throw Problem.field(
      connectorId ? '/connectorId' : '/',
      connectorId ? 'none of your WhatsApp numbers uses this connector' : 'this account has no WhatsApp number yet',
    );
  return row.connectorId;
}

export async function createTemplate(
  ctx: Context,
  directory: WhatsAppDirectory,
  accountId: string,
  def: TemplateDefinition,
  connectorId?: string,
): Promise<TemplateRow> {
  const id = await accountConnector(ctx.sql, accountId, connectorId);
  const connector = await directory.connector(id);
  if (!connector?.client) throw new Problem(P.unavailable, 'the WhatsApp connector is disabled or has no access token');
  const [dup] =
    await ctx.sql`select 1 from whatsapp_templates where account_id = ${accountId} and connector_id = ${id} and name = ${def.name} and language = ${def.language}`;
  if (dup) throw new Problem(P.conflict, `a template ${def.name} (${def.language}) exists already`);
  // Our row first (committed): Meta's review can answer by webhook before its create call returns.
  const at = ctx.clock.now();
  const row = await withTransaction(ctx.sql, async (tx) => {
    const [inserted] = await tx<TemplateRow[]>`
      insert into whatsapp_templates (account_id, id, connector_id, name, language, category, status, components, created_at, updated_at)
      values (${accountId}, ${newId('tpl', at)}, ${id}, ${def.name}, ${def.language}, ${def.category}, 'PENDING', ${jsonb(tx, def.components)}, ${at}, ${at})
      returning ${columns(tx)}`;
    await announce(tx, inserted!, at);
    return inserted!;
  });
  try {
    const created = await connector.client.createTemplate(connector.config.wabaId, def);
    const [updated] = await ctx.sql<TemplateRow[]>`
      update whatsapp_templates set meta_id = ${created.id}, category = ${created.category} where account_id = ${accountId} and id = ${row.id} returning ${columns(ctx.sql)}`;
    if (created.status !== 'PENDING')
      await applyTemplateStatus(
        ctx.sql,
        id,
        { name: def.name, language: def.language, status: created.status },
        ctx.clock.now(),
      );
    return updated ?? row;
  } catch (err) {
    await ctx.sql`delete from whatsapp_templates where account_id = ${accountId} and id = ${row.id}`;
    throw err;
  }
}

export async function deleteTemplate(
  ctx: Context,
  directory: WhatsAppDirectory,
  accountId: string,
  templateId: string,
): Promise<void> {
  const [row] = await ctx.sql<
    TemplateRow[]
  >`select ${columns(ctx.sql)} from whatsapp_templates where account_id = ${accountId} and id = ${templateId}`;
  if (!row) throw new Problem(P['not-found'], `no template ${templateId}`);
  const connector = await directory.connector(row.connectorId);
  if (connector?.client) await connector.client.deleteTemplate(connector.config.wabaId, row.name);
  const at = ctx.clock.now();
  await withTransaction(ctx.sql, async (tx) => {
    // Meta deletes a name in every language: so do we.
    const gone = await tx<
      TemplateRow[]
    >`delete from whatsapp_templates where account_id = ${accountId} and connector_id = ${row.connectorId} and name = ${row.name} returning ${columns(tx)}`;
    for (const t of gone) await announce(tx, { ...t, status: 'DELETED' as TemplateStatus }, at);
  });
}

/** A status Meta reports (webhook or sync) for a template of a connector: stored and announced when it changed. */
export async function applyTemplateStatus(
  db: Db,
  connectorId: string,
  t: { name: string; language: string; status: TemplateStatus; reason?: string | null; quality?: string | null },
  at: Date,
): Promise<number> {
  const changed = await db<TemplateRow[]>`
    update whatsapp_templates set status = ${t.status}, reason = ${t.reason ?? null}, quality = coalesce(${t.quality ?? null}, quality), updated_at = ${at}
    where connector_id = ${connectorId} and name = ${t.name} and language = ${t.language} and status is distinct from ${t.status}
    returning ${columns(db)}`;
  for (const row of changed) await announce(db, row, at);
  return changed.length;
}

/** Every account's templates on every connector, in step with Meta's list (missed webhooks, templates made in Meta's tools). */
export async function syncTemplates(ctx: Context, directory: WhatsAppDirectory): Promise<number> {
  const owners = await ctx.sql<{ accountId: string; connectorId: string }[]>`
    select distinct account_id as "accountId", whatsapp_connector_id as "connectorId" from numbers where whatsapp_connector_id is not null`;
  let changed = 0;
  for (const { accountId, connectorId } of owners) {
    const connector = await directory.connector(connectorId);
    if (!connector?.client) continue;
    const remote = await connector.client.listTemplates(connector.config.wabaId);
    const at = ctx.clock.now();
    for (const t of remote) changed += await upsertRemote(ctx.sql, accountId, connectorId, t, at);
  }
  return changed;
}

async function upsertRemote(
  db: Db,
  accountId: string,
  connectorId: string,
  t: GraphTemplate,
  at: Date,
): Promise<number> {
  const inserted = await db<TemplateRow[]>`
    insert into whatsapp_templates (account_id, id, connector_id, name, language, category, status, components, meta_id, reason, created_at, updated_at)
    values (${accountId}, ${newId('tpl', at)}, ${connectorId}, ${t.name}, ${t.language}, ${t.category}, ${t.status}, ${jsonb(db, t.components)},
            ${t.id}, ${t.rejected_reason ?? null}, ${at}, ${at})
    on conflict (account_id, connector_id, name, language) do nothing
    returning ${columns(db)}`;
  for (const row of inserted) await announce(db, row, at);
  return (
    inserted.length +
    (inserted.length
      ? 0
      : await applyTemplateStatus(
          db,
          connectorId,
          { name: t.name, language: t.language, status: t.status, reason: t.rejected_reason ?? null },
          at,
        ))
  );
}

async function announce(db: Db, t: TemplateRow, at: Date): Promise<void> {
  await emitEvents(db, [
    {
      accountId: t.accountId,
      type: `template.${t.status.toLowerCase()}`,
      objectType: 'template',
      objectId: t.id,
      at,
      data: { name: t.name, language: t.language, category: t.category, status: t.status, reason: t.reason },
    },
  ]);
}

/** For accept: the account's templates by connector, name and language (cached a few seconds per process). */
export function approvedTemplates(db: Db, ttlMs = 3000) {
  const cache = createCache<Promise<TemplateRow[]>>({ ttlMs });
  /** `fresh`: skip the cache (a template just approved must not be refused for a few seconds). */
  return (accountId: string, fresh = false): Promise<TemplateRow[]> => {
    if (fresh) cache.invalidate(accountId);
    return cache.get(accountId, () => listTemplates(db, accountId));
  };
}
