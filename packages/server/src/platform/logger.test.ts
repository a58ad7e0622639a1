import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from './logger.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { startTestPlatform, TEST_MASTER_KEY } from '../../test/harness.ts';
import { CLI } from '../../test/cli.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, stream };
}

it('redacts secrets, phone numbers, bodies and emails from log objects', () => {
  const { lines, stream } = capture();
  const log = createLogger('info', stream);
  log.info(
    {
      message: { to: '+447700900123', from: 'ACME', body: 'your code is 123456' },
      user: { email: 'a@b.c', password: 'pw' },
      key: { secret: 'cxk_live_x' },
    },
    'event',
  );
  const text = lines.join('');
  for (const leaked of ['+447700900123', '123456', 'a@b.c', 'pw"', 'cxk_live_x'])
    assert.ok(!text.includes(leaked), `${leaked} leaked: ${text}`);
  assert.match(text, /\[redacted\]/);
});

it('never logs the API key or query strings of real requests', async () => {
  const { lines, stream } = capture();
  // At debug each request has a line; the rule about keys and query strings holds there too.
  const t = await startTestPlatform({ log: createLogger('debug', stream) });
  try {
    await t.api.get('/v1/api-keys?limit=5&cursor=secretcursor', { key: t.boot.apiKey });
    const text = lines.join('');
    assert.match(text, /\/v1\/api-keys/, 'the request was logged');
    assert.ok(!text.includes(t.boot.apiKey), 'no API key in logs');
    assert.ok(!text.includes('secretcursor'), 'no query string in logs');
  } finally {
    await t.close();
  }
});

it('redacts the same fields in the pretty format', () => {
  const { lines, stream } = capture();
  const log = createLogger('info', stream, 'pretty');
  log.info(
    { message: { to: '+447700900123', body: 'your code is 123456' }, key: { apiKey: 'cxk_live_x' } },
    'pretty event',
  );
  const text = lines.join('');
  assert.match(text, /pretty event/);
  assert.ok(!text.trimStart().startsWith('{'), `not JSON: ${text}`);
  for (const leaked of ['+447700900123', '123456', 'cxk_live_x'])
    assert.ok(!text.includes(leaked), `${leaked} leaked: ${text}`);
});

it('picks pretty for a terminal and json otherwise unless CX_LOG_FORMAT says, and refuses other formats', () => {
  assert.equal(loadConfig({}, { stdoutIsTTY: true }).logFormat, 'pretty');
  assert.equal(loadConfig({}, { stdoutIsTTY: false }).logFormat, 'json');
  assert.equal(loadConfig({ CX_LOG_FORMAT: 'json' }, { stdoutIsTTY: true }).logFormat, 'json');
  assert.equal(loadConfig({ CX_LOG_FORMAT: 'pretty' }, { stdoutIsTTY: false }).logFormat, 'pretty');
  assert.throws(
    () => loadConfig({ CX_LOG_FORMAT: 'xml' }),
    (err: unknown) => err instanceof ConfigError && /CX_LOG_FORMAT/.test(err.message),
  );
});

describe('cx-engage start with CX_LOG_FORMAT=json', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  it('writes only JSON records to stdout, announces itself as one record and logs no line per request at info', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-log-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, [CLI, 'start'], {
      env: {
        ...process.env,
        CX_DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'info',
        CX_LOG_FORMAT: 'json',
        CX_MASTER_KEY: TEST_MASTER_KEY,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const running = new Promise<{ url: string; bootstrapFile: string }>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        for (const line of stdout.split('\n')) {
          if (line.includes('"CX Engage is running"')) resolve(JSON.parse(line));
        }
      });
      void exit.then(() => reject(new Error(`exited early:\n${stdout}`)));
    });
    const { url, bootstrapFile } = await running;
    const boot = JSON.parse(await fs.readFile(bootstrapFile, 'utf8')) as { apiKey: string };
    const res = await fetch(`${url}/v1/account`, { headers: { authorization: `Bearer ${boot.apiKey}` } });
    assert.equal(res.status, 200);
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
    const lines = stdout.split('\n').filter((l) => l.trim() !== '');
    for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), `not a JSON record: ${line}`);
    assert.ok(!stdout.includes('/v1/account'), 'no line per request at info');
    assert.ok(!stdout.includes(boot.apiKey), 'no API key on stdout');
  });
});
