// The account-level refusal rule, with principals loaded from the database exactly as the
// auth hook loads them after real operator actions. Issue #4's sending routes add HTTP tests.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boardForTest, startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { assertAccountMaySend } from './sending-rule.ts';
import { findPrincipalByHash } from '../auth/key-store.ts';
import { hashApiKey } from '../auth/api-key-format.ts';
import { Problem } from '../http/problem.ts';

describe('account-level refusal rule', () => {
  let t: TestPlatform;
  let accountId: string;
  let live: string;
  let test: string;
  const admin = () => t.boot.adminApiKey;

  before(async () => {
    t = await startTestPlatform();
    accountId = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Rule' } })).body.id;
    live = (
      await t.api.post(`/v1/admin/accounts/${accountId}/api-keys`, {
        key: admin(),
        body: { name: 'live', mode: 'live' },
      })
    ).body.secret;
    test = (
      await t.api.post(`/v1/admin/accounts/${accountId}/api-keys`, {
        key: admin(),
        body: { name: 'test', mode: 'test' },
      })
    ).body.secret;
  });
  after(() => t.close());

  async function refusal(secret: string): Promise<string | null> {
    const principal = await findPrincipalByHash(t.platform.ctx.sql, hashApiKey(secret));
    assert.ok(principal);
    try {
      assertAccountMaySend(principal);
      return null;
    } catch (err) {
      assert.ok(err instanceof Problem);
      assert.equal(err.type.status, 403);
      return err.type.slug;
    }
  }
  const act = (action: string) => t.api.post(`/v1/admin/accounts/${accountId}/${action}`, { key: admin() });

  it('refuses live keys of a pending account but lets its test keys send to the sandbox', async () => {
    assert.equal(await refusal(live), 'account-pending');
    assert.equal(await refusal(test), null);
  });

  it('lets live keys send once the account is boarded', async () => {
    await boardForTest(t, accountId);
    assert.equal(await refusal(live), null);
  });

  it('refuses live keys of a suspended account with the reason', async () => {
    await act('suspend');
    assert.equal(await refusal(live), 'account-suspended');
    assert.equal(await refusal(test), null);
    await act('reactivate');
    assert.equal(await refusal(live), null);
  });

  it('refuses every key, test keys included, while the kill switch holds traffic', async () => {
    await t.api.post(`/v1/admin/accounts/${accountId}/traffic-hold`, {
      key: admin(),
      body: { reason: 'suspected pumping' },
    });
    assert.equal(await refusal(live), 'traffic-hold');
    assert.equal(await refusal(test), 'traffic-hold');
    await t.api.request('DELETE', `/v1/admin/accounts/${accountId}/traffic-hold`, { key: admin() });
    assert.equal(await refusal(live), null);
  });

  it('stops every key of a closed account at authentication, on every route', async () => {
    await act('close');
    const res = await t.api.get('/v1/account', { key: live });
    assert.equal(res.status, 403);
    assert.equal(res.body.type, 'https://cx-engage.dev/problems/account-closed');
  });
});
