// A list call: `await` it for one page, or `for await` it for every item across all pages.
import type { Page } from './api-types.ts';

export class PageRequest<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetchPage: (cursor: string | undefined) => Promise<Page<T>>;
  readonly #cursor: string | undefined;
  #firstPage: Promise<Page<T>> | undefined;

  /** `cursor` starts at a page other than the first (a `nextCursor` kept from earlier). */
  constructor(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, cursor?: string) {
    this.#fetchPage = fetchPage;
    this.#cursor = cursor;
  }

  // Lazy: nothing is requested until the page is awaited or the items are iterated.
  // biome-ignore lint/suspicious/noThenProperty: a page is awaitable on purpose (`await client.messages.list()`).
  then<R1 = Page<T>, R2 = never>(
    onFulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.#firstPage ??= this.#fetchPage(this.#cursor);
    return this.#firstPage.then(onFulfilled, onRejected);
  }

  /** Every item, fetching the next page only when the current one is used up. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Page by page, e.g. to store `nextCursor` and resume later. */
  async *pages(): AsyncIterableIterator<Page<T>> {
    let cursor = this.#cursor;
    do {
      const page = await this.#fetchPage(cursor);
      yield page;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }
}

/** A PageRequest for a list endpoint whose query takes `cursor` (and starts from the caller's, if any). */
export function paginate<Q extends { cursor?: string }, T>(
  query: Q,
  fetchPage: (query: Q) => Promise<Page<T>>,
): PageRequest<T> {
  return new PageRequest((cursor) => fetchPage({ ...query, cursor }), query.cursor);
}
