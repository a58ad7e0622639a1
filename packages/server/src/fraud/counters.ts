// Counts for the fraud rules. The accept path never waits for the database here: each api
// process counts exactly in memory, flushes its increments to PostgreSQL every 200 ms in one
// statement, and every second reads back what the other processes flushed. A message's count
// is this process's (its batch up to itself included) plus the others' as of that read.
//
// To keep the write cost down, a number or a range is written only once this process has seen
// it twice in the minute: a destination every process sees once is below any threshold anyway,
// and one that repeats reaches the database after its second message. Countries, the hourly
// total and OTP counts are always written. Slower figures (the 7-day baseline, OTP conversion,
// known countries) come from a per-account snapshot cached for a second.
import type { Context } from '../context.ts';
import type { Db } from '../db/pool.ts';
import { recordset } from '../db/recordset.ts';
import { createCache } from '../db/cache.ts';
import type { Candidate, Counts } from './rules.ts';
import { RecentNumbers } from './recent-numbers.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const floorTo = (at: number, ms: number) => Math.floor(at / ms) * ms;
/** Dimensions written only when repeated within the minute (see above). */
const SPARSE = new Set(['number', 'range']);

export interface CountedItem {
  accountId: string;
  candidate: Candidate;
}

interface Cell {
  accountId: string;
  dimension: string;
  key: string;
  bucket: number;
  count: number;
  flushed: number;
}

interface Snapshot {
  weekTotal: number;
  otp: Map<string, number>;
  feedback: boolean;
  known: Set<string>;
  hasHistory: boolean;
}

export interface FraudCounters {
  /** Counts the items (in order) and returns, for each, the counts that include it. */
  count(db: Db, items: CountedItem[], at: Date): Promise<Counts[]>;
  /** Writes pending increments and reads the other processes' counts. */
  sync(db: Db): Promise<void>;
  start(ctx: Context): void;
  stop(db: Db): Promise<void>;
}

export function createFraudCounters(snapshotTtlMs = 1000): FraudCounters {
  const cells = new Map<string, Cell>();
  const others = new Map<string, number>();
  const newCountries = new Map<string, { account_id: string; country: string; first_seen_at: Date }>();
  const snapshots = createCache<Promise<Snapshot>>({ ttlMs: snapshotTtlMs });
  const recent = new Map<string, RecentNumbers>();
  let timer: NodeJS.Timeout | undefined;
  let syncing: Promise<void> | undefined;
  let lastRead = 0;
  // The clock of the messages counted (injected in tests), not the wall clock, ages the buckets.
  let latest = 0;

  const bump = (accountId: string, dimension: string, key: string, bucket: number): number => {
    const id = `${bucket}|${accountId}|${dimension}|${key}`;
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = { accountId, dimension, key, bucket, count: 0, flushed: 0 }));
    cell.count++;
    return cell.count + (others.get(id) ?? 0);
  };

  const snapshotOf = (db: Db, accountId: string, at: Date): Promise<Snapshot> =>
    snapshots.get(accountId, () => loadSnapshot(db, accountId, at));

  /** The walk through the range this number is part of, as seen by this process in the last minute. */
  const recentInRange = (accountId: string, c: Candidate, now: number): number[] => {
    const key = `${accountId}|${c.range}`;
    let numbers = recent.get(key);
    if (!numbers) recent.set(key, (numbers = new RecentNumbers()));
    return numbers.add(Number(c.to.slice(c.range.length)), now, MINUTE);
  };

  async function flushAndRead(db: Db): Promise<void> {
    const now = latest;
    const due = [...cells.values()].filter((c) => c.count > c.flushed && (!SPARSE.has(c.dimension) || c.count >= 2));
    const countries = [...newCountries.values()];
    newCountries.clear();
    if (due.length > 0 || countries.length > 0) {
      const rows = due
        .map((c) => ({
          account_id: c.accountId,
          dimension: c.dimension,
          key: c.key,
          bucket: new Date(c.bucket),
          count: c.count - c.flushed,
        }))
        .sort((a, b) => (a.account_id + a.dimension + a.key < b.account_id + b.dimension + b.key ? -1 : 1)); // one order: no deadlocks
      await db`
        with counted as (
          insert into fraud_counters (account_id, dimension, key, bucket, count)
          select * from ${recordset(db, rows, { account_id: 'text', dimension: 'text', key: 'text', bucket: 'timestamptz', count: 'integer' })}
          on conflict (account_id, dimension, key, bucket) do update set count = fraud_counters.count + excluded.count
        )
        insert into fraud_known_countries (account_id, country, first_seen_at)
        select * from ${recordset(db, countries, { account_id: 'text', country: 'text', first_seen_at: 'timestamptz' })}
        on conflict do nothing`;
      for (const c of due) c.flushed = c.count;
    }
    // Forget what no window needs any more (hour buckets live two hours, minute buckets two minutes).
    for (const [id, c] of cells)
      if (now - c.bucket > (c.dimension === 'total_hour' || c.dimension === 'otp_sent' ? 2 * HOUR : 2 * MINUTE))
        cells.delete(id);
    for (const [key, numbers] of recent) if (numbers.idle(now, MINUTE)) recent.delete(key);
    if (Date.now() - lastRead >= 1000) {
      lastRead = Date.now();
      await readOthers(db, now);
    }
  }

  /** Everyone's flushed counts for the accounts this process serves, minus its own share. */
  async function readOthers(db: Db, now: number): Promise<void> {
    const accounts = [...new Set([...cells.values()].map((c) => c.accountId))];
    if (accounts.length === 0) return others.clear();
    const rows = await db<{ accountId: string; dimension: string; key: string; bucket: Date; count: number }[]>`
      select account_id as "accountId", dimension, key, bucket, count from fraud_counters
      where account_id = any(${accounts})
        and ((dimension in ('number', 'range', 'country') and bucket >= ${new Date(floorTo(now, MINUTE) - MINUTE)})
          or (dimension = 'total_hour' and bucket >= ${new Date(floorTo(now, HOUR))}))`;
    others.clear();
    for (const r of rows) {
      const id = `${r.bucket.getTime()}|${r.accountId}|${r.dimension}|${r.key}`;
      const mine = cells.get(id)?.flushed ?? 0;
      if (r.count > mine) others.set(id, r.count - mine);
    }
  }

  const sync = (db: Db): Promise<void> => (syncing ??= flushAndRead(db).finally(() => (syncing = undefined)));

  return {
    sync,
    start(ctx) {
      timer = setInterval(
        () => void sync(ctx.sql).catch((err: unknown) => ctx.log.warn({ err }, 'fraud counters not synced; retrying')),
        200,
      );
      timer.unref();
    },
    async stop(db) {
      clearInterval(timer);
      await syncing?.catch(() => {});
      await sync(db);
    },
    async count(db, items, at) {
      const now = at.getTime();
      latest = Math.max(latest, now);
      const minute = floorTo(now, MINUTE);
      const hour = floorTo(now, HOUR);
      const snaps = new Map(
        await Promise.all(
          [...new Set(items.map((i) => i.accountId))].map(async (id) => [id, await snapshotOf(db, id, at)] as const),
        ),
      );
      const otpInBatch = new Map<string, number>();
      return items.map(({ accountId, candidate: c }) => {
        const snap = snaps.get(accountId)!;
        const country = c.country ?? 'ZZ';
        if (c.country && !snap.known.has(c.country))
          newCountries.set(`${accountId}|${c.country}`, {
            account_id: accountId,
            country: c.country,
            first_seen_at: at,
          });
        let otpSent = snap.otp.get(`${c.range}|otp_sent`) ?? 0;
        if (c.purpose === 'otp') {
          bump(accountId, 'otp_sent', c.range, hour);
          // The snapshot is up to a second old: add this batch's passcodes up to this one.
          const k = `${accountId}|${c.range}`;
          otpInBatch.set(k, (otpInBatch.get(k) ?? 0) + 1);
          otpSent += otpInBatch.get(k)!;
        }
        return {
          numberThisMinute: bump(accountId, 'number', c.to, minute),
          rangeThisMinute: bump(accountId, 'range', c.range, minute),
          countryThisMinute: bump(accountId, 'country', country, minute),
          accountThisHour: bump(accountId, 'total_hour', '', hour),
          accountHourlyBaseline: snap.weekTotal / (7 * 24),
          countryKnown: !snap.hasHistory || (c.country !== null && snap.known.has(c.country)),
          recentInRange: recentInRange(accountId, c, now),
          otpSent24h: otpSent,
          otpVerified24h: snap.otp.get(`${c.range}|otp_verified`) ?? 0,
          reportsFeedback: snap.feedback,
        };
      });
    },
  };
}

