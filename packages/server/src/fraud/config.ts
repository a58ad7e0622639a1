// Fraud settings: the platform defaults below, with an account's overrides (accounts.settings
// .fraud) merged over them, and its mode (settings.fraudMode): off, monitor (decisions recorded,
// nothing held or refused) or enforce. The numbers are starting points, documented in
// docs/fraud.md; operators tune them per account.
import { Type, type Static } from 'typebox';

export type FraudMode = 'off' | 'monitor' | 'enforce';

const Count = (description: string) => Type.Integer({ minimum: 1, maximum: 10_000_000, description });
const CountryList = Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { maxItems: 300 });
const PrefixList = Type.Array(Type.String({ pattern: '^\\+[0-9]{1,15}$' }), { maxItems: 1000 });

export const FraudOverridesSchema = Type.Object(
  {
    reviewScore: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100,
        description: 'a combined score from here holds the message for review',
      }),
    ),
    blockScore: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'a combined score from here rejects it (fraud_blocked)' }),
    ),
    blockedCountries: Type.Optional(CountryList),
    blockedPrefixes: Type.Optional(PrefixList),
    allowedPrefixes: Type.Optional(
      Type.Array(Type.String({ pattern: '^\\+[0-9]{1,15}$' }), {
        maxItems: 1000,
        description: 'never flagged by the range lists (seed or operator)',
      }),
    ),
    numberPerMinute: Type.Optional(Count('messages to one number per minute before review')),
    numberPerMinuteBlock: Type.Optional(Count('… before block')),
    rangePerMinute: Type.Optional(
      Count('messages to one number range (all but the last 4 digits) per minute before review'),
    ),
    countryPerMinute: Type.Optional(Count('messages to one country per minute before it adds to the score')),
    spikeFactor: Type.Optional(
      Type.Integer({
        minimum: 2,
        maximum: 1000,
        description: "this hour's volume over the account's hourly average of the last 7 days",
      }),
    ),
    spikeFloor: Type.Optional(Count('a spike needs at least this many messages in the hour')),
    sequentialRun: Type.Optional(
      Type.Integer({ minimum: 3, maximum: 1000, description: 'near-sequential numbers of one range within a minute' }),
    ),
    newCountryBurst: Type.Optional(Count('messages in a minute to a country the account never used before review')),
    otpMinSample: Type.Optional(Count('OTP messages to one range in 24 h before conversion is judged')),
    otpMinConversionPercent: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    urlShorteners: Type.Optional(Type.Array(Type.String({ minLength: 3, maxLength: 100 }), { maxItems: 200 })),
    blockedKeywords: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 100 }), { maxItems: 200 })),
    autoHoldBlocksPerMinute: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()], {
        description:
          "this many blocked messages within a minute put the account's kill switch on (enforce mode; null: never)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type FraudOverrides = Static<typeof FraudOverridesSchema>;
export type FraudConfig = Required<FraudOverrides> & { mode: FraudMode };

export const DEFAULT_FRAUD_CONFIG: Omit<FraudConfig, 'mode'> = {
  reviewScore: 50,
  blockScore: 90,
  blockedCountries: [],
  blockedPrefixes: [],
  allowedPrefixes: [],
  numberPerMinute: 5,
  numberPerMinuteBlock: 20,
  rangePerMinute: 100,
  countryPerMinute: 2000,
  spikeFactor: 10,
  spikeFloor: 500,
  sequentialRun: 5,
  newCountryBurst: 20,
  otpMinSample: 50,
  otpMinConversionPercent: 20,
  urlShorteners: [
    'bit.ly',
    'tinyurl.com',
    't.co',
    'goo.gl',
    'is.gd',
    'ow.ly',
    'cutt.ly',
    'rebrand.ly',
    'shorturl.at',
    'tiny.cc',
    'rb.gy',
    'buff.ly',
    'v.gd',
    's.id',
  ],
  blockedKeywords: [],
  autoHoldBlocksPerMinute: null,
};

export function fraudConfigOf(settings: Record<string, unknown>): FraudConfig {
  const mode = settings.fraudMode === 'off' || settings.fraudMode === 'monitor' ? settings.fraudMode : 'enforce';
  const overrides = (settings.fraud ?? {}) as FraudOverrides;
  return { ...DEFAULT_FRAUD_CONFIG, ...overrides, mode };
}
