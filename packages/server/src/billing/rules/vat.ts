// EU VAT on the platform's services (SMS and other telecommunication services) for a
// supplier established in an EU member state.
//
// Place of supply (Council Directive 2006/112/EC): to a taxable person, where the customer is
// established (Art. 44); to a non-taxable person, for telecommunication and electronically
// supplied services, where the customer is established or usually resides (Art. 58). So the
// VAT of the customer's country applies, except that a business customer in another member
// state accounts for the VAT itself (reverse charge, Art. 196).
//
// Not modelled, on purpose: the EUR 10 000 micro-business threshold of Art. 59c (taxing B2C
// supplies at the supplier's rate is an option; charging the customer's rate is always
// allowed), the use-and-enjoyment rules of Art. 59a, reduced rates, and territories outside
// the VAT area (Canary Islands, Åland, Mount Athos...). Customers there must be configured by
// hand. The rate table is data: operators keep it current.
import { isoDateToDayNumber, toIsoDate, utcDayNumber } from './dates.ts';
import { assertMinorUnits, divideHalfUp, toMinorUnits } from './money.ts';

export type VatRatePeriod = { from: string; standardRateBasisPoints: number };
/** Per ISO 3166-1 alpha-2 country code, the standard rates with the date each took effect. */
export type VatRateTable = Readonly<Record<string, readonly VatRatePeriod[]>>;

export type VatDecision = {
  kind: 'domestic' | 'reverse_charge' | 'eu_consumer' | 'outside_eu';
  rateBasisPoints: number;
  /** The country whose VAT applies (place of supply); null outside the EU. */
  country: string | null;
  /** Wording the invoice must carry, if any. */
  note: string | null;
};

export type VatInput = {
  supplierCountry: string;
  customer: { country: string; isBusiness: boolean; vatId: string | null; vatIdVerified: boolean };
  rates: VatRateTable;
  /** The date of the chargeable event (the supply, Art. 63), which selects the rate. */
  on: Date;
};

export const REVERSE_CHARGE_NOTE =
  'Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)';
export const OUTSIDE_EU_NOTE = 'Outside the scope of EU VAT';

/** ISO 3166-1 alpha-2 codes of the 27 member states (Greece is GR here, EL in VAT ids). */
export const EU_MEMBER_STATES: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

// The table starts on 2024-01-01: earlier supply dates are deliberately not covered and make
// determineVat throw rather than guess. Later changes are listed with their effective date.
const SINCE_2024 = '2024-01-01';
const unchangedSince2024 = (basisPoints: number): VatRatePeriod[] => [
  { from: SINCE_2024, standardRateBasisPoints: basisPoints },
];

/**
 * Standard VAT rates of the member states as known in 2026. Source: European Commission,
 * "VAT rates applied in the Member States of the European Union" (DG TAXUD), and the national
 * laws for the changes listed (FI 2024, SK 2025, EE 2025, RO 2025). A starting point only:
 * operators must verify and configure their own table.
 */
export const DEFAULT_VAT_RATES: VatRateTable = {
  AT: unchangedSince2024(2000),
  BE: unchangedSince2024(2100),
  BG: unchangedSince2024(2000),
  CY: unchangedSince2024(1900),
  CZ: unchangedSince2024(2100),
  DE: unchangedSince2024(1900),
  DK: unchangedSince2024(2500),
  EE: [
    { from: SINCE_2024, standardRateBasisPoints: 2200 },
    { from: '2025-07-01', standardRateBasisPoints: 2400 },
  ],
  ES: unchangedSince2024(2100),
  FI: [
    { from: SINCE_2024, standardRateBasisPoints: 2400 },
    { from: '2024-09-01', standardRateBasisPoints: 2550 },
  ],
  FR: unchangedSince2024(2000),
  GR: unchangedSince2024(2400),
  HR: unchangedSince2024(2500),
  HU: unchangedSince2024(2700),
  IE: unchangedSince2024(2300),
  IT: unchangedSince2024(2200),
  LT: unchangedSince2024(2100),
  LU: unchangedSince2024(1700),
  LV: unchangedSince2024(2100),
  MT: unchangedSince2024(1800),
  NL: unchangedSince2024(2100),
  PL: unchangedSince2024(2300),
  PT: unchangedSince2024(2300),
  RO: [
    { from: SINCE_2024, standardRateBasisPoints: 1900 },
    { from: '2025-08-01', standardRateBasisPoints: 2100 },
  ],
  SE: unchangedSince2024(2500),
  SI: unchangedSince2024(2200),
  SK: [
    { from: SINCE_2024, standardRateBasisPoints: 2000 },
    { from: '2025-01-01', standardRateBasisPoints: 2300 },
  ],
};

