// Retention periods per data category: shipped defaults and legal minimums (data, with why),
// the platform's defaults operators set, and each account's own choice within the bounds.
import type { Db } from '../../db/pool.ts';
import { recordset } from '../../db/recordset.ts';
import { Problem, type FieldError } from '../../http/problem.ts';
import { DELIVERY_RETENTION_DAYS } from '../../webhooks/delivery-store.ts';

export const CATEGORIES = [
  'message_content',
  'message_metadata',
  'inbound_media',
  'webhook_delivery_logs',
  'exports',
  'audit_free_text',
  'email_outbox',
  'portal_sessions',
  'portal_tokens',
  'disabled_users',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CategoryRule {
  /** Shipped default in days, used when neither the platform nor the account set one. */
  days: number;
  /** Nobody may go below this: what the platform must be able to show when asked. */
  minimum: number;
  maximum: number;
  what: string;
  why: string;
}

const TEN_YEARS = 3650;

export const CATEGORY_RULES: Record<Category, CategoryRule> = {
  message_content: {
    days: 90,
    minimum: 1,
    maximum: TEN_YEARS,
    what: 'message bodies and WhatsApp content (text, templates, interactive, locations)',
    why: 'content is needed until a message is handed over and for the conversation view; storeContent: false erases it at hand-over for messages that need no copy at all',
  },
  message_metadata: {
    days: 400,
    minimum: 90,
    maximum: TEN_YEARS,
    what: "the customer's number, reference, metadata and callback URL of messages (replaced by a pseudonym; billing rows stay without identity)",
    why: 'invoices are issued monthly and contested within their payment terms; complaints to the operator and to regulators about a message need who it went to for at least a quarter',
  },
  inbound_media: {
    days: 90,
    minimum: 1,
    maximum: TEN_YEARS,
    what: 'media files customers sent and media you uploaded for sending',
    why: 'media are content: kept like bodies; Meta itself keeps uploads only 30 days',
  },
  webhook_delivery_logs: {
    days: DELIVERY_RETENTION_DAYS,
    minimum: 1,
    maximum: DELIVERY_RETENTION_DAYS,
    what: 'ended webhook deliveries and their attempts (URL, status codes, what your endpoint answered)',
    why: `diagnostics only; the platform removes ended deliveries after ${DELIVERY_RETENTION_DAYS} days in any case`,
  },
  exports: {
    days: 7,
    minimum: 1,
    maximum: 365,
    what: 'export files (data access requests, reports)',
    why: 'an export is a copy made to be downloaded; a week is enough to fetch it, keeping it longer only multiplies copies',
  },
  audit_free_text: {
    days: 365,
    minimum: 30,
    maximum: TEN_YEARS,
    what: 'reasons and notes people typed into audited actions (the audit entries themselves stay, with ids only)',
    why: 'operators and auditors need the stated reasons of recent account changes; the entries and their hash chain are kept for good',
  },
  email_outbox: {
    days: 90,
    minimum: 1,
    maximum: 365,
    what: 'emails the platform sent to your users (sent, kept in the sandbox or failed; sealed at rest): addresses and content',
    why: 'a copy of a notice is useful while someone may ask whether it was sent; emails still queued are never removed',
  },
  portal_sessions: {
    days: 30,
    minimum: 1,
    maximum: 365,
    what: 'ended portal sessions (signed out, revoked, idle or past their maximum age): sign-in times, shortened IP addresses and browsers',
    why: 'the session list and security investigations need recent sign-ins; counted from the moment a session ended',
  },
  portal_tokens: {
    days: 30,
    minimum: 1,
    maximum: 365,
    what: 'invitations, password resets and sign-in challenges once used, withdrawn or expired (the invited address, times)',
    why: 'an ended link opens nothing; a month shows who was invited or asked for a reset recently',
  },
  disabled_users: {
    days: 365,
    minimum: 30,
    maximum: TEN_YEARS,
    what: 'disabled portal users: their email address and name are replaced by a pseudonym and their password and second factor removed (the user id stays, so audit entries still name the same pseudonymous user)',
    why: "the account's audit trail must be explainable (who was this user?) for a year after someone left; counted from when the user was disabled",
  },
};

export type PolicySource = 'account' | 'platform' | 'default';

export interface EffectivePolicy {
  category: Category;
  days: number;
  source: PolicySource;
  minimum: number;
  maximum: number;
  what: string;
  why: string;
}

/** The platform's defaults: set by operators, else shipped in code. */
export async function platformDefaults(
  db: Db,
): Promise<Record<Category, { days: number; source: 'platform' | 'default' }>> {
  const rows = await db<{ category: Category; days: number }[]>`select category, days from retention_defaults`;
  const set = new Map(rows.map((r) => [r.category, r.days]));
  return Object.fromEntries(
    CATEGORIES.map((c) => {
      const days = set.get(c);
      return [
        c,
        days === undefined ? { days: CATEGORY_RULES[c].days, source: 'default' } : { days, source: 'platform' },
      ];
    }),
  ) as Record<Category, { days: number; source: 'platform' | 'default' }>;
}

export async function effectivePolicies(db: Db, accountId: string): Promise<EffectivePolicy[]> {
  const defaults = await platformDefaults(db);
  const rows = await db<
    { category: Category; days: number }[]
  >`select category, days from retention_policies where account_id = ${accountId}`;
  const own = new Map(rows.map((r) => [r.category, r.days]));
  return CATEGORIES.map((category) => {
    const { minimum, maximum, what, why } = CATEGORY_RULES[category];
    const days = own.get(category);
    return {
      category,
      minimum,
      maximum,
      what,
      why,
      ...(days === undefined ? defaults[category] : { days, source: 'account' as const }),
    };
  });
}

/** Refuses any period outside its category's bounds, naming each one. */
export function checkPeriods(categories: Partial<Record<Category, number>>, pointer = '/categories'): void {
  const errors: FieldError[] = [];
  for (const [category, days] of Object.entries(categories) as [Category, number][]) {
    const rule = CATEGORY_RULES[category];
    if (days < rule.minimum)
      errors.push({ pointer: `${pointer}/${category}`, detail: `must be at least ${rule.minimum} days: ${rule.why}` });
    else if (days > rule.maximum)
      errors.push({ pointer: `${pointer}/${category}`, detail: `must be at most ${rule.maximum} days` });
  }
  if (errors.length) throw Problem.fields(errors);
}

export async function setAccountPeriods(
  db: Db,
  accountId: string,
  categories: Partial<Record<Category, number>>,
  by: string,
  at: Date,
): Promise<void> {
  const rows = Object.entries(categories).map(([category, days]) => ({ category, days }));
  await db`
    insert into retention_policies (account_id, category, days, updated_at, updated_by)
    select ${accountId}, category, days, ${at}, ${by} from ${recordset(db, rows, { category: 'text', days: 'integer' })}
    on conflict (account_id, category) do update set days = excluded.days, updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
}

export async function setPlatformDefaults(
  db: Db,
  categories: Partial<Record<Category, number>>,
  by: string,
  at: Date,
): Promise<void> {
  const rows = Object.entries(categories).map(([category, days]) => ({ category, days }));
  await db`
    insert into retention_defaults (category, days, updated_at, updated_by)
    select category, days, ${at}, ${by} from ${recordset(db, rows, { category: 'text', days: 'integer' })}
    on conflict (category) do update set days = excluded.days, updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
}
