// The master key wraps every account's data key. It comes from CX_MASTER_KEY, or, with the
// embedded database only, from a generated <data dir>/master.key (0600).
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { ConfigError } from '../../config.ts';

export interface MasterKey {
  /** Short fingerprint stored beside every wrapped data key, so rotation knows which key wrapped it. */
  id: string;
  key: Buffer;
}

export interface MasterKeys {
  current: MasterKey;
  /** Keys that may still have wrapped data keys until `cx-engage keys rotate` has run. */
  previous: MasterKey[];
}

export function masterKeyFromBase64(b64: string, source: string): MasterKey {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) throw new ConfigError(`${source} must be base64 of exactly 32 bytes (got ${key.length})`);
  return { id: crypto.createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

export async function resolveMasterKeys(config: Config): Promise<MasterKeys> {
  const previous = config.previousMasterKeys.map((k, i) => masterKeyFromBase64(k, `CX_MASTER_KEY_PREVIOUS[${i}]`));
  if (config.masterKey) return { current: masterKeyFromBase64(config.masterKey, 'CX_MASTER_KEY'), previous };
  if (config.databaseUrl) {
    throw new ConfigError(
      'CX_MASTER_KEY is required with DATABASE_URL: every process of the cluster must share it. ' +
        "Generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"",
    );
  }
  const file = path.join(config.dataDir, 'master.key');
  let b64 = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (!b64) {
    b64 = crypto.randomBytes(32).toString('base64');
    await fs.mkdir(config.dataDir, { recursive: true });
    await fs.writeFile(file, b64 + '\n', { mode: 0o600, flag: 'wx' }).catch(async () => {
      b64 = await fs.readFile(file, 'utf8');
    });
  }
  return { current: masterKeyFromBase64(b64, file), previous };
}
