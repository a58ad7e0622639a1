import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_VAT_RATES,
  EU_MEMBER_STATES,
  OUTSIDE_EU_NOTE,
  REVERSE_CHARGE_NOTE,
  determineVat,
  isEuMemberState,
  vatAmount,
  vatIdCountry,
} from './vat.ts';
import type { VatInput } from './vat.ts';

const on = new Date('2026-03-15T12:00:00Z');
const consumer = (country: string): VatInput['customer'] => ({
  country,
  isBusiness: false,
  vatId: null,
  vatIdVerified: false,
});
const business = (country: string, vatId: string | null, vatIdVerified = true): VatInput['customer'] => ({
  country,
  isBusiness: true,
  vatId,
  vatIdVerified,
});
const fromGermany = (customer: VatInput['customer'], date = on) =>
  determineVat({ supplierCountry: 'DE', customer, rates: DEFAULT_VAT_RATES, on: date });

describe('determineVat', () => {
  it('charges the supplier rate to a domestic business, even with a verified VAT id', () => {
    assert.deepEqual(fromGermany(business('DE', 'DE123456789')), {
      kind: 'domestic',
      rateBasisPoints: 1900,
      country: 'DE',
      note: null,
    });
  });

  it('charges the supplier rate to a domestic consumer', () => {
    assert.deepEqual(fromGermany(consumer('de')), {
      kind: 'domestic',
      rateBasisPoints: 1900,
      country: 'DE',
      note: null,
    });
  });

  it('reverse-charges a business in another member state with a verified VAT id of that state', () => {
    assert.deepEqual(fromGermany(business('FR', 'FR 12 345678901')), {
      kind: 'reverse_charge',
      rateBasisPoints: 0,
      country: 'FR',
      note: 'Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)',
    });
    assert.equal(REVERSE_CHARGE_NOTE, fromGermany(business('FR', 'FR12345678901')).note);
  });

  it("charges a business without a verified VAT id like a consumer, at its country's rate", () => {
    const expected = { kind: 'eu_consumer', rateBasisPoints: 2000, country: 'FR', note: null };
    assert.deepEqual(fromGermany(business('FR', 'FR12345678901', false)), expected, 'VAT id not verified');
    assert.deepEqual(fromGermany(business('FR', null, true)), expected, 'no VAT id at all');
    assert.deepEqual(fromGermany(business('FR', 'NL123456789B01')), expected, 'verified id of another member state');
    assert.deepEqual(fromGermany(business('FR', 'not a vat id')), expected, 'malformed id');
  });

  it("charges a consumer in another member state at that state's rate", () => {
    assert.deepEqual(fromGermany(consumer('AT')), {
      kind: 'eu_consumer',
      rateBasisPoints: 2000,
      country: 'AT',
      note: null,
    });
    assert.equal(fromGermany(consumer('HU')).rateBasisPoints, 2700);
  });

  it('puts customers outside the EU out of scope, business or not', () => {
    const expected = { kind: 'outside_eu', rateBasisPoints: 0, country: null, note: 'Outside the scope of EU VAT' };
    for (const customer of [consumer('US'), business('CH', 'CHE123456789'), consumer('GB'), business('NO', null)]) {
      assert.deepEqual(fromGermany(customer), expected, customer.country);
    }
    assert.equal(OUTSIDE_EU_NOTE, expected.note);
  });

  it('picks the rate in force on the supply date (UTC) from an effective-dated table', () => {
    assert.equal(fromGermany(consumer('FI'), new Date('2024-08-31T23:59:59Z')).rateBasisPoints, 2400);
    assert.equal(fromGermany(consumer('FI'), new Date('2024-09-01T00:00:00Z')).rateBasisPoints, 2550);
    // 23:30 on 31 August in UTC-2 is already 1 September in UTC.
    assert.equal(fromGermany(consumer('FI'), new Date('2024-08-31T23:30:00-02:00')).rateBasisPoints, 2550);
    assert.equal(fromGermany(consumer('SK'), new Date('2024-12-31T12:00:00Z')).rateBasisPoints, 2000);
    assert.equal(fromGermany(consumer('SK'), new Date('2025-01-01T12:00:00Z')).rateBasisPoints, 2300);

    // Order in the table does not matter; a later period wins once it has started.
    const rates = {
      DE: [
        { from: '2027-01-01', standardRateBasisPoints: 2100 },
        { from: '2020-07-01', standardRateBasisPoints: 1600 },
      ],
    };
    const domestic = (date: string) =>
      determineVat({ supplierCountry: 'DE', customer: consumer('DE'), rates, on: new Date(date) }).rateBasisPoints;
    assert.equal(domestic('2026-12-31T00:00:00Z'), 1600);
    assert.equal(domestic('2027-01-01T00:00:00Z'), 2100);
  });

  it('treats Greece as GR and accepts both EL and GR VAT ids', () => {
    for (const vatId of ['EL123456789', 'GR123456789', 'el 123 456 789']) {
      assert.deepEqual(
        fromGermany(business('GR', vatId)),
        { kind: 'reverse_charge', rateBasisPoints: 0, country: 'GR', note: REVERSE_CHARGE_NOTE },
        vatId,
      );
    }
    assert.deepEqual(fromGermany(consumer('EL')), {
      kind: 'eu_consumer',
      rateBasisPoints: 2400,
      country: 'GR',
      note: null,
    });
    assert.equal(vatIdCountry('EL123456789'), 'GR');
    assert.equal(vatIdCountry('GR123456789'), 'GR');
    assert.equal(isEuMemberState('EL'), true);
    const fromGreece = determineVat({
      supplierCountry: 'EL',
      customer: business('GR', 'EL123456789'),
      rates: DEFAULT_VAT_RATES,
      on,
    });
    assert.equal(fromGreece.kind, 'domestic');
  });

  it('throws a clear error when no rate is in force', () => {
    assert.throws(
      () => fromGermany(consumer('DE'), new Date('2023-06-30T12:00:00Z')),
      /no VAT rate for DE is in force on 2023-06-30: configure the VAT rate table/,
    );
    assert.throws(
      () =>
        determineVat({
          supplierCountry: 'DE',
          customer: consumer('IT'),
          rates: { DE: DEFAULT_VAT_RATES.DE ?? [] },
          on,
        }),
      /no VAT rate for IT is in force on 2026-03-15/,
    );
    // Reverse charge and exports need no rate.
    assert.equal(
      determineVat({ supplierCountry: 'DE', customer: business('IT', 'IT12345678901'), rates: {}, on }).kind,
      'reverse_charge',
    );
    assert.equal(determineVat({ supplierCountry: 'DE', customer: consumer('US'), rates: {}, on }).kind, 'outside_eu');
  });

  it('rejects a malformed table and a supplier outside the EU', () => {
    const twice = {
      DE: [
        { from: '2024-01-01', standardRateBasisPoints: 1900 },
        { from: '2024-01-01', standardRateBasisPoints: 1600 },
      ],
    };
    assert.throws(
      () => determineVat({ supplierCountry: 'DE', customer: consumer('DE'), rates: twice, on }),
      /two rates taking effect on the same date/,
    );
    const badDate = { DE: [{ from: '2024-02-30', standardRateBasisPoints: 1900 }] };
    assert.throws(
      () => determineVat({ supplierCountry: 'DE', customer: consumer('DE'), rates: badDate, on }),
      /"2024-02-30" is not a calendar date/,
    );
    assert.throws(
      () => determineVat({ supplierCountry: 'CH', customer: consumer('DE'), rates: DEFAULT_VAT_RATES, on }),
      /supplier established in the EU/,
    );
  });
});

