// Bulk import of contacts with their consent (source `import`), up to 1,000 per request, all or
// nothing: every bad row is named in one 422 and nothing is written; otherwise one transaction
// creates the new contacts, merges into or skips the existing ones, and records the consents.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Context } from '../context.ts';
import { actorOf, principalOf } from '../http/principal.ts';
import { Problem, type FieldError } from '../http/problem.ts';
import { withTransaction } from '../db/tx.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { SubjectHasher } from './subject-hash.ts';
import { contactJson, emailIdentity, getContact, insertContact } from './contacts.ts';
import { recordConsents, type ConsentInput } from './consent.ts';
import { ConsentInputFields, Phone, ProfileFields } from './contact-schemas.ts';
import { phoneOf, updateContact } from './contact-updates.ts';

export const IMPORT_LIMIT = 1000;

// Imported consent always has source `import`.
const { channel, purpose, action, evidence } = ConsentInputFields;
const ImportItem = Type.Object(
  {
    phone: Type.Optional(Phone),
    ...ProfileFields,
    consents: Type.Optional(
      Type.Array(Type.Object({ channel, purpose, action, evidence }, { additionalProperties: false }), {
        maxItems: 20,
      }),
    ),
  },
  { additionalProperties: false },
);
type Item = Static<typeof ImportItem>;

const OUTCOMES = ['created', 'updated', 'skipped'] as const;
type Outcome = (typeof OUTCOMES)[number];

const ImportBody = Type.Object(
  {
    contacts: Type.Array(ImportItem, { minItems: 1, maxItems: IMPORT_LIMIT }),
    existing: Type.Optional(
      Type.Union([Type.Literal('merge'), Type.Literal('skip')], {
        description:
          'a number (or email) that already has a contact: `merge` (default) sets the fields given, adds the tags and attributes; `skip` leaves it as it is (its consents are still recorded)',
      }),
    ),
  },
  { additionalProperties: false },
);

const ImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer(),
  consentsRecorded: Type.Integer(),
  results: Type.Array(Type.Object({ index: Type.Integer(), contactId: Type.String(), outcome: Type.Enum(OUTCOMES) })),
});

/** Checks every row before anything is written; the identity of each row (number, else email) must be unique in the file. */
function validate(items: Item[]): (string | null)[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const phones = items.map((item, i) => {
    let phone: string | null = null;
    try {
      phone = phoneOf(item.phone, `/contacts/${i}/phone`);
    } catch (err) {
      errors.push(...((err as Problem).errors ?? []));
      return null;
    }
    if (!phone && !item.email) {
      errors.push({ pointer: `/contacts/${i}/phone`, detail: 'a contact needs a phone number or an email' });
      return null;
    }
    const identity = phone ?? emailIdentity(item.email!);
    const first = seen.get(identity);
    if (first !== undefined)
      errors.push({
        pointer: `/contacts/${i}/${phone ? 'phone' : 'email'}`,
        detail: `the same person as /contacts/${first}`,
      });
    else seen.set(identity, i);
    return phone;
  });
  if (errors.length > 0) throw Problem.fields(errors);
  return phones;
}

export async function contactImportRoutes(
  base: FastifyInstance,
  opts: { ctx: Context; hasher: SubjectHasher },
): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, hasher } = opts;

  app.post(
    '/v1/contacts/import',
    {
      schema: {
        tags: ['contacts'],
        summary: `Import up to ${IMPORT_LIMIT} contacts with their consent (all or nothing; consents are recorded with source import)`,
        body: ImportBody,
        response: { 200: ImportResult },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { contacts: items, existing = 'merge' } = request.body;
      const phones = validate(items);
      const at = ctx.clock.now();
      return withTransaction(ctx.sql, async (tx) => {
        const results: { index: number; contactId: string; outcome: Outcome }[] = [];
        const consents: ConsentInput[] = [];
        for (const [index, item] of items.entries()) {
          const profile = {
            name: item.name ?? null,
            email: item.email ?? null,
            whatsappId: item.whatsappId ?? null,
            attributes: item.attributes ?? {},
          };
          const inserted = await insertContact(tx, ctx.keyring, hasher, {
            accountId: p.accountId,
            phone: phones[index]!,
            profile,
            tags: item.tags ?? [],
            at,
          });
          let row = inserted.row;
          const outcome: Outcome = inserted.created ? 'created' : existing === 'skip' ? 'skipped' : 'updated';
          if (outcome === 'updated') {
            const locked = (await getContact(tx, p.accountId, row.id, { forUpdate: true }))!;
            // The sealed profile is opened here only when attributes are to be added to it.
            const attributes = item.attributes && {
              ...(await contactJson(ctx.keyring, locked)).attributes,
              ...item.attributes,
            };
            row = await updateContact(ctx, hasher, tx, p, locked, {
              name: item.name,
              email: item.email,
              whatsappId: item.whatsappId,
              attributes,
              tags: item.tags && [...new Set([...locked.tags, ...item.tags])],
            });
          }
          results.push({ index, contactId: row.id, outcome });
          for (const c of item.consents ?? []) {
            consents.push({
              accountId: p.accountId,
              subjectHash: row.subjectHash,
              contactId: row.id,
              channel: c.channel,
              purpose: c.purpose,
              action: c.action,
              source: 'import',
              evidence: c.evidence ?? null,
              actor: actorOf(p),
              at,
            });
          }
        }
        await recordConsents(tx, ctx.keyring, consents);
        const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
        const summary = {
          created: count('created'),
          updated: count('updated'),
          skipped: count('skipped'),
          consentsRecorded: consents.length,
        };
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: actorOf(p),
          action: 'contacts.imported',
          target: { type: 'account', id: p.accountId },
          data: summary,
          at,
        });
        return { ...summary, results };
      });
    },
  );
}
