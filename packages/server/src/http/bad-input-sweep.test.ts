// Property-based sweep over the OpenAPI document the app serves: every string field of every
// operation's path, query and body gets a value with U+0000 (or, in a body, an unpaired
// surrogate), every map gets such a key, every date an impossible or out-of-range date and
// every number one beyond what it (or the storable default) allows. Each must be a 400/422
// problem naming the field: such values never reach PostgreSQL. Any path id, however odd,
// must not cause a server error either (an unknown one is a 404).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestPlatform, type ApiResponse, type TestPlatform } from '../../test/harness.ts';
import { Browser } from '../../test/portal.ts';
import {
  operationsOf,
  pointerOf,
  setAt,
  type InputField,
  type OpenApiDocument,
  type Operation,
  type PathParam,
} from '../../test/openapi-fields.ts';
import { permissionFor } from './permissions.ts';
import { STORABLE_INTEGER, STORABLE_NUMBER } from './storable.ts';

// A few random values per field on top of the canonical one keeps the whole sweep well under a minute.
const RUNS = 3;
const NUMBER_MARK = '__sweep_number__';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const around = (bad: fc.Arbitrary<string>) =>
  fc.tuple(fc.string({ maxLength: 8 }), bad, fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c);
const nul = fc.constant('\u0000');
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

const IMPOSSIBLE_DATE_TIMES = fc.oneof(
  fc.integer({ min: 0, max: 1969 }).map((y) => `${pad(y, 4)}-01-01T00:00:00Z`),
  fc
    .date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true })
    .map((d) => `${d.toISOString().slice(0, 10)}T23:59:60Z`),
  fc.constantFrom(
    '9999-12-31T23:30:00-01:00',
    '2023-02-29T00:00:00Z',
    '2024-04-31T12:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z',
  ),
);
const IMPOSSIBLE_DATES = fc.oneof(
  fc.integer({ min: 0, max: 1969 }).map((y) => `${pad(y, 4)}-01-01`),
  fc.constantFrom('2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10'),
);

/** Number text (sent raw, so it can be beyond what a JavaScript number holds exactly). */
function outOfRange(field: InputField): fc.Arbitrary<string> {
  const bounds = field.kind === 'integer' ? STORABLE_INTEGER : STORABLE_NUMBER;
  const max = BigInt(Math.floor(field.maximum ?? bounds.maximum));
  const min = BigInt(Math.ceil(field.minimum ?? bounds.minimum));
  const far = 2n ** 80n;
  return fc.oneof(
    fc.bigInt({ min: max + 1n, max: far }).map(String),
    fc.bigInt({ min: -far, max: min - 1n }).map(String),
    fc.constantFrom('1e308', '-1e308', '1e400'),
  );
}

function badValues(field: InputField): { arbitrary: fc.Arbitrary<string>; canonical: string } {
  switch (field.kind) {
    case 'text':
    case 'key':
      return { arbitrary: around(field.part === 'body' ? fc.oneof(nul, loneSurrogate) : nul), canonical: 'msg_\u0000' };
    case 'date-time':
      return { arbitrary: IMPOSSIBLE_DATE_TIMES, canonical: '0000-01-01T00:00:00Z' };
    case 'date':
      return { arbitrary: IMPOSSIBLE_DATES, canonical: '0000-01-01' };
    case 'integer':
    case 'number':
      return { arbitrary: outOfRange(field), canonical: '9223372036854775808' };
  }
}

/** A value the path parameter's own schema takes, so validation goes on to the field under test. */
function fillerFor(param: PathParam): string {
  const s = param.schema;
  if (s.format === 'date') return '2031-01-01';
  if (s.pattern === '^[A-Z]{2}$') return 'DE';
  if (s.pattern) return fc.sample(fc.stringMatching(new RegExp(s.pattern)), { numRuns: 1, seed: 1 })[0] ?? 'x';
  return 'sweep_none';
}

interface Request {
  url: string;
  body: string | undefined;
}

