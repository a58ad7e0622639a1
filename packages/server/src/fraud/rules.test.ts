// Each rule fires on crafted traffic and stays quiet on ordinary traffic; decide() combines
// them into allow, review or block with an explanation per rule.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_FRAUD_CONFIG, type FraudConfig } from './config.ts';
import { decide, type Candidate, type Counts } from './rules.ts';
import { SEED_RANGES, parseRangesCsv, rangesToCsv } from './ranges.ts';
import { evaluateCall } from './voice.ts';

const cfg: FraudConfig = { ...DEFAULT_FRAUD_CONFIG, mode: 'enforce' };
const quiet: Counts = {
  numberThisMinute: 1,
  rangeThisMinute: 1,
  countryThisMinute: 3,
  accountThisHour: 40,
  accountHourlyBaseline: 35,
  countryKnown: true,
  recentInRange: [5678],
  otpSent24h: 0,
  otpVerified24h: 0,
  reportsFeedback: false,
};
const msg = (over: Partial<Candidate> = {}): Candidate => ({
  to: '+4915112345678',
  country: 'DE',
  range: '+491511234',
  purpose: 'transactional',
  text: 'Your order has shipped.',
  ...over,
});
const judge = (c: Partial<Candidate> = {}, n: Partial<Counts> = {}, config: Partial<FraudConfig> = {}) =>
  decide(msg(c), { ...quiet, ...n }, { ...cfg, ...config }, SEED_RANGES);
const rulesOf = (v: ReturnType<typeof judge>) => v.rules.map((r) => r.rule);

describe('fraud rules', () => {
  it('allows ordinary traffic: nothing fires', () => {
    const v = judge();
    assert.deepEqual([v.action, v.score, v.rules], ['allow', 0, []]);
    assert.equal(judge({ text: 'See https://example.com/track/123' }).action, 'allow');
  });

  it('blocks destinations on the account block lists and reviews seed IRSF ranges unless allowed', () => {
    const country = judge({ to: '+33612345678', country: 'FR' }, {}, { blockedCountries: ['FR'] });
    assert.deepEqual([country.action, rulesOf(country)], ['block', ['destination_blocked']]);
    assert.match(country.rules[0]!.explanation, /FR are blocked/);
    assert.equal(judge({}, {}, { blockedPrefixes: ['+49151'] }).action, 'block');
    const satellite = judge({ to: '+881612345678', country: null, range: '+88161234' });
    assert.deepEqual([satellite.action, rulesOf(satellite)], ['review', ['irsf_range']]);
    assert.match(satellite.rules[0]!.explanation, /Global Mobile Satellite/);
    assert.equal(judge({ to: '+881612345678', country: null }, {}, { allowedPrefixes: ['+8816'] }).action, 'allow');
  });

  it('reviews, then blocks, repeated messages to one number; reviews a flood into one range', () => {
    assert.equal(judge({}, { numberThisMinute: 5 }).action, 'allow');
    assert.equal(judge({}, { numberThisMinute: 6 }).action, 'review');
    const flood = judge({}, { numberThisMinute: 21 });
    assert.deepEqual([flood.action, flood.rules[0]!.rule], ['block', 'velocity_number']);
    assert.deepEqual(rulesOf(judge({}, { rangeThisMinute: 101 })), ['velocity_range']);
  });

  it('adds a busy country to the score without acting on it alone', () => {
    const busy = judge({}, { countryThisMinute: 2001 });
    assert.deepEqual([busy.action, rulesOf(busy)], ['allow', ['velocity_country']]);
    const both = judge({}, { countryThisMinute: 2001, numberThisMinute: 6 });
    assert.deepEqual([both.action, both.score], ['review', 70], 'strongest rule + 10 per further rule');
  });

  it('flags a spike against the account baseline only above the floor', () => {
    assert.equal(judge({}, { accountThisHour: 400, accountHourlyBaseline: 10 }).action, 'allow', 'below the 500 floor');
    assert.deepEqual(rulesOf(judge({}, { accountThisHour: 600, accountHourlyBaseline: 10 })), ['spike']);
    assert.equal(
      judge({}, { accountThisHour: 600, accountHourlyBaseline: 100 }).action,
      'allow',
      'within 10x the baseline',
    );
  });

  it('reviews a walk through near-sequential numbers, not scattered ones', () => {
    assert.deepEqual(rulesOf(judge({}, { recentInRange: [5670, 5671, 5673, 5675, 5678] })), ['sequential_numbers']);
    assert.equal(judge({}, { recentInRange: [10, 900, 2000, 5000, 9000] }).action, 'allow');
    assert.equal(
      judge({}, { recentInRange: [5670, 5671, 5673, 5675] }).action,
      'allow',
      'a run of 4 is below the default 5',
    );
  });

  it('judges OTP conversion only for accounts that report verifications, after a minimum sample', () => {
    const otp = { purpose: 'otp' };
    assert.deepEqual(rulesOf(judge(otp, { otpSent24h: 80, otpVerified24h: 4, reportsFeedback: true })), [
      'otp_low_conversion',
    ]);
    assert.equal(
      judge(otp, { otpSent24h: 80, otpVerified24h: 4, reportsFeedback: false }).action,
      'allow',
      'no feedback: conversion unknown',
    );
    assert.equal(
      judge(otp, { otpSent24h: 30, otpVerified24h: 0, reportsFeedback: true }).action,
      'allow',
      'sample too small',
    );
    assert.equal(judge(otp, { otpSent24h: 80, otpVerified24h: 60, reportsFeedback: true }).action, 'allow');
  });

  it('reviews a burst to a country the account never used', () => {
    assert.deepEqual(rulesOf(judge({}, { countryKnown: false, countryThisMinute: 21 })), ['new_country']);
    assert.equal(
      judge({}, { countryKnown: false, countryThisMinute: 3 }).action,
      'allow',
      'a few messages to a new country are fine',
    );
  });

  it('scores URL shorteners and blocks configured keywords', () => {
    const short = judge({ text: 'Claim your prize: bit.ly/3xYz' });
    assert.deepEqual([short.action, rulesOf(short)], ['allow', ['content_url_shortener']]);
    assert.equal(judge({ text: 'Claim: https://bit.ly/3xYz' }, { numberThisMinute: 6 }).action, 'review');
    assert.equal(
      judge({ text: 'Visit rabbit.ly/x' }).action,
      'allow',
      'only the shortener itself, not a domain ending like it',
    );
    const keyword = judge({ text: 'Cheap CASINO bonus' }, {}, { blockedKeywords: ['casino'] });
    assert.deepEqual([keyword.action, rulesOf(keyword)], ['block', ['content_keyword']]);
  });

  it('honours the account thresholds', () => {
    assert.equal(judge({}, { numberThisMinute: 6 }, { reviewScore: 70 }).action, 'allow');
    assert.equal(judge({}, { numberThisMinute: 6 }, { blockScore: 60 }).action, 'block');
  });
});

