import crypto from 'node:crypto';

export type KeyMode = 'live' | 'test';

export interface GeneratedKey {
  secret: string;
  hash: Buffer;
  hint: string;
}

/** `cxk_live_` + 32 url-safe characters (192 random bits). Shown once, stored as a SHA-256 hash. */
export function generateApiKey(mode: KeyMode): GeneratedKey {
  const secret = `cxk_${mode}_${crypto.randomBytes(24).toString('base64url')}`;
  return { secret, hash: hashApiKey(secret), hint: secret.slice(-4) };
}

export function hashApiKey(secret: string): Buffer {
  return crypto.createHash('sha256').update(secret).digest();
}

export function looksLikeApiKey(s: string): boolean {
  return /^cxk_(live|test)_[A-Za-z0-9_-]{32}$/.test(s);
}
