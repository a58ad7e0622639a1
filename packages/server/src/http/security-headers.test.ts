// Security headers over real HTTP: every API answer (success, problem, unknown path) refuses
// sniffing and framing and carries a CSP that allows nothing; answers that carry secrets are never
// stored; /docs and the portal keep working under their own CSP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { Browser, addUser, createClientAccount } from '../../test/portal.ts';
import { DOCS_CSP } from './security-headers.ts';

const API_CSP = "default-src 'none';frame-ancestors 'none'";

function assertHardened(h: Headers, what: string): void {
  assert.equal(h.get('x-content-type-options'), 'nosniff', what);
  assert.equal(h.get('x-frame-options'), 'DENY', what);
}

describe('security headers', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform();
  });
  after(() => t.close());

  it('every /v1 answer refuses sniffing and framing, allows nothing to load and is not stored', async () => {
    const answers = {
      ok: await t.api.get('/v1/account', { key: t.boot.apiKey }),
      unauthenticated: await t.api.get('/v1/account'),
      forbidden: await t.api.get('/v1/api-keys', { key: t.boot.testApiKey }),
      invalid: await t.api.post('/v1/messages', { key: t.boot.apiKey, body: { to: 'nope' } }),
      unknown: await t.api.get('/v1/nothing-here'),
      openapi: await t.api.get('/v1/openapi.json'),
    };
    for (const [what, res] of Object.entries(answers)) {
      assertHardened(res.headers, what);
      assert.equal(res.headers.get('content-security-policy'), API_CSP, what);
      assert.equal(res.headers.get('cache-control'), 'no-store', what);
    }
    assert.equal(answers.ok.status, 200);
    assert.equal(answers.unknown.status, 404);
  });

  it('answers that carry secrets are no-store: new API keys, webhook secrets, the session, two-factor setup', async () => {
    const key = await t.api.post('/v1/api-keys', {
      key: t.boot.apiKey,
      body: { name: 'ci', mode: 'test', scopes: ['messages:read'] },
    });
    assert.equal(key.status, 201);
    assert.ok(key.body.secret);
    const endpoint = await t.api.post('/v1/webhook-endpoints', {
      key: t.boot.apiKey,
      body: { url: 'http://127.0.0.1:9/hook', events: ['message.delivered'] },
    });
    assert.equal(endpoint.status, 201, JSON.stringify(endpoint.body));
    const rotated = await t.api.post(`/v1/webhook-endpoints/${endpoint.body.id}/rotate-secret`, { key: t.boot.apiKey });
    const secret = await t.api.get('/v1/webhook-secret', { key: t.boot.apiKey });

    const client = await createClientAccount(t, 'Headers Client');
    await addUser(t, client, 'hugo@client.example', 'owner', 'a long enough password here');
    const b = new Browser(t.url);
    await b.login('hugo@client.example', 'a long enough password here');
    const session = await b.get('/v1/auth/session');
    assert.equal(session.status, 200);
    const setup = await b.post('/v1/auth/2fa/setup', {});
    assert.equal(setup.status < 300, true, JSON.stringify(setup.body));

    for (const [what, res] of Object.entries({ key, endpoint, rotated, secret, session, setup })) {
      assert.equal(res.headers.get('cache-control'), 'no-store', what);
      assertHardened(res.headers, what);
    }
  });

  it('/docs is hardened with a CSP that still lets Swagger UI load its own files and the spec', async () => {
    const page = await fetch(`${t.url}/docs/`);
    assert.equal(page.status, 200);
    assertHardened(page.headers, '/docs/');
    assert.equal(page.headers.get('content-security-policy'), DOCS_CSP);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => new URL(m[1]!, `${t.url}/docs/`).href);
    assert.ok(scripts.length >= 2, 'the page loads Swagger UI from files, not inline');
    assert.doesNotMatch(html, /<script>(?!\s*<\/script>)/, 'no inline script, which the CSP would block');
    for (const src of [...scripts, `${t.url}/docs/json`]) {
      const res = await fetch(src);
      assert.equal(res.status, 200, src);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', src);
    }
  });

  it('the portal keeps its own CSP and is not frameable', async () => {
    const res = await fetch(`${t.url}/`);
    assert.equal(res.status, 200);
    assertHardened(res.headers, '/');
    assert.match(res.headers.get('content-security-policy') ?? '', /^default-src 'self';.*frame-ancestors 'none'/);
  });
});
