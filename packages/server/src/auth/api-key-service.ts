// Issuing and revoking API keys, for clients (their own account) and operators (any account).
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor } from '../accounts/service.ts';
import { getAccount } from '../accounts/store.ts';
import { CLIENT_SCOPES, OPERATOR_SCOPES, grants, isScope, type Scope } from './scopes.ts';
import type { KeyMode } from './api-key-format.ts';
import { insertApiKey, revokeApiKey, type ApiKeyRow } from './key-store.ts';

export interface IssueKeyInput {
  accountId: string;
  name: string;
  mode: KeyMode;
  scopes: readonly string[] | undefined;
  /** Scopes the issuer holds; a key never receives more than its issuer could use. */
  issuerScopes: ReadonlySet<string> | 'operator';
}

export async function issueApiKey(
  ctx: Context,
  actor: Actor,
  input: IssueKeyInput,
): Promise<{ row: ApiKeyRow; secret: string }> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const account = await getAccount(tx, input.accountId);
    if (!account) throw new Problem(P['not-found'], `no account ${input.accountId}`);
    if (account.status === 'closed') throw new Problem(P['invalid-state'], 'the account is closed');
    const scopes = checkScopes(input, account.isHouse);
    const issued = await insertApiKey(tx, {
      accountId: account.id,
      name: input.name,
      mode: input.mode,
      scopes,
      createdBy: actor.id,
      at,
    });
    await appendAudit(tx, {
      accountId: account.id,
      actor,
      action: 'api_key.created',
      target: { type: 'api_key', id: issued.row.id },
      data: { mode: input.mode, scopes: scopes.join(' ') },
      at,
    });
    return issued;
  });
}

function checkScopes(input: IssueKeyInput, isHouse: boolean): Scope[] {
  const requested =
    input.scopes ??
    (input.issuerScopes === 'operator'
      ? CLIENT_SCOPES
      : CLIENT_SCOPES.filter((s) => (input.issuerScopes as ReadonlySet<string>).has(s)));
  const out: Scope[] = [];
  requested.forEach((s, i) => {
    const pointer = `/scopes/${i}`;
    if (!isScope(s)) throw Problem.field(pointer, `unknown scope "${s}"`);
    if ((OPERATOR_SCOPES as readonly string[]).includes(s) && !(input.issuerScopes === 'operator' && isHouse)) {
      throw Problem.field(pointer, 'operator scopes can only be given to keys of the house account, by an operator');
    }
    if (input.issuerScopes !== 'operator' && !grants(input.issuerScopes, s)) {
      throw Problem.field(pointer, `the calling key does not hold "${s}" and cannot grant it`);
    }
    if (!out.includes(s)) out.push(s);
  });
  if (out.length === 0) throw Problem.field('/scopes', 'a key needs at least one scope');
  return out;
}

export async function revokeKey(ctx: Context, actor: Actor, accountId: string, keyId: string): Promise<ApiKeyRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const row = await revokeApiKey(tx, accountId, keyId, at);
    if (!row) throw new Problem(P['not-found'], `no API key ${keyId}`);
    await appendAudit(tx, { accountId, actor, action: 'api_key.revoked', target: { type: 'api_key', id: keyId }, at });
    return row;
  });
}
