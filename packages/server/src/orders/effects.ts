// What an accepted order changes, item by item, inside the acceptance's transaction: if one
// item cannot take effect (a number already taken, an unknown connector), nothing does and
// the order stays as it was. Each effect is written down on the order for the record.
import type { Tx } from '../db/pool.ts';
import { jsonb } from '../db/json.ts';
import { P, Problem, type FieldError } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { normalizeAssignable } from '../platform/phone.ts';
import { newId } from '../platform/ids.ts';
import { changeLimitIn } from '../billing/limit-changes.ts';
import { issueInvoice } from '../billing/invoices.ts';
import { demandDepositIn } from '../billing/deposit-demands.ts';
import { insertRoute } from '../routing/routes-store.ts';
import type { OrderItem } from './items.ts';

export interface Acceptance {
  text: string;
  signer: string;
  reference: string | null;
}

export type Effect = { item: number; kind: OrderItem['kind']; detail: string; id?: string };

export async function applyOrder(
  tx: Tx,
  actor: Actor,
  accountId: string,
  orderId: string,
  items: OrderItem[],
  acceptance: Acceptance,
  at: Date,
): Promise<Effect[]> {
  const effects: Effect[] = [];
  const errors: FieldError[] = [];
  const fees = items.flatMap((item, i) => (item.kind === 'fee' ? [{ item, i }] : []));
  for (const [i, item] of items.entries()) {
    const pointer = `/items/${i}`;
    switch (item.kind) {
      case 'sms_limit': {
        const row = await changeLimitIn(
          tx,
          actor,
          accountId,
          item.smsLimit,
          { text: acceptance.text, reference: acceptance.reference ?? orderId },
          at,
        );
        effects.push({ item: i, kind: item.kind, detail: `SMS limit set to ${item.smsLimit ?? 'none'}`, id: row.id });
        break;
      }
      case 'number': {
        const number = normalizeAssignable(item.number);
        if (!number) {
          errors.push({ pointer: `${pointer}/number`, detail: 'must be an E.164 number or a short code' });
          break;
        }
        const [taken] = await tx`select 1 from numbers where number = ${number}`;
        if (taken) {
          errors.push({ pointer: `${pointer}/number`, detail: `${number} is already assigned` });
          break;
        }
        const id = newId('num', at);
        await tx`insert into numbers (account_id, id, number, channels, created_at) values (${accountId}, ${id}, ${number}, ${item.channels}, ${at})`;
        effects.push({ item: i, kind: item.kind, detail: `${number} assigned for ${item.channels.join(', ')}`, id });
        break;
      }
      case 'connector_access': {
        const [connector] = await tx`select 1 from connectors where id = ${item.connectorId}`;
        if (!connector) {
          errors.push({ pointer: `${pointer}/connectorId`, detail: 'no such connector' });
          break;
        }
        effects.push({
          item: i,
          kind: item.kind,
          ...(await grantConnector(tx, accountId, item.connectorId, item.prefix ?? '+', at)),
        });
        break;
      }
      case 'price': {
        const id = newId('prc', at);
        await tx`insert into prices (id, account_id, channel, direction, prefix, kind, unit_price_micros, currency, effective_from, note, created_at)
                 values (${id}, ${accountId}, ${item.channel}, ${item.direction ?? 'outbound'}, ${item.prefix}, 'price', ${item.unitPriceMicros}, ${item.currency}, ${at},
                         ${`order ${orderId}`}, ${at})`;
        effects.push({
          item: i,
          kind: item.kind,
          detail: `fixed price ${item.unitPriceMicros} micros ${item.currency} for ${item.channel} ${item.prefix}`,
          id,
        });
        break;
      }
      case 'deposit': {
        const { dueOn } = await demandDepositIn(tx, actor, accountId, item, at, `${pointer}/dueOn`);
        effects.push({
          item: i,
          kind: item.kind,
          detail: `deposit of ${item.amountMinor} ${item.currency} required${dueOn ? `, due on ${dueOn}` : ''}`,
        });
        break;
      }
      case 'fee':
        break; // invoiced together below
    }
  }
  if (errors.length > 0)
    throw new Problem(
      P.conflict,
      `the order cannot take effect: ${errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}`,
      errors,
    );
  for (const currency of [...new Set(fees.map((f) => f.item.currency))]) {
    const mine = fees.filter((f) => f.item.currency === currency);
    const lines = mine.map(({ item }) => ({
      description: item.description,
      quantity: item.quantity,
      unitPriceMinor: item.unitPriceMinor,
      amountMinor: item.quantity * item.unitPriceMinor,
    }));
    const invoice = await issueInvoice(tx, actor, accountId, { currency, lines, purpose: 'usage' }, at);
    for (const { i } of mine)
      effects.push({ item: i, kind: 'fee', detail: `invoiced on ${invoice.number}`, id: invoice.id });
  }
  return effects;
}

/** The account's own route for the prefix gets the connector (a new route, or one more target). */
async function grantConnector(
  tx: Tx,
  accountId: string,
  connectorId: string,
  prefix: string,
  at: Date,
): Promise<{ detail: string; id: string }> {
  const [route] = await tx<{ id: string; connectors: { connectorId: string }[] }[]>`
    select id, connectors from routes where account_id = ${accountId} and prefix = ${prefix} for update`;
  if (!route) {
    const route = await insertRoute(tx, {
      id: newId('rte', at),
      prefix,
      accountId,
      connectors: [{ connectorId, priority: 1, weight: 1 }],
      createdAt: at,
    });
    return { detail: `route ${prefix} to ${connectorId}`, id: route.id };
  }
  if (!route.connectors.some((c) => c.connectorId === connectorId)) {
    const next = [...route.connectors, { connectorId, priority: route.connectors.length + 1, weight: 1 }];
    await tx`update routes set connectors = ${jsonb(tx, next)} where id = ${route.id}`;
  }
  return { detail: `route ${prefix} includes ${connectorId}`, id: route.id };
}
