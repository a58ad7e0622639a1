// The retention, legal hold and records-of-processing API: bounds, scopes, tenants, operators.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

describe('retention API', () => {
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  let acc: string;
  let key: string;
  let messagesOnly: string;

  before(async () => {
    t = await startTestPlatform();
    acc = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Privacy', status: 'active' } })).body
      .id;
    const keyWith = async (scopes: string[]) =>
      (
        await t.api.post(`/v1/admin/accounts/${acc}/api-keys`, {
          key: admin(),
          body: { name: 'k', mode: 'live', scopes },
        })
      ).body.secret as string;
    key = await keyWith(['privacy:manage', 'audit:read']);
    messagesOnly = await keyWith(['messages:read']);
  });
  after(async () => {
    await t.close();
  });

  it('shows the effective policy per category with its source, bounds and why', async () => {
    const res = await t.api.get('/v1/privacy/retention', { key });
    assert.equal(res.status, 200);
    const content = res.body.data.find((p: { category: string }) => p.category === 'message_content');
    assert.deepEqual([content.days, content.source, content.minimum], [90, 'default', 1]);
    assert.ok(content.why.length > 0);
  });

  it('refuses a period below its minimum with a pointer to the category, and audits a change', async () => {
    const low = await t.api.request('PUT', '/v1/privacy/retention', {
      key,
      body: { categories: { message_metadata: 30, exports: 3 } },
    });
    assert.equal(low.status, 422);
    assert.deepEqual(
      low.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/categories/message_metadata'],
    );
    const unknown = await t.api.request('PUT', '/v1/privacy/retention', { key, body: { categories: { chats: 3 } } });
    assert.equal(unknown.status, 422);
    const ok = await t.api.request('PUT', '/v1/privacy/retention', {
      key,
      body: { categories: { message_metadata: 180 } },
    });
    assert.equal(ok.status, 200);
    const metadata = ok.body.data.find((p: { category: string }) => p.category === 'message_metadata');
    assert.deepEqual([metadata.days, metadata.source], [180, 'account']);
    const log = await t.api.get('/v1/audit-log?action=retention.policy_changed', { key });
    assert.equal(log.body.data[0].data.message_metadata, 180);
  });

  it('lets operators change the platform defaults, which accounts without their own period follow', async () => {
    const refused = await t.api.request('PUT', '/v1/admin/privacy/retention-defaults', {
      key,
      body: { categories: { exports: 2 } },
    });
    assert.equal(refused.status, 403);
    const low = await t.api.request('PUT', '/v1/admin/privacy/retention-defaults', {
      key: admin(),
      body: { categories: { audit_free_text: 10 } },
    });
    assert.deepEqual([low.status, low.body.errors[0].pointer], [422, '/categories/audit_free_text']);
    const set = await t.api.request('PUT', '/v1/admin/privacy/retention-defaults', {
      key: admin(),
      body: { categories: { exports: 2 } },
    });
    assert.equal(set.status, 200);
    const exports = (await t.api.get('/v1/privacy/retention', { key })).body.data.find(
      (p: { category: string }) => p.category === 'exports',
    );
    assert.deepEqual([exports.days, exports.source], [2, 'platform']);
  });

  it('places, lists and releases legal holds; a hold an operator placed is theirs to release', async () => {
    const bad = await t.api.post('/v1/privacy/legal-holds', {
      key,
      body: { subject: { phone: '0151 123' }, reason: 'x' },
    });
    assert.deepEqual([bad.status, bad.body.errors[0].pointer], [422, '/subject/phone']);
    const person = await t.api.post('/v1/privacy/legal-holds', {
      key,
      body: { subject: { phone: '+4915112345678' }, reason: 'litigation' },
    });
    assert.equal(person.status, 201);
    assert.deepEqual([person.body.scope, person.body.placedBy], ['subject', 'account']);
    assert.match(person.body.subjectId, /^[0-9a-f]{16}$/);
    const operator = await t.api.post(`/v1/admin/accounts/${acc}/legal-hold`, {
      key: admin(),
      body: { reason: 'authority request' },
    });
    assert.equal(operator.status, 201);

    const listed = await t.api.get('/v1/privacy/legal-holds?active=true', { key });
    assert.equal(listed.body.data.length, 2);
    const notYours = await t.api.delete(`/v1/privacy/legal-holds/${operator.body.id}`, { key });
    assert.equal(notYours.status, 409);
    const released = await t.api.delete(`/v1/privacy/legal-holds/${person.body.id}`, { key });
    assert.equal(released.status, 200);
    assert.ok(released.body.releasedAt);
    assert.equal((await t.api.delete(`/v1/admin/accounts/${acc}/legal-hold`, { key: admin() })).status, 200);
    assert.equal(
      (await t.api.delete(`/v1/admin/accounts/${acc}/legal-hold`, { key: admin() })).status,
      404,
      'nothing left to release',
    );
  });

  it("answers 404 for another account's hold and 403 without privacy:manage", async () => {
    const other = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Other', status: 'active' } }))
      .body.id;
    const hold = await t.api.post(`/v1/admin/accounts/${other}/legal-hold`, {
      key: admin(),
      body: { reason: 'theirs' },
    });
    assert.equal((await t.api.delete(`/v1/privacy/legal-holds/${hold.body.id}`, { key })).status, 404);
    assert.equal((await t.api.get('/v1/privacy/retention', { key: messagesOnly })).status, 403);
    assert.equal((await t.api.get('/v1/privacy/records-of-processing', { key: messagesOnly })).status, 403);
  });

  it('generates records of processing from the configuration, for the client and for operators', async () => {
    const own = await t.api.get('/v1/privacy/records-of-processing', { key });
    assert.equal(own.status, 200);
    assert.equal(own.body.controller, 'Privacy');
    assert.ok(
      own.body.activities.some((a: { legalBases: string[] }) => a.legalBases.some((b) => b.startsWith('Art. 6(1)(b)'))),
    );
    assert.ok(
      own.body.recipients.some((r: { kind: string }) => r.kind === 'smpp'),
      "the default route's connector",
    );
    assert.equal(own.body.retention.find((p: { category: string }) => p.category === 'message_metadata').days, 180);
    const byOperator = await t.api.get(`/v1/admin/accounts/${acc}/records-of-processing`, { key: admin() });
    assert.deepEqual(byOperator.body.retention, own.body.retention);
    assert.equal((await t.api.get('/v1/admin/accounts/acc_nope/records-of-processing', { key: admin() })).status, 404);
  });
});
