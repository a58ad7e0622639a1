// SQL for the per-country rules. The table is small (one row per destination country) and read
// whole by every process; a change notifies cx_country_rules in its transaction, so every
// process reloads as soon as it commits.
import type { Db, Tx } from '../db/pool.ts';
import type { CountryRule, CountryRuleInput } from './model.ts';

export const CHANGE_CHANNEL = 'cx_country_rules';

const columns = (db: Db) => db`
  r.country, r.alphanumeric_sender as "alphanumericSender", r.default_sender as "defaultSender", r.time_zone as "timeZone",
  case when r.quiet_start is null then null
       else jsonb_build_object('start', to_char(r.quiet_start, 'HH24:MI'), 'end', to_char(r.quiet_end, 'HH24:MI')) end as "quietHours",
  r.quiet_days as "quietDays",
  array(select to_char(h, 'YYYY-MM-DD') from unnest(r.holidays) as h order by h) as "holidays",
  coalesce((select jsonb_agg(jsonb_build_object('sender', s.sender, 'accountId', s.account_id) order by s.sender, s.account_id nulls first)
            from country_rule_senders s where s.country = r.country), '[]') as "registeredSenders",
  r.updated_at as "updatedAt"`;

/** Rules in country order; `after` and `limit` page through them (the API's cursor is a country). */
export async function listCountryRules(
  db: Db,
  opts: { after?: string | undefined; limit?: number } = {},
): Promise<CountryRule[]> {
  return db<CountryRule[]>`
    select ${columns(db)} from country_rules r
    where ${opts.after === undefined ? db`true` : db`r.country > ${opts.after}`}
    order by r.country
    ${opts.limit === undefined ? db`` : db`limit ${opts.limit}`}`;
}

export async function getCountryRule(db: Db, country: string): Promise<CountryRule | undefined> {
  const [row] = await db<CountryRule[]>`select ${columns(db)} from country_rules r where r.country = ${country}`;
  return row;
}

/** Creates or replaces the rule of `country` (its registered senders included); true when it is new. */
export async function putCountryRule(tx: Tx, country: string, rule: CountryRuleInput, at: Date): Promise<boolean> {
  const [row] = await tx<{ created: boolean }[]>`
    insert into country_rules (country, alphanumeric_sender, default_sender, time_zone, quiet_start, quiet_end, quiet_days, holidays, updated_at)
    values (${country}, ${rule.alphanumericSender}, ${rule.defaultSender}, ${rule.timeZone},
            ${rule.quietHours?.start ?? null}::time, ${rule.quietHours?.end ?? null}::time, ${rule.quietDays}::text[], ${rule.holidays}::date[], ${at})
    on conflict (country) do update set
      alphanumeric_sender = excluded.alphanumeric_sender, default_sender = excluded.default_sender, time_zone = excluded.time_zone,
      quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, quiet_days = excluded.quiet_days,
      holidays = excluded.holidays, updated_at = excluded.updated_at
    returning (xmax = 0) as created`;
  await tx`delete from country_rule_senders where country = ${country}`;
  if (rule.registeredSenders.length) {
    const senders = rule.registeredSenders.map((s) => s.sender);
    const accounts = rule.registeredSenders.map((s) => s.accountId);
    await tx`
      insert into country_rule_senders (country, sender, account_id)
      select ${country}, s, a from unnest(${senders}::text[], ${accounts}::text[]) as t(s, a)`;
  }
  await notifyChange(tx);
  return row!.created;
}

export async function deleteCountryRule(tx: Tx, country: string): Promise<boolean> {
  const deleted = await tx`delete from country_rules where country = ${country} returning country`;
  if (deleted.length) await notifyChange(tx);
  return deleted.length === 1;
}

/** Delivered at commit, to every process listening (country-rules/service.ts). */
async function notifyChange(tx: Tx): Promise<void> {
  await tx`select pg_notify(${CHANGE_CHANNEL}, '')`;
}
