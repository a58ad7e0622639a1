// The SDK is typed from a committed copy of the server's OpenAPI document: both the copy and
// the types generated from it must match what the server publishes today.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { openApiSpec } from '../../server/scripts/openapi-spec.ts';
import { GENERATED_FILE, SPEC_FILE, generateTypes } from '../scripts/generate-types.ts';

const FIX = 'run npm run sdk:generate';

describe('OpenAPI drift', () => {
  it('packages/sdk/openapi.json is what the server publishes', async () => {
    const live = await openApiSpec();
    const committed: unknown = JSON.parse(await fs.readFile(SPEC_FILE, 'utf8'));
    assert.ok(
      isDeepStrictEqual(live, committed),
      `packages/sdk/openapi.json differs from the server's spec (${driftSummary(live, committed)}): ${FIX}`,
    );
  });

  it('src/generated/openapi.ts is generated from packages/sdk/openapi.json', async () => {
    const committed: unknown = JSON.parse(await fs.readFile(SPEC_FILE, 'utf8'));
    const generated = await fs.readFile(GENERATED_FILE, 'utf8');
    assert.ok((await generateTypes(committed)) === generated, `packages/sdk/src/generated/openapi.ts is stale: ${FIX}`);
  });
});

/** Which operations were added, removed or changed, rather than a diff of a 200 kB document. */
function driftSummary(live: unknown, committed: unknown): string {
  const ops = (spec: unknown) => {
    const out = new Map<string, unknown>();
    const paths = (spec as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
    for (const [p, item] of Object.entries(paths))
      for (const [method, op] of Object.entries(item)) out.set(`${method.toUpperCase()} ${p}`, op);
    return out;
  };
  const now = ops(live);
  const before = ops(committed);
  const added = [...now.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !now.has(k));
  const changed = [...now.keys()].filter((k) => before.has(k) && !isDeepStrictEqual(now.get(k), before.get(k)));
  const parts = [
    added.length && `new: ${added.join(', ')}`,
    removed.length && `gone: ${removed.join(', ')}`,
    changed.length && `changed: ${changed.join(', ')}`,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'outside the paths';
}
