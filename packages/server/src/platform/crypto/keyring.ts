// Envelope encryption of account data (issue #3, platform/crypto). Implemented by the crypto work.
import type { Sql } from '../../db/pool.ts';
import type { MasterKeys } from './master-key.ts';

export interface Keyring {
  encrypt(accountId: string, plaintext: Buffer | string): Promise<Buffer>;
  decrypt(accountId: string, ciphertext: Buffer): Promise<Buffer>;
}

export function createKeyring(_sql: Sql, _keys: MasterKeys): Keyring {
  return {
    encrypt: () => Promise.reject(new Error('envelope encryption not wired yet')),
    decrypt: () => Promise.reject(new Error('envelope encryption not wired yet')),
  };
}
