// The SDK as a consumer gets it: `npm pack` (which builds it), the tarball installed offline
// into an empty project, then imported by name from the machine's Node 20 (the SDK promises
// Node ≥ 20 while the repository runs on Node 24) against the real platform, and typechecked
// by a TypeScript consumer. Also: the clone itself, where `npm ci` links the workspace.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTestPlatform, type TestPlatform } from '../../server/test/harness.ts';

const run = promisify(execFile);
const NODE20 = '/usr/bin/node';
const sdkDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(sdkDir, '../..');
const tsc = path.join(repoRoot, 'node_modules/.bin/tsc');

// npm's own variables (set when the tests run under `npm test`) would steer the nested npm.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));

async function skipReason(): Promise<string | undefined> {
  try {
    const { stdout } = await run(NODE20, ['--version']);
    const major = Number(/^v(\d+)\./.exec(stdout.trim())?.[1]);
    return major >= 20 ? undefined : `${NODE20} is ${stdout.trim()}, older than the SDK supports`;
  } catch {
    return `no ${NODE20} on this machine to run the built SDK with`;
  }
}

// Runs as a plain ESM file: only what a consumer of the published package would write.
const consumerScript = `
import { CxEngage, ValidationError, verifyWebhook } from '@cx-engage/sdk';

const event = await verifyWebhook('{"test": 2432232314}', {
  'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  'webhook-timestamp': '1614265330',
  'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
}, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', { now: new Date(1614265330 * 1000) });

const client = new CxEngage({ apiKey: process.env.CX_API_KEY, baseUrl: process.env.CX_BASE_URL });
const sent = await client.messages.send({ to: process.env.CX_TO, body: 'from Node ' + process.version });
const listed = [];
for await (const m of client.messages.list({ to: process.env.CX_TO, limit: 1 })) listed.push(m.id);
const invalid = await client.messages.send({ to: 'nope', body: 'x' }).catch((e) => e);

console.log(JSON.stringify({
  node: process.version, event, sent, listed,
  invalid: { validationError: invalid instanceof ValidationError, pointer: invalid.errors?.[0]?.pointer },
}));
`;

// The @ts-expect-error lines fail the typecheck if the types were missing (everything \`any\`).
const typedConsumer = `
import { CxEngage, ValidationError, type Message } from '@cx-engage/sdk';

const cx = new CxEngage({ apiKey: 'cxk_test_x' });
export const sent: Promise<Message> = cx.messages.send({ to: '+4915112345678', body: 'hi' });
// @ts-expect-error: 'to' is a string
cx.messages.send({ to: 4915112345678, body: 'hi' });
// @ts-expect-error: a status is a string
export const status: number = (await sent).status;
export const isProblem = (e: unknown) => e instanceof ValidationError && e.errors.length > 0;
`;

describe('the packed SDK, installed into an empty project', { skip: await skipReason() }, () => {
  let t: TestPlatform;
  let consumerDir: string;
  let packed: { filename: string; files: { path: string }[] };

  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    consumerDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-sdk-consumer-'));
    // As `npm publish` would: prepack builds dist/ first.
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', consumerDir], {
      cwd: sdkDir,
      env: npmEnv,
    });
    [packed] = JSON.parse(stdout);
    await fs.writeFile(
      path.join(consumerDir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${packed.filename}`], {
      cwd: consumerDir,
      env: npmEnv,
    });
    await fs.writeFile(path.join(consumerDir, 'consumer.mjs'), consumerScript);
    await fs.writeFile(path.join(consumerDir, 'consumer.ts'), typedConsumer);
  });
  after(async () => {
    await t?.close();
    if (consumerDir) await fs.rm(consumerDir, { recursive: true, force: true });
  });

  it('holds only the build, the README, the changelog and package.json', () => {
    const tops = new Set(packed.files.map((f) => f.path.split('/')[0]));
    assert.deepEqual([...tops].sort(), ['CHANGELOG.md', 'README.md', 'dist', 'package.json']);
    const paths = packed.files.map((f) => f.path);
    assert.ok(paths.includes('dist/index.js') && paths.includes('dist/index.d.ts'), 'the entry point and its types');
  });

  it('imports by name on Node 20, verifies a webhook and sends a message', async () => {
    const to = '+4915112340020';
    const { stdout } = await run(NODE20, [path.join(consumerDir, 'consumer.mjs')], {
      cwd: consumerDir,
      env: { PATH: process.env.PATH, CX_API_KEY: t.boot.testApiKey, CX_BASE_URL: t.url, CX_TO: to },
    });
    const out = JSON.parse(stdout);
    assert.equal(out.node, (await run(NODE20, ['--version'])).stdout.trim(), `run by ${NODE20}`);
    assert.deepEqual(out.event, { test: 2432232314 });
    assert.equal(out.sent.to, to);
    assert.deepEqual(out.listed, [out.sent.id]);
    assert.deepEqual(out.invalid, { validationError: true, pointer: '/to' });
    const stored = await t.api.get(`/v1/messages/${out.sent.id}`, { key: t.boot.testApiKey });
    assert.equal(stored.body.body, `from Node ${out.node}`);
  });

  it('gives a strict TypeScript consumer its types (NodeNext and bundler resolution)', async () => {
    for (const [module, moduleResolution] of [
      ['nodenext', 'nodenext'],
      ['esnext', 'bundler'],
    ] as const) {
      const args = [
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        'false',
        '--target',
        'es2022',
        '--lib',
        'es2022,dom',
        '--types',
        '',
        '--module',
        module,
        '--moduleResolution',
        moduleResolution,
        'consumer.ts',
      ];
      const result = await run(tsc, args, { cwd: consumerDir }).catch((e: { stdout: string }) => e);
      assert.equal(result.stdout, '', `tsc --moduleResolution ${moduleResolution}`);
    }
  });
});

describe('the SDK in this repository', { skip: await skipReason() }, () => {
  it('imports by name from the repository root on Node 20 (the workspace link and dist/)', async () => {
    const script = `import * as sdk from '@cx-engage/sdk'; console.log(JSON.stringify([typeof sdk.CxEngage, typeof sdk.verifyWebhook]));`;
    const { stdout } = await run(NODE20, ['--input-type=module', '--eval', script], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH },
    });
    assert.deepEqual(JSON.parse(stdout), ['function', 'function']);
  });
});
