// Schemas shared by several domains' routes.
import { Type } from 'typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem document' },
);

/**
 * The largest amount in minor units a client may send (ten billion in the major unit): far above
 * any real payment, and a bigint column still holds the sum of millions of them. Integer fields
 * without a maximum of their own stop at PostgreSQL's `integer` range (http/storable.ts).
 */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

/** Path ids are not pattern-checked: an id that does not exist, malformed or not, is a 404. */
export function idParam<K extends string>(name: K) {
  return Type.Object({ [name]: Type.String({ minLength: 1, maxLength: 64 }) } as {
    [P in K]: ReturnType<typeof Type.String>;
  });
}
