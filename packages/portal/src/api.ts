// The portal's only way to the API: the SDK's typed client (`@cx-engage/sdk`), signed in with
// the session cookie instead of an API key, the CSRF token on every request and no retries (a
// person sees the answer and decides). Problems it throws are what the pages show.
import {
  AuthenticationError,
  ConnectionError,
  CxEngage,
  ProblemError,
  type HttpMethod,
  type PathsFor,
  type Problem,
  type RequestArgsTuple,
  type ResponseBody,
} from '@cx-engage/sdk';

export type { Problem };

/** The value of the `cx_csrf` cookie, which the API wants back as X-CSRF-Token (docs/portal-auth.md). */
function csrfHeader(): Record<string, string> {
  const m = /(?:^|;\s*)cx_csrf=([^;]+)/.exec(document.cookie);
  return m ? { 'x-csrf-token': decodeURIComponent(m[1]!) } : {};
}

const client = new CxEngage({ baseUrl: '', credentials: 'same-origin', headers: csrfHeader, maxRetries: 0 });

/** Signed-out (401) answers outside /v1/auth/ call this, so the app can return to sign-in. */
let onSignedOut: (() => void) | undefined;
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

/** Any API operation, typed from the OpenAPI document: `api('post', '/v1/api-keys', { body })`. */
export async function api<M extends HttpMethod, P extends PathsFor<M>>(
  method: M,
  path: P,
  ...args: RequestArgsTuple<M, P>
): Promise<ResponseBody<M, P>> {
  try {
    return await client.request(method, path, ...args);
  } catch (err) {
    if (err instanceof AuthenticationError && !path.startsWith('/v1/auth/')) onSignedOut?.();
    throw err;
  }
}

/** A problem the portal finds before asking the API (a form check), shown like the API's own. */
export function formProblem(problem: Omit<Problem, 'type' | 'status'>): ProblemError {
  return new ProblemError({ type: 'about:blank', status: 422, ...problem }, new Headers());
}

/** A problem of any thrown value, for error states. */
export function problemOf(err: unknown): Problem {
  if (err instanceof ProblemError) return err.problem;
  if (err instanceof ConnectionError) {
    return {
      type: 'about:blank',
      title: 'The server cannot be reached',
      status: 0,
      detail: 'check your connection and try again',
    };
  }
  return {
    type: 'about:blank',
    title: 'Something went wrong',
    status: 0,
    detail: err instanceof Error ? err.message : String(err),
  };
}
