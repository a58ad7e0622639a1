// Contacts: one per person and account, found by subject hash (a number, or "email:<address>"
// for an email-only contact). The number stays plaintext like in messages (search, sending);
// name, email, WhatsApp id and attributes live in a profile sealed with the account's data key.
import type { Db } from '../db/pool.ts';
import { recordset } from '../db/recordset.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { newId } from '../platform/ids.ts';
import type { SubjectHasher } from './subject-hash.ts';

export interface ContactProfile {
  name?: string | null;
  email?: string | null;
  whatsappId?: string | null;
  attributes?: Record<string, string | number | boolean>;
}

export interface ContactRow {
  accountId: string;
  id: string;
  subjectHash: Buffer;
  phone: string | null;
  emailHash: Buffer | null;
  profile: Buffer | null;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface Contact {
  id: string;
  phone: string | null;
  name: string | null;
  email: string | null;
  whatsappId: string | null;
  attributes: Record<string, string | number | boolean>;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

const columns = (
  db: Db,
) => db`account_id as "accountId", id, subject_hash as "subjectHash", phone, email_hash as "emailHash", profile, tags,
  created_at as "createdAt", updated_at as "updatedAt"`;

export const emailIdentity = (email: string) => `email:${email.trim().toLowerCase()}`;

/** The subject hash of a contact: its number's, or its email's when it has no number. */
export async function contactSubject(
  hasher: SubjectHasher,
  accountId: string,
  phone: string | null,
  email: string | null,
): Promise<Buffer> {
  return hasher.hash(accountId, phone ?? emailIdentity(email!));
}

export async function sealProfile(keyring: Keyring, accountId: string, profile: ContactProfile): Promise<Buffer> {
  return keyring.encrypt(accountId, JSON.stringify(profile));
}

export async function contactJson(keyring: Keyring, row: ContactRow): Promise<Contact> {
  const profile: ContactProfile = row.profile
    ? JSON.parse((await keyring.decrypt(row.accountId, row.profile)).toString('utf8'))
    : {};
  return {
    id: row.id,
    phone: row.phone,
    name: profile.name ?? null,
    email: profile.email ?? null,
    whatsappId: profile.whatsappId ?? null,
    attributes: profile.attributes ?? {},
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getContact(
  db: Db,
  accountId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ContactRow | undefined> {
  const [row] = await db<
    ContactRow[]
  >`select ${columns(db)} from contacts where account_id = ${accountId} and id = ${id} ${opts.forUpdate ? db`for update` : db``}`;
  return row;
}

export async function contactBySubject(
  db: Db,
  accountId: string,
  subjectHash: Buffer,
): Promise<ContactRow | undefined> {
  const [row] = await db<
    ContactRow[]
  >`select ${columns(db)} from contacts where account_id = ${accountId} and subject_hash = ${subjectHash}`;
  return row;
}

export async function contactByEmail(
  db: Db,
  hasher: SubjectHasher,
  accountId: string,
  email: string,
): Promise<ContactRow | undefined> {
  const emailHash = await hasher.hash(accountId, emailIdentity(email));
  const [row] = await db<
    ContactRow[]
  >`select ${columns(db)} from contacts where account_id = ${accountId} and email_hash = ${emailHash} order by id limit 1`;
  return row;
}

export interface ContactFilter {
  phone?: string | undefined;
  tag?: string | undefined;
  before?: string | undefined;
  limit: number;
}

export async function listContacts(db: Db, accountId: string, f: ContactFilter): Promise<ContactRow[]> {
  return db<ContactRow[]>`
    select ${columns(db)} from contacts where account_id = ${accountId}
      ${f.phone ? db`and phone = ${f.phone}` : db``}
      ${f.tag ? db`and ${f.tag} = any(tags)` : db``}
      ${f.before ? db`and id < ${f.before}` : db``}
    order by id desc limit ${f.limit + 1}`;
}

export interface NewContact {
  accountId: string;
  phone: string | null;
  profile: ContactProfile;
  tags: string[];
  at: Date;
}

/** Creates the contact, or returns the existing one for the same number (deduplication). */
export async function insertContact(
  db: Db,
  keyring: Keyring,
  hasher: SubjectHasher,
  c: NewContact,
): Promise<{ row: ContactRow; created: boolean }> {
  const email = c.profile.email ?? null;
  const subjectHash = await contactSubject(hasher, c.accountId, c.phone, email);
  const emailHash = email ? await hasher.hash(c.accountId, emailIdentity(email)) : null;
  const [row] = await db<ContactRow[]>`
    insert into contacts (account_id, id, subject_hash, phone, email_hash, profile, tags, created_at, updated_at)
    values (${c.accountId}, ${newId('ctc', c.at)}, ${subjectHash}, ${c.phone}, ${emailHash}, ${await sealProfile(keyring, c.accountId, c.profile)}, ${c.tags}, ${c.at}, ${c.at})
    on conflict (account_id, subject_hash) do nothing
    returning ${columns(db)}`;
  if (row) return { row, created: true };
  return { row: (await contactBySubject(db, c.accountId, subjectHash))!, created: false };
}

/**
 * Every live message in or out creates its customer's contact if it has none: one statement
 * per group of messages, called where messages are inserted. Test-key traffic makes no contacts.
 */
export async function ensureMessageContacts(
  db: Db,
  rows: readonly {
    accountId: string;
    keyMode: string;
    direction: string;
    toNumber: string;
    fromNumber: string | null;
    subjectHash: Buffer;
    createdAt: Date;
  }[],
): Promise<void> {
  const seen = new Set<string>();
  const json: { account_id: string; id: string; subject_hash: string; phone: string; at: Date }[] = [];
  for (const r of rows) {
    const phone = r.direction === 'outbound' ? r.toNumber : r.fromNumber;
    if (r.keyMode !== 'live' || !phone) continue;
    const key = `${r.accountId}:${r.subjectHash.toString('hex')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    json.push({
      account_id: r.accountId,
      id: newId('ctc', r.createdAt),
      subject_hash: r.subjectHash.toString('hex'),
      phone,
      at: r.createdAt,
    });
  }
  if (json.length === 0) return;
  await db`
    insert into contacts (account_id, id, subject_hash, phone, tags, created_at, updated_at)
    select account_id, id, decode(subject_hash, 'hex'), phone, '{}', at, at
    from ${recordset(db, json, { account_id: 'text', id: 'text', subject_hash: 'text', phone: 'text', at: 'timestamptz' })}
    order by account_id, subject_hash
    on conflict (account_id, subject_hash) do nothing`;
}

/** The contact of a number, created (empty profile) if the number has none yet. */
export async function contactForPhone(
  db: Db,
  keyring: Keyring,
  hasher: SubjectHasher,
  accountId: string,
  phone: string,
  at: Date,
): Promise<ContactRow> {
  const existing = await contactBySubject(db, accountId, await hasher.hash(accountId, phone));
  return existing ?? (await insertContact(db, keyring, hasher, { accountId, phone, profile: {}, tags: [], at })).row;
}
