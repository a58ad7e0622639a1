// The per-country rules applied to candidate messages: pure, fed with the rules in memory and
// the time, so every accept can afford it and tests can move the clock. Two rules:
// - senders (SMS only): an alphanumeric sender must be one the country carries; a message with
//   no sender, or with one the country refuses, takes the country's default sender if it has
//   one, and is otherwise refused (`sender_not_allowed`) when its sender is refused;
// - the sending window (marketing only, every channel): quiet hours, quiet days and public
//   holidays defer the message to the next moment the window opens in the country's zone.
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { MessageError } from '../messaging/model.ts';
import { senderKind } from '../messaging/input.ts';
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

export interface RuleTable {
  byCountry: ReadonlyMap<string, CompiledRule>;
  /** Calling codes of the countries with a rule: most numbers are passed over without parsing. */
  callingCodes: ReadonlySet<string>;
}

function compileRule(r: CountryRule): CompiledRule {
  const registeredFor = new Map<string, Set<string>>();
  for (const s of r.registeredSenders) {
    if (s.accountId) registeredFor.set(s.accountId, (registeredFor.get(s.accountId) ?? new Set()).add(s.sender));
  }
  const hasWindow = r.timeZone && (r.quietHours || r.quietDays.length || r.holidays.length);
  return {
    country: r.country, alphanumeric: r.alphanumericSender, defaultSender: r.defaultSender, registeredFor,
    registered: new Set(r.registeredSenders.filter((s) => !s.accountId).map((s) => s.sender)),
    window: hasWindow ? {
      timeZone: r.timeZone!,
      quiet: r.quietHours && { start: minutesOf(r.quietHours.start), end: minutesOf(r.quietHours.end) },
      quietDays: new Set(r.quietDays.map((d) => WEEKDAYS.indexOf(d) + 1)),
      holidays: new Set(r.holidays),
    } : null,
  };
}

export function compileRules(rules: CountryRule[]): RuleTable {
  const byCountry = new Map(rules.map((r) => [r.country, compileRule(r)]));
  // A code the numbering metadata does not know can never be a number's country.
  const callingCodes = new Set(rules.flatMap((r) => (isSupportedCountry(r.country) ? [getCountryCallingCode(r.country)] : [])));
  return { byCountry, callingCodes };
}

export const NO_RULES: RuleTable = compileRules([]);

function ruleFor(table: RuleTable, toNumber: string): CompiledRule | undefined {
  // Calling codes are 1-3 digits: look at the number's first three before parsing it.
  const digits = toNumber.slice(1, 4);
  if (![1, 2, 3].some((n) => table.callingCodes.has(digits.slice(0, n)))) return undefined;
  const country = parsePhoneNumberFromString(toNumber)?.country;
  return country ? table.byCountry.get(country) : undefined;
}

function senderCarried(rule: CompiledRule, accountId: string, from: string): boolean {
  if (rule.alphanumeric === 'allowed') return true;
  if (rule.alphanumeric === 'not_allowed') return false;
  return rule.registered.has(from) || rule.registeredFor.get(accountId)?.has(from) === true;
}

/** The sender rule: a replacement sender, a refusal, or null (the sender stands). */
function senderVerdict(rule: CompiledRule, c: CountryCandidate): { from: string } | { error: MessageError } | null {
  if (c.fromNumber === null) return rule.defaultSender ? { from: rule.defaultSender } : null;
  if (senderKind(c.fromNumber) !== 'alphanumeric' || senderCarried(rule, c.accountId, c.fromNumber)) return null;
  if (rule.defaultSender) return { from: rule.defaultSender };
  return { error: rule.alphanumeric === 'not_allowed' ? alphanumericNotCarried(rule.country) : senderNotRegistered(rule.country) };
}

/** One verdict per candidate, in order. `openings` memoises window look-ups within the call. */
export function countryVerdicts(table: RuleTable, candidates: readonly CountryCandidate[], now: Date): CountryVerdict[] {
  const openings = new Map<string, Date>();
  return candidates.map((c): CountryVerdict => {
    const marketing = c.purpose === 'marketing';
    const checksSender = c.channel === 'sms' && (c.fromNumber === null || senderKind(c.fromNumber) === 'alphanumeric');
    if (table.byCountry.size === 0 || (!marketing && !checksSender)) return null;
    const rule = ruleFor(table, c.toNumber);
    if (!rule) return null;
    const sender = checksSender ? senderVerdict(rule, c) : null;
    if (sender && 'error' in sender) return { kind: 'refuse', error: sender.error };
    if (marketing && rule.window) {
      const at = c.sendAt && c.sendAt > now ? c.sendAt : now;
      const key = `${rule.country}|${at.getTime()}`;
      const until = openings.get(key) ?? nextOpening(rule.window, at);
      openings.set(key, until);
      if (until > at) return sender ? { kind: 'defer', until, from: sender.from } : { kind: 'defer', until };
    }
    return sender ? { kind: 'sender', from: sender.from } : null;
  });
}
