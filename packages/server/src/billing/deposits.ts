// Deposits: security an operator may require (terms), before boarding or later with a due date
// (deposit-demands.ts). A held deposit is not revenue, so it is recorded here rather than
// invoiced; while held it also covers unbilled usage for the SMS-limit settlement. Refunding it
// is an explicit, audited step.
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { emitEvents } from '../platform/events.ts';
import { newId } from '../platform/ids.ts';
import { depositColumns, type DepositRow } from './deposit-store.ts';
import { settleIfClear } from './settlement.ts';
import { lockBillingAccount } from './account-store.ts';

export interface DepositInput {
  amountMinor: number;
  currency: string;
  receivedOn: string;
  reference: string;
  method: string;
}

export async function recordDeposit(
  ctx: Context,
  actor: Actor,
  accountId: string,
  d: DepositInput,
): Promise<{ deposit: DepositRow; settled: boolean }> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    if (!(await lockBillingAccount(tx, accountId))) throw new Problem(P['not-found'], `no account ${accountId}`);
    const [deposit] = await tx<DepositRow[]>`
      insert into deposits (account_id, id, amount_minor, currency, received_on, reference, method, status, recorded_by, created_at)
      values (${accountId}, ${newId('dep', at)}, ${d.amountMinor}, ${d.currency}, ${d.receivedOn}, ${d.reference}, ${d.method}, 'held', ${actor.id}, ${at})
      returning ${depositColumns(tx)}`;
    await announce(tx, actor, accountId, deposit!, 'deposit.received', at);
    // A deposit can cover the unbilled usage: that may settle the cycle and lift an SMS block.
    const settled = await settleIfClear(tx, actor, accountId, d.reference, at);
    return { deposit: deposit!, settled };
  });
}

export async function refundDeposit(
  ctx: Context,
  actor: Actor,
  accountId: string,
  depositId: string,
  note: string,
): Promise<DepositRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const [current] = await tx<
      DepositRow[]
    >`select ${depositColumns(tx)} from deposits where account_id = ${accountId} and id = ${depositId} for update`;
    if (!current) throw new Problem(P['not-found'], `no deposit ${depositId}`);
    if (current.status !== 'held') throw new Problem(P['invalid-state'], 'the deposit was already refunded');
    const [deposit] = await tx<DepositRow[]>`
      update deposits set status = 'refunded', refunded_at = ${at}, refund_note = ${note} where account_id = ${accountId} and id = ${depositId}
      returning ${depositColumns(tx)}`;
    await announce(tx, actor, accountId, deposit!, 'deposit.refunded', at);
    return deposit!;
  });
}

async function announce(tx: Tx, actor: Actor, accountId: string, d: DepositRow, type: string, at: Date): Promise<void> {
  const data = { amountMinor: d.amountMinor, currency: d.currency, reference: d.reference };
  await appendAudit(tx, { accountId, actor, action: type, target: { type: 'deposit', id: d.id }, data, at });
  await emitEvents(tx, [{ accountId, type, objectType: 'deposit', objectId: d.id, at, data }]);
}
