import { it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform } from '../../test/harness.ts';

it('protects /metrics with CX_METRICS_TOKEN when it is set, and readiness stays public', async () => {
  const t = await startTestPlatform({ role: 'api', env: { CX_METRICS_TOKEN: 'scrape-me' } });
  try {
    assert.equal((await t.api.get('/metrics')).status, 401);
    assert.equal((await t.api.get('/metrics', { headers: { authorization: 'Bearer wrong' } })).status, 401);
    const ok = await t.api.get('/metrics', { headers: { authorization: 'Bearer scrape-me' } });
    assert.equal(ok.status, 200);
    assert.match(ok.body, /cx_process_cpu_user_seconds_total/);
    assert.equal((await t.api.get('/readyz')).status, 200);
  } finally {
    await t.close();
  }
});

it('serves no sandbox routes when CX_SANDBOX is false', async () => {
  const t = await startTestPlatform({ role: 'api', env: { CX_SANDBOX: 'false' } });
  try {
    assert.equal((await t.api.get('/v1/sandbox/emails', { key: t.boot.apiKey })).status, 404);
    assert.equal((await t.api.post('/v1/sandbox/inbound', { key: t.boot.apiKey, body: {} })).status, 404);
  } finally {
    await t.close();
  }
});
