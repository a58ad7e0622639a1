// The per-country rules applied to candidate messages: pure, fed with the rules in memory and
// the time, so every accept can afford it and tests can move the clock. Two rules:
// - senders (SMS only): an alphanumeric sender must be one the country carries; a message with
//   no sender, or with one the country refuses, takes the country's default sender if it has
//   one, and is otherwise refused (`sender_not_allowed`) when its sender is refused;
// - the sending window (marketing only, every channel): quiet hours, quiet days and public
//   holidays defer the message to the next moment the window opens in the country's zone.
import {
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import type { MessageError } from '../messaging/model.ts';
import { WEEKDAYS, minutesOf, type AlphanumericSenderRule, type CountryRule } from './model.ts';
import { alphanumericNotCarried, senderNotRegistered } from './problems.ts';
import { nextOpening, type SendingWindow } from './sending-window.ts';

export interface CountryCandidate {
  accountId: string;
  /** E.164, as accepted. */
  toNumber: string;
  /** The sender the message would go with (given, or the account's default); null: none. */
  fromNumber: string | null;
  purpose: string;
  channel: 'sms' | 'whatsapp';
  /** When the message would go (its scheduledAt); null or absent: now. */
  sendAt?: Date | null;
  /**
   * The destination's ISO country when the caller has it already (validation parsed the number:
   * `parsePhoneNumberFromString(to).country`, null for a non-geographic number); absent: found here.
   */
  toCountry?: string | null;
}

/**
 * What the country's rules say about one candidate; null: nothing to change.
 * `defer` may carry a sender too: the message waits and then goes with that sender.
 */
export type CountryVerdict =
  | { kind: 'refuse'; error: MessageError }
  | { kind: 'defer'; until: Date; from?: string }
  | { kind: 'sender'; from: string }
  | null;

interface CompiledRule {
  country: string;
  alphanumeric: AlphanumericSenderRule;
  /** Senders registered for every account, and per account. */
  registered: ReadonlySet<string>;
  registeredFor: ReadonlyMap<string, ReadonlySet<string>>;
  defaultSender: string | null;
  window: SendingWindow | null;
}

/** What the rules of the countries behind one calling code can do, so a number is parsed only when it matters. */
interface CodeReach {
  sender: boolean;
  window: boolean;
}

export interface RuleTable {
  byCountry: ReadonlyMap<string, CompiledRule>;
  /** Calling codes of the countries with a rule: other numbers are passed over without parsing. */
  codes: ReadonlyMap<string, CodeReach>;
}

function compileRule(r: CountryRule): CompiledRule {
  const registeredFor = new Map<string, Set<string>>();
  for (const s of r.registeredSenders) {
    if (s.accountId) registeredFor.set(s.accountId, (registeredFor.get(s.accountId) ?? new Set()).add(s.sender));
  }
  const hasWindow = r.timeZone && (r.quietHours || r.quietDays.length || r.holidays.length);
  return {
    country: r.country,
    alphanumeric: r.alphanumericSender,
    defaultSender: r.defaultSender,
    registeredFor,
    registered: new Set(r.registeredSenders.filter((s) => !s.accountId).map((s) => s.sender)),
    window: hasWindow
      ? {
          timeZone: r.timeZone!,
          quiet: r.quietHours && { start: minutesOf(r.quietHours.start), end: minutesOf(r.quietHours.end) },
          quietDays: new Set(r.quietDays.map((d) => WEEKDAYS.indexOf(d) + 1)),
          holidays: new Set(r.holidays),
        }
      : null,
  };
}

export function compileRules(rules: CountryRule[]): RuleTable {
  const byCountry = new Map(rules.map((r) => [r.country, compileRule(r)]));
  const codes = new Map<string, CodeReach>();
  for (const rule of byCountry.values()) {
    // A code the numbering metadata does not know can never be a number's country.
    if (!isSupportedCountry(rule.country)) continue;
    const code = getCountryCallingCode(rule.country);
    const reach = codes.get(code) ?? { sender: false, window: false };
    reach.sender ||= rule.alphanumeric !== 'allowed' || rule.defaultSender !== null;
    reach.window ||= rule.window !== null;
    codes.set(code, reach);
  }
  return { byCountry, codes };
}

/** Calling code → the countries that share it (+1: US, CA, PR, …; +49: DE alone). */
const countriesByCode = new Map<string, string[]>();
for (const country of getCountries()) {
  const code = getCountryCallingCode(country);
  countriesByCode.set(code, [...(countriesByCode.get(code) ?? []), country]);
}

/**
 * Calling codes are 1-3 digits and none is the prefix of another, so the number's first three
 * digits name its code. Only a code shared by several countries needs the numbering plan
 * (parsing a +1 number costs 50-80 µs), and only when a rule behind it can change the message.
 */
function ruleFor(table: RuleTable, c: CountryCandidate, needs: CodeReach): CompiledRule | undefined {
  if (c.toCountry !== undefined) return c.toCountry === null ? undefined : table.byCountry.get(c.toCountry);
  const digits = c.toNumber.slice(1, 4);
  const code = [digits.slice(0, 1), digits.slice(0, 2), digits].find((d) => table.codes.has(d));
  const reach = code === undefined ? undefined : table.codes.get(code);
  if (!reach || !((needs.sender && reach.sender) || (needs.window && reach.window))) return undefined;
  const sharing = countriesByCode.get(code!) ?? [];
  const country = sharing.length === 1 ? sharing[0] : parsePhoneNumberFromString(c.toNumber)?.country;
  return country ? table.byCountry.get(country) : undefined;
}

/** Accepted senders are validated already: only an alphanumeric one has letters (messaging/input.ts). */
const isAlphanumeric = (from: string): boolean => /[A-Za-z]/.test(from);

function senderCarried(rule: CompiledRule, accountId: string, from: string): boolean {
  if (rule.alphanumeric === 'allowed') return true;
  if (rule.alphanumeric === 'not_allowed') return false;
  return rule.registered.has(from) || rule.registeredFor.get(accountId)?.has(from) === true;
}

/** The sender rule: a replacement sender, a refusal, or null (the sender stands). */
function senderVerdict(rule: CompiledRule, c: CountryCandidate): { from: string } | { error: MessageError } | null {
  if (c.fromNumber === null) return rule.defaultSender ? { from: rule.defaultSender } : null;
  if (!isAlphanumeric(c.fromNumber) || senderCarried(rule, c.accountId, c.fromNumber)) return null;
  if (rule.defaultSender) return { from: rule.defaultSender };
  return {
    error:
      rule.alphanumeric === 'not_allowed' ? alphanumericNotCarried(rule.country) : senderNotRegistered(rule.country),
  };
}

/**
 * When a message at `at` may go, memoised per country and minute within one call: the window is
 * drawn in whole local minutes and zones are whole minutes off UTC, so every instant of a UTC
 * minute gets the same answer (null: open).
 */
function deferral(rule: CompiledRule, window: SendingWindow, at: Date, memo: Map<string, Date | null>): Date | null {
  const key = `${rule.country}|${Math.floor(at.getTime() / 60_000)}`;
  let until = memo.get(key);
  if (until === undefined) {
    const opening = nextOpening(window, at);
    until = opening > at ? opening : null;
    memo.set(key, until);
  }
  return until;
}

/** One verdict per candidate, in order. */
export function countryVerdicts(
  table: RuleTable,
  candidates: readonly CountryCandidate[],
  now: Date,
): CountryVerdict[] {
  const memo = new Map<string, Date | null>();
  return candidates.map((c): CountryVerdict => {
    const marketing = c.purpose === 'marketing';
    const checksSender = c.channel === 'sms' && (c.fromNumber === null || isAlphanumeric(c.fromNumber));
    if (table.byCountry.size === 0 || (!marketing && !checksSender)) return null;
    const rule = ruleFor(table, c, { sender: checksSender, window: marketing });
    if (!rule) return null;
    const sender = checksSender ? senderVerdict(rule, c) : null;
    if (sender && 'error' in sender) return { kind: 'refuse', error: sender.error };
    if (marketing && rule.window) {
      const until = deferral(rule, rule.window, c.sendAt && c.sendAt > now ? c.sendAt : now, memo);
      if (until) return sender ? { kind: 'defer', until, from: sender.from } : { kind: 'defer', until };
    }
    return sender ? { kind: 'sender', from: sender.from } : null;
  });
}
