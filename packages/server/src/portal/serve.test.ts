// The portal at `/`: index.html for the portal's own routes (revalidated on every load),
// hashed assets cached for good, and the API's paths never answered with the portal.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';

describe('serving the portal', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform();
  });
  after(() => t.close());

  it('serves index.html at / and at client-side routes such as the invitation link, never cached stale', async () => {
    for (const path of ['/', '/accept-invitation', '/reset-password', '/messages/msg_123']) {
      const res = await fetch(t.url + path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      assert.match(await res.text(), /<div id="root">/);
    }
  });

  it('serves hashed assets as immutable and answers a missing asset with 404, not the page', async () => {
    const html = await (await fetch(t.url + '/')).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(asset, 'index.html loads a hashed script');
    const res = await fetch(t.url + asset);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const missing = await fetch(t.url + '/assets/nothing-here.js');
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /problem\+json/);
  });

  it('leaves the API, docs and operational endpoints alone', async () => {
    const unknown = await t.api.get('/v1/nothing-here');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.type, 'https://cx-engage.dev/problems/not-found');
    const bare = await t.api.get('/v1');
    assert.equal(bare.status, 404);
    assert.equal((await t.api.get('/healthz')).body.status, 'ok');
    assert.equal((await t.api.get('/metrics/extra')).status, 404);
    const docs = await fetch(t.url + '/docs/');
    assert.equal(docs.status, 200);
    assert.doesNotMatch(await docs.text(), /<div id="root">/);
    const session = await t.api.get('/v1/auth/session');
    assert.equal(session.status, 401);
  });

  it('refuses to serve files outside the build', async () => {
    const res = await fetch(t.url + '/assets/..%2f..%2fpackage.json');
    assert.equal(res.status, 404);
  });
});