async function loadSnapshot(db: Db, accountId: string, at: Date): Promise<Snapshot> {
  const hour = floorTo(at.getTime(), HOUR);
  const [row] = await db<
    { week: string; otp: Record<string, number>; feedback: boolean; known: string[]; history: boolean }[]
  >`
    select
      (select coalesce(sum(count), 0)::text from fraud_counters
        where account_id = ${accountId} and dimension = 'total_hour' and bucket >= ${new Date(hour - 7 * 24 * HOUR)} and bucket < ${new Date(hour)}) as week,
      (select coalesce(jsonb_object_agg(key || '|' || dimension, n), '{}') from (
        select key, dimension, sum(count)::int as n from fraud_counters
        where account_id = ${accountId} and dimension in ('otp_sent', 'otp_verified') and bucket >= ${new Date(at.getTime() - 24 * HOUR)}
        group by key, dimension) o) as otp,
      exists (select 1 from fraud_counters where account_id = ${accountId} and dimension = 'otp_verified' and bucket >= ${new Date(at.getTime() - 7 * 24 * HOUR)}) as feedback,
      (select coalesce(array_agg(country), '{}') from fraud_known_countries where account_id = ${accountId} and first_seen_at <= ${new Date(at.getTime() - HOUR)}) as known,
      exists (select 1 from fraud_known_countries where account_id = ${accountId} and first_seen_at <= ${new Date(at.getTime() - HOUR)}) as history`;
  return {
    weekTotal: Number(row!.week),
    otp: new Map(Object.entries(row!.otp)),
    feedback: row!.feedback,
    known: new Set(row!.known),
    hasHistory: row!.history,
  };
}

/** A client's report that an OTP was verified: counts towards its range's conversion. */
export async function recordVerification(db: Db, accountId: string, range: string, at: Date): Promise<void> {
  await db`insert into fraud_counters (account_id, dimension, key, bucket, count) values (${accountId}, 'otp_verified', ${range}, ${new Date(floorTo(at.getTime(), HOUR))}, 1)
           on conflict (account_id, dimension, key, bucket) do update set count = fraud_counters.count + 1`;
}

/**
 * Hourly: minute buckets (which name numbers: personal data) go after 2 hours, hour buckets
 * after the 7-day baseline no longer needs them.
 */
export async function pruneFraudCounters(db: Db, at: Date): Promise<number> {
  const rows = await db`
    delete from fraud_counters
    where (dimension in ('number', 'range', 'country') and bucket < ${new Date(at.getTime() - 2 * HOUR)})
       or bucket < ${new Date(at.getTime() - 8 * 24 * HOUR)}`;
  return rows.count;
}
