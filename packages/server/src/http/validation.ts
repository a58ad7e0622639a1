// Request validation with Ajv, driven by the same TypeBox schemas that produce the OpenAPI
// document. Bodies are validated strictly (no type coercion: `0` must not quietly become
// `null`, an unknown field is an error); query strings and path params arrive as text, so
// they are coerced to the schema's types.
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under ESM its function sits on `.default`.
const addFormats = addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv };

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ allErrors: true, coerceTypes, useDefaults: true, removeAdditional: false, strict: false });
  addFormats.default(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);

/** For validating parts of a body on their own (batch items), with the same strict rules. */
export function compileStrict(schema: object) {
  return strictAjv.compile(schema);
}

export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = strictAjv;
  const coercing = makeAjv('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}
