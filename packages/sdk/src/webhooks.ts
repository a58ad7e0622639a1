// Standard Webhooks (https://www.standardwebhooks.com) signatures, as CX Engage sends them:
// HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}`, keyed with the base64 bytes
// after `whsec_`, in `webhook-signature` as space-separated `v1,<base64>` entries (two while a
// secret is being rotated). Web Crypto only, so it runs in Node ≥ 20, browsers and edge runtimes.
import { CxEngageError } from './errors.ts';

/** The JSON body of every CX Engage webhook. */
export interface WebhookEvent {
  /** e.g. `message.delivered`, `message.received`, `account.suspended`. */
  type: string;
  /** When the event happened (ISO 8601). */
  timestamp: string;
  /** The object's snapshot at that moment plus the event's `sequence`. */
  data: Record<string, unknown>;
}

/** A `Headers` object or Node-style headers (`req.headers` in Express, Fastify, node:http). */
export type WebhookHeaderSource = Headers | Record<string, string | string[] | undefined>;

// A type alias, not an interface, so that it is accepted where a header record is expected.
export type WebhookSignatureHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, either way. Default 300 s. */
  toleranceSeconds?: number;
  /** The current time (for tests). */
  now?: Date;
}

export class WebhookVerificationError extends CxEngageError {}

const SECRET_PREFIX = 'whsec_';
const encoder = new TextEncoder();

/**
 * Checks that a webhook comes from CX Engage and is recent, then returns its parsed body.
 * Pass the raw body exactly as received: parsing and re-serialising JSON changes the bytes.
 * Throws WebhookVerificationError, saying why, when the request must be rejected.
 */
export async function verifyWebhook(
  rawBody: string | Uint8Array,
  headers: WebhookHeaderSource,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const id = requiredHeader(headers, 'webhook-id');
  const timestamp = parseTimestamp(requiredHeader(headers, 'webhook-timestamp'));
  const signatureHeader = requiredHeader(headers, 'webhook-signature');
  checkTimestamp(timestamp, options);

  // Other versions (e.g. asymmetric `v1a`) are for other verifiers: skipped, not failed.
  const candidates = signatureHeader.split(' ').flatMap((entry) => {
    const comma = entry.indexOf(',');
    return comma > 0 && entry.slice(0, comma) === 'v1' ? [entry.slice(comma + 1)] : [];
  });
  if (candidates.length === 0) throw new WebhookVerificationError('webhook-signature has no v1 signature');

  const expected = await hmacSha256(secretKey(secret), signedContent(id, timestamp, rawBody));
  // Every candidate is compared, so the time taken does not reveal which one matched.
  let matched = false;
  for (const candidate of candidates) {
    const actual = decodeBase64(candidate);
    if (actual && constantTimeEqual(actual, expected)) matched = true;
  }
  if (!matched) {
    throw new WebhookVerificationError(
      'no webhook-signature matches: a different secret, or a body changed after signing (verify the raw body, before any JSON parsing)',
    );
  }
  return parseBody(rawBody);
}

/**
 * Signs a body the way CX Engage does and returns the three headers to send with it: for test
 * fixtures of your webhook receiver.
 */
export async function signWebhook(
  rawBody: string | Uint8Array,
  secret: string,
  options: { id?: string; timestamp?: Date } = {},
): Promise<WebhookSignatureHeaders> {
  const id = options.id ?? `msg_${crypto.randomUUID().replaceAll('-', '')}`;
  const timestamp = Math.floor((options.timestamp ?? new Date()).getTime() / 1000);
  const signature = await hmacSha256(secretKey(secret), signedContent(id, timestamp, rawBody));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `v1,${encodeBase64(signature)}`,
  };
}

function requiredHeader(headers: WebhookHeaderSource, name: string): string {
  const value = headerValue(headers, name);
  if (!value)
    throw new WebhookVerificationError(`missing ${name} header: not a webhook from CX Engage, or a proxy dropped it`);
  return value;
}

function headerValue(headers: WebhookHeaderSource, name: string): string | undefined {
  // Duck-typed: Headers classes of other fetch implementations are not the global one.
  if (typeof headers.get === 'function') return (headers as Headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    // A header repeated by a proxy arrives as an array: the signatures of all its copies count.
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}

function parseTimestamp(value: string): number {
  if (!/^\d+$/.test(value))
    throw new WebhookVerificationError(`webhook-timestamp ${JSON.stringify(value)} is not Unix seconds`);
  return Number(value);
}

function checkTimestamp(timestamp: number, options: VerifyWebhookOptions): void {
  const tolerance = options.toleranceSeconds ?? 300;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (now - timestamp > tolerance) {
    throw new WebhookVerificationError(
      `webhook-timestamp is ${now - timestamp} s old, more than the ${tolerance} s tolerance: a replay, or a clock out of sync`,
    );
  }
  if (timestamp - now > tolerance) {
    throw new WebhookVerificationError(
      `webhook-timestamp is ${timestamp - now} s in the future, more than the ${tolerance} s tolerance: a clock out of sync`,
    );
  }
}

function secretKey(secret: string): Uint8Array<ArrayBuffer> {
  const key = decodeBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  if (!key || key.length === 0)
    throw new WebhookVerificationError('the secret is not a whsec_… webhook secret (base64 after the prefix)');
  return key;
}

/** The bytes of `${id}.${timestamp}.` followed by the body's bytes, untouched. */
function signedContent(id: string, timestamp: number, rawBody: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody;
  const content = new Uint8Array(prefix.length + body.length);
  content.set(prefix);
  content.set(body, prefix.length);
  return content;
}

async function hmacSha256(
  key: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, data));
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function decodeBase64(value: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function encodeBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function parseBody(rawBody: string | Uint8Array): WebhookEvent {
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  try {
    // The signature vouches for the sender: its body is the documented event shape.
    return JSON.parse(text) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError('the signed body is not JSON');
  }
}
