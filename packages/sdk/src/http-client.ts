// The one place that talks HTTP: URL building, auth, JSON, timeouts, retries, idempotency keys
// and turning error answers into ProblemErrors. `request` is typed from the generated spec.
import type { HttpMethod, PathsFor, Problem, RequestArgsTuple, ResponseBody } from './api-types.ts';
import { ConnectionError, CxEngageError, TimeoutError, problemError } from './errors.ts';
import { MAX_RETRY_AFTER_MS, isRetryableStatus, parseRetryAfter, retryDelayMs, sleep } from './retry.ts';

export interface ClientOptions {
  /**
   * `cxk_live_…` or `cxk_test_…` (test keys only ever reach the sandbox). Required unless
   * `credentials` signs the requests in with a browser session instead.
   */
  apiKey?: string;
  /** Default `http://127.0.0.1:8080`; `''` for a page served by the API itself (same origin). */
  baseUrl?: string;
  /**
   * In a browser signed in through `POST /v1/auth/login` (cookie session, no API key): fetch's
   * `credentials`, e.g. `'same-origin'`, so the session cookie goes with every request. The
   * API then wants the CSRF token on every state-changing request: send it with `headers`.
   */
  credentials?: RequestCredentials;
  /**
   * Extra headers, asked for on every request (so a token that changes is read fresh), e.g.
   * `() => ({ 'x-csrf-token': tokenFromCookie() })`. The client's own headers win.
   */
  headers?: () => Record<string, string>;
  /** Default the global `fetch`; pass one to add a proxy, logging or a test double. */
  fetch?: typeof fetch;
  /** Further attempts after a 429, a 5xx or a network failure. Default 3. */
  maxRetries?: number;
  /** Per attempt, until the whole response is read. Default 30 000. */
  timeoutMs?: number;
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** What `request` receives once the compile-time types have done their job. */
interface UntypedArgs {
  path?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

interface Answer {
  response: Response;
  text: string;
}

export class HttpClient {
  readonly #apiKey: string | undefined;
  readonly #credentials: RequestCredentials | undefined;
  readonly #headers: (() => Record<string, string>) | undefined;
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #maxRetries: number;
  readonly #timeoutMs: number;

  constructor(options: ClientOptions) {
    if (!options.apiKey && !options.credentials) {
      throw new CxEngageError('apiKey is required (cxk_live_… or cxk_test_…), or credentials for a browser session');
    }
    this.#apiKey = options.apiKey || undefined;
    this.#credentials = options.credentials;
    this.#headers = options.headers;
    this.#baseUrl = (options.baseUrl ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
    // Called as a plain function: browsers throw "Illegal invocation" for fetch bound to another object.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#maxRetries = options.maxRetries ?? 3;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  /**
   * Any API operation, typed from the OpenAPI document:
   * `request('get', '/v1/messages/{messageId}', { path: { messageId } })`.
   */
  request<M extends HttpMethod, P extends PathsFor<M>>(
    method: M,
    path: P,
    ...[args]: RequestArgsTuple<M, P>
  ): Promise<ResponseBody<M, P>> {
    return this.#send(method, path, (args ?? {}) as UntypedArgs) as Promise<ResponseBody<M, P>>;
  }

  async #send(method: HttpMethod, template: string, args: UntypedArgs): Promise<unknown> {
    const url = this.#url(template, args);
    const headers = new Headers(this.#headers?.());
    if (this.#apiKey) headers.set('authorization', `Bearer ${this.#apiKey}`);
    headers.set('accept', 'application/json');
    const body = args.body === undefined ? undefined : JSON.stringify(args.body);
    if (body !== undefined) headers.set('content-type', 'application/json');
    // The server honours the key on every creating POST and ignores it elsewhere. One key for all
    // attempts: a retry after a lost response replays the first answer instead of acting twice.
    if (method === 'post') headers.set('idempotency-key', args.idempotencyKey ?? crypto.randomUUID());
    const init: RequestInit = {
      method: method.toUpperCase(),
      headers,
      ...(body !== undefined && { body }),
      ...(this.#credentials && { credentials: this.#credentials }),
    };

    for (let attempt = 0; ; attempt++) {
      const mayRetry = attempt < this.#maxRetries;
      let answer: Answer;
      try {
        answer = await this.#attempt(url, init, args.signal);
      } catch (err) {
        if (args.signal?.aborted || !mayRetry) throw err;
        await sleep(retryDelayMs(attempt, undefined), args.signal);
        continue;
      }
      const { response, text } = answer;
      if (response.ok) return parseSuccess(response, text);
      const problem = parseProblem(response, text);
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      if (mayRetry && isRetryable(problem) && (retryAfterMs ?? 0) <= MAX_RETRY_AFTER_MS) {
        await sleep(retryDelayMs(attempt, retryAfterMs), args.signal);
        continue;
      }
      throw problemError(problem, response.headers);
    }
  }

  /** One try, bounded by timeoutMs until the body is read; a failure is a ConnectionError. */
  async #attempt(url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Answer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const response = await this.#fetch(url, { ...init, signal: controller.signal });
      return { response, text: await response.text() };
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (timedOut)
        throw new TimeoutError(`${init.method} ${url}: no response within ${this.#timeoutMs} ms`, { cause: err });
      throw new ConnectionError(`${init.method} ${url}: ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  #url(template: string, args: UntypedArgs): string {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = args.path?.[name];
      if (value === undefined || value === '')
        throw new CxEngageError(`missing path parameter ${name} for ${template}`);
      return encodeURIComponent(String(value));
    });
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(args.query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) query.append(name, String(v));
    }
    const search = query.toString();
    return this.#baseUrl + path + (search ? `?${search}` : '');
  }
}

/** 429 and 5xx; also a 409 saying an earlier attempt with this Idempotency-Key is still running. */
function isRetryable(problem: Problem): boolean {
  return isRetryableStatus(problem.status) || problem.type.endsWith('/idempotency-in-flight');
}

function parseSuccess(response: Response, text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CxEngageError(`${response.status} response is not JSON`, { cause: err });
  }
}

/** The RFC 9457 body; something close enough for a non-JSON error (e.g. from a proxy). */
function parseProblem(response: Response, text: string): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || typeof (body as Problem).title !== 'string') return fallback;
    // The HTTP status is the authoritative one (RFC 9457 §3.1.4).
    return { ...fallback, ...(body as Partial<Problem>), status: response.status };
  } catch {
    return fallback;
  }
}