export function isEuMemberState(country: string): boolean {
  return EU_MEMBER_STATES.includes(normalizeCountry(country));
}

export function determineVat(input: VatInput): VatDecision {
  const supplierCountry = normalizeCountry(input.supplierCountry);
  const customerCountry = normalizeCountry(input.customer.country);
  if (!EU_MEMBER_STATES.includes(supplierCountry)) {
    throw new RangeError(
      `determineVat applies to a supplier established in the EU; "${input.supplierCountry}" is not a member state`,
    );
  }
  if (customerCountry === supplierCountry) {
    // Place of supply is the supplier's own country for business and consumer alike.
    return {
      kind: 'domestic',
      rateBasisPoints: rateInForce(input.rates, supplierCountry, input.on),
      country: supplierCountry,
      note: null,
    };
  }
  if (!EU_MEMBER_STATES.includes(customerCountry)) {
    return { kind: 'outside_eu', rateBasisPoints: 0, country: null, note: OUTSIDE_EU_NOTE };
  }
  if (input.customer.isBusiness && hasVerifiedVatIdOf(customerCountry, input.customer)) {
    return { kind: 'reverse_charge', rateBasisPoints: 0, country: customerCountry, note: REVERSE_CHARGE_NOTE };
  }
  // A business that has not given a VAT id verified for its own country is charged like a
  // consumer. This is the conservative reading of Implementing Regulation (EU) No 282/2011,
  // Art. 18(2): without a VAT id the supplier may treat the customer as a non-taxable person,
  // and charging the destination VAT can be corrected later, while a wrong reverse charge
  // leaves the supplier liable for the unpaid VAT.
  return {
    kind: 'eu_consumer',
    rateBasisPoints: rateInForce(input.rates, customerCountry, input.on),
    country: customerCountry,
    note: null,
  };
}

/** VAT on a net amount, rounded half-up to the minor unit (see money.ts). */
export function vatAmount(netMinor: number, rateBasisPoints: number): number {
  assertMinorUnits('netMinor', netMinor);
  if (!Number.isSafeInteger(rateBasisPoints) || rateBasisPoints < 0)
    throw new RangeError(`rateBasisPoints must be a non-negative integer, got ${rateBasisPoints}`);
  return toMinorUnits(divideHalfUp(BigInt(netMinor) * BigInt(rateBasisPoints), 10_000n));
}

/** The country a VAT id belongs to, as an ISO code (the VAT prefix EL is Greece, GR). */
export function vatIdCountry(vatId: string): string | null {
  const prefix = /^([A-Z]{2})[0-9A-Z]{2,13}$/.exec(normalizeVatId(vatId))?.[1];
  return prefix ? normalizeCountry(prefix) : null;
}

// Reverse charge needs the VAT id of the member state where the customer is established,
// checked by the operator (typically in VIES). An id of another state does not qualify here.
function hasVerifiedVatIdOf(country: string, customer: VatInput['customer']): boolean {
  return customer.vatId !== null && customer.vatIdVerified && vatIdCountry(customer.vatId) === country;
}

function normalizeVatId(vatId: string): string {
  return vatId.toUpperCase().replace(/[\s.-]/g, '');
}

function normalizeCountry(country: string): string {
  const code = country.trim().toUpperCase();
  return code === 'EL' ? 'GR' : code;
}

function rateInForce(rates: VatRateTable, country: string, on: Date): number {
  const periods = (rates[country] ?? []).map((period) => {
    if (!Number.isSafeInteger(period.standardRateBasisPoints) || period.standardRateBasisPoints < 0) {
      throw new RangeError(
        `VAT rate table for ${country}: invalid rate ${period.standardRateBasisPoints} from ${period.from}`,
      );
    }
    return { fromDay: isoDateToDayNumber(period.from), rate: period.standardRateBasisPoints };
  });
  if (new Set(periods.map((period) => period.fromDay)).size !== periods.length) {
    throw new RangeError(`VAT rate table for ${country} has two rates taking effect on the same date`);
  }
  const day = utcDayNumber(on);
  const inForce = periods.filter((period) => period.fromDay <= day).sort((a, b) => b.fromDay - a.fromDay)[0];
  if (inForce === undefined)
    throw new RangeError(`no VAT rate for ${country} is in force on ${toIsoDate(on)}: configure the VAT rate table`);
  return inForce.rate;
}
