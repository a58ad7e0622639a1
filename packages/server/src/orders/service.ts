// Orders (terms: "an agreement shall not be concluded until CX Engage has expressly accepted or
// confirmed an order in writing"). The client places the order: it requests services itself, or
// confirms a draft an operator offered it. Only then can an operator's written acceptance (text,
// signer, reference) conclude it; it takes effect in the same transaction (effects.ts). An
// operator can never accept its own draft: that would bind a client that never ordered. Every
// step is audited and evented.
import type { Context } from '../context.ts';
import type { Db, Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { jsonb } from '../db/json.ts';
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
  /** Who placed the order for the client (its key or user) and when; null until then. */
  placedBy: string | null;
  placedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  acceptance: Acceptance | null;
  decisionNote: string | null;
  effects: Effect[] | null;
}

const columns = (db: Db) => db`
  account_id as "accountId", id, status, items, note, created_by as "createdBy", created_at as "createdAt",
  placed_by as "placedBy", placed_at as "placedAt", decided_by as "decidedBy",
  decided_at as "decidedAt", acceptance, decision_note as "decisionNote", effects`;

/** A client's request (`requested`, placed at once) or an operator's draft offer (`draft`). Neither binds anyone yet. */
export async function createOrder(
  ctx: Context,
  actor: Actor,
  accountId: string,
  input: { items: OrderItem[]; note: string | null },
): Promise<OrderRow> {
  const at = ctx.clock.now();
  const status: OrderStatus = actor.type === 'operator' ? 'draft' : 'requested';
  const by = `${actor.type}:${actor.id}`;
  const placed = status === 'requested' ? { by, at } : { by: null, at: null };
  return withTransaction(ctx.sql, async (tx) => {
    const [account] = await tx`select 1 from accounts where id = ${accountId}`;
    if (!account) throw new Problem(P['not-found'], `no account ${accountId}`);
    const [row] = await tx<OrderRow[]>`
      insert into orders (account_id, id, status, items, note, created_by, created_at, placed_by, placed_at)
      values (${accountId}, ${newId('ord', at)}, ${status}, ${jsonb(tx, input.items)}, ${input.note}, ${by}, ${at}, ${placed.by}, ${placed.at})
      returning ${columns(tx)}`;
    await record(tx, actor, row!, 'order.created', status === 'requested' ? 'order.requested' : 'order.drafted', at);
    return row!;
  });
}

/** The client places an operator's draft as its order: from now on only an operator's acceptance or rejection decides it. */
export async function confirmOrder(ctx: Context, actor: Actor, accountId: string, orderId: string): Promise<OrderRow> {
  return decide(ctx, orderId, accountId, async (tx, order, at) => {
    if (order.status !== 'draft')
      throw new Problem(
        P['invalid-state'],
        'only a draft offered to you can be confirmed; your own requests are placed already',
      );
    const [row] = await tx<OrderRow[]>`
      update orders set status = 'requested', placed_by = ${`${actor.type}:${actor.id}`}, placed_at = ${at}
      where account_id = ${accountId} and id = ${orderId} returning ${columns(tx)}`;
    await record(tx, actor, row!, 'order.confirmed', 'order.confirmed', at);
    return row!;
  });
}

export async function acceptOrder(
  ctx: Context,
  actor: Actor,
  orderId: string,
  acceptance: Acceptance,
): Promise<OrderRow> {
  return decide(ctx, orderId, undefined, async (tx, order, at) => {
    if (order.status === 'draft') {
      throw new Problem(
        P['invalid-state'],
        'the client has not placed this order: a draft binds only once the client confirms it (POST /v1/orders/{id}/confirm)',
      );
    }
    const effects = await applyOrder(tx, actor, order.accountId, order.id, order.items, acceptance, at);
    const [row] = await tx<OrderRow[]>`
      update orders set status = 'accepted', decided_by = ${actor.id}, decided_at = ${at}, acceptance = ${jsonb(tx, acceptance)}, effects = ${jsonb(tx, effects)}
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
  return decide(ctx, orderId, accountId, async (tx, _order, at) => {
    const [row] = await tx<OrderRow[]>`
      update orders set status = 'canceled', decided_by = ${actor.id}, decided_at = ${at} where account_id = ${accountId} and id = ${orderId} returning ${columns(tx)}`;
    await record(tx, actor, row!, 'order.canceled', 'order.canceled', at);
    return row!;
  });
}

export async function getOrder(db: Db, orderId: string, accountId?: string): Promise<OrderRow> {
  const [row] = await db<
    OrderRow[]
  >`select ${columns(db)} from orders where id = ${orderId} ${accountId ? db`and account_id = ${accountId}` : db``}`;
  if (!row) throw new Problem(P['not-found'], `no order ${orderId}`);
  return row;
}

export async function listOrders(
  db: Db,
  filter: { accountId?: string | undefined; status?: string | undefined; after?: string | undefined; limit: number },
): Promise<OrderRow[]> {
  return db<OrderRow[]>`
    select ${columns(db)} from orders
    where true ${filter.accountId ? db`and account_id = ${filter.accountId}` : db``} ${filter.status ? db`and status = ${filter.status}` : db``}
      ${filter.after ? db`and id > ${filter.after}` : db``}
    order by id limit ${filter.limit}`;
}

/** Locks an undecided order (of `accountId` when a client acts: other tenants' orders are 404). */
async function decide(
  ctx: Context,
  orderId: string,
  accountId: string | undefined,
  fn: (tx: Tx, order: OrderRow, at: Date) => Promise<OrderRow>,
): Promise<OrderRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const [order] = await tx<OrderRow[]>`
      select ${columns(tx)} from orders where id = ${orderId} ${accountId ? tx`and account_id = ${accountId}` : tx``} for update`;
    if (!order) throw new Problem(P['not-found'], `no order ${orderId}`);
    if (order.status !== 'draft' && order.status !== 'requested')
      throw new Problem(P['invalid-state'], `the order is already ${order.status}`);
    return fn(tx, order, at);
  });
}

async function record(tx: Tx, actor: Actor, order: OrderRow, action: string, event: string, at: Date): Promise<void> {
  // The signer is named on the order only: audit entries carry no names.
  const data = { status: order.status, items: order.items.length, reference: order.acceptance?.reference ?? null };
  await appendAudit(tx, {
    accountId: order.accountId,
    actor,
    action,
    target: { type: 'order', id: order.id },
    data,
    at,
  });
  await emitEvents(tx, [
    { accountId: order.accountId, type: event, objectType: 'order', objectId: order.id, at, data },
  ]);
}
