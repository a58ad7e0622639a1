// Operator commands run against the platform's database without starting the server:
// `cx-engage audit verify`, `cx-engage keys rotate` (more arrive with their domains).
import type { Config } from './config.ts';
import type { Context } from './context.ts';
import { openPool } from './db/pool.ts';
import { migrate } from './db/migrate.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { createLogger } from './platform/logger.ts';
import { systemClock } from './platform/clock.ts';
import { resolveMasterKeys } from './platform/crypto/master-key.ts';
import { createKeyring } from './platform/crypto/keyring.ts';
import { auditVerifyCommand } from './platform/audit/verify-command.ts';
import { keysRotateCommand } from './platform/crypto/rotate-command.ts';
import { resetPasswordCommand } from './auth/reset-password-command.ts';
import { resetTwoFactorCommand } from './auth/reset-2fa-command.ts';
import { reapplyErasuresCommand } from './privacy/requests/journal.ts';
import { registerEventFanOut } from './platform/events.ts';
import { webhookFanOut } from './webhooks/fan-out.ts';
import type { OperatorCommand } from './platform/operator-command.ts';

export const OPERATOR_COMMANDS: OperatorCommand[] = [
  auditVerifyCommand,
  keysRotateCommand,
  resetPasswordCommand,
  resetTwoFactorCommand,
  reapplyErasuresCommand,
];

export async function runOperatorCommand(config: Config, args: string[]): Promise<number> {
  const name = args.slice(0, 2).join(' ');
  const command = OPERATOR_COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`unknown command "${args.join(' ')}"; run cx-engage --help`);
    return 2;
  }
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, undefined, config.logFormat);
  // Every event this process emits gets its webhook deliveries in the same statement.
  registerEventFanOut(webhookFanOut);
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, log);
  const sql = openPool(config.databaseUrl ?? embedded!.url, { max: 4 });
  try {
    await migrate(sql);
    const masterKeys = await resolveMasterKeys(config);
    const ctx: Context = { sql, log, config, clock: systemClock, keyring: createKeyring(sql, masterKeys) };
    return await command.run(ctx, args.slice(2), (line) => console.log(line));
  } finally {
    await sql.end({ timeout: 5 });
    await embedded?.stop();
  }
}
