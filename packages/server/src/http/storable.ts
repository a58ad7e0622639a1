// What PostgreSQL can store, checked while the request is validated so that bad input is a 4xx
// naming the field and never an error from the database (a 500):
// - text: PostgreSQL's text and jsonb cannot hold U+0000, and an unpaired UTF-16 surrogate is
//   not Unicode at all (jsonb refuses it, text would store U+FFFD instead). Refused in every
//   string the client sends, described by the schema or not, keys of objects included.
// - times: `date-time` and `date` must be real (no 30 February, no leap second 23:59:60, which
//   JavaScript cannot represent) and between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z
//   once converted to UTC; timestamptz would take a wider range, but nothing in the platform
//   happens before 1970 and JavaScript prints years past 9999 in a form PostgreSQL refuses.
// - numbers: an integer field without bounds of its own takes PostgreSQL's `integer` range; any
//   other number field ±(2^53 − 1), where JSON numbers stop being exact. A field stored in a
//   bigint column states its own maximum.
import type { Ajv, AnySchemaObject, ErrorObject, SchemaValidateFunction } from 'ajv';

type DataValidationCxt = Parameters<SchemaValidateFunction>[3];

export const STORABLE_INTEGER = { minimum: -2147483648, maximum: 2147483647 } as const;
export const STORABLE_NUMBER = { minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER } as const;
export const EARLIEST_TIME = '1970-01-01T00:00:00Z';
export const LATEST_TIME = '9999-12-31T23:59:59.999Z';
const EARLIEST_MS = Date.parse(EARLIEST_TIME);
const LATEST_MS = Date.parse(LATEST_TIME);

export const TEXT_RULE = 'must not contain U+0000 or an unpaired surrogate';
export const DATE_TIME_RULE = `must be an RFC 3339 date-time with a time zone, from ${EARLIEST_TIME} to ${LATEST_TIME}`;
export const DATE_RULE = 'must be a real date (YYYY-MM-DD) from 1970-01-01 to 9999-12-31';

/**
 * Marks a part of a schema that its route validates on its own, with the same rules (the items
 * of a batch, each accepted or refused by itself): the request's schema leaves it alone.
 */
export const VALIDATED_BY_ROUTE = { 'x-validated-by-route': true } as const;

export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && s.isWellFormed();
}

type Format = (value: string) => boolean;

/** `rfc3339` is the format's usual check (ajv-formats); this adds what PostgreSQL and JavaScript can hold. */
export function storableDateTime(rfc3339: Format): Format {
  return (value) => {
    if (!rfc3339(value)) return false;
    const ms = Date.parse(value);
    return ms >= EARLIEST_MS && ms <= LATEST_MS;
  };
}

export function storableDate(fullDate: Format): Format {
  return (value) => fullDate(value) && value >= '1970-01-01' && value <= '9999-12-31';
}

/** A copy of `schema` that checks the rules above at every level (see `installStorableRules`). */
export function withStorableRules(schema: unknown): unknown {
  return copyWith(schema, true);
}

/**
 * Gives a route's number fields the default bounds in its schema itself, so the published
 * OpenAPI document shows the limits the validator applies (an `onRoute` hook, before swagger).
 */
export function declareStorableBounds(route: { schema?: Record<string, unknown> }): void {
  const schema = route.schema;
  if (!schema) return;
  const parts = ['body', 'querystring', 'params'].filter((part) => schema[part]);
  if (parts.length)
    route.schema = { ...schema, ...Object.fromEntries(parts.map((part) => [part, copyWith(schema[part], false)])) };
}

function copyWith(schema: unknown, keyword: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((s) => copyWith(s, keyword));
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as AnySchemaObject;
  const out: AnySchemaObject = {};
  for (const [k, v] of Object.entries(s)) {
    out[k] = SUBSCHEMA_MAPS.has(k)
      ? mapValues(v, (x) => copyWith(x, keyword))
      : SUBSCHEMAS.has(k)
        ? copyWith(v, keyword)
        : v;
  }
  const types: unknown[] = Array.isArray(s.type) ? s.type : [s.type];
  for (const [type, bounds] of [
    ['integer', STORABLE_INTEGER],
    ['number', STORABLE_NUMBER],
  ] as const) {
    if (!types.includes(type)) continue;
    if (s.maximum === undefined && s.exclusiveMaximum === undefined) out.maximum = bounds.maximum;
    if (s.minimum === undefined && s.exclusiveMinimum === undefined) out.minimum = bounds.minimum;
  }
  if (keyword && !s['x-validated-by-route'] && !s.$ref) out.storable = true;
  return out;
}

