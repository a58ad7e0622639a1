// The verdicts the accept path gets from the per-country rules, with an injected clock.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CountryRule } from './model.ts';
import { compileRules, countryVerdicts, type CountryCandidate } from './verdicts.ts';

const rule = (country: string, r: Partial<CountryRule>): CountryRule => ({
  country,
  alphanumericSender: 'allowed',
  registeredSenders: [],
  defaultSender: null,
  timeZone: null,
  quietHours: null,
  quietDays: [],
  holidays: [],
  updatedAt: new Date(0),
  ...r,
});
const table = compileRules([
  rule('US', {
    alphanumericSender: 'not_allowed',
    timeZone: 'America/New_York',
    quietHours: { start: '21:00', end: '08:00' },
  }),
  rule('DE', {
    alphanumericSender: 'registered_only',
    timeZone: 'Europe/Berlin',
    quietHours: { start: '21:00', end: '08:00' },
    holidays: ['2026-12-25'],
    registeredSenders: [
      { sender: 'ACME', accountId: null },
      { sender: 'SHOP', accountId: 'acc_a' },
    ],
  }),
  rule('FR', {
    alphanumericSender: 'registered_only',
    defaultSender: '38700',
    timeZone: 'Europe/Paris',
    quietHours: { start: '20:00', end: '08:00' },
  }),
]);
const US = '+14155550123';
const CA = '+14165550123';
const DE = '+4915112345678';
const FR = '+33612345678';
const NOON_EVERYWHERE = new Date('2026-06-10T16:00:00Z'); // 18:00 in Berlin, 12:00 in New York
const BERLIN_NIGHT = new Date('2026-06-10T21:00:00Z'); // 23:00 in Berlin, 17:00 in New York

const sms = (to: string, from: string | null, o: Partial<CountryCandidate> = {}): CountryCandidate => ({
  accountId: 'acc_a',
  toNumber: to,
  fromNumber: from,
  purpose: 'transactional',
  channel: 'sms',
  ...o,
});
const one = (c: CountryCandidate, now = NOON_EVERYWHERE) => countryVerdicts(table, [c], now)[0];

describe('sender rules (SMS)', () => {
  it('rejects an alphanumeric SMS to a country that carries none, as sender_not_allowed', () => {
    const v = one(sms(US, 'ACME'));
    assert.equal(v?.kind, 'refuse');
    assert.equal(v?.kind === 'refuse' && v.error.code, 'sender_not_allowed');
    assert.match(v?.kind === 'refuse' ? v.error.detail : '', /US do not carry alphanumeric senders/);
  });

  it('lets numbers and short codes through whatever the alphanumeric rule', () => {
    assert.equal(one(sms(US, '+14155550100')), null);
    assert.equal(one(sms(US, '38700')), null);
  });

  it('accepts a sender registered for every account, or for the sending account only', () => {
    assert.equal(one(sms(DE, 'ACME')), null);
    assert.equal(one(sms(DE, 'SHOP')), null);
    const other = one(sms(DE, 'SHOP', { accountId: 'acc_b' }));
    assert.equal(other?.kind === 'refuse' && other.error.code, 'sender_not_allowed');
    assert.match(other?.kind === 'refuse' ? other.error.detail : '', /not registered for DE/);
  });

  it('matches registered senders exactly as registered', () => {
    assert.equal(one(sms(DE, 'Acme'))?.kind, 'refuse');
  });

  it("replaces a refused sender, or a missing one, with the country's default sender", () => {
    assert.deepEqual(one(sms(FR, 'EVIL')), { kind: 'sender', from: '38700' });
    assert.deepEqual(one(sms(FR, null)), { kind: 'sender', from: '38700' });
    assert.equal(one(sms(US, null)), null, 'no sender and no default: nothing to say');
  });

  it('leaves WhatsApp senders alone', () => {
    assert.equal(one(sms(US, 'ACME', { channel: 'whatsapp' })), null);
  });

  it('finds the country of numbers sharing a calling code (+1: the US rule is not applied to Canada)', () => {
    assert.equal(one(sms(CA, 'ACME')), null);
    assert.equal(one(sms('+80012345678', 'ACME')), null, 'a non-geographic number has no country');
    assert.equal(one(sms('+447911123456', 'ACME')), null, 'a country without rules');
  });

  it('takes the country from the caller when validation already parsed the number', () => {
    assert.equal(one(sms(US, 'ACME', { toCountry: 'US' }))?.kind, 'refuse');
    assert.equal(one(sms(CA, 'ACME', { toCountry: 'CA' })), null);
    assert.equal(one(sms('+80012345678', 'ACME', { toCountry: null })), null);
  });
});

