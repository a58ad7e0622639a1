// Counts for the fraud rules, shared by every api process through PostgreSQL: one upsert per
// accepted batch adds the batch and returns the new totals (so each message sees the traffic
// of all processes, and of its own batch up to itself), and a per-account snapshot of slower
// figures (7-day baseline, OTP conversion, known countries) is cached for a second. Recent
// numbers per range, for the sequential rule, are kept in this process only.
import type { Db } from '../db/pool.ts';
import type { Candidate, Counts } from './rules.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const floorTo = (at: Date, ms: number) => new Date(Math.floor(at.getTime() / ms) * ms);

export interface CountedItem {
  accountId: string;
  candidate: Candidate;
}

interface Snapshot {
  weekTotal: number;
  otp: Map<string, number>;
  feedback: boolean;
  known: Set<string>;
  hasHistory: boolean;
}

export interface FraudCounters {
  count(db: Db, items: CountedItem[], at: Date): Promise<Counts[]>;
}

export function createFraudCounters(snapshotTtlMs = 1000): FraudCounters {
  const snapshots = new Map<string, Promise<Snapshot>>();
  const recent = new Map<string, { at: number; number: number }[]>();

  const snapshotOf = (db: Db, accountId: string, at: Date): Promise<Snapshot> => {
    const cached = snapshots.get(accountId);
    if (cached) return cached;
    const loading = loadSnapshot(db, accountId, at);
    snapshots.set(accountId, loading);
    loading.then(() => setTimeout(() => snapshots.delete(accountId), snapshotTtlMs).unref(), () => snapshots.delete(accountId));
    return loading;
  };

  /** Numbers of the range seen in the last minute by this process, this one included. */
  const recentInRange = (accountId: string, c: Candidate, now: number): number[] => {
    const key = `${accountId}|${c.range}`;
    const list = (recent.get(key) ?? []).filter((e) => now - e.at < MINUTE);
    list.push({ at: now, number: Number(c.to.slice(c.range.length)) });
    recent.set(key, list.slice(-1000));
    if (recent.size > 100_000) recent.clear(); // bounded memory under a flood of distinct ranges
    return list.map((e) => e.number);
  };

  return {
    async count(db, items, at) {
      if (items.length === 0) return [];
      // Snapshots first: read after the upsert, in this transaction, they would count the batch twice.
      const snaps = new Map(await Promise.all([...new Set(items.map((i) => i.accountId))].map(async (id) => [id, await snapshotOf(db, id, at)] as const)));
      const totals = await addBatch(db, items, at);
      const later = new Map<string, number>();
      const result: Counts[] = new Array(items.length);
      // Walk backwards so each message sees the batch only up to itself.
      for (let i = items.length - 1; i >= 0; i--) {
        const { accountId, candidate: c } = items[i]!;
        const asOf = (dim: string, key: string) => {
          const k = `${accountId}|${dim}|${key}`;
          const after = later.get(k) ?? 0;
          later.set(k, after + 1);
          return (totals.get(k) ?? 0) - after;
        };
        const snap = snaps.get(accountId)!;
        const otpKey = `${c.range}|`;
        result[i] = {
          numberThisMinute: asOf('number', c.to),
          rangeThisMinute: asOf('range', c.range),
          countryThisMinute: asOf('country', c.country ?? 'ZZ'),
          accountThisHour: asOf('total_hour', ''),
          accountHourlyBaseline: snap.weekTotal / (7 * 24),
          countryKnown: !snap.hasHistory || (c.country !== null && snap.known.has(c.country)),
          recentInRange: [],
          otpSent24h: snap.otp.get(`${otpKey}otp_sent`) ?? 0,
          otpVerified24h: snap.otp.get(`${otpKey}otp_verified`) ?? 0,
          reportsFeedback: snap.feedback,
        };
      }
      const now = at.getTime();
      const otpInBatch = new Map<string, number>();
      items.forEach(({ accountId, candidate }, i) => {
        result[i]!.recentInRange = recentInRange(accountId, candidate, now);
        if (candidate.purpose !== 'otp') return;
        // The snapshot is up to a second old: add this batch's passcodes up to this one.
        const k = `${accountId}|${candidate.range}`;
        otpInBatch.set(k, (otpInBatch.get(k) ?? 0) + 1);
        result[i]!.otpSent24h += otpInBatch.get(k)!;
      });
      return result;
    },
  };
}

