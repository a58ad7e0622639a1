// Destination ranges known for premium-rate and international revenue share fraud (IRSF).
// A seed list ships as data; operators add, override (an `allow` entry) or export it as CSV.
// No online feed is reachable from a self-hosted install, so the list is only as current as
// its last import: treat the seed as a heuristic starting point, not an authority.
import type { Db } from '../db/pool.ts';
import { Problem, type FieldError } from '../http/problem.ts';
import { parseCsv, toCsv } from '../platform/csv.ts';

export type RangeAction = 'review' | 'block' | 'allow';
export interface RangeEntry {
  prefix: string;
  action: RangeAction;
  label: string;
  source: 'seed' | 'operator';
}

/**
 * Seed: ranges that industry IRSF guidance commonly lists as high risk (ITU international
 * networks and satellite services, and premium/audiotext ranges of small territories that
 * carriers report as frequent pumping targets). Reviewed, not blocked, by default.
 */
export const SEED_RANGES: readonly RangeEntry[] = [
  ['+870', 'Inmarsat (satellite)'],
  ['+881', 'Global Mobile Satellite System'],
  ['+882', 'International networks'],
  ['+883', 'International networks'],
  ['+979', 'International premium rate service'],
  ['+808', 'International shared cost service'],
  ['+4470', 'United Kingdom personal numbering (frequent IRSF target)'],
  ['+4487', 'United Kingdom premium rate (087)'],
  ['+4490', 'United Kingdom premium rate (090)'],
  ['+4491', 'United Kingdom premium rate (091)'],
  ['+3319', 'France special services'],
  ['+3389', 'France premium rate (089)'],
  ['+4990', 'Germany premium rate (0900)'],
  ['+4919', 'Germany service numbers (019x)'],
  ['+3989', 'Italy premium rate (89x)'],
  ['+3480', 'Spain premium rate (80x)'],
  ['+3590', 'Bulgaria premium rate'],
  ['+371900', 'Latvia premium rate'],
  ['+37090', 'Lithuania premium rate'],
  ['+232', 'Sierra Leone'],
  ['+224', 'Guinea'],
  ['+252', 'Somalia'],
  ['+263', 'Zimbabwe'],
  ['+675', 'Papua New Guinea'],
  ['+677', 'Solomon Islands'],
  ['+678', 'Vanuatu'],
  ['+681', 'Wallis and Futuna'],
  ['+682', 'Cook Islands'],
  ['+683', 'Niue'],
  ['+686', 'Kiribati'],
  ['+688', 'Tuvalu'],
  ['+690', 'Tokelau'],
  ['+691', 'Micronesia'],
  ['+692', 'Marshall Islands'],
  ['+239', 'Sao Tome and Principe'],
  ['+245', 'Guinea-Bissau'],
  ['+247', 'Ascension Island'],
  ['+290', 'Saint Helena'],
  ['+960', 'Maldives'],
  ['+1268', 'Antigua and Barbuda'],
  ['+1473', 'Grenada'],
  ['+1649', 'Turks and Caicos Islands'],
  ['+1664', 'Montserrat'],
  ['+1767', 'Dominica'],
  ['+1809', 'Dominican Republic'],
  ['+1876', 'Jamaica'],
  ['+53', 'Cuba'],
  ['+7940', 'Abkhazia'],
].map(([prefix, label]) => ({ prefix: prefix!, action: 'review' as const, label: label!, source: 'seed' as const }));

/** Longest matching entry; an operator entry replaces a seed entry with the same prefix. */
export function matchRange(entries: readonly RangeEntry[], number: string): RangeEntry | undefined {
  let best: RangeEntry | undefined;
  for (const e of entries) if (number.startsWith(e.prefix) && (!best || e.prefix.length > best.prefix.length)) best = e;
  return best;
}

export async function loadRanges(db: Db): Promise<RangeEntry[]> {
  const own = await db<
    { prefix: string; action: RangeAction; label: string }[]
  >`select prefix, action, label from fraud_ranges`;
  const mine = new Set(own.map((r) => r.prefix));
  return [
    ...SEED_RANGES.filter((s) => !mine.has(s.prefix)),
    ...own.map((r) => ({ ...r, source: 'operator' as const })),
  ];
}

/** The operator's list as CSV (`prefix,action,label,source`), after the seed entries it does not replace. */
export function rangesToCsv(entries: readonly RangeEntry[]): string {
  // LF endings, as this list always had: it is fetched with curl and edited as a text file.
  return toCsv(entries, { columns: ['prefix', 'action', 'label', 'source'], newline: '\n' });
}

/** Parses an import; every bad line is named (422). A `source` column, as exported, is ignored. */
export function parseRangesCsv(csv: string): { prefix: string; action: RangeAction; label: string }[] {
  const errors: FieldError[] = [];
  const rows: { prefix: string; action: RangeAction; label: string }[] = [];
  parseCsv(csv).forEach((cells, i) => {
    const [prefix = '', action = '', label = ''] = cells.map((c) => c.trim());
    if (i === 0 && prefix === 'prefix') return;
    if (!/^\+[0-9]{1,15}$/.test(prefix))
      errors.push({ pointer: `/lines/${i + 1}`, detail: `"${prefix}" is not a prefix like +882` });
    else if (action !== 'review' && action !== 'block' && action !== 'allow')
      errors.push({ pointer: `/lines/${i + 1}`, detail: `action must be review, block or allow, not "${action}"` });
    else rows.push({ prefix, action, label: label || prefix });
  });
  if (errors.length > 0) throw Problem.fields(errors);
  return rows;
}
