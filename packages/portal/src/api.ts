// The portal's only way to the API: same-origin fetch with the session cookie, the CSRF token on
// every state-changing request, and RFC 9457 problems turned into ApiError.
export interface FieldError {
  pointer: string;
  detail: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Signed-out (401) answers outside /v1/auth/ call this, so the app can return to sign-in. */
let onSignedOut: (() => void) | undefined;
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

function csrfToken(): string | undefined {
  const m = /(?:^|;\s*)cx_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = csrfToken();
  if (method !== 'GET' && token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined && { body: JSON.stringify(body) }) });
  } catch {
    throw new ApiError({ title: 'The server cannot be reached', status: 0, detail: 'check your connection and try again' });
  }
  const text = await res.text();
  const json: unknown = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const problem = (json as Problem | undefined) ?? { title: res.statusText || 'Request failed', status: res.status };
    if (res.status === 401 && !path.startsWith('/v1/auth/')) onSignedOut?.();
    throw new ApiError({ ...problem, status: res.status });
  }
  return json as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string, query?: Query) => api<T>('DELETE', withQuery(path, query));

/** A problem of any thrown value, for error states. */
export function problemOf(err: unknown): Problem {
  if (err instanceof ApiError) return err.problem;
  return { title: 'Something went wrong', status: 0, detail: err instanceof Error ? err.message : String(err) };
}
