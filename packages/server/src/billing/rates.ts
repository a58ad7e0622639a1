// Billing rates as data: the shipped VAT and ECB reference-rate tables (billing/rules/), with
// the operator's rows from the database added on top: a row for a date the table already has
// replaces that period. Read per invoice run or statement, never on a hot path.
import type { Db } from '../db/pool.ts';
import { DEFAULT_VAT_RATES, type VatRatePeriod, type VatRateTable } from './rules/vat.ts';
import { DEFAULT_REFERENCE_RATES, type HalfYearStart, type ReferenceRateTable } from './rules/late-interest.ts';

/** Consumers' statutory late rate (per year) until the operator sets theirs: 5 points over 2.15 %. */
export const DEFAULT_CONSUMER_LATE_RATE_BASIS_POINTS = 715;

export interface BillingRates {
  vat: VatRateTable;
  reference: ReferenceRateTable;
  consumerLateRateBasisPoints: number;
}

export async function loadBillingRates(db: Db): Promise<BillingRates> {
  const [vatRows, refRows, supplier] = await Promise.all([
    db<{ country: string; from: string; bp: number }[]>`
      select country, to_char(effective_from, 'YYYY-MM-DD') as "from", standard_rate_basis_points as bp from vat_rates`,
    db<{ start: HalfYearStart; bp: number }[]>`select to_char(half_year_start, 'YYYY-MM-DD') as start, rate_basis_points as bp from reference_rates`,
    db<{ bp: number }[]>`select consumer_late_rate_basis_points as bp from billing_supplier`,
  ]);
  const vat: Record<string, VatRatePeriod[]> = Object.fromEntries(Object.entries(DEFAULT_VAT_RATES).map(([c, periods]) => [c, [...periods]]));
  for (const r of vatRows) {
    const periods = (vat[r.country] ?? []).filter((p) => p.from !== r.from);
    vat[r.country] = [...periods, { from: r.from, standardRateBasisPoints: r.bp }].sort((a, b) => a.from.localeCompare(b.from));
  }
  const reference = new Map(DEFAULT_REFERENCE_RATES.map((r) => [r.halfYearStart, r.rateBasisPoints]));
  for (const r of refRows) reference.set(r.start, r.bp);
  return {
    vat,
    reference: [...reference].sort(([a], [b]) => a.localeCompare(b)).map(([halfYearStart, rateBasisPoints]) => ({ halfYearStart, rateBasisPoints })),
    consumerLateRateBasisPoints: supplier[0]?.bp ?? DEFAULT_CONSUMER_LATE_RATE_BASIS_POINTS,
  };
}
