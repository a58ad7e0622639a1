// Cursor pagination shared by every list: `?limit=&cursor=` → `{ data, nextCursor }`.
// The cursor is the opaque form of the last id returned; ids are time-sortable.
import { Type, type Static, type TSchema } from 'typebox';
import { P, Problem } from './problem.ts';

export const ListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Page size (≤ 1000).' }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'nextCursor of the previous page.' })),
});
export type ListQuery = Static<typeof ListQuery>;

export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({ data: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]+_[0-9a-z]{26}$/.test(id)) {
    throw new Problem(P['bad-request'], 'cursor is not one this API returned', [
      { pointer: '/querystring/cursor', detail: 'is invalid' },
    ]);
  }
  return id;
}

/** Callers fetch limit + 1 rows; the extra row only tells whether another page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? Buffer.from(last.id).toString('base64url') : null };
}
