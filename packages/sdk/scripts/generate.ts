// `npm run sdk:generate` (after `npm run openapi:dump`): writes src/generated/openapi.ts
// from the committed openapi.json. The drift test fails when either file is stale.
import fs from 'node:fs/promises';
import path from 'node:path';
import { GENERATED_FILE, SPEC_FILE, generateTypes } from './generate-types.ts';

const spec: unknown = JSON.parse(await fs.readFile(SPEC_FILE, 'utf8'));
await fs.mkdir(path.dirname(GENERATED_FILE), { recursive: true });
await fs.writeFile(GENERATED_FILE, await generateTypes(spec));
console.log(`wrote ${path.relative(process.cwd(), GENERATED_FILE)}`);
