// What a schema cannot say about a country rule: the zone exists, the rules fit together, the
// accounts exist. Every fault is named by its JSON pointer, all at once.
import { isSupportedCountry } from 'libphonenumber-js/max';
import type { Db } from '../db/pool.ts';
import { P, Problem, type FieldError } from '../http/problem.ts';
import { normalizeE164, senderKind } from '../platform/phone.ts';
import { getAccount } from '../accounts/store.ts';
import { WEEKDAYS, type CountryRuleInput } from './model.ts';
import { isTimeZone } from './zoned-time.ts';

/** The request body: every field optional, defaults filled in by `checkCountryRule`. */
export type CountryRuleBody = Partial<Omit<CountryRuleInput, 'registeredSenders'>> & {
  registeredSenders?: { sender: string; accountId?: string | null }[];
};

export function assertCountry(country: string): void {
  if (!isSupportedCountry(country)) {
    throw Problem.field(
      '/params/country',
      'is not an ISO 3166-1 alpha-2 code of a country with phone numbers',
      P['bad-request'],
    );
  }
}

function checkWindow(b: CountryRuleInput, errors: FieldError[]): void {
  if (b.timeZone !== null && !isTimeZone(b.timeZone))
    errors.push({ pointer: '/timeZone', detail: 'must be an IANA time zone, such as Europe/Berlin' });
  if (b.timeZone === null && (b.quietHours || b.quietDays.length || b.holidays.length)) {
    errors.push({
      pointer: '/timeZone',
      detail: "is required with quietHours, quietDays or holidays: they are read on the country's clock",
    });
  }
  if (b.quietHours && b.quietHours.start === b.quietHours.end)
    errors.push({ pointer: '/quietHours/end', detail: 'must differ from start' });
  if (b.quietDays.length === WEEKDAYS.length)
    errors.push({ pointer: '/quietDays', detail: 'cannot hold every day: marketing would never go' });
}

async function checkSenders(db: Db, b: CountryRuleInput, errors: FieldError[]): Promise<void> {
  const seen = new Set<string>();
  for (const [i, s] of b.registeredSenders.entries()) {
    if (senderKind(s.sender) !== 'alphanumeric') {
      errors.push({
        pointer: `/registeredSenders/${i}/sender`,
        detail: 'must be an alphanumeric sender (1-11 letters, digits, spaces)',
      });
    }
    if (s.accountId !== null && !(await getAccount(db, s.accountId)))
      errors.push({ pointer: `/registeredSenders/${i}/accountId`, detail: 'no such account' });
    const key = `${s.sender}|${s.accountId ?? ''}`;
    if (seen.has(key)) errors.push({ pointer: `/registeredSenders/${i}`, detail: 'is listed twice' });
    seen.add(key);
  }
  const d = b.defaultSender;
  const kind = d === null ? null : senderKind(d);
  if (kind === undefined)
    errors.push({
      pointer: '/defaultSender',
      detail: 'must be an alphanumeric sender, a short code or an E.164 number',
    });
  if (kind === 'alphanumeric' && b.alphanumericSender === 'not_allowed') {
    errors.push({
      pointer: '/defaultSender',
      detail: 'is alphanumeric, which this country does not carry (alphanumericSender not_allowed)',
    });
  }
  if (
    kind === 'alphanumeric' &&
    b.alphanumericSender === 'registered_only' &&
    !b.registeredSenders.some((s) => s.sender === d && s.accountId === null)
  ) {
    errors.push({
      pointer: '/defaultSender',
      detail: 'must be registered for every account (in registeredSenders with accountId null)',
    });
  }
}

/** The rule to store: defaults filled in, numbers normalised, holidays sorted; or a 422 naming every fault. */
export async function checkCountryRule(db: Db, body: CountryRuleBody): Promise<CountryRuleInput> {
  const rule: CountryRuleInput = {
    alphanumericSender: body.alphanumericSender ?? 'allowed',
    registeredSenders: (body.registeredSenders ?? []).map((s) => ({
      sender: s.sender,
      accountId: s.accountId ?? null,
    })),
    defaultSender: body.defaultSender ?? null,
    timeZone: body.timeZone ?? null,
    quietHours: body.quietHours ?? null,
    quietDays: [...(body.quietDays ?? [])].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b)),
    holidays: [...(body.holidays ?? [])].sort(),
  };
  const errors: FieldError[] = [];
  checkWindow(rule, errors);
  await checkSenders(db, rule, errors);
  if (errors.length) throw Problem.fields(errors);
  if (rule.defaultSender && senderKind(rule.defaultSender) === 'e164')
    rule.defaultSender = normalizeE164(rule.defaultSender)!;
  return rule;
}
