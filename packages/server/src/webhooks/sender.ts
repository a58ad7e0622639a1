// One HTTP POST of a webhook: through the SSRF guard, 10 s at most, redirects followed only
// after checking them again, and at most 4 KiB of the answer kept. A target the guard refuses
// is reported as `refused`, so the delivery ends at once instead of being retried for a day.
import { Agent, request } from 'undici';
import { BlockedAddressError, guardedLookup, targetRefusal, type Resolver, type TargetPolicy } from './ssrf.ts';

export const ATTEMPT_TIMEOUT_MS = 10_000;
export const MAX_KEPT_BODY_BYTES = 4096;
const MAX_REDIRECTS = 3;

export interface PostResult {
  /** null when no HTTP answer came (refused, timed out, blocked). */
  statusCode: number | null;
  retryAfter: string | undefined;
  body: string | null;
  error: string | null;
  latencyMs: number;
  /** The SSRF guard refused the target (or a redirect's): no request was sent, none will be. */
  refused?: boolean;
}

export interface WebhookSender {
  post(url: string, headers: Record<string, string>, body: string): Promise<PostResult>;
  close(): Promise<void>;
}

export interface SenderOptions {
  policy: TargetPolicy;
  connectionsPerOrigin?: number;
  /** How names are resolved before the guard checks them (tests answer for names they invent). */
  resolve?: Resolver;
}

export function createWebhookSender(opts: SenderOptions): WebhookSender {
  // Keep-alive pools per origin, so a busy endpoint gets many requests in flight on few sockets.
  const agent = new Agent({
    connections: opts.connectionsPerOrigin ?? 64,
    connect: { lookup: guardedLookup(opts.policy, opts.resolve), timeout: ATTEMPT_TIMEOUT_MS },
    headersTimeout: ATTEMPT_TIMEOUT_MS,
    bodyTimeout: ATTEMPT_TIMEOUT_MS,
  });

  async function post(url: string, headers: Record<string, string>, body: string): Promise<PostResult> {
    const started = performance.now();
    const signal = AbortSignal.timeout(ATTEMPT_TIMEOUT_MS);
    const done = (r: Omit<PostResult, 'latencyMs'>): PostResult => ({
      ...r,
      latencyMs: Math.round(performance.now() - started),
    });
    let target = url;
    try {
      for (let hop = 0; ; hop++) {
        // IP literals never go through lookup, so they are checked here; names are checked at connect.
        const refusal = targetRefusal(new URL(target), opts.policy);
        if (refusal)
          return done({
            statusCode: null,
            retryAfter: undefined,
            body: null,
            error: `refused: ${refusal}`,
            refused: true,
          });
        const res = await request(target, { method: 'POST', headers, body, dispatcher: agent, signal });
        const location = header(res.headers.location);
        if (res.statusCode >= 300 && res.statusCode < 400 && location && hop < MAX_REDIRECTS) {
          await res.body.dump();
          target = new URL(location, target).toString();
          continue;
        }
        return done({
          statusCode: res.statusCode,
          retryAfter: header(res.headers['retry-after']),
          body: await readCapped(res.body),
          error: null,
        });
      }
    } catch (err) {
      const blocked = blockedCause(err);
      if (blocked)
        return done({
          statusCode: null,
          retryAfter: undefined,
          body: null,
          error: `refused: ${blocked.message}`,
          refused: true,
        });
      return done({ statusCode: null, retryAfter: undefined, body: null, error: describe(err, signal) });
    }
  }

  return { post, close: () => agent.close() };
}

/** The guard's refusal from the lookup, wherever undici wrapped it. */
function blockedCause(err: unknown): BlockedAddressError | undefined {
  for (let e = err; e instanceof Error; e = e.cause) if (e instanceof BlockedAddressError) return e;
  return undefined;
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_KEPT_BODY_BYTES) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_KEPT_BODY_BYTES).toString('utf8');
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function describe(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) return `timed out after ${ATTEMPT_TIMEOUT_MS / 1000} s`;
  const e = err as { code?: string; message?: string; cause?: { message?: string } };
  return [e.code, e.cause?.message ?? e.message].filter(Boolean).join(': ') || 'request failed';
}
