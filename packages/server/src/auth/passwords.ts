// argon2id with the library's defaults (OWASP-recommended memory and time cost).
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package declares it as an ambient const enum, which type stripping cannot inline.
const ARGON2ID = 2;
import crypto from 'node:crypto';

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return verify(stored, password).catch(() => false);
}

/** A generated password for bootstrap and resets: 24 characters, easy to paste. */
export function generatePassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}