describe('voice hook', () => {
  it('applies the destination rules to calls and caps concurrent calls', () => {
    assert.equal(
      evaluateCall({ to: '+4930123456', country: 'DE', concurrentCalls: 3 }, cfg, SEED_RANGES).action,
      'allow',
    );
    assert.equal(
      evaluateCall({ to: '+881612345678', country: null, concurrentCalls: 3 }, cfg, SEED_RANGES).action,
      'review',
    );
    const busy = evaluateCall({ to: '+4930123456', country: 'DE', concurrentCalls: 31 }, cfg, SEED_RANGES);
    assert.deepEqual([busy.action, busy.rules.map((r) => r.rule)], ['review', ['concurrent_calls']]);
  });
});

describe('range list CSV', () => {
  it('round-trips, and names every bad line', () => {
    const csv = rangesToCsv(SEED_RANGES.slice(0, 3));
    assert.deepEqual(
      parseRangesCsv(csv).map((r) => r.prefix),
      ['+870', '+881', '+882'],
    );
    assert.deepEqual(parseRangesCsv('+4477,block,"UK, premium ""077"""\n'), [
      { prefix: '+4477', action: 'block', label: 'UK, premium "077"' },
    ]);
    assert.throws(
      () => parseRangesCsv('prefix,action,label\n+44,review,ok\n4477,block,x\n+1,maybe,y\n'),
      (err: { errors: { pointer: string }[] }) => {
        assert.deepEqual(
          err.errors.map((e) => e.pointer),
          ['/lines/3', '/lines/4'],
        );
        return true;
      },
    );
  });
});
