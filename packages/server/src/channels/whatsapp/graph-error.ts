// Graph API failures as one typed error with what the dispatcher must do about it. Meta's
// error body is `{ error: { message, type, code, error_subcode, error_user_title,
// error_data: { details }, fbtrace_id } }`; codes from the Cloud API error-code reference
// (PROTOCOLS.md lists the ones we act on). Status webhooks carry the same codes, so
// classifyGraphError also decides what a `failed` status means.
import { retryAfterMs as retryAfterMsOf } from '../../platform/retry-after.ts';

/**
 * throttled: slow down and retry later on the same connector (Retry-After when given);
 * transient: retry later; window_closed: only a template can reach this user now (24-hour
 * customer-service window); auth: the connector's token is bad or expired, retrying will not
 * help until an operator fixes it; permanent: this message will never go.
 */
export type GraphErrorKind = 'throttled' | 'transient' | 'permanent' | 'window_closed' | 'auth';

const THROTTLED = new Set([4, 80007, 130429, 131056]);
const TRANSIENT = new Set([1, 2, 131000, 131016]);
const WINDOW_CLOSED = 131047;
const TOKEN_INVALID = 190;

const TITLES: Record<number, string> = {
  1: 'API Unknown',
  2: 'API Service',
  4: 'API Too Many Calls',
  100: 'Invalid parameter',
  190: 'Access token has expired',
  80007: 'Rate limit issues',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
  131016: 'Service unavailable',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131051: 'Unsupported message type',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  132000: 'Number of parameters does not match the expected number of params',
  132001: 'Template name does not exist in the translation',
};

/** What to do about a Graph error code and/or HTTP status (either may be null). */
export function classifyGraphError(code: number | null, httpStatus: number | null): GraphErrorKind {
  if (code === TOKEN_INVALID || httpStatus === 401) return 'auth';
  if ((code !== null && THROTTLED.has(code)) || httpStatus === 429) return 'throttled';
  if (code === WINDOW_CLOSED) return 'window_closed';
  if ((code !== null && TRANSIENT.has(code)) || (httpStatus !== null && httpStatus >= 500)) return 'transient';
  return 'permanent';
}

export class GraphError extends Error {
  readonly kind: GraphErrorKind;
  /** Meta's error code; null when no Graph error body came (network, timeout, bad gateway). */
  readonly code: number | null;
  readonly subcode: number | null;
  readonly title: string;
  /** `error_data.details`: Meta's explanation for humans. */
  readonly details: string | null;
  readonly httpStatus: number | null;
  /** From a Retry-After header, when the answer had one. */
  readonly retryAfterMs: number | null;
  readonly fbtraceId: string | null;

  constructor(
    message: string,
    f: {
      code?: number | null;
      subcode?: number | null;
      title?: string;
      details?: string | null;
      httpStatus?: number | null;
      retryAfterMs?: number | null;
      fbtraceId?: string | null;
      kind?: GraphErrorKind;
    },
  ) {
    super(message);
    this.name = 'GraphError';
    this.code = f.code ?? null;
    this.subcode = f.subcode ?? null;
    this.httpStatus = f.httpStatus ?? null;
    this.kind = f.kind ?? classifyGraphError(this.code, this.httpStatus);
    this.title = f.title ?? (this.code !== null ? TITLES[this.code] : undefined) ?? message;
    this.details = f.details ?? null;
    this.retryAfterMs = f.retryAfterMs ?? null;
    this.fbtraceId = f.fbtraceId ?? null;
  }
}

/** Meta's title for a code we know, for statuses and logs. */
export function graphErrorTitle(code: number): string | undefined {
  return TITLES[code];
}

/** The error for a non-2xx answer. `secret` (the access token) is cut out of anything Meta echoes. */
export function graphErrorFromAnswer(
  httpStatus: number,
  retryAfter: string | undefined,
  bodyText: string,
  secret: string,
): GraphError {
  const body = parseJson(bodyText);
  const e = isObject(body) && isObject(body.error) ? body.error : undefined;
  const retryAfterMs = retryAfterMsOf(retryAfter, Date.now()) ?? null;
  if (!e) return new GraphError(`HTTP ${httpStatus} without a Graph error body`, { httpStatus, retryAfterMs });
  const code = typeof e.code === 'number' ? e.code : null;
  const message = redact(typeof e.message === 'string' ? e.message : `HTTP ${httpStatus}`, secret);
  const userTitle = typeof e.error_user_title === 'string' ? redact(e.error_user_title, secret) : undefined;
  const details =
    isObject(e.error_data) && typeof e.error_data.details === 'string' ? redact(e.error_data.details, secret) : null;
  return new GraphError(message, {
    code,
    httpStatus,
    retryAfterMs,
    details,
    subcode: typeof e.error_subcode === 'number' ? e.error_subcode : null,
    title: userTitle ?? (code !== null ? TITLES[code] : undefined) ?? message.replace(/^\(#\d+\)\s*/, ''),
    fbtraceId: typeof e.fbtrace_id === 'string' ? e.fbtrace_id : null,
  });
}

/** The error for a request that got no answer: refused, reset, timed out. Always transient. */
export function graphErrorFromNetwork(err: unknown, secret: string): GraphError {
  const e = err as { code?: string; name?: string; message?: string };
  const what =
    e.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    e.code === 'UND_ERR_BODY_TIMEOUT' ||
    e.code === 'UND_ERR_CONNECT_TIMEOUT' ||
    e.name === 'TimeoutError'
      ? 'timed out'
      : 'network error';
  return new GraphError(redact(`${what}: ${[e.code, e.message].filter(Boolean).join(' ')}`, secret), {
    kind: 'transient',
    title: what,
  });
}

export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
