// Policy versions on an injected clock: publication notifies every client account (notice,
// event, email), a written objection within the calendar month is recorded and surfaced to
// operators, and without one the version is deemed accepted exactly when the month ends.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { ManualClock } from '../platform/clock.ts';
import { deemPoliciesAccepted } from './deemed-acceptance.ts';

const SECOND = 1000;
const problem = (slug: string) => `https://cx-engage.dev/problems/${slug}`;

describe('policy versions', () => {
  // 31 January: the month to object ends on 28 February (end-of-month clamp).
  const clock = new ManualClock('2026-01-31T09:00:00Z');
  let t: TestPlatform;
  let a: Client;
  let b: Client;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform({ role: 'api', clock });
    a = await client(t, 'Alpha');
    b = await client(t, 'Beta');
  });
  after(() => t.close());

  const publish = (body: Record<string, unknown>) =>
    t.api.post('/v1/admin/policies', { key: admin(), body: { ...policy, ...body } });
  const noticeOf = async (c: Client, policyId: string) =>
    (await t.api.get(`/v1/policies/${policyId}`, { key: c.key })).body.notice;

  it('notifies every client account with an event and an email, but not the house account or closed ones', async () => {
    const closed = await client(t, 'Gone');
    await t.api.post(`/v1/admin/accounts/${closed.id}/close`, { key: admin() });

    const res = await publish({ kind: 'privacy_policy', version: '2026-02', effectiveAt: '2026-02-28T09:00:00Z' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.text, policy.text);
    assert.deepEqual(
      res.body.accounts,
      { pending: 2, accepted: 0, objected: 0, deemedAccepted: 0 },
      'Alpha and Beta; not the closed account',
    );
    const id = res.body.id as string;

    const notice = await noticeOf(a, id);
    assert.deepEqual(notice, {
      source: 'publication',
      status: 'pending',
      notifiedAt: '2026-01-31T09:00:00.000Z',
      objectionDeadline: '2026-02-28T09:00:00.000Z',
      decidedAt: null,
      signer: null,
      objection: null,
    });
    const events = await t.platform.ctx.sql<{ type: string; data: Record<string, unknown> }[]>`
      select type, data from events where account_id = ${a.id} and object_id = ${id}`;
    assert.deepEqual(
      events.map((e) => [e.type, e.data.version, e.data.objectionDeadline]),
      [['policy.published', '2026-02', '2026-02-28T09:00:00.000Z']],
    );
    const emails = (await t.api.get('/v1/sandbox/emails', { key: a.key })).body.data as {
      to: string;
      subject: string;
      text: string;
    }[];
    assert.deepEqual(
      emails.map((e) => [e.to, e.subject]),
      [['alpha@client.example', 'Changes to our privacy policy (version 2026-02)']],
    );
    assert.match(emails[0]!.text, /Cookies are now listed/);

    assert.equal(
      (await t.api.get(`/v1/policies/${id}`, { key: t.boot.apiKey })).status,
      404,
      'the house account is the one publishing',
    );
    const published = (await t.api.get('/v1/admin/audit-log?action=policy.published', { key: admin() })).body.data;
    assert.deepEqual(
      published.map((e: { accountId: string; data: { accountsNotified: number } }) => [
        e.accountId,
        e.data.accountsNotified,
      ]),
      [[t.boot.accountId, 2]],
    );
  });

  it('refuses a version that would take effect before the month to object ends, naming the field', async () => {
    const early = await publish({ version: 'early', effectiveAt: '2026-02-28T08:59:59Z' });
    assert.equal(early.status, 422);
    assert.deepEqual(
      early.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/effectiveAt'],
    );
    assert.match(early.body.detail, /2026-02-28T09:00:00.000Z/);

    const invalid = await publish({ kind: 'cookies', text: '', effectiveAt: 'next month' });
    assert.equal(invalid.status, 422);
    assert.deepEqual(invalid.body.errors.map((e: { pointer: string }) => e.pointer).sort(), [
      '/effectiveAt',
      '/kind',
      '/text',
    ]);

    const again = await publish({ kind: 'privacy_policy', version: '2026-02' });
    assert.equal(again.status, 409, 'a published version never changes: publish a new one');
    assert.equal(again.body.type, problem('policy-version-exists'));
    assert.deepEqual(
      again.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/version'],
    );
    await assert.rejects(
      t.platform.ctx.sql`update policy_versions set text = 'rewritten'`,
      /cannot change: publish a new version/,
    );
  });

  it('lets only operators publish and read objections', async () => {
    assert.equal((await t.api.post('/v1/admin/policies', { key: a.key, body: policy })).status, 403);
    const [first] = (await t.api.get('/v1/policies', { key: a.key })).body.data;
    assert.equal((await t.api.get(`/v1/admin/policies/${first.id}/objections`, { key: a.key })).status, 403);
    assert.equal((await t.api.get('/v1/admin/policies', { key: a.key })).status, 403);
  });

  it('records a written objection within the month, even after an acceptance, and never deems it accepted', async () => {
    const id = (await publish({ kind: 'terms', version: 'T1' })).body.id as string;
    clock.advance(3 * 86_400_000);
    const accepted = await t.api.post(`/v1/policies/${id}/acceptance`, { key: a.key, body: { signer: 'Ada Alpha' } });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.notice.status, 'accepted');
    assert.equal(
      (await t.api.post(`/v1/policies/${id}/acceptance`, { key: a.key, body: { signer: 'Ada Alpha' } })).status,
      409,
    );

    const objection = { text: 'We object to clause 7 (liability) as changed.', signer: 'Ada Alpha, CEO' };
    const objected = await t.api.post(`/v1/policies/${id}/objection`, { key: a.key, body: objection });
    assert.equal(objected.status, 200, JSON.stringify(objected.body));
    assert.deepEqual(
      [objected.body.notice.status, objected.body.notice.objection, objected.body.notice.signer],
      ['objected', objection.text, objection.signer],
    );
    const twice = await t.api.post(`/v1/policies/${id}/objection`, { key: a.key, body: objection });
    assert.equal(twice.status, 409);
    const missing = await t.api.post(`/v1/policies/${id}/objection`, { key: a.key, body: { text: objection.text } });
    assert.deepEqual([missing.status, missing.body.errors[0].pointer], [422, '/signer']);

    // Operators see the objection (API, audit log, email); other clients see only their own notice.
    const seen = (await t.api.get(`/v1/admin/policies/${id}/objections`, { key: admin() })).body.data;
    assert.deepEqual(
      seen.map((o: Record<string, unknown>) => [o.accountId, o.accountName, o.text, o.signer]),
      [[a.id, 'Alpha', objection.text, objection.signer]],
    );
    assert.deepEqual(await noticeOf(b, id).then((n) => [n.status, n.objection]), ['pending', null]);
    const audit = (await t.api.get(`/v1/admin/audit-log?action=policy.objected&accountId=${a.id}`, { key: admin() }))
      .body.data;
    assert.deepEqual(
      audit.map((e: { target: { id: string } }) => e.target.id),
      [id],
    );
    assert.doesNotMatch(JSON.stringify(audit), /Ada|clause 7/, 'audit entries carry no names and no objection text');
    const operatorMail = (await t.api.get('/v1/sandbox/emails', { key: t.boot.apiKey })).body.data as {
      to: string;
      subject: string;
      text: string;
    }[];
    assert.deepEqual(
      operatorMail.map((e) => [e.to, e.subject]),
      [['admin@cx-engage.local', 'Objection to the terms T1 by Alpha']],
    );
    assert.doesNotMatch(operatorMail[0]!.text, /clause 7/, 'the objection is read in the API, not mailed around');

    clock.advance(40 * 86_400_000);
    // Due now: Alpha's and Beta's notices of the privacy policy, Beta's of these terms; one per batch.
    assert.equal(await deemPoliciesAccepted(t.platform.ctx, { batchSize: 1 }), 3);
    assert.equal((await noticeOf(a, id)).status, 'objected');
    assert.equal((await noticeOf(b, id)).status, 'deemed_accepted');
    const detail = (await t.api.get(`/v1/admin/policies/${id}`, { key: admin() })).body;
    assert.deepEqual(detail.accounts, { pending: 0, accepted: 0, objected: 1, deemedAccepted: 1 });
    const types = await t.platform.ctx.sql<
      { type: string }[]
    >`select type from events where account_id = ${a.id} and object_id = ${id} order by sequence`;
    assert.deepEqual(
      types.map((e) => e.type),
      ['policy.published', 'policy.accepted', 'policy.objected'],
    );
  });

  it('keeps a notice pending until its deadline, deems it accepted at the deadline, and refuses an objection a second later', async () => {
    // 31 May → 30 June.
    clock.set('2026-05-31T12:00:00Z');
    const id = (await publish({ kind: 'terms', version: 'T2', effectiveAt: '2026-07-01T00:00:00Z' })).body.id as string;
    const deadline = new Date('2026-06-30T12:00:00Z').getTime();
    assert.equal((await noticeOf(a, id)).objectionDeadline, '2026-06-30T12:00:00.000Z');

    clock.set(new Date(deadline - SECOND));
    await deemPoliciesAccepted(t.platform.ctx);
    assert.equal((await noticeOf(a, id)).status, 'pending');
    const lastSecond = await t.api.post(`/v1/policies/${id}/objection`, {
      key: b.key,
      body: { text: 'We object.', signer: 'Bo Beta' },
    });
    assert.equal(lastSecond.status, 200, 'one second before the deadline is within the month');

    clock.set(new Date(deadline));
    await deemPoliciesAccepted(t.platform.ctx);
    const deemed = await noticeOf(a, id);
    assert.deepEqual([deemed.status, deemed.decidedAt], ['deemed_accepted', '2026-06-30T12:00:00.000Z']);
    const audit = (
      await t.api.get(`/v1/admin/audit-log?action=policy.deemed_accepted&accountId=${a.id}&targetId=${id}`, {
        key: admin(),
      })
    ).body.data;
    assert.deepEqual(
      audit.map((e: { actor: { type: string } }) => e.actor.type),
      ['system'],
    );

    clock.set(new Date(deadline + SECOND));
    const late = await t.api.post(`/v1/policies/${id}/objection`, {
      key: a.key,
      body: { text: 'We object after all.', signer: 'Ada Alpha' },
    });
    assert.equal(late.status, 409);
    assert.equal(late.body.type, problem('policy-deadline-passed'));
    assert.match(late.body.detail, /deadline to object passed at 2026-06-30T12:00:00.000Z/);
    assert.equal(
      (await t.api.post(`/v1/policies/${id}/acceptance`, { key: a.key, body: { signer: 'Ada Alpha' } })).status,
      409,
    );
    assert.equal((await noticeOf(b, id)).status, 'objected');
  });
});

