// Loading data: one resource, or a list page by page with the API's cursors (never everything).
// Both are typed by the API's path template: `useLoad('/v1/contacts/{contactId}', { path: { contactId } })`.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PathsFor, QueryParams, RequestArgs, RequestArgsTuple, ResponseBody } from '@cx-engage/sdk';
import { api, problemOf, type Problem } from './api.ts';

type GetPath = PathsFor<'get'>;

export interface Loaded<T> {
  data: T | undefined;
  problem: Problem | undefined;
  loading: boolean;
  reload(): void;
}

type LoadArgs<P extends GetPath> = RequestArgs<'get', P> & { pollMs?: number };
/** `[args]` when the operation needs a path parameter, `[args?]` otherwise (as the SDK's request). */
type LoadArgsTuple<P extends GetPath> =
  object extends RequestArgs<'get', P> ? [args?: LoadArgs<P>] : [args: LoadArgs<P>];

/** GET `path` (nothing while it is null), again every `pollMs` when given. */
export function useLoad<P extends GetPath>(
  path: P | null,
  ...[args]: LoadArgsTuple<P>
): Loaded<ResponseBody<'get', P>> {
  const [data, setData] = useState<ResponseBody<'get', P>>();
  const [problem, setProblem] = useState<Problem>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const { pollMs, ...request } = args ?? {};
  const key = path === null ? null : JSON.stringify([path, request]);
  useEffect(() => {
    if (key === null || path === null) return;
    let live = true;
    const load = () =>
      api('get', path, ...([request] as RequestArgsTuple<'get', P>))
        .then((d) => {
          if (!live) return;
          setData(d);
          setProblem(undefined);
        })
        .catch((e: unknown) => live && setProblem(problemOf(e)))
        .finally(() => live && setLoading(false));
    setLoading(true);
    void load();
    const timer = pollMs ? setInterval(() => void load(), pollMs) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
    // `key` stands for path and request, whose identities change on every render.
  }, [key, tick, pollMs]);
  return { data, problem, loading, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** The list operations: `{ data: [...], nextCursor }` pages. */
export type ListPath = {
  [P in GetPath]: ResponseBody<'get', P> extends { data: unknown[]; nextCursor: string | null } ? P : never;
}[GetPath];
/** One item of a list operation's page. */
export type Row<P extends ListPath> = ResponseBody<'get', P> extends { data: (infer T)[] } ? T : never;
/**
 * A list's filters as the portal's filter forms and URLs hold them: text, where an empty value
 * means no filter (it is left out). The API checks a value against its list (400 naming it).
 */
type Filters<P extends ListPath> = {
  [K in Exclude<keyof NonNullable<QueryParams<'get', P>>, 'limit' | 'cursor'>]?: NonNullable<
    QueryParams<'get', P>
  >[K] extends string | undefined
    ? string
    : NonNullable<QueryParams<'get', P>>[K];
};

export interface Paged<T> extends Loaded<{ data: T[]; nextCursor: string | null }> {
  rows: T[];
  pageNumber: number;
  next?: () => void;
  previous?: () => void;
}

/** One page at a time; `query` changes start again at the first page. */
export function usePaged<P extends ListPath>(path: P | null, query?: Filters<P>, pageSize = 25): Paged<Row<P>> {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const queryKey = JSON.stringify(query);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setCursors([undefined]);
  }, [queryKey]);
  const cursor = cursors[cursors.length - 1];
  const filters = Object.entries(query ?? {}).filter(([, value]) => value !== '');
  // Every list operation takes limit and cursor, which TypeScript cannot see for a generic P.
  const args = { query: { ...Object.fromEntries(filters), limit: pageSize, cursor } } as LoadArgs<P>;
  const loaded = useLoad(path, ...([args] as LoadArgsTuple<P>)) as Loaded<{
    data: Row<P>[];
    nextCursor: string | null;
  }>;
  const nextCursor = loaded.data?.nextCursor;
  return {
    ...loaded,
    rows: loaded.data?.data ?? [],
    pageNumber: cursors.length,
    ...(nextCursor && { next: () => setCursors((c) => [...c, nextCursor]) }),
    ...(cursors.length > 1 && { previous: () => setCursors((c) => c.slice(0, -1)) }),
  };
}
