// Type-level views of the generated `paths`: for an HTTP method and a path template, what
// goes in (path params, query, JSON body) and what comes back (the JSON of the 2xx response).
import type { components, paths } from './generated/openapi.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The path templates that answer `M`, e.g. `PathsFor<'post'>` includes `'/v1/messages'`. */
export type PathsFor<M extends HttpMethod> = {
  [P in keyof paths]: paths[P][M] extends { responses: object } ? P : never;
}[keyof paths];

type Operation<M extends HttpMethod, P extends PathsFor<M>> = NonNullable<paths[P][M]>;

type ParametersIn<Op, Where extends 'path' | 'query'> = Op extends { parameters: { [K in Where]?: infer T } }
  ? NonNullable<T>
  : never;

export type PathParams<M extends HttpMethod, P extends PathsFor<M>> = ParametersIn<Operation<M, P>, 'path'>;
export type QueryParams<M extends HttpMethod, P extends PathsFor<M>> = ParametersIn<Operation<M, P>, 'query'>;

type JsonContent<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type RequestBody<M extends HttpMethod, P extends PathsFor<M>> =
  Operation<M, P> extends { requestBody?: infer R } ? JsonContent<NonNullable<R>> : never;

/** The JSON of every 2xx response; `undefined` for one without content (204). */
export type ResponseBody<M extends HttpMethod, P extends PathsFor<M>> =
  Operation<M, P> extends { responses: infer R }
    ? {
        [S in keyof R]: `${S & (string | number)}` extends `2${string}`
          ? [JsonContent<R[S]>] extends [never]
            ? undefined
            : JsonContent<R[S]>
          : never;
      }[keyof R]
    : never;

/** Per-call options every request accepts. */
export interface RequestOptions {
  /**
   * Sent as `Idempotency-Key` on a POST; a fresh random key is used when absent. The same key
   * goes out on every retry of one call, so a retried send creates one message.
   */
  idempotencyKey?: string;
  /** Aborts the call (and its retries). */
  signal?: AbortSignal;
}

// `never` means the operation takes no such input; a field whose properties are all optional
// may be left out.
type Field<K extends string, T> = [T] extends [never]
  ? { [_ in K]?: never }
  : object extends T
    ? { [_ in K]?: T }
    : { [_ in K]: T };

export type RequestArgs<M extends HttpMethod, P extends PathsFor<M>> = Field<'path', PathParams<M, P>> &
  Field<'query', QueryParams<M, P>> &
  Field<'body', RequestBody<M, P>> &
  RequestOptions;

/** `[args]` when something is required, `[args?]` otherwise. */
export type RequestArgsTuple<M extends HttpMethod, P extends PathsFor<M>> =
  object extends RequestArgs<M, P> ? [args?: RequestArgs<M, P>] : [args: RequestArgs<M, P>];

/** An RFC 9457 problem document as every CX Engage error is rendered. */
// `def-0` is the name the server's OpenAPI plugin gives its one shared schema, titled "Problem".
export type Problem = components['schemas']['def-0'];

export type FieldError = NonNullable<Problem['errors']>[number];

/** A page of a list endpoint: `{ data, nextCursor }`. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
