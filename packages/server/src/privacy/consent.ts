// The consent ledger: append-only records per person, channel and purpose; the current state
// is the latest record of each pair. History is never rewritten: a withdrawal is a new
// record, and only an erasure deletes records (privacy/requests/erasure.ts).
import type { Db } from '../db/pool.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { decryptField, encryptField } from '../platform/crypto/keyring.ts';
import { newId } from '../platform/ids.ts';
import { emitEvents } from '../platform/events.ts';
import type { ActorType } from '../platform/audit/log.ts';

export const CHANNELS = ['sms', 'whatsapp', 'push', 'voice', 'email'] as const;
export type ConsentChannel = (typeof CHANNELS)[number];
export const SOURCES = ['api', 'keyword', 'portal', 'import', 'form'] as const;
export type ConsentSource = (typeof SOURCES)[number];
/** Meta's opt-in to be contacted on WhatsApp at all, which business-initiated templates need. */
export const WHATSAPP_OPTIN = 'optin';

export interface ConsentInput {
  accountId: string;
  subjectHash: Buffer;
  /** The contact the events name; consent can be recorded for a number before it has one. */
  contactId: string;
  channel: ConsentChannel;
  purpose: string;
  action: 'granted' | 'withdrawn';
  source: ConsentSource;
  evidence: string | null;
  actor: { type: ActorType; id: string };
  at: Date;
}

export interface ConsentRecord {
  id: string;
  channel: string;
  purpose: string;
  action: 'granted' | 'withdrawn';
  source: string;
  evidence: string | null;
  actor: { type: string; id: string };
  recordedAt: string;
}

interface RecordRow {
  accountId: string;
  id: string;
  channel: string;
  purpose: string;
  action: 'granted' | 'withdrawn';
  source: string;
  evidence: Buffer | null;
  actorType: string;
  actorId: string;
  recordedAt: Date;
}

/** Appends records (evidence sealed) and their `consent.granted|withdrawn` events, in the caller's transaction. */
export async function recordConsents(db: Db, keyring: Keyring, inputs: ConsentInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const c of inputs) {
    const id = newId('cns', c.at);
    ids.push(id);
    await db`insert into consent_records (account_id, id, subject_hash, channel, purpose, action, source, evidence, actor_type, actor_id, recorded_at)
             values (${c.accountId}, ${id}, ${c.subjectHash}, ${c.channel}, ${c.purpose}, ${c.action}, ${c.source},
                     ${await encryptField(keyring, c.accountId, c.evidence)}, ${c.actor.type}, ${c.actor.id}, ${c.at})`;
  }
  await emitEvents(
    db,
    inputs.map((c, i) => ({
      accountId: c.accountId,
      type: `consent.${c.action}`,
      objectType: 'contact',
      objectId: c.contactId,
      at: c.at,
      data: { consentId: ids[i], channel: c.channel, purpose: c.purpose, action: c.action, source: c.source },
    })),
  );
  return ids;
}

export async function consentHistory(
  db: Db,
  keyring: Keyring,
  accountId: string,
  subjectHash: Buffer,
): Promise<ConsentRecord[]> {
  const rows = await db<RecordRow[]>`
    select account_id as "accountId", id, channel, purpose, action, source, evidence, actor_type as "actorType", actor_id as "actorId", recorded_at as "recordedAt"
    from consent_records where account_id = ${accountId} and subject_hash = ${subjectHash} order by recorded_at, id`;
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      channel: r.channel,
      purpose: r.purpose,
      action: r.action,
      source: r.source,
      evidence: await decryptField(keyring, accountId, r.evidence),
      actor: { type: r.actorType, id: r.actorId },
      recordedAt: r.recordedAt.toISOString(),
    })),
  );
}

/** The current state: the latest record of each channel and purpose. */
export function currentConsent(
  history: ConsentRecord[],
): { channel: string; purpose: string; granted: boolean; since: string; source: string }[] {
  const latest = new Map<string, ConsentRecord>();
  for (const r of history) latest.set(`${r.channel}|${r.purpose}`, r);
  return [...latest.values()].map((r) => ({
    channel: r.channel,
    purpose: r.purpose,
    granted: r.action === 'granted',
    since: r.recordedAt,
    source: r.source,
  }));
}

export interface SubjectKey {
  accountId: string;
  subjectHash: Buffer;
}

/**
 * Which of these people currently grant consent for the channel and one of the purposes:
 * one query for a whole group of messages. Keys are `${accountId}|${hash hex}|${purpose}`.
 */
export async function currentGrants(
  db: Db,
  subjects: readonly SubjectKey[],
  channel: string,
  purposes: readonly string[],
): Promise<Set<string>> {
  if (subjects.length === 0) return new Set();
  const rows = await db<{ key: string; action: string }[]>`
    select distinct on (c.account_id, c.subject_hash, c.purpose) c.account_id || '|' || encode(c.subject_hash, 'hex') || '|' || c.purpose as key, c.action
    from consent_records c
    join unnest(${subjects.map((s) => s.accountId)}::text[], ${subjects.map((s) => s.subjectHash.toString('hex'))}::text[]) as k(account_id, hash)
      on c.account_id = k.account_id and c.subject_hash = decode(k.hash, 'hex')
    where c.channel = ${channel} and c.purpose = any(${purposes as string[]})
    order by c.account_id, c.subject_hash, c.purpose, c.recorded_at desc, c.id desc`;
  return new Set(rows.filter((r) => r.action === 'granted').map((r) => r.key));
}

/** The accounts among these that enforce the consent rule (a setting, default on for clients). */
export async function enforcingAccounts(db: Db, accountIds: readonly string[]): Promise<Set<string>> {
  const rows = await db<{ id: string }[]>`
    select id from accounts where id = any(${[...new Set(accountIds)]}) and coalesce((settings->>'consentEnforcement')::boolean, false)`;
  return new Set(rows.map((a) => a.id));
}
