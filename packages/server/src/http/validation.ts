// Request validation with Ajv, driven by the same TypeBox schemas that produce the OpenAPI
// document. Bodies are validated strictly (no type coercion: `0` must not quietly become
// `null`, an unknown field is an error); query strings and path params arrive as text, so
// they are coerced to the schema's types. Every schema is compiled with the storable rules
// (http/storable.ts): no U+0000, impossible dates or out-of-range numbers reach PostgreSQL.
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { installStorableRules, withStorableRules } from './storable.ts';

// ajv-formats is CommonJS; under ESM its function sits on `.default`.
const addFormats = addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv };

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ allErrors: true, coerceTypes, useDefaults: true, removeAdditional: false, strict: false });
  addFormats.default(ajv);
  installStorableRules(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);

type Validate = ((data: unknown) => boolean) & { errors?: FastifySchemaValidationError[] | null };

/** For validating parts of a body on their own (batch items), with the same strict rules. */
export function compileStrict(original: object): Validate {
  const schema = withStorableRules(original) as object;
  const branches = discriminatedBranches(schema);
  if (!branches) return strictAjv.compile(schema);
  // A union told apart by `kind`: report the errors of the branch the body names, not of every branch.
  const byKind = new Map(branches.map(([kind, branch]) => [kind, strictAjv.compile(branch)]));
  const whole = strictAjv.compile(schema);
  const validate: Validate = (data) => {
    const kind = data && typeof data === 'object' ? (data as { kind?: unknown }).kind : undefined;
    const v = (typeof kind === 'string' && byKind.get(kind)) || whole;
    const ok = v(data);
    validate.errors = (v.errors ?? null) as FastifySchemaValidationError[] | null;
    return ok;
  };
  return validate;
}

function discriminatedBranches(schema: object): [string, object][] | undefined {
  const anyOf = (schema as { anyOf?: { properties?: { kind?: { const?: unknown } } }[] }).anyOf;
  if (!anyOf || anyOf.length < 2) return undefined;
  const kinds = anyOf.map((b) => b.properties?.kind?.const);
  return kinds.every((k) => typeof k === 'string') ? anyOf.map((b, i) => [kinds[i] as string, b]) : undefined;
}

export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const coercing = makeAjv('array');
  return ({ schema, httpPart }) =>
    httpPart === 'body' ? compileStrict(schema as object) : coercing.compile(withStorableRules(schema) as object);
}
