// Billing rates as data: the shipped VAT table (billing/rules/vat.ts) with the operator's rows
// from the database added on top (a row for a date the table already has replaces that period),
// and the late-interest rules per supplier jurisdiction (seeded by migration 0024, kept current
// by operators). Read per invoice run, statement or interest note, never on a hot path.
import type { Db } from '../db/pool.ts';
import { DEFAULT_VAT_RATES, type VatRatePeriod, type VatRateTable } from './rules/vat.ts';
import type { LateInterestRule } from './rules/late-interest.ts';

/** Consumers' statutory late rate (per year) until the operator sets theirs: 5 points over 2.15 %. */
export const DEFAULT_CONSUMER_LATE_RATE_BASIS_POINTS = 715;

export interface BillingRates {
  vat: VatRateTable;
  lateInterest: (LateInterestRule & { legalBasis: string })[];
  consumerLateRateBasisPoints: number;
}

export async function loadBillingRates(db: Db): Promise<BillingRates> {
  const [vatRows, rules, refRows, supplier] = await Promise.all([
    db<{ country: string; from: string; bp: number }[]>`
      select country, to_char(effective_from, 'YYYY-MM-DD') as "from", standard_rate_basis_points as bp from vat_rates`,
    db<{ jurisdiction: string; referenceRateName: string; legalBasis: string; marginBasisPoints: number }[]>`
      select jurisdiction, reference_rate_name as "referenceRateName", legal_basis as "legalBasis", margin_basis_points as "marginBasisPoints"
      from late_interest_rules order by jurisdiction`,
    db<{ jurisdiction: string; validFrom: string; rateBasisPoints: number }[]>`
      select jurisdiction, to_char(valid_from, 'YYYY-MM-DD') as "validFrom", rate_basis_points as "rateBasisPoints"
      from late_interest_reference_rates order by jurisdiction, valid_from`,
    db<{ bp: number }[]>`select consumer_late_rate_basis_points as bp from billing_supplier`,
  ]);
  const vat: Record<string, VatRatePeriod[]> = Object.fromEntries(
    Object.entries(DEFAULT_VAT_RATES).map(([c, periods]) => [c, [...periods]]),
  );
  for (const r of vatRows) {
    const periods = (vat[r.country] ?? []).filter((p) => p.from !== r.from);
    vat[r.country] = [...periods, { from: r.from, standardRateBasisPoints: r.bp }].sort((a, b) =>
      a.from.localeCompare(b.from),
    );
  }
  return {
    vat,
    lateInterest: rules.map((r) => ({
      ...r,
      referenceRates: refRows
        .filter((x) => x.jurisdiction === r.jurisdiction)
        .map(({ validFrom, rateBasisPoints }) => ({ validFrom, rateBasisPoints })),
    })),
    consumerLateRateBasisPoints: supplier[0]?.bp ?? DEFAULT_CONSUMER_LATE_RATE_BASIS_POINTS,
  };
}
