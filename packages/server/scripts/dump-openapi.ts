// `npm run openapi:dump`: writes packages/sdk/openapi.json, the spec the SDK's types are generated
// from. A test fails when the committed file and the running server disagree.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiSpec } from './openapi-spec.ts';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../sdk/openapi.json');
await fs.writeFile(out, JSON.stringify(await openApiSpec(), null, 2) + '\n');
console.log(`wrote ${path.relative(process.cwd(), out)}`);
