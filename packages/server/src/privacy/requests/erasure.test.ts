// Erasure proven on the whole database: after it, a dump of every table holds neither the
// person's number (with or without +) nor a phrase from their messages, nor their name or email,
// while the hashed suppression entry remains and the account's usage totals are unchanged.
// A backup restored from before the erasure is cleaned again from the exported journal.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { fraudRulesOff, startTestPlatform, type TestDatabase, type TestPlatform } from '../../../test/harness.ts';
import { send, waitFor, waitForBound, waitForStatus } from '../../../test/messages.ts';
import { dumpDatabase, findInDump } from '../../../test/dump.ts';
import { reapplyErasuresCommand } from './journal.ts';

const PHONE = '+4915199887766';
const CLIENT_NUMBER = '+4915199000001';
const PHRASE = 'zebra-lantern-4471';
const NAME = 'Erin Erasable';
const EMAIL = 'erin.erasable@example.com';
const identities = [PHONE, PHONE.slice(1), PHRASE, NAME, EMAIL];

describe('erasure', () => {
  let t: TestPlatform;
  let account: string;
  let key: string;
  const admin = () => t.boot.adminApiKey;
  const sql = () => t.platform.ctx.sql;
  const usage = async () =>
    (
      await sql()<{ n: number; total: string }[]>`
    select count(*)::int as n, coalesce(sum(amount_micros), 0)::text as total from usage_records where account_id = ${account}`
    )[0]!;

  before(async () => {
    t = await startTestPlatform();
    await waitForBound(t);
    account = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Forgetful', status: 'active' } }))
      .body.id;
    await fraudRulesOff(t, account);
    key = (
      await t.api.post(`/v1/admin/accounts/${account}/api-keys`, {
        key: admin(),
        body: {
          name: 'live',
          scopes: [
            'messages:write',
            'messages:read',
            'contacts:read',
            'contacts:write',
            'privacy:manage',
            'sandbox:use',
          ],
        },
      })
    ).body.secret;
    await t.api.post('/v1/admin/numbers', {
      key: admin(),
      body: { number: CLIENT_NUMBER, accountId: account, channels: ['sms'] },
    });

    // The person's traces everywhere: a contact, consent with evidence, messages out and in
    // (one kept by Idempotency-Key, one scheduled), an opt-out, and an access export.
    // Idempotency-Keys everywhere: their stored answers repeat the person's data for 24 hours.
    const contact = (
      await t.api.post('/v1/contacts', {
        key,
        body: { phone: PHONE, name: NAME, email: EMAIL, attributes: { note: PHRASE } },
        headers: { 'idempotency-key': 'erase-me-contact' },
      })
    ).body;
    await t.api.post(`/v1/contacts/${contact.id}/consents`, {
      key,
      body: {
        channel: 'sms',
        purpose: 'marketing',
        action: 'granted',
        source: 'form',
        evidence: `form said ${PHRASE}`,
      },
      headers: { 'idempotency-key': 'erase-me-consent' },
    });
    const out = await t.api.post('/v1/messages', {
      key,
      body: { to: PHONE, body: `Hello ${PHRASE}`, reference: `order for ${NAME}`, metadata: { email: EMAIL } },
      headers: { 'idempotency-key': 'erase-me-1' },
    });
    assert.equal(out.status, 202);
    await waitForStatus(t, key, out.body.id, ['delivered']);
    await send(t, key, {
      to: PHONE,
      body: `Later ${PHRASE}`,
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await t.api.post('/v1/sandbox/inbound', {
      key,
      body: { from: PHONE, to: CLIENT_NUMBER, body: `Thanks ${PHRASE}` },
    });
    await t.api.post('/v1/sandbox/inbound', { key, body: { from: PHONE, to: CLIENT_NUMBER, body: 'STOP' } });
    await waitFor(
      async () => (await sql()`select 1 from suppressions where account_id = ${account}`).length === 1 || undefined,
      'the opt-out',
    );
    await waitFor(
      async () =>
        (
          await sql()`select 1 from messages where account_id = ${account} and direction = 'outbound' and reference like 'reply:%' and status = 'delivered'`
        ).length === 1 || undefined,
      'the STOP confirmation',
    );
    const access = (
      await t.api.post('/v1/privacy/requests', {
        key,
        body: { type: 'access', subject: { phone: PHONE }, note: `letter from ${NAME}` },
        headers: { 'idempotency-key': 'erase-me-access' },
      })
    ).body;
    await waitFor(
      async () =>
        (await t.api.get(`/v1/privacy/requests/${access.id}`, { key })).body.status === 'completed' || undefined,
      'the export',
    );
    // Another customer who must not be touched.
    await waitForStatus(t, key, (await send(t, key, { to: '+4915199887700', body: 'unrelated customer' })).id, [
      'delivered',
    ]);
  });
  after(async () => {
    await t.close();
    await fs.rm(t.dataDir, { recursive: true, force: true });
  });

  let journalFile: string;
  let backup: TestDatabase;

  /** A backup: the platform stops, its database is copied (CREATE DATABASE … TEMPLATE), and it starts again. */
  async function backUp(): Promise<TestDatabase> {
    await t.close({ keepDatabase: true });
    const source = new URL(t.database.url).pathname.slice(1);
    const name = `${source}_backup`;
    const adminSql = postgres(`${process.env.CX_TEST_ADMIN_URL}/postgres`, { max: 1, onnotice: () => {} });
    await adminSql.unsafe(`create database ${name} template ${source}`);
    await adminSql.end();
    t = await startTestPlatform({ database: t.database, dataDir: t.dataDir });
    return {
      url: `${process.env.CX_TEST_ADMIN_URL}/${name}`,
      drop: async () => {
        const a = postgres(`${process.env.CX_TEST_ADMIN_URL}/postgres`, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }

  it('leaves no trace of the person in any table, keeps the suppression hash and the usage totals', async () => {
    const before = findInDump(await dumpDatabase(sql()), PHONE.slice(1));
    assert.ok(
      before.includes('public.messages') && before.includes('public.contacts'),
      `the test data is there to erase: ${before}`,
    );
    backup = await backUp();
    const totals = await usage();
    const erasure = (
      await t.api.post('/v1/privacy/requests', {
        key,
        body: { type: 'erasure', subject: { phone: PHONE }, note: `erase ${NAME}` },
      })
    ).body;
    const done = await waitFor(async () => {
      const r = (await t.api.get(`/v1/privacy/requests/${erasure.id}`, { key })).body;
      return r.status === 'completed' ? r : undefined;
    }, 'the erasure');
    assert.equal(done.result.erased.contact, 1);
    assert.equal(done.result.erased.consentRecords, 2, 'the grant and the STOP withdrawal');
    assert.ok(done.result.erased.messages >= 4, JSON.stringify(done.result));
    assert.ok(
      done.result.kept.some((k: { what: string; count: number }) => k.what.startsWith('suppression') && k.count === 1),
    );
    assert.equal(done.subject, null, 'the request no longer names the person');

    const dump = await dumpDatabase(sql());
    for (const needle of identities)
      assert.deepEqual(findInDump(dump, needle), [], `${needle} is gone from every table`);
    assert.deepEqual(
      findInDump(dump, '4915199887700').includes('public.messages'),
      true,
      'the other customer is untouched',
    );
    assert.deepEqual(await usage(), totals, 'usage totals unchanged');
    const [scheduled] = await sql()<
      { n: number }[]
    >`select count(*)::int as n from messages where account_id = ${account} and status = 'scheduled'`;
    assert.equal(scheduled!.n, 0, 'the scheduled message was canceled, not sent to a pseudonym');
    // The hashed opt-out survives: the erased person who said STOP stays opted out.
    assert.equal((await send(t, key, { to: PHONE, body: 'hello again' })).error.code, 'opted_out');

    const journal = await t.api.get('/v1/admin/privacy/erasure-journal', { key: admin() });
    assert.equal(journal.status, 200);
    assert.equal(journal.body.data.length, 1);
    assert.match(journal.body.data[0].subjectHash, /^[0-9a-f]{64}$/);
    journalFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'cx-journal-')), 'journal.json');
    await fs.writeFile(journalFile, JSON.stringify(journal.body));
  });

  it('erases again after a backup from before the erasure is restored', async () => {
    const restored = await startTestPlatform({ database: backup, dataDir: t.dataDir });
    try {
      const rsql = restored.platform.ctx.sql;
      assert.ok(findInDump(await dumpDatabase(rsql), PHONE).length > 0, 'the restored backup still has the person');
      const lines: string[] = [];
      assert.equal(await reapplyErasuresCommand.run(restored.platform.ctx, [journalFile], (l) => lines.push(l)), 0);
      assert.match(lines[0]!, /re-applied 1 erasure/);
      const dump = await dumpDatabase(rsql);
      for (const needle of identities) {
        // The restored database never ran the erasure request, so only its note can remain (sealed).
        assert.deepEqual(findInDump(dump, needle), [], `${needle} is gone after re-applying the journal`);
      }
      assert.equal(
        await reapplyErasuresCommand
          .run(restored.platform.ctx, ['/nonexistent-dir/none.json'], () => {})
          .catch(() => 2),
        2,
      );
    } finally {
      await restored.close();
    }
  });
});
