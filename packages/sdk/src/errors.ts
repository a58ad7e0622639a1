// Every error the client throws is a CxEngageError. An answer from the API is a ProblemError
// (or one of its subclasses by status); no answer at all is a ConnectionError.
import type { FieldError, Problem } from './api-types.ts';

export class CxEngageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The API answered with an error: the RFC 9457 problem document, flattened for convenience. */
export class ProblemError extends CxEngageError {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  /** One entry per invalid field, e.g. `{ pointer: '/to', detail: 'is not a valid phone number' }`. */
  readonly errors: FieldError[];
  /** The `x-request-id` of the failed request: quote it when asking for support. */
  readonly requestId: string | null;
  readonly problem: Problem;
  readonly headers: Headers;

  constructor(problem: Problem, headers: Headers) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.problem = problem;
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
    this.headers = headers;
    this.requestId = headers.get('x-request-id');
  }
}

/** 400: the request is malformed (bad JSON, a bad query parameter or header). */
export class BadRequestError extends ProblemError {}
/** 401: the API key is missing, wrong or revoked. */
export class AuthenticationError extends ProblemError {}
/** 403: the key lacks a scope, or the account may not do this now (suspended, on hold…). */
export class PermissionDeniedError extends ProblemError {}
export class NotFoundError extends ProblemError {}
/** 409: the object's state does not allow this (e.g. canceling a sent message). */
export class ConflictError extends ProblemError {}
/** 422: the body is invalid; `errors` names each field with a JSON pointer. */
export class ValidationError extends ProblemError {}
/** 429 after the client's own retries. */
export class RateLimitError extends ProblemError {}
/** 5xx after the client's own retries. */
export class ServerError extends ProblemError {}

export function problemError(problem: Problem, headers: Headers): ProblemError {
  const status = problem.status;
  if (status >= 500) return new ServerError(problem, headers);
  switch (status) {
    case 400:
      return new BadRequestError(problem, headers);
    case 401:
      return new AuthenticationError(problem, headers);
    case 403:
      return new PermissionDeniedError(problem, headers);
    case 404:
      return new NotFoundError(problem, headers);
    case 409:
      return new ConflictError(problem, headers);
    case 422:
      return new ValidationError(problem, headers);
    case 429:
      return new RateLimitError(problem, headers);
    default:
      return new ProblemError(problem, headers);
  }
}

/** No answer from the API (DNS, refused connection, reset…) even after retrying. */
export class ConnectionError extends CxEngageError {}

/** No answer within `timeoutMs`, even after retrying. */
export class TimeoutError extends ConnectionError {}
