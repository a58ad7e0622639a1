// Global search for the portal: one box that finds a thing by its id, a phone number or a
// contact's email, and for operators also accounts and connectors by name. It never looks at
// message bodies: they are encrypted, and a search over what people wrote is not what this is
// for. Each kind is asked of its own domain's store, scoped by the caller's account and shown
// only to a caller whose scopes may read that kind.
import type { Context } from '../context.ts';
import type { Principal } from '../http/principal.ts';
import { grants, type Scope } from '../auth/scopes.ts';
import { accountsNamed, getAccount, numbersMatching } from '../accounts/store.ts';
import { getConnector, listAllConnectors } from '../connectors/store.ts';
import { getMessage, listMessages, type MessageRow } from '../messaging/store.ts';
import { normalizeAssignable } from '../platform/phone.ts';
import { contactByEmail, contactJson, getContact, listContacts, type ContactRow } from '../privacy/contacts.ts';
import type { SubjectHasher } from '../privacy/subject-hash.ts';
import { getEndpoint } from '../webhooks/endpoint-store.ts';

export type HitKind = 'message' | 'contact' | 'number' | 'webhook_endpoint' | 'account' | 'connector';

export interface SearchHit {
  kind: HitKind;
  id: string;
  /** The account the thing belongs to (connectors belong to the platform: null). */
  accountId: string | null;
  title: string;
  detail: string | null;
}

const ID = /^(msg|ctc|num|whk|acc|con)_[0-9a-z]{26}$/;
const PER_KIND = 5;

/** "0049 151 …", "+49 (151) 1234-5678" → +4915112345678; a short code stays as it is. */
function asNumber(q: string): string | undefined {
  const compact = q.replace(/[\s().-]/g, '').replace(/^00/, '+');
  return /^\+?[0-9]{3,15}$/.test(compact) ? normalizeAssignable(compact) : undefined;
}

export async function search(ctx: Context, hasher: SubjectHasher, p: Principal, raw: string): Promise<SearchHit[]> {
  const q = raw.trim();
  const may = (scope: Scope) => grants(p.scopes, scope);
  const id = ID.exec(q.toLowerCase());
  if (id) return byId(ctx, p, may, id[1]!, q.toLowerCase());
  const number = asNumber(q);
  if (number) return byNumber(ctx, hasher, p, may, number);
  if (q.includes('@')) {
    const contact = may('contacts:read') ? await contactByEmail(ctx.sql, hasher, p.accountId, q) : undefined;
    return contact ? [await contactHit(ctx, contact)] : [];
  }
  return may('platform:read') ? byName(ctx, q) : [];
}

type May = (scope: Scope) => boolean;

async function byId(ctx: Context, p: Principal, may: May, prefix: string, id: string): Promise<SearchHit[]> {
  const one = (hit: SearchHit | undefined) => (hit ? [hit] : []);
  switch (prefix) {
    case 'msg': {
      const m = may('messages:read') ? await getMessage(ctx.sql, p.accountId, id) : undefined;
      return one(m && messageHit(m));
    }
    case 'ctc': {
      const c = may('contacts:read') ? await getContact(ctx.sql, p.accountId, id) : undefined;
      return one(c && (await contactHit(ctx, c)));
    }
    case 'num':
      if (!may('numbers:read') && !may('platform:read')) return [];
      return (await numbersMatching(ctx.sql, may('platform:read') ? undefined : p.accountId, { id })).map(numberHit);
    case 'whk': {
      const e = may('webhooks:manage') ? await getEndpoint(ctx.sql, p.accountId, id) : undefined;
      return one(
        e && {
          kind: 'webhook_endpoint',
          id: e.id,
          accountId: e.accountId,
          title: e.url,
          detail: e.enabled ? 'enabled' : 'disabled',
        },
      );
    }
    case 'acc': {
      const a = may('platform:read') ? await getAccount(ctx.sql, id) : undefined;
      return one(a && { kind: 'account', id: a.id, accountId: a.id, title: a.name, detail: a.status });
    }
    default: {
      const c = may('platform:read') ? await getConnector(ctx.sql, id) : undefined;
      return one(c && { kind: 'connector', id: c.id, accountId: null, title: c.name, detail: c.kind });
    }
  }
}

/** The person's messages (by subject hash: both directions, not once their identity is erased), contact and numbers. */
async function byNumber(
  ctx: Context,
  hasher: SubjectHasher,
  p: Principal,
  may: May,
  number: string,
): Promise<SearchHit[]> {
  const [messages, contacts, numbers] = await Promise.all([
    may('messages:read') && number.startsWith('+')
      ? listMessages(ctx.sql, p.accountId, { subject: await hasher.hash(p.accountId, number), limit: PER_KIND })
      : [],
    may('contacts:read') ? listContacts(ctx.sql, p.accountId, { phone: number, limit: 1 }) : [],
    may('platform:read') || may('numbers:read')
      ? numbersMatching(ctx.sql, may('platform:read') ? undefined : p.accountId, { number })
      : [],
  ]);
  const contactHits = await Promise.all(contacts.slice(0, 1).map((c) => contactHit(ctx, c)));
  return [...contactHits, ...numbers.map(numberHit), ...messages.map(messageHit)];
}

async function byName(ctx: Context, q: string): Promise<SearchHit[]> {
  const needle = q.toLowerCase();
  const [accounts, connectors] = await Promise.all([
    accountsNamed(ctx.sql, q, PER_KIND * 2),
    listAllConnectors(ctx.sql),
  ]);
  return [
    ...accounts.map(
      (a): SearchHit => ({ kind: 'account', id: a.id, accountId: a.id, title: a.name, detail: a.status }),
    ),
    ...connectors
      .filter((c) => c.name.toLowerCase().includes(needle))
      .slice(0, PER_KIND)
      .map((c): SearchHit => ({ kind: 'connector', id: c.id, accountId: null, title: c.name, detail: c.kind })),
  ];
}

function messageHit(m: MessageRow): SearchHit {
  const who = m.direction === 'inbound' ? `from ${m.fromNumber ?? 'unknown'}` : `to ${m.toNumber}`;
  return { kind: 'message', id: m.id, accountId: m.accountId, title: `${m.channel} ${who}`, detail: m.status };
}

async function contactHit(ctx: Context, row: ContactRow): Promise<SearchHit> {
  const c = await contactJson(ctx.keyring, row);
  return {
    kind: 'contact',
    id: c.id,
    accountId: row.accountId,
    title: c.name ?? c.phone ?? c.email ?? c.id,
    detail: c.name ? (c.phone ?? c.email) : null,
  };
}

function numberHit(n: { id: string; accountId: string; number: string; channels: string[] }): SearchHit {
  return { kind: 'number', id: n.id, accountId: n.accountId, title: n.number, detail: n.channels.join(', ') };
}
