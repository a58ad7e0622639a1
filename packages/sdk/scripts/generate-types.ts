// Turns the server's OpenAPI document into the SDK's TypeScript types. Shared by
// `npm run sdk:generate` (scripts/generate.ts) and the drift test, so both produce the same text.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';

const sdkDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SPEC_FILE = path.join(sdkDir, 'openapi.json');
export const GENERATED_FILE = path.join(sdkDir, 'src/generated/openapi.ts');

const HEADER =
  '// generated, do not edit: `npm run sdk:generate` writes it from packages/sdk/openapi.json (scripts/generate.ts)\n\n';

export async function generateTypes(spec: unknown): Promise<string> {
  const ast = await openapiTS(defaultsOptional(spec) as OpenAPI3, { silent: true });
  return HEADER + astToString(ast);
}

type Json = { [key: string]: unknown };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The server's schemas (TypeBox) list an input that has a default as required, yet the server
 * fills it in when it is missing: `limit` on every list, `mode` of a new API key. The SDK types
 * what a caller may send, so such parameters and request-body properties become optional.
 * Responses are left alone: there a listed property is always present.
 */
function defaultsOptional(spec: unknown): unknown {
  const copy = structuredClone(spec);
  const paths = isObject(copy) && isObject(copy.paths) ? Object.values(copy.paths) : [];
  for (const operation of paths.filter(isObject).flatMap((item) => Object.values(item).filter(isObject))) {
    for (const param of Array.isArray(operation.parameters) ? operation.parameters.filter(isObject) : []) {
      if (isObject(param.schema) && 'default' in param.schema) param.required = false;
    }
    if (isObject(operation.requestBody)) walkSchemas(operation.requestBody.content, dropDefaultedFromRequired);
  }
  return copy;
}

function dropDefaultedFromRequired(schema: Json): void {
  const props = schema.properties;
  if (!Array.isArray(schema.required) || !isObject(props)) return;
  schema.required = schema.required.filter(
    (name) => !(typeof name === 'string' && isObject(props[name]) && 'default' in props[name]),
  );
}

function walkSchemas(node: unknown, visit: (schema: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walkSchemas(n, visit));
  if (!isObject(node)) return;
  visit(node);
  Object.values(node).forEach((n) => walkSchemas(n, visit));
}
