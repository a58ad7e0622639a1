// Envelope encryption of account data. Each account has data keys (random, 256-bit) stored
// only wrapped by the master key; fields are sealed with the active data key. A sealed field
// names its data key, so retired keys keep decrypting old data after a rotation, and it is
// bound to its account (AAD), so a blob copied into another account's row does not decrypt.
//
// Blob layout: version (1) | key id length (1) | key id (ascii) | iv (12) | tag (16) | ciphertext
import crypto from 'node:crypto';
import type { Sql } from '../../db/pool.ts';
import { createCache } from '../../db/cache.ts';
import { newId } from '../ids.ts';
import { open, seal } from './aes.ts';
import type { MasterKey, MasterKeys } from './master-key.ts';

const VERSION = 1;

export interface Keyring {
  encrypt(accountId: string, plaintext: Buffer | string): Promise<Buffer>;
  decrypt(accountId: string, ciphertext: Buffer): Promise<Buffer>;
}

export class UnknownMasterKeyError extends Error {}

export function unwrapDataKey(keys: MasterKeys, masterKeyId: string, wrapped: Buffer, dataKeyId: string): Buffer {
  const master = [keys.current, ...keys.previous].find((k) => k.id === masterKeyId);
  if (!master) {
    throw new UnknownMasterKeyError(
      `data key ${dataKeyId} is wrapped by master key ${masterKeyId}, which is not configured: ` +
        'set it as CX_MASTER_KEY_PREVIOUS, then run `cx-engage keys rotate`',
    );
  }
  return open(master.key, wrapped, Buffer.from(dataKeyId));
}

export function wrapDataKey(master: MasterKey, dataKey: Buffer, dataKeyId: string): Buffer {
  return seal(master.key, dataKey, Buffer.from(dataKeyId));
}

export function createKeyring(sql: Sql, keys: MasterKeys): Keyring {
  // Unwrapped keys live in memory only; rotating data keys creates new ids, so nothing goes stale.
  const dataKeys = createCache<Promise<crypto.KeyObject>>({ ttlMs: Infinity });
  // Re-read now and then so a rotation by another process is picked up.
  const active = createCache<Promise<string>>({ ttlMs: 60_000 });

  function dataKey(accountId: string, keyId: string): Promise<crypto.KeyObject> {
    return dataKeys.get(`${accountId}/${keyId}`, async () => {
      const [row] = await sql<{ masterKeyId: string; wrappedKey: Buffer }[]>`
        select master_key_id as "masterKeyId", wrapped_key as "wrappedKey" from data_keys where account_id = ${accountId} and id = ${keyId}`;
      if (!row) throw new Error(`data key ${keyId} of account ${accountId} does not exist`);
      return crypto.createSecretKey(unwrapDataKey(keys, row.masterKeyId, row.wrappedKey, keyId));
    });
  }

  async function loadActive(accountId: string): Promise<string> {
    const id = newId('dk');
    const key = crypto.randomBytes(32);
    // Two processes may race to create the first key; the unique index keeps one, both read it back.
    await sql`insert into data_keys (account_id, id, master_key_id, wrapped_key, created_at)
              values (${accountId}, ${id}, ${keys.current.id}, ${wrapDataKey(keys.current, key, id)}, now())
              on conflict (account_id) where retired_at is null do nothing`;
    const [row] = await sql<
      { id: string }[]
    >`select id from data_keys where account_id = ${accountId} and retired_at is null`;
    return row!.id;
  }

  function activeKeyId(accountId: string): Promise<string> {
    return active.get(accountId, () => loadActive(accountId));
  }

  return {
    async encrypt(accountId, plaintext) {
      const keyId = await activeKeyId(accountId);
      const body = seal(
        await dataKey(accountId, keyId),
        Buffer.isBuffer(plaintext) ? plaintext : Buffer.from(plaintext, 'utf8'),
        Buffer.from(accountId),
      );
      const id = Buffer.from(keyId, 'ascii');
      return Buffer.concat([Buffer.from([VERSION, id.length]), id, body]);
    },
    async decrypt(accountId, blob) {
      if (blob.length < 2 || blob[0] !== VERSION) throw new Error('not a CX Engage ciphertext (unknown version)');
      const idLength = blob[1]!;
      const keyId = blob.subarray(2, 2 + idLength).toString('ascii');
      return open(await dataKey(accountId, keyId), blob.subarray(2 + idLength), Buffer.from(accountId));
    },
  };
}

export async function encryptField(keyring: Keyring, accountId: string, value: string | null): Promise<Buffer | null> {
  return value === null ? null : keyring.encrypt(accountId, value);
}

export async function decryptField(keyring: Keyring, accountId: string, value: Buffer | null): Promise<string | null> {
  return value === null ? null : (await keyring.decrypt(accountId, value)).toString('utf8');
}
