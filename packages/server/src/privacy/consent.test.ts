// Contacts and the consent ledger end to end: contacts appear with traffic, the ledger is
// append-only, the consent rule holds at send time (marketing needs a grant, opt-outs,
// restrictions and objections win), and SMS keywords (the account's own words too) are recorded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fraudRulesOff, startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitFor } from '../../test/messages.ts';

describe('contacts and consent', () => {
  let t: TestPlatform;
  let account: string;
  let key: string;
  let other: string;
  const admin = () => t.boot.adminApiKey;

  const newClient = async (name: string) => {
    const id = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name, status: 'active' } })).body
      .id as string;
    await fraudRulesOff(t, id);
    const secret = (
      await t.api.post(`/v1/admin/accounts/${id}/api-keys`, {
        key: admin(),
        body: {
          name: 'live',
          scopes: ['messages:write', 'messages:read', 'contacts:read', 'contacts:write', 'privacy:manage'],
        },
      })
    ).body.secret as string;
    return { id, secret };
  };

  before(async () => {
    t = await startTestPlatform();
    ({ id: account, secret: key } = await newClient('Consenting'));
    ({ secret: other } = await newClient('Other tenant'));
  });
  after(() => t.close());

  it('creates one contact per number from traffic, and deduplicates numbers written differently', async () => {
    await send(t, key, { to: '+4915111110001', body: 'Your code is 1234', purpose: 'otp' });
    await send(t, key, { to: '+49 151 11110001', body: 'again', purpose: 'transactional' });
    const list = await t.api.get('/v1/contacts?phone=%2B4915111110001', { key });
    assert.equal(list.status, 200);
    assert.equal(list.body.data.length, 1);
    const created = await t.api.post('/v1/contacts', {
      key,
      body: { phone: '+49 (151) 1111-0001', name: 'Ada', tags: ['vip'] },
    });
    assert.equal(created.status, 200, 'the existing contact comes back');
    assert.equal(created.body.id, list.body.data[0].id);
    const fresh = await t.api.post('/v1/contacts', {
      key,
      body: { phone: '+4915111110002', name: 'Grace', email: 'grace@example.com', attributes: { plan: 'gold' } },
    });
    assert.equal(fresh.status, 201);
    assert.equal(fresh.body.name, 'Grace');
    // The name and email are sealed: not in the row as text.
    const [row] = await t.platform.ctx.sql<
      { profile: Buffer }[]
    >`select profile from contacts where id = ${fresh.body.id}`;
    assert.ok(!row!.profile.toString('latin1').includes('Grace'));
    assert.equal((await t.api.get(`/v1/contacts/${fresh.body.id}`, { key: other })).status, 404);
  });

  it('refuses bad input with the field named', async () => {
    const noId = await t.api.post('/v1/contacts', { key, body: { name: 'Nobody' } });
    assert.equal(noId.status, 422);
    assert.deepEqual(
      noId.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/phone', '/email'],
    );
    const badPhone = await t.api.post('/v1/contacts', { key, body: { phone: '12345' } });
    assert.equal(badPhone.body.errors[0].pointer, '/phone');
    const badChannel = await t.api.post('/v1/consents', {
      key,
      body: { phone: '+4915111110003', channel: 'fax', purpose: 'marketing', action: 'granted', source: 'api' },
    });
    assert.equal(badChannel.status, 422);
    assert.equal(badChannel.body.errors[0].pointer, '/channel');
  });

  it('rejects marketing without a current grant, sends it with one, and again rejects after withdrawal', async () => {
    const to = '+4915111110010';
    const before = await send(t, key, { to, body: 'Sale!', purpose: 'marketing' });
    assert.equal(before.status, 'rejected');
    assert.equal(before.error.code, 'no_consent');
    const transactional = await send(t, key, { to, body: 'Your parcel ships today' });
    assert.equal(transactional.status, 'queued', 'transactional messages need no consent');

    const granted = await t.api.post('/v1/consents', {
      key,
      body: {
        phone: to,
        channel: 'sms',
        purpose: 'marketing',
        action: 'granted',
        source: 'form',
        evidence: 'signup form v3, box ticked',
      },
    });
    assert.equal(granted.status, 201);
    assert.deepEqual(
      granted.body.current.map((c: { channel: string; purpose: string; granted: boolean }) => [
        c.channel,
        c.purpose,
        c.granted,
      ]),
      [['sms', 'marketing', true]],
    );
    assert.equal((await send(t, key, { to, body: 'Sale!', purpose: 'marketing' })).status, 'queued');
    assert.equal((await send(t, key, { to, body: 'Sale!', purpose: 'marketing', channel: 'sms' })).status, 'queued');

    const contactId = granted.body.contactId;
    const withdrawn = await t.api.post(`/v1/contacts/${contactId}/consents`, {
      key,
      body: { channel: 'sms', purpose: 'marketing', action: 'withdrawn', source: 'portal' },
    });
    assert.equal(withdrawn.status, 201);
    assert.equal(withdrawn.body.history.length, 2, 'the history keeps both records');
    assert.equal(withdrawn.body.history[0].evidence, 'signup form v3, box ticked');
    assert.equal((await send(t, key, { to, body: 'Sale!', purpose: 'marketing' })).error.code, 'no_consent');

    // Append-only in the database too.
    await assert.rejects(
      t.platform.ctx.sql`update consent_records set action = 'granted' where account_id = ${account}`,
      /append-only/,
    );
    const events = await t.platform.ctx.sql<
      { type: string }[]
    >`select type from events where account_id = ${account} and object_id = ${contactId} order by id`;
    assert.deepEqual(
      events.map((e) => e.type),
      ['consent.granted', 'consent.withdrawn'],
    );
  });

  it('applies enforcement only where the account enables it', async () => {
    const to = '+4915111110020';
    const off = await t.api.request('PUT', '/v1/privacy/settings', { key, body: { consentEnforcement: false } });
    assert.equal(off.status, 200);
    assert.equal(off.body.consentEnforcement, false);
    assert.equal((await send(t, key, { to, body: 'Sale!', purpose: 'marketing' })).status, 'queued');
    await t.api.request('PUT', '/v1/privacy/settings', { key, body: { consentEnforcement: true } });
    assert.equal((await send(t, key, { to, body: 'Sale!', purpose: 'marketing' })).error.code, 'no_consent');
  });

  it('lets restrictions and objections win over consent', async () => {
    const to = '+4915111110030';
    await t.api.post('/v1/consents', {
      key,
      body: { phone: to, channel: 'sms', purpose: 'marketing', action: 'granted', source: 'api' },
    });
    const objection = await t.api.post('/v1/privacy/requests', {
      key,
      body: { type: 'objection', subject: { phone: to } },
    });
    assert.equal(objection.status, 201);
    await waitFor(
      async () =>
        (await t.api.get(`/v1/privacy/requests/${objection.body.id}`, { key })).body.status === 'completed' ||
        undefined,
      'objection done',
    );
    assert.equal((await send(t, key, { to, body: 'Sale!', purpose: 'marketing' })).error.code, 'objection');
    assert.equal(
      (await send(t, key, { to, body: 'Your code is 9', purpose: 'otp' })).status,
      'queued',
      'an objection is to marketing only',
    );

    const restriction = await t.api.post('/v1/privacy/requests', {
      key,
      body: { type: 'restriction', subject: { phone: to } },
    });
    await waitFor(
      async () =>
        (await t.api.get(`/v1/privacy/requests/${restriction.body.id}`, { key })).body.status === 'completed' ||
        undefined,
      'restriction done',
    );
    const blocked = await send(t, key, { to, body: 'Your code is 9', purpose: 'otp' });
    assert.equal(blocked.error.code, 'restricted');
  });

  it('records STOP and START as consent, with the account’s own keywords too, and STOP wins over a grant', async () => {
    const house = t.boot.apiKey;
    const from = '+4917612340001';
    await t.api.post('/v1/consents', {
      key: house,
      body: { phone: from, channel: 'sms', purpose: 'marketing', action: 'granted', source: 'api' },
    });
    const settings = await t.api.request('PUT', '/v1/privacy/settings', {
      key: house,
      body: { keywords: { stop: ['HALT', 'STOP'] }, replies: { stop: 'Halted. Send START to resume.' } },
    });
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    assert.deepEqual(settings.body.keywords.stop, ['HALT', 'STOP']);
    const clash = await t.api.request('PUT', '/v1/privacy/settings', {
      key: house,
      body: { keywords: { start: ['HALT'] } },
    });
    assert.equal(clash.status, 422);
    assert.equal(clash.body.errors[0].pointer, '/keywords/start');

    await t.api.post('/v1/sandbox/inbound', { key: house, body: { from, to: t.boot.sandboxNumber, body: ' halt ' } });
    const contact = await waitFor(async () => {
      const c = (await t.api.get(`/v1/contacts?phone=${encodeURIComponent(from)}`, { key: house })).body.data[0];
      const state = c && (await t.api.get(`/v1/contacts/${c.id}/consents`, { key: house })).body;
      return state?.history.length === 2 ? { id: c.id, state } : undefined;
    }, 'the keyword to be recorded');
    assert.deepEqual(contact.state.current, [
      {
        channel: 'sms',
        purpose: 'marketing',
        granted: false,
        since: contact.state.history[1].recordedAt,
        source: 'keyword',
      },
    ]);
    assert.match(contact.state.history[1].evidence, /^inbound message msg_/);
    const reply = await waitFor(async () => {
      const list = (await t.api.get(`/v1/messages?to=${encodeURIComponent(from)}`, { key: house })).body.data;
      return list.find((m: { body: string }) => m.body === 'Halted. Send START to resume.');
    }, 'the configured confirmation');
    assert.ok(reply);
    // The opt-out wins even though the ledger had a grant before it.
    assert.equal((await send(t, house, { to: from, body: 'Sale!', purpose: 'marketing' })).error.code, 'opted_out');
    await t.api.post('/v1/sandbox/inbound', { key: house, body: { from, to: t.boot.sandboxNumber, body: 'START' } });
    await waitFor(
      async () =>
        (await t.api.get(`/v1/contacts/${contact.id}/consents`, { key: house })).body.current[0].granted || undefined,
      'START recorded as a grant',
    );
  });

  it('needs the scopes: a key without contacts:read cannot list contacts', async () => {
    const narrow = (
      await t.api.post(`/v1/admin/accounts/${account}/api-keys`, {
        key: admin(),
        body: { name: 'narrow', scopes: ['messages:write'] },
      })
    ).body.secret;
    assert.equal((await t.api.get('/v1/contacts', { key: narrow })).status, 403);
    assert.equal((await t.api.get('/v1/privacy/settings', { key: narrow })).status, 403);
  });
});