/** One statement: the batch's increments (sorted, so concurrent batches cannot deadlock) and new countries. */
async function addBatch(db: Db, items: CountedItem[], at: Date): Promise<Map<string, number>> {
  const minute = floorTo(at, MINUTE);
  const hour = floorTo(at, HOUR);
  const inc = new Map<string, { account_id: string; dimension: string; key: string; bucket: Date; count: number }>();
  const add = (account_id: string, dimension: string, key: string, bucket: Date) => {
    const k = `${account_id}|${dimension}|${key}`;
    const row = inc.get(k) ?? { account_id, dimension, key, bucket, count: 0 };
    row.count++;
    inc.set(k, row);
  };
  for (const { accountId, candidate: c } of items) {
    add(accountId, 'number', c.to, minute);
    add(accountId, 'range', c.range, minute);
    add(accountId, 'country', c.country ?? 'ZZ', minute);
    add(accountId, 'total_hour', '', hour);
    if (c.purpose === 'otp') add(accountId, 'otp_sent', c.range, hour);
  }
  const rows = [...inc.values()].sort((a, b) => (a.account_id + a.dimension + a.key).localeCompare(b.account_id + b.dimension + b.key));
  const countries = [...new Set(items.filter((i) => i.candidate.country).map((i) => `${i.accountId}|${i.candidate.country}`))].sort()
    .map((k) => ({ account_id: k.split('|')[0]!, country: k.split('|')[1]!, first_seen_at: at }));
  const returned = await db<{ accountId: string; dimension: string; key: string; count: number }[]>`
    with counted as (
      insert into fraud_counters (account_id, dimension, key, bucket, count)
      select * from jsonb_to_recordset(${db.json(rows as never)}::jsonb) as t(account_id text, dimension text, key text, bucket timestamptz, count integer)
      on conflict (account_id, dimension, key, bucket) do update set count = fraud_counters.count + excluded.count
      returning account_id, dimension, key, count
    ), known as (
      insert into fraud_known_countries (account_id, country, first_seen_at)
      select * from jsonb_to_recordset(${db.json(countries as never)}::jsonb) as t(account_id text, country text, first_seen_at timestamptz)
      on conflict do nothing
    )
    select account_id as "accountId", dimension, key, count from counted`;
  return new Map(returned.map((r) => [`${r.accountId}|${r.dimension}|${r.key}`, r.count]));
}

async function loadSnapshot(db: Db, accountId: string, at: Date): Promise<Snapshot> {
  const hour = floorTo(at, HOUR);
  const [row] = await db<{ week: string; otp: Record<string, number>; feedback: boolean; known: string[]; history: boolean }[]>`
    select
      (select coalesce(sum(count), 0)::text from fraud_counters
        where account_id = ${accountId} and dimension = 'total_hour' and bucket >= ${new Date(hour.getTime() - 7 * 24 * HOUR)} and bucket < ${hour}) as week,
      (select coalesce(jsonb_object_agg(key || '|' || dimension, n), '{}') from (
        select key, dimension, sum(count)::int as n from fraud_counters
        where account_id = ${accountId} and dimension in ('otp_sent', 'otp_verified') and bucket >= ${new Date(at.getTime() - 24 * HOUR)}
        group by key, dimension) o) as otp,
      exists (select 1 from fraud_counters where account_id = ${accountId} and dimension = 'otp_verified' and bucket >= ${new Date(at.getTime() - 7 * 24 * HOUR)}) as feedback,
      (select coalesce(array_agg(country), '{}') from fraud_known_countries where account_id = ${accountId} and first_seen_at <= ${new Date(at.getTime() - HOUR)}) as known,
      exists (select 1 from fraud_known_countries where account_id = ${accountId} and first_seen_at <= ${new Date(at.getTime() - HOUR)}) as history`;
  return { weekTotal: Number(row!.week), otp: new Map(Object.entries(row!.otp)), feedback: row!.feedback, known: new Set(row!.known), hasHistory: row!.history };
}

/** A client's report that an OTP was verified: counts towards its range's conversion. */
export async function recordVerification(db: Db, accountId: string, range: string, at: Date): Promise<void> {
  await db`insert into fraud_counters (account_id, dimension, key, bucket, count) values (${accountId}, 'otp_verified', ${range}, ${floorTo(at, HOUR)}, 1)
           on conflict (account_id, dimension, key, bucket) do update set count = fraud_counters.count + 1`;
}

/** Daily: counters older than the 7-day baseline are of no further use. */
export async function pruneFraudCounters(db: Db, at: Date): Promise<number> {
  const rows = await db`delete from fraud_counters where bucket < ${new Date(at.getTime() - 8 * 24 * HOUR)}`;
  return rows.count;
}
