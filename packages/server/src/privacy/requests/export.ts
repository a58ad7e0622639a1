// Access and portability: everything held on one person, machine-readable. A zip with
// export.json (all of it, nested) and one CSV per table, sealed with the account's data key in
// the files table and downloadable until it expires.
import { strToU8, zipSync } from 'fflate';
import type { FastifyReply } from 'fastify';
import type { Context } from '../../context.ts';
import { P, Problem } from '../../http/problem.ts';
import type { RequestRow } from './store.ts';
import { decryptField } from '../../platform/crypto/keyring.ts';
import { postgresFileStore } from '../../platform/files/store.ts';
import { toCsv, type Cell } from '../../platform/csv.ts';
import { contactBySubject, contactJson } from '../contacts.ts';
import { consentHistory } from '../consent.ts';

export const EXPORT_DAYS = 7;

export interface SubjectData {
  contact: Awaited<ReturnType<typeof contactJson>> | null;
  consents: Awaited<ReturnType<typeof consentHistory>>;
  messages: Record<string, Cell>[];
  events: Record<string, Cell>[];
  usage: Record<string, Cell>[];
  restrictions: Record<string, Cell>[];
  suppressions: Record<string, Cell>[];
}

export async function collectSubjectData(ctx: Context, accountId: string, subjectHash: Buffer): Promise<SubjectData> {
  const { sql, keyring } = ctx;
  const contactRow = await contactBySubject(sql, accountId, subjectHash);
  const messages = await sql<
    {
      id: string;
      direction: string;
      channel: string;
      status: string;
      to: string;
      from: string | null;
      body: Buffer | null;
      purpose: string;
      errorCode: string | null;
      createdAt: Date;
    }[]
  >`
    select id, direction, channel, status, to_number as "to", from_number as "from", body, purpose, error_code as "errorCode", created_at as "createdAt"
    from messages where account_id = ${accountId} and subject_hash = ${subjectHash} order by id`;
  const ids = messages.map((m) => m.id);
  const events = await sql<{ objectId: string; type: string; status: string | null; createdAt: Date }[]>`
    select object_id as "objectId", type, data->>'status' as status, created_at as "createdAt"
    from events where account_id = ${accountId} and object_id = any(${ids}) order by object_id, sequence`;
  const usage = await sql<
    {
      messageId: string;
      channel: string;
      direction: string;
      country: string | null;
      units: number;
      amountMicros: string;
      currency: string | null;
      occurredAt: Date;
    }[]
  >`
    select message_id as "messageId", channel, direction, country, units, amount_micros::text as "amountMicros", currency, occurred_at as "occurredAt"
    from usage_records where account_id = ${accountId} and message_id = any(${ids}) order by id`;
  const restrictions = await sql<{ kind: string; createdAt: Date }[]>`
    select kind, created_at as "createdAt" from privacy_restrictions where account_id = ${accountId} and subject_hash = ${subjectHash}`;
  const suppressions = await sql<{ channel: string; reason: string; createdAt: Date }[]>`
    select channel, reason, created_at as "createdAt" from suppressions where account_id = ${accountId} and subject_hash = ${subjectHash}`;
  const iso = (d: Date) => d.toISOString();
  return {
    contact: contactRow ? await contactJson(keyring, contactRow) : null,
    consents: await consentHistory(sql, keyring, accountId, subjectHash),
    messages: await Promise.all(
      messages.map(async (m) => ({
        id: m.id,
        direction: m.direction,
        channel: m.channel,
        status: m.status,
        to: m.to,
        from: m.from,
        body: await decryptField(keyring, accountId, m.body),
        purpose: m.purpose,
        errorCode: m.errorCode,
        createdAt: iso(m.createdAt),
      })),
    ),
    events: events.map((e) => ({ messageId: e.objectId, type: e.type, status: e.status, at: iso(e.createdAt) })),
    usage: usage.map((u) => ({ ...u, occurredAt: iso(u.occurredAt) })),
    restrictions: restrictions.map((r) => ({ kind: r.kind, since: iso(r.createdAt) })),
    suppressions: suppressions.map((s) => ({ ...s, createdAt: iso(s.createdAt) })),
  };
}

/** Builds the zip, seals it and stores it; returns the file and when it expires. */
export async function storeExport(
  ctx: Context,
  accountId: string,
  requestId: string,
  data: SubjectData,
): Promise<{ fileId: string; expiresAt: Date; counts: Record<string, number> }> {
  const c = data.contact;
  const stored = await storeZip(ctx, accountId, requestId, data, {
    contact: c
      ? [
          {
            id: c.id,
            phone: c.phone,
            name: c.name,
            email: c.email,
            whatsappId: c.whatsappId,
            attributes: JSON.stringify(c.attributes),
            tags: c.tags.join(' '),
            createdAt: c.createdAt,
          },
        ]
      : [],
    consents: data.consents.map((r) => ({ ...r, actor: `${r.actor.type}:${r.actor.id}` })),
    messages: data.messages,
    message_events: data.events,
    usage: data.usage,
    restrictions: data.restrictions,
    suppressions: data.suppressions,
  });
  const counts = {
    contact: c ? 1 : 0,
    consents: data.consents.length,
    messages: data.messages.length,
    events: data.events.length,
    usage: data.usage.length,
  };
  return { ...stored, counts };
}

/** export.json (all of `data`) and one CSV per table, zipped, sealed with the account's key, stored until it expires. */
export async function storeZip(
  ctx: Context,
  accountId: string,
  requestId: string,
  data: object,
  tables: Record<string, Record<string, Cell>[]>,
): Promise<{ fileId: string; expiresAt: Date }> {
  const files: Record<string, Uint8Array> = {
    'export.json': strToU8(JSON.stringify({ requestId, exportedAt: ctx.clock.now().toISOString(), ...data }, null, 2)),
    ...Object.fromEntries(Object.entries(tables).map(([name, rows]) => [`${name}.csv`, strToU8(toCsv(rows))])),
  };
  const sealed = await ctx.keyring.encrypt(accountId, Buffer.from(zipSync(files)));
  const expiresAt = new Date(ctx.clock.now().getTime() + EXPORT_DAYS * 86_400_000);
  const meta = await postgresFileStore(ctx.sql, ctx.clock).put(
    accountId,
    { name: `${requestId}.zip`, contentType: 'application/zip', expiresAt, purpose: 'export' },
    (async function* () {
      yield sealed;
    })(),
  );
  return { fileId: meta.id, expiresAt };
}

/** Answers with a request's export (decrypted zip) while it has not expired. */
export async function sendExport(ctx: Context, row: RequestRow, reply: FastifyReply): Promise<FastifyReply> {
  if (!row.exportFileId) throw new Problem(P['not-found'], 'this request has no export');
  const file =
    row.exportExpiresAt && row.exportExpiresAt > ctx.clock.now()
      ? await postgresFileStore(ctx.sql, ctx.clock).get(row.accountId, row.exportFileId)
      : undefined;
  if (!file) throw new Problem(P['not-found'], 'the export has expired; file a new request');
  const chunks: Buffer[] = [];
  for await (const c of file.stream) chunks.push(c as Buffer);
  const zip = await ctx.keyring.decrypt(row.accountId, Buffer.concat(chunks));
  return reply
    .type('application/zip')
    .header('content-disposition', `attachment; filename="${row.id}.zip"`)
    .header('cache-control', 'no-store')
    .send(zip);
}
