// Loading data: one resource, or a list page by page with the API's cursors (never everything).
import { useCallback, useEffect, useRef, useState } from 'react';
import { get, problemOf, type Page, type Problem, type Query } from './api.ts';

export interface Loaded<T> {
  data: T | undefined;
  problem: Problem | undefined;
  loading: boolean;
  reload(): void;
}

export function useLoad<T>(path: string | null, query?: Query, opts: { pollMs?: number } = {}): Loaded<T> {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<Problem>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const key = path === null ? null : JSON.stringify([path, query]);
  useEffect(() => {
    if (key === null || path === null) return;
    let live = true;
    const load = () =>
      get<T>(path, query)
        .then((d) => live && (setData(d), setProblem(undefined)))
        .catch((e: unknown) => live && setProblem(problemOf(e)))
        .finally(() => live && setLoading(false));
    setLoading(true);
    void load();
    const timer = opts.pollMs ? setInterval(() => void load(), opts.pollMs) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
    // `key` stands for path and query, whose identities change on every render.
  }, [key, tick, opts.pollMs]);
  return { data, problem, loading, reload: useCallback(() => setTick((n) => n + 1), []) };
}

export interface Paged<T> extends Loaded<Page<T>> {
  rows: T[];
  pageNumber: number;
  next?: () => void;
  previous?: () => void;
}

/** One page at a time; `query` changes start again at the first page. */
export function usePaged<T>(path: string | null, query: Query = {}, pageSize = 25): Paged<T> {
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
  const loaded = useLoad<Page<T>>(path, { ...query, limit: pageSize, cursor });
  const nextCursor = loaded.data?.nextCursor;
  return {
    ...loaded,
    rows: loaded.data?.data ?? [],
    pageNumber: cursors.length,
    ...(nextCursor && { next: () => setCursors((c) => [...c, nextCursor]) }),
    ...(cursors.length > 1 && { previous: () => setCursors((c) => c.slice(0, -1)) }),
  };
}
