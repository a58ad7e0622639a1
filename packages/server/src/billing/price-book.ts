// Prices in force, held in memory (they change rarely) so rating never costs a query per
// message. Lookup: the account's own agreement if one matches, else the platform list price;
// within each, the longest matching prefix, then a connector-specific row over a generic one,
// then a WhatsApp category's price over an any-category one, then the latest effective date
// not after the moment rated.
import type { Db } from '../db/pool.ts';
import { createCache } from '../db/cache.ts';

export interface PriceRow {
  id: string;
  accountId: string | null;
  channel: string;
  direction: string;
  prefix: string;
  connectorId: string | null;
  kind: 'price' | 'discount';
  unitPriceMicros: number | null;
  discountBasisPoints: number | null;
  currency: string;
  effectiveFrom: Date;
  /** WhatsApp: marketing, utility, authentication or service; null prices any category. */
  category?: string | null;
}

export interface PriceQuery {
  accountId: string;
  channel: string;
  direction: string;
  /** E.164 destination (outbound) or sender (inbound). */
  number: string;
  connectorId: string | null;
  at: Date;
  category?: string | null;
}

export interface Price {
  unitPriceMicros: number;
  currency: string;
  priceId: string;
}

export interface PriceBook {
  priceOf(q: PriceQuery): Price | undefined;
  /** The house account (the operator's own traffic) is never billed, so never rated. */
  billed(accountId: string): boolean;
}

export function priceBookOf(rows: PriceRow[], houseAccountId: string | null = null): PriceBook {
  const byAccount = new Map<string | null, PriceRow[]>();
  for (const r of rows) byAccount.set(r.accountId, [...(byAccount.get(r.accountId) ?? []), r]);

  function best(candidates: PriceRow[] | undefined, q: PriceQuery): PriceRow | undefined {
    let found: PriceRow | undefined;
    for (const r of candidates ?? []) {
      if (
        r.channel !== q.channel ||
        r.direction !== q.direction ||
        !q.number.startsWith(r.prefix) ||
        r.effectiveFrom > q.at
      )
        continue;
      if (r.connectorId !== null && r.connectorId !== q.connectorId) continue;
      if (r.category && r.category !== q.category) continue;
      if (!found || rank(r) > rank(found)) found = r;
    }
    return found;
  }
  // Longest prefix, then a category-specific price, then a connector-specific one, then the latest.
  const rank = (r: PriceRow) =>
    r.prefix.length * 1e16 + (r.category ? 2e14 : 0) + (r.connectorId ? 1e14 : 0) + r.effectiveFrom.getTime();

  function listPrice(q: PriceQuery): Price | undefined {
    const r = best(byAccount.get(null), q);
    return r && { unitPriceMicros: r.unitPriceMicros!, currency: r.currency, priceId: r.id };
  }

  return {
    billed: (accountId) => accountId !== houseAccountId,
    priceOf(q) {
      const own = best(byAccount.get(q.accountId), q);
      if (!own) return listPrice(q);
      if (own.kind === 'price')
        return { unitPriceMicros: own.unitPriceMicros!, currency: own.currency, priceId: own.id };
      // A discount follows the list price in force, so list price changes reach it.
      const list = listPrice(q);
      return (
        list && {
          ...list,
          unitPriceMicros: Math.round((list.unitPriceMicros * (10_000 - own.discountBasisPoints!)) / 10_000),
          priceId: own.id,
        }
      );
    },
  };
}

export async function loadPrices(db: Db): Promise<PriceRow[]> {
  const rows = await db<(Omit<PriceRow, 'unitPriceMicros'> & { unitPriceMicros: bigint | null })[]>`
    select id, account_id as "accountId", channel, direction, prefix, connector_id as "connectorId", kind,
           unit_price_micros as "unitPriceMicros", discount_basis_points as "discountBasisPoints", currency, effective_from as "effectiveFrom", category
    from prices`;
  return rows.map((r) => ({ ...r, unitPriceMicros: r.unitPriceMicros === null ? null : Number(r.unitPriceMicros) }));
}

/** The price book, reloaded at most every `maxAgeMs` (price changes apply within that time). */
export function cachedPriceBook(db: Db, maxAgeMs = 5000, now: () => number = Date.now): () => Promise<PriceBook> {
  const cached = createCache<Promise<PriceBook>>({ ttlMs: maxAgeMs, now });
  return () =>
    cached.get('book', () =>
      Promise.all([loadPrices(db), db<{ id: string }[]>`select id from accounts where is_house`]).then(
        ([prices, [house]]) => priceBookOf(prices, house?.id ?? null),
      ),
    );
}
