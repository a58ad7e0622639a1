// The kill switch (terms: we may interrupt all of a client's communications to stop fraud):
// on an account, new sends get 403, waiting messages become `held`, and the dispatcher stops
// submitting; release puts each held message back exactly once. Operators can also stop a
// connector or a destination country for everyone. Reasons are required and audited.
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { mutateAccount, recordChange } from '../accounts/service.ts';
import { updateAccount, type AccountRow } from '../accounts/store.ts';
import { houseAccountId } from '../accounts/store.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { bumpHoldEpoch, waitHoldApplied } from './holds.ts';
import { holdWaitingMessages, releaseHeldMessages } from './held-messages.ts';

export async function setAccountTrafficHold(
  ctx: Context,
  actor: Actor,
  accountId: string,
  hold: boolean,
  reason: string | undefined,
): Promise<AccountRow> {
  let epoch = 0;
  const account = await mutateAccount(ctx, accountId, async (tx, current, at) => {
    if (current.trafficHold === hold) return current;
    const changed = await switchTraffic(tx, actor, accountId, hold, reason, at);
    epoch = changed.epoch;
    return changed.account;
  });
  if (epoch > 0) await confirmApplied(ctx, epoch);
  return account;
}

/** Inside the caller's transaction (the account row locked or freshly updated): the switch itself. */
export async function switchTraffic(
  tx: Tx,
  actor: Actor,
  accountId: string,
  hold: boolean,
  reason: string | undefined,
  at: Date,
): Promise<{ account: AccountRow; epoch: number }> {
  const account = await updateAccount(tx, accountId, { trafficHold: hold }, at);
  const moved = hold
    ? await holdWaitingMessages(tx, accountId, 'traffic_hold', at)
    : (await releaseHeldMessages(tx, { accountId, reason: 'traffic_hold' }, at)).length;
  const event = hold ? 'account.traffic_hold' : 'account.traffic_released';
  await recordChange(
    tx,
    actor,
    account,
    event,
    event,
    `${reason ?? ''}${reason ? '; ' : ''}${moved} message(s) ${hold ? 'held' : 'released'}`,
    at,
  );
  return { account, epoch: await bumpHoldEpoch(tx) };
}

export type HoldScope = 'connector' | 'country';

export async function setPlatformHold(
  ctx: Context,
  actor: Actor,
  scope: HoldScope,
  target: string,
  hold: boolean,
  reason: string | undefined,
): Promise<void> {
  const at = ctx.clock.now();
  const epoch = await withTransaction(ctx.sql, async (tx) => {
    if (scope === 'connector') {
      const [connector] = await tx`select 1 from connectors where id = ${target}`;
      if (!connector) throw new Problem(P['not-found'], `no connector ${target}`);
    }
    const changed = hold
      ? await addHold(tx, actor, scope, target, reason!, at)
      : await removeHold(tx, scope, target, at);
    if (!changed) return 0;
    await appendAudit(tx, {
      accountId: await houseAccountId(ctx.sql),
      actor,
      action: hold ? 'traffic.hold' : 'traffic.release',
      target: { type: scope, id: target },
      data: { reason: reason ?? null },
      at,
    });
    return bumpHoldEpoch(tx);
  });
  if (epoch > 0) await confirmApplied(ctx, epoch);
}

async function addHold(
  tx: Tx,
  actor: Actor,
  scope: HoldScope,
  target: string,
  reason: string,
  at: Date,
): Promise<boolean> {
  const rows =
    await tx`insert into traffic_holds (scope, target, reason, created_by, created_at) values (${scope}, ${target}, ${reason}, ${actor.id}, ${at})
                        on conflict do nothing returning 1`;
  return rows.length > 0;
}

async function removeHold(tx: Tx, scope: HoldScope, target: string, at: Date): Promise<boolean> {
  const rows = await tx`delete from traffic_holds where scope = ${scope} and target = ${target} returning 1`;
  if (rows.length === 0) return false;
  await releaseHeldMessages(tx, { reason: `${scope}:${target}` }, at);
  return true;
}

/** The hold is committed either way; waiting only makes "nothing leaves after this call" true. */
async function confirmApplied(ctx: Context, epoch: number): Promise<void> {
  if (!(await waitHoldApplied(ctx, epoch)))
    ctx.log.warn(
      { epoch },
      'the dispatcher has not confirmed a traffic hold within 5 s; it applies it on its next refresh',
    );
}
