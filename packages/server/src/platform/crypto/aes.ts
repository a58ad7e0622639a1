// AES-256-GCM, the one cipher of the envelope: random 96-bit IV, 128-bit tag, optional AAD.
import crypto from 'node:crypto';

export const IV_BYTES = 12;
export const TAG_BYTES = 16;

// Random IVs drawn from a pooled buffer: one RNG call per 341 IVs instead of one per message
// (the accept path seals every body). Still fully random, never reused.
let ivPool = Buffer.alloc(0);
function randomIv(): Buffer {
  if (ivPool.length < IV_BYTES) ivPool = crypto.randomBytes(IV_BYTES * 341);
  const iv = ivPool.subarray(0, IV_BYTES);
  ivPool = ivPool.subarray(IV_BYTES);
  return iv;
}

/** iv | tag | ciphertext. A KeyObject key saves re-importing raw key bytes on every call. */
export function seal(key: Buffer | crypto.KeyObject, plaintext: Buffer, aad?: Buffer): Buffer {
  const iv = randomIv();
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

/** Throws when the key is wrong or a single bit of the sealed box or the AAD changed. */
export function open(key: Buffer | crypto.KeyObject, sealed: Buffer, aad?: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
