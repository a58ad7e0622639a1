// RFC 9457 problem documents. Domains throw `Problem`s; one error handler renders them,
// and anything unexpected becomes a 500 without a stack trace or SQL.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DATE_RULE, DATE_TIME_RULE } from './storable.ts';

export interface FieldError {
  pointer: string;
  detail: string;
}

export interface ProblemType {
  slug: string;
  title: string;
  status: number;
}

/** The platform's problem catalogue; domains add theirs with `defineProblems`. */
const catalogue = new Map<string, ProblemType>();

export function defineProblems<const T extends Record<string, Omit<ProblemType, 'slug'>>>(
  types: T,
): { [K in keyof T]: ProblemType } {
  const out = {} as { [K in keyof T]: ProblemType };
  for (const [slug, t] of Object.entries(types)) {
    const full = { slug, ...t };
    catalogue.set(slug, full);
    (out as Record<string, ProblemType>)[slug] = full;
  }
  return out;
}

export function problemCatalogue(): ProblemType[] {
  return [...catalogue.values()].sort((a, b) => a.status - b.status || a.slug.localeCompare(b.slug));
}

export const problemTypeBase = 'https://cx-engage.dev/problems/';

export const P = defineProblems({
  'bad-request': { title: 'Malformed request', status: 400 },
  'invalid-json': { title: 'Request body is not valid JSON', status: 400 },
  unauthenticated: { title: 'Missing or invalid API key', status: 401 },
  forbidden: { title: 'The API key lacks the scope this route needs', status: 403 },
  'test-key-forbidden': { title: 'Test keys cannot use this route', status: 403 },
  'role-forbidden': { title: 'Your role does not allow this', status: 403 },
  // Portal identity (auth/): sign-in, sessions, two-factor.
  'invalid-credentials': { title: 'The email, password or code is incorrect', status: 401 },
  'csrf-token-invalid': { title: 'Missing or invalid CSRF token', status: 403 },
  'two-factor-enrollment-required': { title: 'Enable two-factor authentication first', status: 403 },
  'two-factor-mandatory': { title: 'Two-factor authentication is mandatory here', status: 409 },
  'login-locked': { title: 'Too many failed sign-ins; try again later', status: 429 },
  // (end of portal identity)
  'account-pending': { title: 'The account is still being boarded', status: 403 },
  'account-suspended': { title: 'The account is suspended', status: 403 },
  'account-closed': { title: 'The account is closed', status: 403 },
  'traffic-hold': { title: "All of the account's traffic is on hold", status: 403 },
  'not-found': { title: 'Not found', status: 404 },
  conflict: { title: 'Conflict', status: 409 },
  'idempotency-in-flight': { title: 'A request with this Idempotency-Key is still running', status: 409 },
  'payload-too-large': { title: 'Request body too large', status: 413 },
  'unsupported-media-type': { title: 'Unsupported media type', status: 415 },
  'validation-failed': { title: 'The request is invalid', status: 422 },
  'idempotency-key-reused': { title: 'Idempotency-Key was used with a different request', status: 422 },
  'invalid-state': { title: 'The object is not in a state that allows this', status: 409 },
  'rate-limited': { title: 'Too many requests', status: 429 },
  internal: { title: 'Internal server error', status: 500 },
  unavailable: { title: 'Service unavailable', status: 503 },
});

export class Problem extends Error {
  readonly type: ProblemType;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(type: ProblemType, detail?: string, errors?: FieldError[], headers: Record<string, string> = {}) {
    super(detail ?? type.title);
    this.type = type;
    this.detail = detail;
    this.errors = errors;
    this.headers = headers;
  }

  static field(pointer: string, detail: string, type: ProblemType = P['validation-failed']): Problem {
    return new Problem(type, detail, [{ pointer, detail }]);
  }

  /** Several fields at once: the detail lists them all, `errors` points at each. */
  static fields(errors: FieldError[], type: ProblemType = P['validation-failed']): Problem {
    return new Problem(type, errors.map((e) => `${e.pointer} ${e.detail}`).join('; '), errors);
  }

  toJSON(instance?: string): Record<string, unknown> {
    return {
      type: problemTypeBase + this.type.slug,
      title: this.type.title,
      status: this.type.status,
      ...(this.detail !== undefined && { detail: this.detail }),
      ...(instance !== undefined && { instance }),
      ...(this.errors && { errors: this.errors }),
    };
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem, instance?: string): FastifyReply {
  for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
  return reply.code(problem.type.status).type('application/problem+json').send(problem.toJSON(instance));
}

export interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * Turns Ajv's validation output into one field error per JSON pointer a client can use.
 * A union (`anyOf`) fails once per branch; those are merged into one readable detail.
 */
export function fieldErrorsFromValidation(errors: AjvError[], context: string | undefined, base = ''): FieldError[] {
  const prefix = base + (context === 'body' || !context ? '' : `/${context}`);
  const byPointer = new Map<string, { allowed: string[]; details: string[] }>();
  for (const e of errors) {
    let pointer = prefix + e.instancePath;
    let detail = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      pointer += `/${String(e.params.missingProperty)}`;
      detail = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      pointer += `/${String(e.params.additionalProperty)}`;
      detail = 'is not a known field';
    } else if (e.keyword === 'format' && (e.params.format === 'date-time' || e.params.format === 'date')) {
      detail = e.params.format === 'date' ? DATE_RULE : DATE_TIME_RULE;
    }
    const entry = byPointer.get(pointer || '/') ?? { allowed: [], details: [] };
    byPointer.set(pointer || '/', entry);
    if (e.keyword === 'anyOf') continue;
    if (e.keyword === 'const') entry.allowed.push(JSON.stringify(e.params.allowedValue));
    else if (!entry.details.includes(detail)) entry.details.push(detail);
  }
  return [...byPointer].map(([pointer, { allowed, details }]) => {
    const parts = allowed.length ? [`must be one of ${allowed.join(', ')}`, ...details] : details;
    return { pointer, detail: parts.length ? parts.join(', or ') : 'is invalid' };
  });
}

function toProblem(err: FastifyError & { validation?: AjvError[]; validationContext?: string }): Problem {
  if (err instanceof Problem) return err;
  if (err.validation) {
    const errors = fieldErrorsFromValidation(err.validation, err.validationContext);
    const type = err.validationContext === 'body' ? P['validation-failed'] : P['bad-request'];
    return Problem.fields(errors, type);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem(P['invalid-json'], err.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(P['payload-too-large']);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(P['unsupported-media-type'], 'send application/json');
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return new Problem(P['bad-request'], err.message);
  }
  if (databaseUnavailable(err.code)) {
    return new Problem(
      P.unavailable,
      'the database is unavailable; retry after Retry-After seconds, with the same Idempotency-Key',
      undefined,
      { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
    );
  }
  return new Problem(P.internal);
}

/** A PostgreSQL crash recovery or restart takes a few seconds. */
const DATABASE_RETRY_AFTER_SECONDS = 2;
// postgres.js connection errors, the socket's own, and SQLSTATEs of a server going away or not yet
// back: class 08 (connection exception), 57P01-57P03 (shutdown, crash, starting up), 53300.
const CONNECTION_ERRORS = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** The database cannot be reached right now: the request may be retried as it is. */
export function databaseUnavailable(code: unknown): boolean {
  return typeof code === 'string' && (CONNECTION_ERRORS.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(err);
    if (problem.type === P.unavailable) request.log.warn({ code: err.code }, 'database unavailable');
    else if (problem.type.status >= 500) request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problem, request.url.split('?')[0]);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new Problem(P['not-found'], `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