describe('policy versions for accounts created later', () => {
  const clock = new ManualClock('2026-01-10T08:00:00Z');
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform({ role: 'api', clock });
  });
  after(() => t.close());

  it('records the version in force and any announced one as accepted when the account is created', async () => {
    const publish = async (version: string, effectiveAt: string) =>
      (
        await t.api.post('/v1/admin/policies', {
          key: t.boot.adminApiKey,
          body: { ...policy, kind: 'privacy_policy', version, effectiveAt },
        })
      ).body.id as string;
    await publish('v1', '2026-02-10T08:00:00Z');
    clock.set('2026-03-01T00:00:00Z');
    const inForce = await publish('v2', '2026-04-01T00:00:00Z');
    clock.set('2026-05-01T00:00:00Z');
    const announced = await publish('v3', '2026-06-01T00:00:00Z');
    clock.advance(SECOND);

    const late = await client(t, 'Latecomer');
    const listed = (await t.api.get('/v1/policies', { key: late.key })).body.data as {
      id: string;
      notice: { source: string; status: string };
    }[];
    assert.deepEqual(
      listed.map((p) => [p.id, p.notice.source, p.notice.status]),
      [
        [inForce, 'account_created', 'accepted'],
        [announced, 'account_created', 'accepted'],
      ],
    );
    const objection = await t.api.post(`/v1/policies/${announced}/objection`, {
      key: late.key,
      body: { text: 'No.', signer: 'L' },
    });
    assert.equal(objection.status, 409);
    assert.equal(objection.body.type, problem('policy-deadline-passed'));
  });
});

