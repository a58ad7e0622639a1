// Every kind of invalid input gets a 4xx problem document, never a 500 or a stack trace.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { ROUTE_PERMISSIONS } from './permissions.ts';

const BAD_BODIES: { label: string; raw: string }[] = [
  { label: 'an array', raw: '[]' },
  { label: 'a string', raw: '"text"' },
  { label: 'a number', raw: '42' },
  { label: 'null', raw: 'null' },
  {
    label: 'wrong field types',
    raw: '{"name":{"a":1},"scopes":"all","reason":7,"rateLimits":[],"mode":"root","status":"gone"}',
  },
  { label: 'deep nesting', raw: '{"name":' + '['.repeat(2000) + ']'.repeat(2000) + '}' },
  { label: 'a NUL character', raw: '{"name":"a\\u0000b","reason":"\\u0000"}' },
  { label: 'truncated JSON', raw: '{"name":"x"' },
];
const BAD_QUERIES = [
  '?limit=-1',
  '?limit=abc',
  '?cursor=%00',
  '?status=nope',
  '?limit=1&limit=2',
  '?createdAfter=yesterday',
];

describe('bad input never causes a server error', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform();
  });
  after(() => t.close());

  const routes = Object.keys(ROUTE_PERMISSIONS).filter((r) => !r.endsWith(' /metrics'));
  for (const route of routes) {
    const [method, url] = route.split(' ') as [string, string];
    it(`${route} answers bad input with a 4xx problem`, async () => {
      const key = url.startsWith('/v1/admin') ? t.boot.adminApiKey : t.boot.apiKey;
      const path = url.replace(':accountId', t.boot.accountId).replace(':keyId', 'key_00000000000000000000000000');
      const attempts =
        method === 'GET' || method === 'DELETE'
          ? BAD_QUERIES.map((q) => t.api.request(method, path + q, { key }))
          : BAD_BODIES.map((b) => t.api.request(method, path, { key, raw: b.raw }));
      for (const res of await Promise.all(attempts)) {
        assert.ok(res.status < 500, `${route} answered ${res.status}: ${JSON.stringify(res.body)}`);
        if (res.status >= 400) {
          assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
          assert.ok(!/\bat .*\.ts:\d+/.test(JSON.stringify(res.body)), 'no stack trace');
        }
      }
    });
  }
});
