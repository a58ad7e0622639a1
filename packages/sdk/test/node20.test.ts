// The SDK promises Node ≥ 20 while the repository runs on Node 24: build it the way it is
// published (tsconfig.build.json, package.json exports) and use it from the machine's Node 20
// against the real platform.
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
const tsc = path.resolve(sdkDir, '../../node_modules/.bin/tsc');

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

describe('the built SDK on Node 20', { skip: await skipReason() }, () => {
  let t: TestPlatform;
  let consumerDir: string;

  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    consumerDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-sdk-node20-'));
    const installed = path.join(consumerDir, 'node_modules/@cx-engage/sdk');
    await run(tsc, ['-p', path.join(sdkDir, 'tsconfig.build.json'), '--outDir', path.join(installed, 'dist')]);
    await fs.copyFile(path.join(sdkDir, 'package.json'), path.join(installed, 'package.json'));
    await fs.writeFile(path.join(consumerDir, 'consumer.mjs'), consumerScript);
  });
  after(async () => {
    await t?.close();
    if (consumerDir) await fs.rm(consumerDir, { recursive: true, force: true });
  });

  it('imports the package, verifies a webhook and sends a message', async () => {
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
});
