// subjectHash = HMAC(account key, E.164): finds every row about one person without storing
// a searchable plaintext identity, and survives erasure (privacy data model in the contract).
// The per-account HMAC key is random, stored encrypted with the account's data key, so a
// database dump alone cannot be brute-forced back to phone numbers.
import crypto from 'node:crypto';
import type { Sql } from '../db/pool.ts';
import { createCache } from '../db/cache.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';

export interface SubjectHasher {
  hash(accountId: string, identity: string): Promise<Buffer>;
}

export function createSubjectHasher(sql: Sql, keyring: Keyring): SubjectHasher {
  const keys = createCache<Promise<crypto.KeyObject>>({ ttlMs: Infinity });

  async function loadKey(accountId: string): Promise<crypto.KeyObject> {
    const fresh = await keyring.encrypt(accountId, crypto.randomBytes(32));
    // Concurrent first uses race here; the first insert wins and everyone reads it back.
    await sql`insert into account_hash_keys (account_id, hash_key) values (${accountId}, ${fresh}) on conflict do nothing`;
    const [row] = await sql<
      { hashKey: Buffer }[]
    >`select hash_key as "hashKey" from account_hash_keys where account_id = ${accountId}`;
    return crypto.createSecretKey(await keyring.decrypt(accountId, row!.hashKey));
  }

  return {
    async hash(accountId, identity) {
      const key = await keys.get(accountId, () => loadKey(accountId));
      return crypto.createHmac('sha256', key).update(identity).digest();
    },
  };
}
