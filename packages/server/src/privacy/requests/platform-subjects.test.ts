// Privacy requests about people the platform is controller for (issue #17 point 13): a client's
// staff member with a portal user, and a prospect known only by the email they were sent.
// Operators file them over the admin API; access exports what is held, erasure removes it from
// users, sessions, invitations, password resets and the email outbox, and says what it kept.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { waitFor } from '../../../test/wait.ts';
import { dumpDatabase, findInDump } from '../../../test/dump.ts';
import { addUser, Browser, createClientAccount, type ClientAccount } from '../../../test/portal.ts';
import { verifyAuditChains } from '../../platform/audit/verify.ts';
import { reapplyErasuresCommand } from './journal.ts';

describe('privacy requests about portal users and email addresses', () => {
  let t: TestPlatform;
  let client: ClientAccount;
  let doraId: string;
  const admin = () => t.boot.adminApiKey;
  const file = (body: object) => t.api.post('/v1/admin/privacy/requests', { key: admin(), body });
  const done = (id: string) =>
    waitFor(async () => {
      const r = (await t.api.get(`/v1/admin/privacy/requests/${id}`, { key: admin() })).body;
      return r.status === 'completed' || r.status === 'rejected' ? r : undefined;
    }, `request ${id} to finish`);

  before(async () => {
    t = await startTestPlatform();
    client = await createClientAccount(t, 'Staff Co');
    doraId = await addUser(t, client, 'dora@example.com', 'admin', 'correct horse battery');
    await new Browser(t.url).login('dora@example.com', 'correct horse battery');
    assert.equal((await t.api.post('/v1/auth/password-reset', { body: { email: 'dora@example.com' } })).status, 202);
    const prospect = await t.api.post(`/v1/admin/accounts/${client.id}/invitations`, {
      key: admin(),
      body: { email: 'pat@example.com', role: 'viewer' },
    });
    assert.equal(prospect.status, 201, JSON.stringify(prospect.body));
  });
  after(() => t.close());

  it('refuses what it cannot run, naming the field, and clients', async () => {
    const both = await file({ type: 'access', subject: { userId: doraId, email: 'dora@example.com' } });
    assert.deepEqual([both.status, both.body.errors?.[0]?.pointer], [422, '/subject']);
    const unknown = await file({ type: 'access', subject: { userId: 'usr_nobody' } });
    assert.deepEqual([unknown.status, unknown.body.errors?.[0]?.pointer], [422, '/subject/userId']);
    const objection = await file({ type: 'objection', subject: { email: 'dora@example.com' } });
    assert.deepEqual([objection.status, objection.body.errors?.[0]?.pointer], [422, '/type']);
    const byClient = await t.api.post('/v1/admin/privacy/requests', {
      key: client.key,
      body: { type: 'access', subject: { email: 'dora@example.com' } },
    });
    assert.equal(byClient.status, 403);
  });

  it('exports what is held on a portal user: user, sessions, invitation, reset and emails', async () => {
    const created = await file({ type: 'access', subject: { userId: doraId }, note: 'identity checked by phone' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body.subjectKind, created.body.subject], ['platform', { userId: doraId }]);
    const finished = await done(created.body.id);
    assert.equal(finished.status, 'completed', JSON.stringify(finished));
    assert.deepEqual(finished.result.exported, { users: 1, sessions: 1, invitations: 1, passwordResets: 1, emails: 2 });
    const download = await fetch(t.url + finished.export.url, { headers: { authorization: `Bearer ${admin()}` } });
    assert.equal(download.status, 200);
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    assert.deepEqual(Object.keys(files).sort(), [
      'emails.csv',
      'export.json',
      'invitations.csv',
      'password_resets.csv',
      'sessions.csv',
      'users.csv',
    ]);
    const json = JSON.parse(strFromU8(files['export.json']!));
    assert.equal(json.users[0].email, 'dora@example.com');
    assert.deepEqual(
      json.emails.map((e: { to: string }) => e.to),
      ['dora@example.com', 'dora@example.com'],
    );
    assert.match(json.emails[1].subject, /password/i, 'the sealed emails are opened for the export');
    const listed = await t.api.get('/v1/admin/privacy/requests', { key: admin() });
    assert.deepEqual(
      listed.body.data.map((r: { id: string }) => r.id),
      [created.body.id],
    );
  });

  it('erases a portal user by email everywhere, keeps pseudonymous security records and says why', async () => {
    const created = await file({ type: 'erasure', subject: { email: 'Dora@Example.com' } });
    const finished = await done(created.body.id);
    assert.equal(finished.status, 'completed', JSON.stringify(finished));
    assert.deepEqual(finished.result.erased, {
      users: 1,
      sessions: 1,
      invitations: 1,
      passwordResets: 1,
      emails: 2,
      requestDetails: 2,
    });
    const kept = new Map(
      finished.result.kept.map((k: { what: string; count: number; legalBasis: string }) => [k.what.split(' (')[0], k]),
    );
    assert.match(
      (kept.get('audit log entries by or about the user') as { legalBasis: string }).legalBasis,
      /Art\. 17\(3\)\(e\)/,
    );
    assert.ok((kept.get('audit log entries by or about the user') as { count: number }).count > 0);
    assert.match((kept.get('sign-in throttle counters') as { legalBasis: string }).legalBasis, /recital 49/);
    assert.equal(finished.subject, null, 'the request no longer names the person');

    assert.equal(
      (
        await new Browser(t.url).post('/v1/auth/login', {
          email: 'dora@example.com',
          password: 'correct horse battery',
        })
      ).status,
      401,
    );
    const users = (await t.api.get(`/v1/admin/accounts/${client.id}/users`, { key: admin() })).body.data;
    const dora = users.find((u: { id: string }) => u.id === doraId);
    assert.deepEqual([dora.email, dora.name, dora.disabledAt !== null], [`erased-${doraId}@invalid`, null, true]);
    const emails = (await t.api.get('/v1/sandbox/emails?limit=100', { key: client.key })).body.data;
    assert.deepEqual(
      emails.map((e: { to: string }) => e.to),
      ['pat@example.com'],
      'only the prospect’s email is left',
    );

    const dump = await dumpDatabase(t.platform.ctx.sql);
    assert.deepEqual(findInDump(dump, 'dora@example.com'), [], 'the address is in no table');
    assert.ok(
      (await verifyAuditChains(t.platform.ctx.sql)).every((c) => c.ok),
      'the audit chains still verify',
    );
    const journal = (await t.api.get('/v1/admin/privacy/erasure-journal', { key: admin() })).body.data;
    assert.deepEqual(
      journal.map((e: { subjectKind: string; subjectHash: string }) => [e.subjectKind, e.subjectHash]),
      [['platform', crypto.createHash('sha256').update('dora@example.com').digest('hex')]],
    );
  });

  it('erases a prospect known only by an email address: the invitation and the email', async () => {
    const finished = await done((await file({ type: 'erasure', subject: { email: 'pat@example.com' } })).body.id);
    assert.equal(finished.status, 'completed', JSON.stringify(finished));
    assert.deepEqual(finished.result.erased, {
      users: 0,
      sessions: 0,
      invitations: 1,
      passwordResets: 0,
      emails: 1,
      requestDetails: 1,
    });
    assert.deepEqual((await t.api.get(`/v1/users/invitations`, { key: client.key })).body.data, []);
    assert.deepEqual(findInDump(await dumpDatabase(t.platform.ctx.sql), 'pat@example.com'), []);
  });

  it('applies the journal again: what reappears (as after restoring a backup) is erased again', async () => {
    await t.api.post(`/v1/admin/accounts/${client.id}/invitations`, {
      key: admin(),
      body: { email: 'pat@example.com', role: 'viewer' },
    });
    const journal = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'cx-journal-')), 'journal.json');
    await fs.writeFile(
      journal,
      JSON.stringify((await t.api.get('/v1/admin/privacy/erasure-journal', { key: admin() })).body),
    );
    const lines: string[] = [];
    assert.equal(await reapplyErasuresCommand.run(t.platform.ctx, [journal], (l) => lines.push(l)), 0);
    assert.match(lines[0]!, /re-applied 2 erasure/);
    assert.deepEqual(findInDump(await dumpDatabase(t.platform.ctx.sql), 'pat@example.com'), []);
  });
});
