// The permission table, route by route: no key → 401, a key without the route's scope → 403,
// a key with exactly that scope → past authorization. Also: the table has no stale entries.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { ROUTE_PERMISSIONS } from './permissions.ts';
import { CLIENT_SCOPES, type Scope } from '../auth/scopes.ts';

describe('permission table', () => {
  let t: TestPlatform;
  let accountId: string;
  let targetId: string;
  let keyId: string;
  const keysByScope = new Map<string, string>();
  const keysWithout = new Map<string, string>();

  before(async () => {
    t = await startTestPlatform();
    const admin = t.boot.adminApiKey;
    const acc = await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Perm', status: 'active' } });
    accountId = acc.body.id;
    // Admin routes act on another account, so closing it does not stop the client keys above.
    targetId = (await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Target', status: 'active' } })).body
      .id;
    const issue = async (target: string, scopes: readonly string[]) => {
      const res = await t.api.post(`/v1/admin/accounts/${target}/api-keys`, {
        key: admin,
        body: { name: scopes.join(','), scopes },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body as { id: string; secret: string };
    };
    for (const scope of CLIENT_SCOPES) {
      keysByScope.set(scope, (await issue(accountId, [scope])).secret);
      keysWithout.set(
        scope,
        (
          await issue(
            accountId,
            CLIENT_SCOPES.filter((s) => s !== scope),
          )
        ).secret,
      );
    }
    keyId = (await issue(targetId, ['messages:read'])).id;
    keysByScope.set('platform:read', (await issue(t.boot.accountId, ['platform:read'])).secret);
    keysByScope.set('platform:admin', t.boot.adminApiKey);
    // An operator key without platform:admin, and a client key with every client scope.
    keysWithout.set('platform:admin', keysByScope.get('platform:read')!);
    keysWithout.set('platform:read', t.boot.apiKey);
  });
  after(() => t.close());

  // 'session' routes (portal sign-in state) are covered by auth/sessions.test.ts.
  const routes = Object.entries(ROUTE_PERMISSIONS).filter(([, p]) => p.scope !== 'public' && p.scope !== 'session');
  const fill = (url: string) => url.replace(':accountId', targetId).replace(':keyId', keyId);

  it('lists only routes the app really serves', () => {
    for (const key of Object.keys(ROUTE_PERMISSIONS)) {
      const [method, url] = key.split(' ') as [string, string];
      if (url.startsWith('/v1/sandbox') && !t.config.sandbox) continue;
      assert.ok(t.platform.app!.hasRoute({ method: method as 'GET', url }), `${key} is in the table but not served`);
    }
  });

  for (const [route, permission] of routes) {
    const [method, url] = route.split(' ') as [string, string];
    const scope = permission.scope as Scope;
    it(`${route}: 401 without a key, 403 without ${scope}, allowed with it`, async () => {
      const path = fill(url);
      const anonymous = await t.api.request(method, path, {
        body: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.type, 'https://cx-engage.dev/problems/unauthenticated');

      const without = await t.api.request(method, path, {
        key: keysWithout.get(scope)!,
        body: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      assert.equal(without.status, 403, `${route} answered ${without.status} to a key without ${scope}`);
      assert.match(without.body.detail, new RegExp(scope));

      const withScope = await t.api.request(method, path, {
        key: keysByScope.get(scope)!,
        body: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      assert.ok(
        ![401, 403].includes(withScope.status),
        `${route} refused a key holding ${scope}: ${JSON.stringify(withScope.body)}`,
      );
    });
  }
});