describe('member states and default rates', () => {
  it('lists the 27 member states, each with a default rate in force today', () => {
    assert.equal(EU_MEMBER_STATES.length, 27);
    assert.equal(new Set(EU_MEMBER_STATES).size, 27);
    assert.deepEqual(Object.keys(DEFAULT_VAT_RATES).sort(), [...EU_MEMBER_STATES].sort());
    for (const country of EU_MEMBER_STATES) {
      const rate = fromGermany(consumer(country)).rateBasisPoints;
      assert.ok(rate >= 1700 && rate <= 2700, `${country}: ${rate}`);
    }
    assert.equal(isEuMemberState('XI'), false, 'Northern Ireland is outside the EU for services');
  });
});

describe('vatAmount', () => {
  it('rounds half-up to the minor unit', () => {
    assert.equal(vatAmount(100_000, 1900), 19_000);
    assert.equal(vatAmount(50, 1900), 10, '9.5 rounds up');
    assert.equal(vatAmount(49, 1900), 9, '9.31 rounds down');
    assert.equal(vatAmount(2, 2500), 1, '0.5 rounds up');
    assert.equal(vatAmount(10, 2550), 3, '2.55 rounds up');
    assert.equal(vatAmount(12_345, 0), 0);
  });

  it('mirrors an invoice exactly on a credit note (half away from zero)', () => {
    assert.equal(vatAmount(-50, 1900), -10);
    assert.equal(vatAmount(-49, 1900), -9);
  });

  it('is exact for amounts whose product with the rate exceeds 2^53', () => {
    assert.equal(vatAmount(9_007_199_254_740_991, 2700), 2_431_943_798_780_068);
  });

  it('rejects non-integer amounts and rates', () => {
    assert.throws(() => vatAmount(10.5, 1900), /integer number of minor units/);
    assert.throws(() => vatAmount(10, 19.5), /rateBasisPoints/);
    assert.throws(() => vatAmount(10, -1), /rateBasisPoints/);
  });
});
