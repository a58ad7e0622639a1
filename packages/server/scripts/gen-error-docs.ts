// `npm run docs:errors`: writes docs/errors.md from the problem and message error catalogues,
// so the lists of errors in the docs are exactly the ones the code has.
import fs from 'node:fs/promises';
import path from 'node:path';
import { errorDocsFile, renderErrorDocs } from './error-docs.ts';

await fs.writeFile(errorDocsFile, await renderErrorDocs());
console.log(`wrote ${path.relative(process.cwd(), errorDocsFile)}`);