const SUBSCHEMAS = new Set([
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'anyOf',
  'oneOf',
  'allOf',
  'prefixItems',
]);
const SUBSCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

function mapValues(v: unknown, fn: (x: unknown) => unknown): unknown {
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fn(x)]));
}

/** The `storable` keyword and the stricter `date-time` and `date` formats, on one Ajv instance. */
export function installStorableRules(ajv: Ajv): void {
  const dateTime = formatFunction(ajv, 'date-time');
  const date = formatFunction(ajv, 'date');
  ajv.addFormat('date-time', storableDateTime(dateTime));
  ajv.addFormat('date', storableDate(date));
  ajv.addKeyword({ keyword: 'storable', schemaType: 'boolean', errors: true, validate: checkStorable });
}

function formatFunction(ajv: Ajv, name: string): Format {
  const f = ajv.formats[name] as Format | { validate: Format | RegExp } | undefined;
  const v = typeof f === 'function' ? f : f?.validate;
  if (typeof v !== 'function') throw new Error(`ajv-formats must be added before the storable rules (${name})`);
  return v;
}

const MAX_REPORTED = 20;

/**
 * A string is checked where the schema describes it; an object's keys, and the values the schema
 * does not describe (extra fields, a schema-less value), are walked here, so nothing escapes.
 */
const checkStorable: SchemaValidateFunction = function storable(
  _schema: boolean,
  data: unknown,
  parent?: AnySchemaObject,
  cxt?: DataValidationCxt,
): boolean {
  const errors: Partial<ErrorObject>[] = [];
  const at = cxt?.instancePath ?? '';
  if (typeof data === 'string') {
    if (!isStorableText(data)) errors.push({ instancePath: at, message: TEXT_RULE });
  } else if (data && typeof data === 'object') {
    walk(undescribed(data, at, parent ?? {}, errors), errors);
  }
  checkStorable.errors = errors;
  return errors.length === 0;
};

type Pending = [value: unknown, pointer: string][];

/** The values under `data` that no subschema checks; an object's keys are checked on the way. */
function undescribed(data: object, at: string, schema: AnySchemaObject, errors: Partial<ErrorObject>[]): Pending {
  const isObjectSchema =
    schema.type === 'object' ||
    schema.properties ||
    schema.patternProperties ||
    schema.additionalProperties !== undefined;
  const isArraySchema = schema.type === 'array' || schema.items !== undefined;
  const composed =
    schema.anyOf || schema.oneOf || schema.allOf || schema.$ref || schema.const !== undefined || schema.enum;
  if (!isObjectSchema && !isArraySchema) return composed || schema.type !== undefined ? [] : [[data, at]];
  if (Array.isArray(data)) {
    return isArraySchema && typeof schema.items === 'object'
      ? []
      : data.map((v, i): [unknown, string] => [v, `${at}/${i}`]);
  }
  const pending: Pending = [];
  for (const [key, value] of Object.entries(data)) {
    const path = `${at}/${escapePointer(key)}`;
    if (!isStorableText(key)) errors.push({ instancePath: path, message: `is a field name that ${TEXT_RULE}` });
    if (!describes(schema, key)) pending.push([value, path]);
  }
  return pending;
}

/** Every string and key under the pending values. Iterative: a request may nest as deep as its size allows. */
function walk(stack: Pending, errors: Partial<ErrorObject>[]): void {
  while (stack.length && errors.length < MAX_REPORTED) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) errors.push({ instancePath: path, message: TEXT_RULE });
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const p = `${path}/${escapePointer(key)}`;
        if (!isStorableText(key)) errors.push({ instancePath: p, message: `is a field name that ${TEXT_RULE}` });
        stack.push([v, p]);
      }
    }
  }
}

const patterns = new Map<string, RegExp>();

/** True when a subschema validates this key's value (and so checks it itself). */
function describes(schema: AnySchemaObject, key: string): boolean {
  if (schema.properties && Object.hasOwn(schema.properties, key)) return true;
  for (const p of Object.keys(schema.patternProperties ?? {})) {
    const re = patterns.get(p) ?? new RegExp(p, 'u');
    patterns.set(p, re);
    if (re.test(key)) return true;
  }
  return typeof schema.additionalProperties === 'object';
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
