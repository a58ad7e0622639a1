import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorDocsFile, renderErrorDocs } from '../../scripts/error-docs.ts';
import { messageErrorCatalogue } from '../messaging/error-catalogue.ts';
import { MESSAGE_WARNING_CODES } from '../messaging/model.ts';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Message error codes written in the source: literals (`code: 'no_route'`) and families (`code: \`smpp_${`). */
async function codesInSource(): Promise<{ file: string; code: string; family: boolean }[]> {
  const found: { file: string; code: string; family: boolean }[] = [];
  for await (const file of fs.glob('**/*.ts', { cwd: src, exclude: (f) => f.endsWith('.test.ts') })) {
    const text = await fs.readFile(path.join(src, file), 'utf8');
    for (const m of text.matchAll(/\bcode: '([a-z0-9_]+)'/g)) found.push({ file, code: m[1]!, family: false });
    for (const m of text.matchAll(/\bcode: `([a-z0-9_]+)\$\{/g)) found.push({ file, code: m[1]!, family: true });
  }
  return found;
}

it('docs/errors.md is what `npm run docs:errors` writes from the code', async () => {
  assert.equal(await fs.readFile(errorDocsFile, 'utf8'), await renderErrorDocs(), 'run `npm run docs:errors`');
});

it('every message error code the source can record is declared in a problems.ts and listed in docs/errors.md', async () => {
  await renderErrorDocs(); // loads every problems.ts
  const docs = await fs.readFile(errorDocsFile, 'utf8');
  const declared = messageErrorCatalogue().map((e) => e.code);
  const used = await codesInSource();
  assert.ok(used.length > 20, `the source scan found only ${used.length} codes`);
  for (const { file, code, family } of used) {
    if (MESSAGE_WARNING_CODES.some((c) => c === code)) continue; // a warning, not an error (messaging/model.ts)
    if (family) {
      // A family (`smpp_0x…`, `whatsapp_<Meta code>`) is declared once under its prefix.
      const entry = declared.find((d) => d.startsWith(code) && /[…<]/.test(d));
      assert.ok(entry, `${file}: codes \`${code}…\` have no family entry in a problems.ts`);
      assert.ok(docs.includes(`| \`${entry}\` |`), `docs/errors.md does not list \`${entry}\``);
    } else {
      assert.ok(
        file.endsWith('problems.ts'),
        `${file}: message error code \`${code}\` belongs in the domain's problems.ts`,
      );
      assert.ok(declared.includes(code), `${file}: \`${code}\` is not declared with defineMessageErrors`);
      assert.ok(docs.includes(`| \`${code}\` |`), `docs/errors.md does not list \`${code}\``);
    }
  }
  // And every declared code, also those only a builder fills in.
  for (const code of declared) assert.ok(docs.includes(`| \`${code}\` |`), `docs/errors.md does not list \`${code}\``);
});
