// Orders (terms: binding only once accepted in writing). Operators draft them, clients request
// them; only an operator's written acceptance (text, signer, reference) makes one binding, and
// it takes effect in the same transaction (effects.ts). Every step is audited and evented.
import type { Context } from '../context.ts';
import type { Db, Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { emitEvents } from '../platform/events.ts';
import { newId } from '../platform/ids.ts';
import { applyOrder, type Acceptance, type Effect } from './effects.ts';
import type { OrderItem } from './items.ts';

export type OrderStatus = 'draft' | 'requested' | 'accepted' | 'rejected' | 'canceled';

export interface OrderRow {
  accountId: string;
  id: string;
  status: OrderStatus;
  items: OrderItem[];
  note: string | null;
  createdBy: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  acceptance: Acceptance | null;
  decisionNote: string | null;
  effects: Effect[] | null;
}

const columns = (db: Db) => db`
  account_id as "accountId", id, status, items, note, created_by as "createdBy", created_at as "createdAt", decided_by as "decidedBy",
  decided_at as "decidedAt", acceptance, decision_note as "decisionNote", effects`;

/** A client's request (`requested`) or an operator's draft offer (`draft`). Neither binds anyone yet. */
export async function createOrder(ctx: Context, actor: Actor, accountId: string, input: { items: OrderItem[]; note: string | null }): Promise<OrderRow> {
  const at = ctx.clock.now();
  const status: OrderStatus = actor.type === 'operator' ? 'draft' : 'requested';
  return withTransaction(ctx.sql, async (tx) => {
    const [account] = await tx`select 1 from accounts where id = ${accountId}`;
    if (!account) throw new Problem(P['not-found'], `no account ${accountId}`);
    const [row] = await tx<OrderRow[]>`
      insert into orders (account_id, id, status, items, note, created_by, created_at)
      values (${accountId}, ${newId('ord', at)}, ${status}, ${tx.json(input.items as never)}, ${input.note}, ${`${actor.type}:${actor.id}`}, ${at})
      returning ${columns(tx)}`;
    await record(tx, actor, row!, 'order.created', status === 'requested' ? 'order.requested' : 'order.drafted', at);
    return row!;
  });
}

export async function acceptOrder(ctx: Context, actor: Actor, orderId: string, acceptance: Acceptance): Promise<OrderRow> {
  return decide(ctx, orderId, undefined, async (tx, order, at) => {
    const effects = await applyOrder(tx, actor, order.accountId, order.id, order.items, acceptance, at);
    const [row] = await tx<OrderRow[]>`
      update orders set status = 'accepted', decided_by = ${actor.id}, decided_at = ${at}, acceptance = ${tx.json(acceptance as never)}, effects = ${tx.json(effects as never)}
      where account_id = ${order.accountId} and id = ${order.id} returning ${columns(tx)}`;
    await record(tx, actor, row!, 'order.accepted', 'order.accepted', at);
    return row!;
  });
}

export async function rejectOrder(ctx: Context, actor: Actor, orderId: string, note: string): Promise<OrderRow> {
  return decide(ctx, orderId, undefined, async (tx, order, at) => {
    const [row] = await tx<OrderRow[]>`
      update orders set status = 'rejected', decided_by = ${actor.id}, decided_at = ${at}, decision_note = ${note}
      where account_id = ${order.accountId} and id = ${order.id} returning ${columns(tx)}`;
    await record(tx, actor, row!, 'order.rejected', 'order.rejected', at);
    return row!;
  });
}

/** A client withdraws its request (or declines a draft) before an operator decides. */
export async function cancelOrder(ctx: Context, actor: Actor, accountId: string, orderId: string): Promise<OrderRow> {
  return decide(ctx, orderId, accountId, async (tx, order, at) => {
    const [row] = await tx<OrderRow[]>`
      update orders set status = 'canceled', decided_by = ${actor.id}, decided_at = ${at} where account_id = ${accountId} and id = ${orderId} returning ${columns(tx)}`;
    await record(tx, actor, row!, 'order.canceled', 'order.canceled', at);
    return row!;
  });
}

export async function getOrder(db: Db, orderId: string, accountId?: string): Promise<OrderRow> {
  const [row] = await db<OrderRow[]>`select ${columns(db)} from orders where id = ${orderId} ${accountId ? db`and account_id = ${accountId}` : db``}`;
  if (!row) throw new Problem(P['not-found'], `no order ${orderId}`);
  return row;
}

export async function listOrders(db: Db, filter: { accountId?: string | undefined; status?: string | undefined; after?: string | undefined; limit: number }): Promise<OrderRow[]> {
  return db<OrderRow[]>`
    select ${columns(db)} from orders
    where true ${filter.accountId ? db`and account_id = ${filter.accountId}` : db``} ${filter.status ? db`and status = ${filter.status}` : db``}
      ${filter.after ? db`and id > ${filter.after}` : db``}
    order by id limit ${filter.limit}`;
}

/** Locks an undecided order (of `accountId` when a client acts: other tenants' orders are 404). */
async function decide(ctx: Context, orderId: string, accountId: string | undefined, fn: (tx: Tx, order: OrderRow, at: Date) => Promise<OrderRow>): Promise<OrderRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const [order] = await tx<OrderRow[]>`
      select ${columns(tx)} from orders where id = ${orderId} ${accountId ? tx`and account_id = ${accountId}` : tx``} for update`;
    if (!order) throw new Problem(P['not-found'], `no order ${orderId}`);
    if (order.status !== 'draft' && order.status !== 'requested') throw new Problem(P['invalid-state'], `the order is already ${order.status}`);
    return fn(tx, order, at);
  });
}

async function record(tx: Tx, actor: Actor, order: OrderRow, action: string, event: string, at: Date): Promise<void> {
  // The signer is named on the order only: audit entries carry no names.
  const data = { status: order.status, items: order.items.length, reference: order.acceptance?.reference ?? null };
  await appendAudit(tx, { accountId: order.accountId, actor, action, target: { type: 'order', id: order.id }, data, at });
  await emitEvents(tx, [{ accountId: order.accountId, type: event, objectType: 'order', objectId: order.id, at, data }]);
}
