// First start: the operator's own house account, its keys, the operator admin and a sandbox
// number, written to <data dir>/bootstrap.json (0600). Later starts reuse everything.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context } from './context.ts';
import { withTransaction } from './db/tx.ts';
import { newId } from './platform/ids.ts';
import { appendAudit } from './platform/audit/log.ts';
import { CLIENT_SCOPES, OPERATOR_SCOPES } from './auth/scopes.ts';
import { insertApiKey } from './auth/key-store.ts';
import { generatePassword, hashPassword } from './auth/passwords.ts';
import { ADMIN_EMAIL } from './auth/roles.ts';
import { insertAccount } from './accounts/store.ts';

export interface Bootstrap {
  apiUrl: string;
  accountId: string;
  apiKey: string;
  testApiKey: string;
  adminEmail: string;
  adminPassword: string;
  adminApiKey: string;
  sandboxNumber: string;
}

/** NANP 555-0100..0199 is reserved for fiction: valid by numbering rules, never a real person. */
export const SANDBOX_NUMBER = '+14155550100';
const BOOTSTRAP_LOCK = 7_263_002;

export function bootstrapPath(dataDir: string): string {
  return path.join(dataDir, 'bootstrap.json');
}

/** Creates the house account once per database; returns the path of bootstrap.json. */
export async function ensureBootstrap(ctx: Context, apiUrl: string): Promise<{ path: string; created: boolean }> {
  const file = bootstrapPath(ctx.config.dataDir);
  const boot = await withTransaction(ctx.sql, async (tx) => {
    await tx`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`;
    const [house] = await tx`select id from accounts where is_house`;
    if (house) return undefined;
    const at = ctx.clock.now();
    const account = await insertAccount(tx, {
      id: newId('acc', at),
      name: 'House account',
      status: 'active',
      isHouse: true,
      rateLimitPerKey: null,
      rateLimitPerAccount: null,
      smsLimit: null,
      settings: { consentEnforcement: false, fraudMode: 'monitor', senderAllowList: null },
      at,
    });
    const system = { type: 'system' as const, id: 'bootstrap' };
    const live = await insertApiKey(tx, {
      accountId: account.id,
      name: 'Bootstrap live key',
      mode: 'live',
      scopes: CLIENT_SCOPES,
      createdBy: 'bootstrap',
      at,
    });
    const test = await insertApiKey(tx, {
      accountId: account.id,
      name: 'Bootstrap test key',
      mode: 'test',
      scopes: CLIENT_SCOPES,
      createdBy: 'bootstrap',
      at,
    });
    const admin = await insertApiKey(tx, {
      accountId: account.id,
      name: 'Operator admin key',
      mode: 'live',
      scopes: OPERATOR_SCOPES,
      createdBy: 'bootstrap',
      at,
    });
    const adminPassword = generatePassword();
    const adminUserId = newId('usr', at);
    await tx`insert into users (account_id, id, email, name, role, password_hash, created_at)
             values (${account.id}, ${adminUserId}, ${ADMIN_EMAIL}, 'Operator admin', 'operator', ${await hashPassword(adminPassword)}, ${at})`;
    await tx`insert into numbers (account_id, id, number, channels, is_sandbox, created_at)
             values (${account.id}, ${newId('num', at)}, ${SANDBOX_NUMBER}, ${['sms', 'whatsapp']}, true, ${at})`;
    for (const [action, id] of [
      ['account.created', account.id],
      ['api_key.created', live.row.id],
      ['api_key.created', test.row.id],
      ['api_key.created', admin.row.id],
      ['user.created', adminUserId],
    ] as const) {
      await appendAudit(tx, {
        accountId: account.id,
        actor: system,
        action,
        target: { type: action.split('.')[0]!, id },
        at,
      });
    }
    return {
      apiUrl,
      accountId: account.id,
      apiKey: live.secret,
      testApiKey: test.secret,
      adminEmail: ADMIN_EMAIL,
      adminPassword,
      adminApiKey: admin.secret,
      sandboxNumber: SANDBOX_NUMBER,
    } satisfies Bootstrap;
  });
  if (boot) {
    await fs.mkdir(ctx.config.dataDir, { recursive: true });
    await fs.writeFile(file, JSON.stringify(boot, null, 2) + '\n', { mode: 0o600 });
    return { path: file, created: true };
  }
  await refreshApiUrl(file, apiUrl);
  return { path: file, created: false };
}

/** The port may change between starts; keep apiUrl in the file true. */
async function refreshApiUrl(file: string, apiUrl: string): Promise<void> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (!text) return;
  const boot = JSON.parse(text) as Bootstrap;
  if (boot.apiUrl === apiUrl) return;
  await fs.writeFile(file, JSON.stringify({ ...boot, apiUrl }, null, 2) + '\n', { mode: 0o600 });
}
