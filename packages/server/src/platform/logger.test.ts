import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from './logger.ts';
import { startTestPlatform } from '../../test/harness.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { lines.push(chunk.toString()); cb(); } });
  return { lines, stream };
}

it('redacts secrets, phone numbers, bodies and emails from log objects', () => {
  const { lines, stream } = capture();
  const log = createLogger('info', stream);
  log.info({ message: { to: '+447700900123', from: 'ACME', body: 'your code is 123456' }, user: { email: 'a@b.c', password: 'pw' }, key: { secret: 'cxk_live_x' } }, 'event');
  const text = lines.join('');
  for (const leaked of ['+447700900123', '123456', 'a@b.c', 'pw"', 'cxk_live_x']) assert.ok(!text.includes(leaked), `${leaked} leaked: ${text}`);
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