const policy = {
  kind: 'privacy_policy',
  version: '2026-02',
  title: 'CX Engage Privacy Policy',
  text: '# Privacy Policy\n\nCX Engage reserves the right to modify this Privacy Policy at any time.',
  summaryOfChanges: 'Cookies are now listed by name.',
  effectiveAt: '2026-12-31T00:00:00Z',
};

interface Client {
  id: string;
  key: string;
}

async function client(t: TestPlatform, name: string): Promise<Client> {
  const admin = t.boot.adminApiKey;
  const id = (await t.api.post('/v1/admin/accounts', { key: admin, body: { name, status: 'active' } })).body
    .id as string;
  const company = {
    legalName: `${name} Ltd`,
    addressLines: ['1 Test Street'],
    country: 'DE',
    vatId: 'DE811907980',
    contact: { name: 'Contact', email: `${name.toLowerCase()}@client.example` },
    businessUse: true,
  };
  await t.api.request('PUT', `/v1/admin/accounts/${id}/company`, { key: admin, body: company });
  const key = (
    await t.api.post(`/v1/admin/accounts/${id}/api-keys`, {
      key: admin,
      body: { name: 'k', scopes: ['account:manage', 'sandbox:use'] },
    })
  ).body.secret as string;
  return { id, key };
}