function requestFor(op: Operation, field: InputField | undefined, value: string): Request {
  const target = (p: PathParam) => field?.part === 'path' && field.segments[0] === p.name;
  let url = op.path;
  for (const p of op.pathParams) url = url.replace(`{${p.name}}`, encodeURIComponent(target(p) ? value : fillerFor(p)));
  if (field?.part === 'query') url += `?${String(field.segments[0])}=${encodeURIComponent(value)}`;
  if (!['POST', 'PUT', 'PATCH'].includes(op.method) && field?.part !== 'body') return { url, body: undefined };
  const body: Record<string, unknown> = {};
  for (const c of field?.consts ?? []) setAt(body, c.segments, c.value);
  if (field?.part !== 'body') return { url, body: '{}' };
  const numeric = field.kind === 'integer' || field.kind === 'number';
  if (field.kind === 'key') setAt(body, [...field.segments, value], 'x');
  else setAt(body, field.segments, numeric ? NUMBER_MARK : value);
  const text = JSON.stringify(body);
  return { url, body: numeric ? text.replace(`"${NUMBER_MARK}"`, value) : text };
}

describe('a bad value in any field of any operation is a 4xx naming the field', () => {
  let t: TestPlatform;
  let ops: Operation[] = [];
  let sessionHeaders: Record<string, string> = {};

  before(async () => {
    t = await startTestPlatform();
    const doc = (await t.api.get<OpenApiDocument>('/v1/openapi.json')).body;
    ops = operationsOf(doc);
    const browser = new Browser(t.url);
    await browser.login(t.boot.adminEmail, t.boot.adminPassword);
    sessionHeaders = {
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': browser.cookies.get('cx_csrf') ?? '',
    };
  });
  after(() => t.close());

  const call = (op: Operation, req: Request): Promise<ApiResponse> => {
    const scope = permissionFor(op.method, op.path.replace(/\{(\w+)\}/g, ':$1'))?.scope;
    const key =
      scope === 'public' || scope === 'session'
        ? undefined
        : scope?.startsWith('platform:')
          ? t.boot.adminApiKey
          : t.boot.apiKey;
    const headers = scope === 'session' ? sessionHeaders : {};
    return t.api.request(op.method, req.url, { key, headers, ...(req.body !== undefined && { raw: req.body }) });
  };

  it('finds the fields to sweep in the OpenAPI document', () => {
    const fields = ops.flatMap((o) => o.fields);
    assert.ok(ops.length > 150, `only ${ops.length} operations`);
    for (const kind of ['text', 'key', 'date-time', 'date', 'integer', 'number'] as const) {
      assert.ok(
        fields.some((f) => f.kind === kind),
        `no ${kind} field found`,
      );
    }
  });

  it('refuses every bad value with a problem whose pointer names the field', async () => {
    const failures: string[] = [];
    for (const op of ops) {
      await Promise.all(
        op.fields.map(async (field) => {
          const { arbitrary, canonical } = badValues(field);
          const key = field.kind === 'key' ? (v: string) => pointerOf(field, v) : () => pointerOf(field);
          const property = fc.asyncProperty(arbitrary, async (value) => {
            const res = await call(op, requestFor(op, field, value));
            const named =
              Array.isArray(res.body?.errors) &&
              res.body.errors.some((e: { pointer: string }) => e.pointer === key(value));
            return (res.status === 400 || res.status === 422) && named;
          });
          const out = await fc.check(property, { numRuns: RUNS, examples: [[canonical]] });
          if (out.failed)
            failures.push(
              `${op.method} ${op.path} ${pointerOf(field)} (${field.kind}) refused nothing for ${JSON.stringify(out.counterexample)} (seed ${out.seed})`,
            );
        }),
      );
    }
    assert.deepEqual(failures, []);
  });

  it('answers any path id without a server error', async () => {
    const odd = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
    const failures: string[] = [];
    await Promise.all(
      ops
        .filter((o) => o.pathParams.length)
        .map(async (op) => {
          for (const param of op.pathParams) {
            const field: InputField = { part: 'path', segments: [param.name], kind: 'text', consts: [] };
            const out = await fc.check(
              fc.asyncProperty(odd, async (id) => {
                const res = await call(op, requestFor(op, field, id));
                return res.status < 500;
              }),
              { numRuns: RUNS, examples: [['msg_00000000000000000000000000'], ['%'], ['..%2F']] },
            );
            if (out.failed)
              failures.push(
                `${op.method} ${op.path} {${param.name}} = ${JSON.stringify(out.counterexample)} (seed ${out.seed})`,
              );
          }
        }),
    );
    assert.deepEqual(failures, []);
  });
});
