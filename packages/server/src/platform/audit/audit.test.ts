import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boardForTest, startTestPlatform, TEST_MASTER_KEY, type TestPlatform } from '../../../test/harness.ts';
import { runCli } from '../../../test/cli.ts';
import { verifyAuditChains } from './verify.ts';

const auditVerify = (databaseUrl: string) =>
  runCli(['audit', 'verify'], { DATABASE_URL: databaseUrl, CX_MASTER_KEY: TEST_MASTER_KEY });

describe('audit log', () => {
  let t: TestPlatform;
  let accountId: string;
  let auditor: string;
  const admin = () => t.boot.adminApiKey;

  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    accountId = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Audited' } })).body.id;
    await boardForTest(t, accountId);
    auditor = (
      await t.api.post(`/v1/admin/accounts/${accountId}/api-keys`, {
        key: admin(),
        body: { name: 'auditor', scopes: ['audit:read', 'keys:manage'] },
      })
    ).body.secret;
    await t.api.post(`/v1/admin/accounts/${accountId}/suspend`, { key: admin(), body: { reason: 'unpaid invoice' } });
    await t.api.post(`/v1/admin/accounts/${accountId}/reactivate`, { key: admin() });
  });
  after(() => t.close());

  // Tampering needs the append-only triggers out of the way, as an attacker with DB access would.
  const tamper = (fn: (tx: typeof t.platform.ctx.sql) => Promise<unknown>) =>
    t.platform.ctx.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await fn(tx as unknown as typeof t.platform.ctx.sql);
    });

  it("shows an account's operator actions to its own auditors, oldest first, with pseudonymous actors", async () => {
    const res = await t.api.get('/v1/audit-log', { key: auditor });
    assert.equal(res.status, 200);
    const actions = res.body.data.map((e: { action: string }) => e.action);
    assert.deepEqual(actions, [
      'account.created',
      'company_details.updated',
      'account.board',
      'api_key.created',
      'account.suspend',
      'account.reactivate',
    ]);
    const suspend = res.body.data[4];
    assert.equal(suspend.actor.type, 'operator');
    assert.match(suspend.actor.id, /^key_/);
    assert.equal(suspend.data.reason, 'unpaid invoice');
    assert.ok(res.body.data.every((e: { accountId: string }) => e.accountId === accountId));
  });

  it('refuses a key without audit:read, and operators filter across accounts', async () => {
    const narrow = (await t.api.post('/v1/api-keys', { key: auditor, body: { name: 'n', scopes: ['keys:manage'] } }))
      .body.secret;
    assert.equal((await t.api.get('/v1/audit-log', { key: narrow })).status, 403);
    const all = await t.api.get(`/v1/admin/audit-log?accountId=${accountId}&action=api_key.created`, { key: admin() });
    assert.equal(all.status, 200);
    assert.equal(all.body.data.length, 2, 'the auditor key and the narrow key');
    const page = await t.api.get('/v1/admin/audit-log?limit=2', { key: admin() });
    assert.equal(page.body.data.length, 2);
    const next = await t.api.get(`/v1/admin/audit-log?limit=2&cursor=${page.body.nextCursor}`, { key: admin() });
    assert.ok(next.body.data[0].id > page.body.data[1].id);
  });

  it('refuses to update or delete audit rows', async () => {
    await assert.rejects(
      t.platform.ctx.sql`update audit_log set action = 'x' where account_id = ${accountId}`,
      /append-only/,
    );
    await assert.rejects(t.platform.ctx.sql`delete from audit_log where account_id = ${accountId}`, /append-only/);
  });

  it('finds every chain intact, then reports the chain broken at an edited row', async () => {
    assert.ok((await verifyAuditChains(t.platform.ctx.sql)).every((r) => r.ok));
    assert.equal((await auditVerify(t.database.url)).code, 0);
    await tamper(
      (tx) =>
        tx`update audit_log set payload = replace(payload, '"account.suspend"', '"account.close"') where account_id = ${accountId} and seq = 5`,
    );
    const [report] = await verifyAuditChains(t.platform.ctx.sql, { accountId });
    assert.equal(report!.ok, false);
    assert.equal(report!.brokenAtSeq, 5);
    const house = (await verifyAuditChains(t.platform.ctx.sql, { accountId: t.boot.accountId }))[0]!;
    assert.equal(house.ok, true, 'other chains are unaffected');
    const cli = await auditVerify(t.database.url);
    assert.equal(cli.code, 1);
    assert.match(cli.out, new RegExp(`BROKEN\\s+${accountId} at seq 5`));
  });

  it('lets free text be redacted but not edited, and the chain verifies after redaction', async () => {
    const id = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Redacted', status: 'active' } }))
      .body.id;
    await t.api.post(`/v1/admin/accounts/${id}/suspend`, { key: admin(), body: { reason: 'a note naming someone' } });
    const sql = t.platform.ctx.sql;
    await assert.rejects(
      sql`update audit_log set free_text = '{"reason":"other"}' where account_id = ${id} and free_text is not null`,
      /append-only/,
    );
    await sql`update audit_log set free_text = null, free_text_redacted_at = now() where account_id = ${id} and free_text is not null`;
    assert.equal((await verifyAuditChains(sql, { accountId: id }))[0]!.ok, true);
    await tamper(
      (tx) =>
        tx`update audit_log set free_text = '{"reason":"forged"}' where account_id = ${id} and free_text_redacted_at is not null`,
    );
    assert.equal(
      (await verifyAuditChains(sql, { accountId: id }))[0]!.reason,
      'the free text differs from its hashed digest: it was edited',
    );
  });

  it('detects a deleted row in the middle and a deleted last row', async () => {
    const a = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Middle' } })).body.id;
    const b = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Tail' } })).body.id;
    for (const id of [a, b]) {
      await boardForTest(t, id);
      await t.api.post(`/v1/admin/accounts/${id}/suspend`, { key: admin() });
    }
    await tamper((tx) => tx`delete from audit_log where account_id = ${a} and seq = 2`);
    await tamper((tx) => tx`delete from audit_log where account_id = ${b} and seq = 4`);
    const [middle] = await verifyAuditChains(t.platform.ctx.sql, { accountId: a });
    assert.equal(middle!.brokenAtSeq, 2);
    const [tail] = await verifyAuditChains(t.platform.ctx.sql, { accountId: b });
    assert.equal(tail!.ok, false);
    assert.match(tail!.reason!, /deleted at the end/);
  });
});
