// Changing a contact's profile, by the API (PATCH, import) and by rectification requests.
import type { Context } from '../context.ts';
import { actorOf, type Principal } from '../http/principal.ts';
import { Problem } from '../http/problem.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { normalizeE164 } from '../platform/phone.ts';
import type { SubjectHasher } from './subject-hash.ts';
import {
  contactJson,
  contactSubject,
  emailIdentity,
  sealProfile,
  type ContactProfile,
  type ContactRow,
} from './contacts.ts';

/** A phone number given in a body, normalised; a 422 naming `pointer` if it is not E.164. */
export function phoneOf(raw: string | undefined, pointer: string): string | null {
  if (raw === undefined) return null;
  const phone = normalizeE164(raw);
  if (!phone) throw Problem.field(pointer, 'must be an E.164 number, e.g. +4915112345678');
  return phone;
}

export type ContactChanges = Omit<ContactProfile, 'attributes'> & {
  attributes?: ContactProfile['attributes'] | undefined;
  tags?: string[] | undefined;
};

/** Applies changes to a locked contact; used by PATCH and by rectification requests. Audits which fields changed, never their values. */
export async function updateContact(
  ctx: Context,
  hasher: SubjectHasher,
  tx: Parameters<typeof appendAudit>[0],
  p: Principal | { accountId: string; actor: { type: 'system' | 'user' | 'key'; id: string } },
  row: ContactRow,
  changes: ContactChanges,
): Promise<ContactRow> {
  const current = await contactJson(ctx.keyring, row);
  const profile: ContactProfile = {
    name: changes.name !== undefined ? changes.name : current.name,
    email: changes.email !== undefined ? changes.email : current.email,
    whatsappId: changes.whatsappId !== undefined ? changes.whatsappId : current.whatsappId,
    attributes: changes.attributes ?? current.attributes,
  };
  if (!row.phone && !profile.email)
    throw Problem.field('/email', 'an email-only contact keeps its email; erase the contact instead');
  const emailHash = profile.email ? await hasher.hash(row.accountId, emailIdentity(profile.email)) : null;
  const subjectHash = row.phone ? row.subjectHash : await contactSubject(hasher, row.accountId, null, profile.email!);
  const at = ctx.clock.now();
  const [updated] = await tx<ContactRow[]>`
    update contacts set profile = ${await sealProfile(ctx.keyring, row.accountId, profile)}, email_hash = ${emailHash}, subject_hash = ${subjectHash},
      tags = ${changes.tags ?? row.tags}, updated_at = ${at}
    where account_id = ${row.accountId} and id = ${row.id}
    returning account_id as "accountId", id, subject_hash as "subjectHash", phone, email_hash as "emailHash", profile, tags, created_at as "createdAt", updated_at as "updatedAt"`;
  const fields = Object.keys(changes)
    .filter((k) => (changes as Record<string, unknown>)[k] !== undefined)
    .sort()
    .join(',');
  const actor = 'actor' in p ? p.actor : actorOf(p);
  await appendAudit(tx, {
    accountId: row.accountId,
    actor,
    action: 'contact.updated',
    target: { type: 'contact', id: row.id },
    data: { fields },
    at,
  });
  return updated!;
}
