// Every input field the published OpenAPI document describes, one entry per field: where it
// sits (path, query or body), its JSON path and what kind of value it takes. The bad-input
// sweep puts a bad value in each of them; it reads the document the running app serves, so a
// new route or field is swept without anyone listing it.

export type FieldKind = 'text' | 'key' | 'date-time' | 'date' | 'integer' | 'number';
export type Part = 'path' | 'query' | 'body';
export type Segment = string | number;

export interface InputField {
  part: Part;
  /** Path or query: the parameter's name; body: the JSON path, array items as index 0. */
  segments: Segment[];
  kind: FieldKind;
  /** The bounds the schema itself declares (integer and number fields). */
  minimum?: number;
  maximum?: number;
  /** Discriminators of the union branches around the field (`kind: "deposit"`), set so that branch is validated. */
  consts: { segments: Segment[]; value: unknown }[];
}

export interface PathParam {
  name: string;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** OpenAPI form: /v1/messages/{messageId} */
  path: string;
  pathParams: PathParam[];
  fields: InputField[];
}

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

interface OpenApiParameter {
  in: string;
  name: string;
  schema: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const MAX_DEPTH = 12;

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const walker = new FieldWalker(doc);
      const pathParams: PathParam[] = [];
      for (const p of op.parameters ?? []) {
        if (p.in === 'path') pathParams.push({ name: p.name, schema: walker.deref(p.schema) });
        if (p.in === 'path' || p.in === 'query') walker.walk(p.schema, p.in, [p.name], [], 0);
      }
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (body) walker.walk(body, 'body', [], [], 0);
      ops.push({ method: method.toUpperCase(), path, pathParams, fields: walker.fields() });
    }
  }
  return ops;
}

class FieldWalker {
  private readonly found = new Map<string, InputField>();
  private readonly doc: OpenApiDocument;
  constructor(doc: OpenApiDocument) {
    this.doc = doc;
  }

  fields(): InputField[] {
    return [...this.found.values()];
  }

  deref(schema: JsonSchema): JsonSchema {
    let s = schema;
    for (let i = 0; s.$ref && i < 10; i++) s = this.doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] ?? {};
    return s;
  }

  walk(raw: JsonSchema, part: Part, segments: Segment[], consts: InputField['consts'], depth: number): void {
    if (depth > MAX_DEPTH) return;
    const s = this.deref(raw);
    for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])])
      this.walk(branch, part, segments, consts, depth + 1);
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    if (types.includes('object') || s.properties) this.walkObject(s, part, segments, consts, depth);
    if (types.includes('array') && s.items) this.walk(s.items, part, [...segments, 0], consts, depth + 1);
    if (types.includes('string')) this.add({ part, segments, kind: stringKind(s), consts });
    for (const kind of ['integer', 'number'] as const) {
      if (types.includes(kind))
        this.add({
          part,
          segments,
          kind,
          consts,
          ...(s.minimum !== undefined && { minimum: s.minimum }),
          ...(s.maximum !== undefined && { maximum: s.maximum }),
        });
    }
  }

  private walkObject(s: JsonSchema, part: Part, segments: Segment[], outer: InputField['consts'], depth: number): void {
    const consts = [...outer];
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const p = this.deref(prop);
      if (typeof p.const === 'string') consts.push({ segments: [...segments, name], value: p.const });
    }
    for (const [name, prop] of Object.entries(s.properties ?? {}))
      this.walk(prop, part, [...segments, name], consts, depth + 1);
    // A map (`metadata`, `attributes`): its keys are input too, and so are its values under any key.
    const maps = [
      ...Object.values(s.patternProperties ?? {}),
      ...(typeof s.additionalProperties === 'object' ? [s.additionalProperties] : []),
    ];
    for (const values of maps) {
      this.add({ part, segments, kind: 'key', consts });
      this.walk(values, part, [...segments, 'k'], consts, depth + 1);
    }
  }

  private add(field: InputField): void {
    this.found.set(JSON.stringify([field.part, field.segments, field.kind, field.consts]), field);
  }
}

function stringKind(s: JsonSchema): FieldKind {
  return s.format === 'date-time' ? 'date-time' : s.format === 'date' ? 'date' : 'text';
}

/** RFC 6901: `~` and `/` inside a name are escaped. */
export function pointerOf(field: InputField, extraKey?: string): string {
  const segs = extraKey === undefined ? field.segments : [...field.segments, extraKey];
  const path = segs.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
  return field.part === 'path' ? `/params${path}` : field.part === 'query' ? `/querystring${path}` : path;
}

/** Sets `value` at `segments` inside `root`, creating objects and arrays on the way. */
export function setAt(root: Record<string, unknown>, segments: Segment[], value: unknown): void {
  let node: Record<string | number, unknown> = root;
  segments.forEach((seg, i) => {
    if (i === segments.length - 1) {
      node[seg] = value;
      return;
    }
    const next = segments[i + 1];
    if (typeof node[seg] !== 'object' || node[seg] === null) node[seg] = typeof next === 'number' ? [] : {};
    node = node[seg] as Record<string | number, unknown>;
  });
}
