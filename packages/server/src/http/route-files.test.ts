// Route files are plugins, not libraries (issue #18): a file named `routes.ts` or `*-routes.ts`
// exports its Fastify plugins (`…Routes`) and nothing else, so other domains never import a
// route file for a helper.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Exports still to move out of route files, by file (none left: keep it that way). */
const LEFTOVERS: Record<string, string[]> = {};

async function routeFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await routeFiles(p)));
    else if (/(^|-)routes\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

it('route files export only their plugins', async () => {
  const offending: string[] = [];
  for (const file of await routeFiles(SRC)) {
    const rel = path.relative(SRC, file);
    const text = await fs.readFile(file, 'utf8');
    const names = [...text.matchAll(/^export (?:async )?(?:function|const|let|class|type|interface) (\w+)/gm)].map(
      (m) => m[1]!,
    );
    for (const name of names) {
      if (!name.endsWith('Routes') && !(LEFTOVERS[rel] ?? []).includes(name)) offending.push(`${rel}: ${name}`);
    }
  }
  assert.deepEqual(offending, [], 'move these to a module of their domain and import them from there');
});

it('the list of leftovers names only exports that still exist', async () => {
  for (const [rel, names] of Object.entries(LEFTOVERS)) {
    const text = await fs.readFile(path.join(SRC, rel), 'utf8');
    for (const name of names)
      assert.match(
        text,
        new RegExp(`^export (?:async )?(?:function|const|type|interface) ${name}\\b`, 'm'),
        `${rel} no longer exports ${name}: take it off the list`,
      );
  }
});
