// Contacts and their consent ledger over the API (contacts:read / contacts:write).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Context } from '../context.ts';
import type { Db } from '../db/pool.ts';
import { actorOf, principalOf, type Principal } from '../http/principal.ts';
import { P, Problem } from '../http/problem.ts';
import { idParam } from '../http/schemas.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../http/pagination.ts';
import { withTransaction } from '../db/tx.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { SubjectHasher } from './subject-hash.ts';
import {
  contactJson,
  getContact,
  insertContact,
  listContacts,
  contactForPhone,
  type ContactProfile,
  type ContactRow,
} from './contacts.ts';
import { consentHistory, currentConsent, recordConsents } from './consent.ts';
import {
  Phone,
  ProfileFields,
  ContactSchema,
  ConsentStateSchema,
  ConsentInputFields,
  ConsentInput,
} from './contact-schemas.ts';
import { phoneOf, updateContact } from './contact-updates.ts';

export async function contactRoutes(
  base: FastifyInstance,
  opts: { ctx: Context; hasher: SubjectHasher },
): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, hasher } = opts;
  const found = async (accountId: string, id: string, forUpdate = false, db: Db = ctx.sql): Promise<ContactRow> => {
    const row = await getContact(db, accountId, id, { forUpdate });
    if (!row) throw new Problem(P['not-found'], `no contact ${id}`);
    return row;
  };

  app.get(
    '/v1/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'List contacts, newest first',
        querystring: Type.Intersect([
          ListQuery,
          Type.Object({ phone: Type.Optional(Phone), tag: Type.Optional(Type.String({ maxLength: 64 })) }),
        ]),
        response: { 200: pageOf(ContactSchema) },
      },
    },
    async (request) => {
      const { accountId } = principalOf(request);
      const q = request.query;
      const rows = await listContacts(ctx.sql, accountId, {
        phone: phoneOf(q.phone, '/querystring/phone') ?? undefined,
        tag: q.tag,
        before: decodeCursor(q.cursor),
        limit: q.limit,
      });
      const page = toPage(rows, q.limit);
      return {
        data: await Promise.all(page.data.map((r) => contactJson(ctx.keyring, r))),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/v1/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Create a contact (a number that already has one returns it: 200)',
        body: Type.Object({ phone: Type.Optional(Phone), ...ProfileFields }, { additionalProperties: false }),
        response: { 200: ContactSchema, 201: ContactSchema },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const phone = phoneOf(b.phone, '/phone');
      if (!phone && !b.email)
        throw Problem.fields([
          { pointer: '/phone', detail: 'a contact needs a phone number or an email' },
          { pointer: '/email', detail: 'a contact needs a phone number or an email' },
        ]);
      const profile: ContactProfile = {
        name: b.name ?? null,
        email: b.email ?? null,
        whatsappId: b.whatsappId ?? null,
        attributes: b.attributes ?? {},
      };
      const { row, created } = await insertContact(ctx.sql, ctx.keyring, hasher, {
        accountId: p.accountId,
        phone,
        profile,
        tags: b.tags ?? [],
        at: ctx.clock.now(),
      });
      return reply.code(created ? 201 : 200).send(await contactJson(ctx.keyring, row));
    },
  );

  app.get(
    '/v1/contacts/:contactId',
    {
      schema: {
        tags: ['contacts'],
        summary: 'A contact',
        params: idParam('contactId'),
        response: { 200: ContactSchema },
      },
    },
    async (request) => contactJson(ctx.keyring, await found(principalOf(request).accountId, request.params.contactId)),
  );

  app.patch(
    '/v1/contacts/:contactId',
    {
      schema: {
        tags: ['contacts'],
        summary: "Change a contact's details (audited; the number cannot change: it identifies the person)",
        params: idParam('contactId'),
        body: Type.Object(ProfileFields, { additionalProperties: false }),
        response: { 200: ContactSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const row = await withTransaction(ctx.sql, async (tx) =>
        updateContact(ctx, hasher, tx, p, await found(p.accountId, request.params.contactId, true, tx), request.body),
      );
      return contactJson(ctx.keyring, row);
    },
  );

  app.delete(
    '/v1/contacts/:contactId',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Delete a contact (its consent history and messages stay; an erasure request removes everything)',
        params: idParam('contactId'),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      await withTransaction(ctx.sql, async (tx) => {
        await found(p.accountId, request.params.contactId, true, tx);
        await tx`delete from contacts where account_id = ${p.accountId} and id = ${request.params.contactId}`;
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: actorOf(p),
          action: 'contact.deleted',
          target: { type: 'contact', id: request.params.contactId },
          at: ctx.clock.now(),
        });
      });
      return reply.code(204).send(null);
    },
  );

  const consentState = async (accountId: string, subjectHash: Buffer) => {
    const history = await consentHistory(ctx.sql, ctx.keyring, accountId, subjectHash);
    return { current: currentConsent(history), history };
  };

  app.get(
    '/v1/contacts/:contactId/consents',
    {
      schema: {
        tags: ['contacts'],
        summary: "A contact's current consent per channel and purpose, and the full history",
        params: idParam('contactId'),
        response: { 200: ConsentStateSchema },
      },
    },
    async (request) => {
      const { accountId } = principalOf(request);
      return consentState(accountId, (await found(accountId, request.params.contactId)).subjectHash);
    },
  );

  const record = async (p: Principal, contact: ContactRow, input: Static<typeof ConsentInput>, db: Db = ctx.sql) => {
    await recordConsents(db, ctx.keyring, [
      {
        accountId: p.accountId,
        subjectHash: contact.subjectHash,
        contactId: contact.id,
        channel: input.channel,
        purpose: input.purpose,
        action: input.action,
        source: input.source,
        evidence: input.evidence ?? null,
        actor: actorOf(p),
        at: ctx.clock.now(),
      },
    ]);
  };

  app.post(
    '/v1/contacts/:contactId/consents',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Record a grant or withdrawal of consent (append-only)',
        params: idParam('contactId'),
        body: ConsentInput,
        response: { 201: ConsentStateSchema },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const contact = await found(p.accountId, request.params.contactId);
      await record(p, contact, request.body);
      return reply.code(201).send(await consentState(p.accountId, contact.subjectHash));
    },
  );

  app.post(
    '/v1/consents',
    {
      schema: {
        tags: ['contacts'],
        summary: "Record consent by phone number (the number's contact is created if it has none)",
        body: Type.Object({ phone: Phone, ...ConsentInputFields }, { additionalProperties: false }),
        response: { 201: Type.Object({ contactId: Type.String(), ...ConsentStateSchema.properties }) },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { phone: raw, ...input } = request.body;
      const phone = phoneOf(raw, '/phone')!;
      const contact = await withTransaction(ctx.sql, async (tx) => {
        const c = await contactForPhone(tx, ctx.keyring, hasher, p.accountId, phone, ctx.clock.now());
        await record(p, c, input, tx);
        return c;
      });
      return reply.code(201).send({ contactId: contact.id, ...(await consentState(p.accountId, contact.subjectHash)) });
    },
  );
}
