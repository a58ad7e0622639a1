// Sealing emails to a public key. The outbox is written inside other domains' transactions
// (send policies, dispatch outcomes, billing) that hold no keyring, so they seal with the
// active public key read from email_seal_keys; only the sender, which has the keyring, opens.
// Each email gets an ephemeral X25519 key; ECDH with the outbox key and HKDF-SHA-256 give a
// one-time AES-256-GCM key (the ECIES shape). The AAD binds a box to its account and email id.
//
// Blob layout: version (1) | key id length (1) | key id (ascii) | ephemeral public key (SPKI DER, 44) | iv | tag | ciphertext
import crypto from 'node:crypto';
import type { Context } from '../../context.ts';
import type { Db } from '../../db/pool.ts';
import { houseAccountId } from '../../accounts/store.ts';
import { newId } from '../ids.ts';
import { open, seal } from '../crypto/aes.ts';

const VERSION = 1;
const SPKI_BYTES = 44;
const INFO = Buffer.from('cx-engage email outbox v1');

export interface SealingKey {
  id: string;
  publicKey: crypto.KeyObject;
}

function boxKey(shared: Buffer, ephemeral: Buffer): crypto.KeyObject {
  return crypto.createSecretKey(Buffer.from(crypto.hkdfSync('sha256', shared, ephemeral, INFO, 32)));
}

export function sealTo(key: SealingKey, plaintext: Buffer, aad: Buffer): Buffer {
  const eph = crypto.generateKeyPairSync('x25519');
  const ephDer = eph.publicKey.export({ type: 'spki', format: 'der' });
  const shared = crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: key.publicKey });
  const id = Buffer.from(key.id, 'ascii');
  return Buffer.concat([Buffer.from([VERSION, id.length]), id, ephDer, seal(boxKey(shared, ephDer), plaintext, aad)]);
}

export function openWith(privateKeys: Map<string, crypto.KeyObject>, blob: Buffer, aad: Buffer): Buffer {
  if (blob.length < 2 || blob[0] !== VERSION) throw new Error('not a sealed email (unknown version)');
  const idEnd = 2 + blob[1]!;
  const keyId = blob.subarray(2, idEnd).toString('ascii');
  const privateKey = privateKeys.get(keyId);
  if (!privateKey) throw new Error(`email sealing key ${keyId} does not exist`);
  const ephDer = blob.subarray(idEnd, idEnd + SPKI_BYTES);
  const shared = crypto.diffieHellman({
    privateKey,
    publicKey: crypto.createPublicKey({ key: ephDer, format: 'der', type: 'spki' }),
  });
  return open(boxKey(shared, ephDer), blob.subarray(idEnd + SPKI_BYTES), aad);
}

/** The public key new emails are sealed to; created at start-up (ensureSealingKey). */
export async function activeSealingKey(db: Db): Promise<SealingKey> {
  const [row] = await db<
    { id: string; publicKey: Buffer }[]
  >`select id, public_key as "publicKey" from email_seal_keys where retired_at is null`;
  if (!row) throw new Error('the email outbox has no sealing key yet; it is created when the platform starts');
  return { id: row.id, publicKey: crypto.createPublicKey({ key: row.publicKey, format: 'der', type: 'spki' }) };
}

/** Every private key (retired ones still open older emails), unsealed for one batch of work. */
export async function openingKeys(ctx: Context): Promise<Map<string, crypto.KeyObject>> {
  const house = await houseAccountId(ctx.sql);
  const rows = await ctx.sql<
    { id: string; privateKey: Buffer }[]
  >`select id, private_key as "privateKey" from email_seal_keys`;
  const keys = new Map<string, crypto.KeyObject>();
  for (const r of rows) {
    keys.set(
      r.id,
      crypto.createPrivateKey({ key: await ctx.keyring.decrypt(house, r.privateKey), format: 'der', type: 'pkcs8' }),
    );
  }
  return keys;
}

/** Creates the outbox key pair once (processes starting together keep one: the unique index). */
export async function ensureSealingKey(ctx: Context): Promise<void> {
  const [existing] = await ctx.sql`select 1 from email_seal_keys where retired_at is null`;
  if (existing) return;
  const pair = crypto.generateKeyPairSync('x25519');
  const sealed = await ctx.keyring.encrypt(
    await houseAccountId(ctx.sql),
    pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
  );
  await ctx.sql`insert into email_seal_keys (id, public_key, private_key, created_at)
                values (${newId('esk')}, ${pair.publicKey.export({ type: 'spki', format: 'der' })}, ${sealed}, ${ctx.clock.now()})
                on conflict do nothing`;
}
