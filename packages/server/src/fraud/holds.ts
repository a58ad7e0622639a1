// Traffic holds as the dispatcher sees them: which accounts (kill switch), connectors and
// destination countries are stopped. The dispatching worker keeps the set in memory, checks it
// as each message enters an SMPP window, and records the hold epoch it has applied; a hold
// call waits for that record, so once it returns no further submit can ignore the hold.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Context } from '../context.ts';
import type { Db, Tx } from '../db/pool.ts';

export interface HoldSet {
  epoch: number;
  accounts: ReadonlySet<string>;
  connectors: ReadonlySet<string>;
  countries: ReadonlySet<string>;
}

export const NO_HOLDS: HoldSet = { epoch: 0, accounts: new Set(), connectors: new Set(), countries: new Set() };

/** One statement, so the epoch and the holds come from the same snapshot. */
export async function loadHoldSet(db: Db): Promise<HoldSet> {
  const [row] = await db<{ epoch: string; accounts: string[]; holds: { scope: string; target: string }[] }[]>`
    select (select epoch::text from traffic_hold_epochs) as epoch,
           (select coalesce(array_agg(id), '{}') from accounts where traffic_hold) as accounts,
           (select coalesce(jsonb_agg(jsonb_build_object('scope', scope, 'target', target)), '[]') from traffic_holds) as holds`;
  const of = (scope: string) => new Set(row!.holds.filter((h) => h.scope === scope).map((h) => h.target));
  return {
    epoch: Number(row!.epoch),
    accounts: new Set(row!.accounts),
    connectors: of('connector'),
    countries: of('country'),
  };
}

/** Why this message may not be submitted now (through this connector), or null. */
export function holdReason(
  holds: HoldSet,
  msg: { accountId: string; toNumber: string },
  connectorId: string | null,
): string | null {
  if (holds.accounts.has(msg.accountId)) return 'traffic_hold';
  if (connectorId && holds.connectors.has(connectorId)) return `connector:${connectorId}`;
  if (holds.countries.size > 0) {
    const country = parsePhoneNumberFromString(msg.toNumber)?.country;
    if (country && holds.countries.has(country)) return `country:${country}`;
  }
  return null;
}

/** Called in the transaction that changes a hold: the dispatcher reloads on the notification. */
export async function bumpHoldEpoch(tx: Tx): Promise<number> {
  const [row] = await tx<{ epoch: string }[]>`update traffic_hold_epochs set epoch = epoch + 1 returning epoch::text`;
  await tx`select pg_notify('cx_holds', '')`;
  return Number(row!.epoch);
}

/** The dispatcher has applied `epoch`; also its heartbeat, so hold calls know one is running. */
export async function markHoldsApplied(db: Db, epoch: number, worker: string): Promise<void> {
  // Database time: the heartbeat is judged by the database's clock, whatever the processes' clocks say.
  await db`update traffic_hold_epochs set applied_epoch = greatest(applied_epoch, ${epoch}), applied_by = ${worker}, applied_at = now()`;
}

/** A dispatcher silent this long is gone; its successor loads the holds before it claims anything. */
const DISPATCHER_SILENT_MS = 3000;

/** Waits until the running dispatcher applied `epoch` (or none is running). False on timeout. */
export async function waitHoldApplied(ctx: Context, epoch: number, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await ctx.sql<{ applied: string; silent: boolean }[]>`
      select applied_epoch::text as applied, applied_at is null or now() - applied_at > ${`${DISPATCHER_SILENT_MS} milliseconds`}::interval as silent
      from traffic_hold_epochs`;
    if (Number(row!.applied) >= epoch || row!.silent) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}
