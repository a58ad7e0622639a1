// Each account's default webhook secret signs the deliveries to per-message callbackUrls.
// It is created on first need, shown once (GET), and rotated with a 24 h overlap (POST).
import type { Context } from '../context.ts';
import type { Db } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import type { Actor } from '../accounts/service.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { ROTATION_OVERLAP_MS } from './endpoints.ts';
import { newWebhookSecret } from './signature.ts';

interface SecretRow {
  secret: Buffer;
  previousSecret: Buffer | null;
  previousSecretExpiresAt: Date | null;
  revealedAt: Date | null;
  createdAt: Date;
}

export interface AccountSecretView {
  /** The secret itself the first time it is read (or right after a rotation); null afterwards. */
  secret: string | null;
  createdAt: Date;
  revealedAt: Date | null;
  previousSecretExpiresAt: Date | null;
}

async function lockedRow(ctx: Context, db: Db, accountId: string, at: Date): Promise<SecretRow> {
  const select = () => db<SecretRow[]>`
    select secret, previous_secret as "previousSecret", previous_secret_expires_at as "previousSecretExpiresAt",
           revealed_at as "revealedAt", created_at as "createdAt"
    from webhook_secrets where account_id = ${accountId} for update`;
  const [existing] = await select();
  if (existing) return existing;
  const sealed = await ctx.keyring.encrypt(accountId, newWebhookSecret());
  await db`insert into webhook_secrets (account_id, secret, created_at) values (${accountId}, ${sealed}, ${at}) on conflict do nothing`;
  return (await select())[0]!;
}

export async function revealAccountSecret(ctx: Context, actor: Actor, accountId: string): Promise<AccountSecretView> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const row = await lockedRow(ctx, tx, accountId, at);
    if (row.revealedAt)
      return {
        secret: null,
        createdAt: row.createdAt,
        revealedAt: row.revealedAt,
        previousSecretExpiresAt: row.previousSecretExpiresAt,
      };
    await tx`update webhook_secrets set revealed_at = ${at} where account_id = ${accountId}`;
    await appendAudit(tx, { accountId, actor, action: 'webhook_secret.revealed', at });
    const secret = (await ctx.keyring.decrypt(accountId, row.secret)).toString('utf8');
    return { secret, createdAt: row.createdAt, revealedAt: at, previousSecretExpiresAt: row.previousSecretExpiresAt };
  });
}

export async function rotateAccountSecret(ctx: Context, actor: Actor, accountId: string): Promise<AccountSecretView> {
  const at = ctx.clock.now();
  const secret = newWebhookSecret();
  const sealed = await ctx.keyring.encrypt(accountId, secret);
  return withTransaction(ctx.sql, async (tx) => {
    const row = await lockedRow(ctx, tx, accountId, at);
    const expires = new Date(at.getTime() + ROTATION_OVERLAP_MS);
    await tx`update webhook_secrets set secret = ${sealed}, previous_secret = ${row.secret}, previous_secret_expires_at = ${expires},
             revealed_at = ${at}, created_at = ${at} where account_id = ${accountId}`;
    await appendAudit(tx, { accountId, actor, action: 'webhook_secret.rotated', at });
    return { secret, createdAt: at, revealedAt: at, previousSecretExpiresAt: expires };
  });
}

/** The secrets that sign a callbackUrl delivery now: the current one, and the previous during the overlap. */
export async function accountSigningSecrets(ctx: Context, accountId: string): Promise<Buffer[]> {
  const at = ctx.clock.now();
  const row = await withTransaction(ctx.sql, (tx) => lockedRow(ctx, tx, accountId, at));
  return row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > at
    ? [row.secret, row.previousSecret]
    : [row.secret];
}
