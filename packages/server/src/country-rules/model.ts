// A country rule as operators write it and the API shows it.

export const ALPHANUMERIC_SENDER_RULES = ['allowed', 'registered_only', 'not_allowed'] as const;
export type AlphanumericSenderRule = (typeof ALPHANUMERIC_SENDER_RULES)[number];

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface RegisteredSender {
  sender: string;
  /** null: registered for every account. */
  accountId: string | null;
}

export interface CountryRule {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  alphanumericSender: AlphanumericSenderRule;
  registeredSenders: RegisteredSender[];
  defaultSender: string | null;
  timeZone: string | null;
  /** Local HH:MM; `start` after `end` spans midnight. */
  quietHours: { start: string; end: string } | null;
  quietDays: Weekday[];
  /** Local dates, YYYY-MM-DD, ascending. */
  holidays: string[];
  updatedAt: Date;
}

export type CountryRuleInput = Omit<CountryRule, 'country' | 'updatedAt'>;

export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