describe('sending window (marketing)', () => {
  it('defers marketing in quiet hours to 08:00 local time', () => {
    assert.deepEqual(one(sms(DE, 'ACME', { purpose: 'marketing' }), BERLIN_NIGHT), {
      kind: 'defer',
      until: new Date('2026-06-11T06:00:00Z'),
    });
    assert.equal(
      one(sms(US, '+14155550100', { purpose: 'marketing' }), BERLIN_NIGHT),
      null,
      'still afternoon in New York',
    );
  });

  it('never defers transactional messages or one-time passcodes', () => {
    assert.equal(one(sms(DE, 'ACME', { purpose: 'transactional' }), BERLIN_NIGHT), null);
    assert.equal(one(sms(DE, 'ACME', { purpose: 'otp' }), BERLIN_NIGHT), null);
  });

  it('defers marketing on every channel', () => {
    assert.equal(one(sms(DE, null, { purpose: 'marketing', channel: 'whatsapp' }), BERLIN_NIGHT)?.kind, 'defer');
  });

  it('defers marketing over a public holiday', () => {
    const christmasNoon = new Date('2026-12-25T11:00:00Z');
    assert.deepEqual(one(sms(DE, 'ACME', { purpose: 'marketing' }), christmasNoon), {
      kind: 'defer',
      until: new Date('2026-12-26T07:00:00Z'),
    });
  });

  it('judges a scheduled message at its scheduled time', () => {
    assert.deepEqual(one(sms(DE, 'ACME', { purpose: 'marketing', sendAt: BERLIN_NIGHT })), {
      kind: 'defer',
      until: new Date('2026-06-11T06:00:00Z'),
    });
    const morning = new Date('2026-06-11T07:00:00Z');
    assert.equal(
      one(sms(DE, 'ACME', { purpose: 'marketing', sendAt: morning }), BERLIN_NIGHT),
      null,
      'scheduled after the quiet hours',
    );
  });

  it('carries the replacement sender on a deferred message, and refuses before deferring', () => {
    const night = new Date('2026-06-10T20:00:00Z'); // 22:00 in Paris
    assert.deepEqual(one(sms(FR, 'EVIL', { purpose: 'marketing' }), night), {
      kind: 'defer',
      until: new Date('2026-06-11T06:00:00Z'),
      from: '38700',
    });
    assert.equal(one(sms(DE, 'EVIL', { purpose: 'marketing' }), BERLIN_NIGHT)?.kind, 'refuse');
  });

  it('answers a whole batch in order', () => {
    const batch = [
      sms(US, 'ACME'),
      sms(DE, 'ACME', { purpose: 'marketing' }),
      sms(DE, 'ACME', { purpose: 'marketing' }),
      sms(CA, null),
    ];
    const verdicts = countryVerdicts(table, batch, BERLIN_NIGHT);
    assert.deepEqual(
      verdicts.map((v) => v?.kind ?? null),
      ['refuse', 'defer', 'defer', null],
    );
  });

  it('judges each scheduled time on its own, to the second', () => {
    const at = (iso: string) => sms(DE, 'ACME', { purpose: 'marketing', sendAt: new Date(iso) });
    const batch = [
      at('2026-06-10T18:59:59Z'),
      at('2026-06-10T19:00:00Z'),
      at('2026-06-10T19:00:59Z'),
      at('2026-06-10T05:59:59Z'),
      at('2026-06-10T06:00:00Z'),
    ];
    const kinds = countryVerdicts(table, batch, new Date('2026-06-10T05:00:00Z')).map((v) => v?.kind ?? null);
    assert.deepEqual(kinds, [null, 'defer', 'defer', 'defer', null], '21:00 and 08:00 Berlin time are the edges');
  });
});
