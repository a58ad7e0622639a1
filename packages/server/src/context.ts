import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Sql } from './db/pool.ts';
import type { Clock } from './platform/clock.ts';
import type { Keyring } from './platform/crypto/keyring.ts';

/** What every service function receives, passed down explicitly (no globals, no container). */
export interface Context {
  sql: Sql;
  log: Logger;
  config: Config;
  clock: Clock;
  keyring: Keyring;
}
