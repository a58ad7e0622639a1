// Account lifecycle: create, suspend, reactivate, close (boarding: boarding.ts; the kill
// switch: fraud/kill-switch.ts). Every change is audited and emits its contract event in the same transaction.
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import type { Tx } from '../db/pool.ts';
import { P, Problem } from '../http/problem.ts';
import { newId } from '../platform/ids.ts';
import { emitEvent } from '../platform/events.ts';
import { appendAudit, type ActorType } from '../platform/audit/log.ts';
import type { AccountStatus } from '../http/principal.ts';
import { getAccount, insertAccount, updateAccount, type AccountChanges, type AccountRow } from './store.ts';
import { recordPoliciesInForce } from '../policies/store.ts';

export interface Actor {
  type: ActorType;
  id: string;
}

/** Defaults for client accounts; the house account overrides them at bootstrap. */
export const CLIENT_DEFAULTS = {
  rateLimitPerKey: 200,
  rateLimitPerAccount: 1000,
  /** The terms' standard SMS limit between settlements. */
  smsLimit: 50_000,
  settings: { consentEnforcement: true, fraudMode: 'enforce' },
} as const;

export async function createAccount(
  ctx: Context,
  actor: Actor,
  input: {
    name: string;
    status?: 'pending' | 'active';
    rateLimitPerKey?: number | null;
    rateLimitPerAccount?: number | null;
  },
): Promise<AccountRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const account = await insertAccount(tx, {
      id: newId('acc', at),
      name: input.name,
      status: input.status ?? 'pending',
      isHouse: false,
      rateLimitPerKey: input.rateLimitPerKey === undefined ? CLIENT_DEFAULTS.rateLimitPerKey : input.rateLimitPerKey,
      rateLimitPerAccount:
        input.rateLimitPerAccount === undefined ? CLIENT_DEFAULTS.rateLimitPerAccount : input.rateLimitPerAccount,
      smsLimit: CLIENT_DEFAULTS.smsLimit,
      settings: { ...CLIENT_DEFAULTS.settings },
      at,
    });
    await appendAudit(tx, {
      accountId: account.id,
      actor,
      action: 'account.created',
      target: { type: 'account', id: account.id },
      data: { status: account.status },
      at,
    });
    // The account contracts under the privacy policy and terms in force (docs/policies.md).
    await recordPoliciesInForce(tx, account.id, at);
    return account;
  });
}

// Boarding (pending → active) has its own checks and written acceptance: boarding.ts.
type Transition = 'suspend' | 'reactivate' | 'close';

const TRANSITIONS: Record<Transition, { from: AccountStatus[]; to: AccountStatus; event?: string }> = {
  suspend: { from: ['pending', 'active'], to: 'suspended', event: 'account.suspended' },
  reactivate: { from: ['suspended'], to: 'active', event: 'account.reactivated' },
  close: { from: ['pending', 'active', 'suspended'], to: 'closed', event: 'account.closed' },
};

export async function transitionAccount(
  ctx: Context,
  actor: Actor,
  accountId: string,
  transition: Transition,
  reason: string | undefined,
): Promise<AccountRow> {
  const rule = TRANSITIONS[transition];
  return mutateAccount(ctx, accountId, async (tx, current, at) => {
    if (!rule.from.includes(current.status)) {
      throw new Problem(
        P['invalid-state'],
        `cannot ${transition} an account that is ${current.status} (allowed from: ${rule.from.join(', ')})`,
      );
    }
    const account = await updateAccount(tx, accountId, { status: rule.to }, at);
    await recordChange(tx, actor, account, `account.${transition}`, rule.event, reason, at);
    return account;
  });
}

export async function changeAccount(
  ctx: Context,
  actor: Actor,
  accountId: string,
  changes: AccountChanges,
): Promise<AccountRow> {
  return mutateAccount(ctx, accountId, async (tx, _current, at) => {
    const account = await updateAccount(tx, accountId, changes, at);
    const data: Record<string, string | number | null> = {};
    if (changes.name !== undefined) data.name = changes.name;
    if (changes.rateLimitPerKey !== undefined) data.rateLimitPerKey = changes.rateLimitPerKey;
    if (changes.rateLimitPerAccount !== undefined) data.rateLimitPerAccount = changes.rateLimitPerAccount;
    await appendAudit(tx, {
      accountId,
      actor,
      action: 'account.updated',
      target: { type: 'account', id: accountId },
      data,
      at,
    });
    return account;
  });
}

export async function mutateAccount(
  ctx: Context,
  accountId: string,
  fn: (tx: Tx, current: AccountRow, at: Date) => Promise<AccountRow>,
): Promise<AccountRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const current = await getAccount(tx, accountId, { forUpdate: true });
    if (!current) throw new Problem(P['not-found'], `no account ${accountId}`);
    return fn(tx, current, at);
  });
}

export async function recordChange(
  tx: Tx,
  actor: Actor,
  account: AccountRow,
  action: string,
  event: string | undefined,
  reason: string | undefined,
  at: Date,
): Promise<void> {
  await appendAudit(tx, {
    accountId: account.id,
    actor,
    action,
    target: { type: 'account', id: account.id },
    freeText: { reason: reason ?? null },
    at,
  });
  if (event) {
    await emitEvent(tx, {
      accountId: account.id,
      type: event,
      objectType: 'account',
      objectId: account.id,
      data: {
        status: account.status,
        trafficHold: account.trafficHold,
        smsBlocked: account.smsBlocked,
        reason: reason ?? null,
      },
      at,
    });
  }
}
