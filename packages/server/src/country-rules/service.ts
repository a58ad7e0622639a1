// The per-country rules: operators change them (audited in the house account's chain), and
// every process applies them from memory. A change notifies cx_country_rules in its
// transaction; each process reloads the (small) table on that notification, when its LISTEN
// connection comes back after a drop (notifications sent meanwhile are lost), and once a
// minute in case a notification went missing anyway.
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { houseAccountId } from '../accounts/store.ts';
import type { Actor } from '../accounts/service.ts';
import type { CountryRule } from './model.ts';
import { CHANGE_CHANNEL, deleteCountryRule, getCountryRule, listCountryRules, putCountryRule } from './store.ts';
import { checkCountryRule, type CountryRuleBody } from './validate.ts';
import {
  compileRules,
  countryVerdicts,
  type CountryCandidate,
  type CountryVerdict,
  type RuleTable,
} from './verdicts.ts';

export type { CountryCandidate, CountryVerdict } from './verdicts.ts';

export async function setCountryRule(
  ctx: Context,
  actor: Actor,
  country: string,
  body: CountryRuleBody,
): Promise<{ rule: CountryRule; created: boolean }> {
  const input = await checkCountryRule(ctx.sql, body);
  return withTransaction(ctx.sql, async (tx) => {
    const at = ctx.clock.now();
    const created = await putCountryRule(tx, country, input, at);
    await appendAudit(tx, {
      accountId: await houseAccountId(tx),
      actor,
      action: created ? 'country_rule.created' : 'country_rule.updated',
      at,
      target: { type: 'country_rule', id: country },
      data: {
        alphanumericSender: input.alphanumericSender,
        defaultSender: input.defaultSender,
        timeZone: input.timeZone,
        quietHours: input.quietHours ? `${input.quietHours.start}-${input.quietHours.end}` : null,
        quietDays: input.quietDays.join(','),
        holidays: input.holidays.length,
        registeredSenders: input.registeredSenders.length,
      },
    });
    return { rule: (await getCountryRule(tx, country))!, created };
  });
}

/** False when the country had no rule. */
export async function removeCountryRule(ctx: Context, actor: Actor, country: string): Promise<boolean> {
  return withTransaction(ctx.sql, async (tx) => {
    if (!(await deleteCountryRule(tx, country))) return false;
    await appendAudit(tx, {
      accountId: await houseAccountId(tx),
      actor,
      action: 'country_rule.deleted',
      at: ctx.clock.now(),
      target: { type: 'country_rule', id: country },
    });
    return true;
  });
}

/** The rules as one process applies them: from memory, current with every committed change. */
export interface CountryRules {
  /** One verdict per candidate, in order; see verdicts.ts for the rules. */
  verdicts(candidates: readonly CountryCandidate[], now: Date): CountryVerdict[];
  close(): Promise<void>;
}

export async function loadCountryRules(ctx: Context, opts: { refreshMs?: number } = {}): Promise<CountryRules> {
  let table: RuleTable = compileRules(await listCountryRules(ctx.sql));
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  // Coalesced: a change announced during a load triggers one more load, never two at once.
  const refresh = (): Promise<void> => {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = listCountryRules(ctx.sql)
      .then((rules) => void (table = compileRules(rules)))
      .catch((err: unknown) => ctx.log.warn({ err }, 'could not reload the country rules; keeping the last known ones'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void refresh();
        }
      });
    return running;
  };
  // The second callback runs each time LISTEN is (re)established: it covers what changed before.
  const listener = await ctx.sql
    .listen(
      CHANGE_CHANNEL,
      () => void refresh(),
      () => void refresh(),
    )
    .catch((err: unknown) => {
      ctx.log.warn({ err }, `LISTEN ${CHANGE_CHANNEL} failed; country rule changes apply within a minute`);
      return undefined;
    });
  const timer = setInterval(() => void refresh(), opts.refreshMs ?? 60_000);
  timer.unref();
  return {
    verdicts: (candidates, now) => countryVerdicts(table, candidates, now),
    async close() {
      closed = true;
      clearInterval(timer);
      await listener?.unlisten().catch(() => {});
      await running;
    },
  };
}
