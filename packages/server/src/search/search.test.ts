// GET /v1/search over real HTTP: finds by id, phone number and email within the caller's own
// account, operators also accounts and connectors, never by what a message says, and only
// kinds the caller's scopes may read.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fraudRulesOff, startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send } from '../../test/messages.ts';
import { Browser, totpAt } from '../../test/portal.ts';

const PHONE = '+4915112345678';

describe('GET /v1/search', () => {
  let t: TestPlatform;
  let acme: { id: string; key: string };
  let other: { id: string; key: string };
  let messageId: string;
  let operator: Browser;

  async function client(name: string, scopes?: string[]): Promise<{ id: string; key: string }> {
    const acc = await t.api.post('/v1/admin/accounts', { key: t.boot.adminApiKey, body: { name, status: 'active' } });
    await fraudRulesOff(t, acc.body.id);
    const k = await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, {
      key: t.boot.adminApiKey,
      body: { name: 'k', ...(scopes && { scopes }) },
    });
    return { id: acc.body.id, key: k.body.secret };
  }
  const find = async (key: string, q: string) => {
    const res = await t.api.get(`/v1/search?q=${encodeURIComponent(q)}`, { key });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data as {
      kind: string;
      id: string;
      accountId: string | null;
      title: string;
      detail: string | null;
    }[];
  };

  before(async () => {
    t = await startTestPlatform();
    acme = await client('Acme Retail');
    other = await client('Globex Trading');
    messageId = (await send(t, acme.key, { to: PHONE, body: 'your parcel 77 is on its way' })).id;
    await send(t, other.key, { to: PHONE, body: 'not for Acme' });
    const contact = await t.api.get(`/v1/contacts?phone=${encodeURIComponent(PHONE)}`, { key: acme.key });
    await t.api.patch(`/v1/contacts/${contact.body.data[0].id}`, {
      key: acme.key,
      body: { name: 'Anna Schmidt', email: 'anna@example.com' },
    });
    // The operator signs in to the portal (two-factor is mandatory for operators).
    operator = new Browser(t.url);
    await operator.post('/v1/auth/login', { email: t.boot.adminEmail, password: t.boot.adminPassword });
    const setup = await operator.post('/v1/auth/2fa/setup');
    assert.equal(
      (await operator.post('/v1/auth/2fa/enable', { code: await totpAt(setup.body.secret, new Date()) })).status,
      200,
    );
  });
  after(() => t.close());

  it('finds a message by its id, and only in the account that owns it', async () => {
    const hits = await find(acme.key, messageId);
    assert.deepEqual(
      hits.map((h) => [h.kind, h.id, h.accountId, h.title]),
      [['message', messageId, acme.id, `sms to ${PHONE}`]],
    );
    assert.deepEqual(await find(other.key, messageId), []);
  });

  it('finds the contact and their messages by a phone number written any usual way', async () => {
    for (const q of [PHONE, '+49 151 1234 5678', '0049-151-12345678']) {
      const hits = await find(acme.key, q);
      assert.deepEqual(
        hits.map((h) => h.kind),
        ['contact', 'message'],
        q,
      );
      assert.equal(hits[0]!.title, 'Anna Schmidt');
      assert.equal(hits[1]!.id, messageId, "the other account's message to the same number stays out");
    }
  });

  it('finds a contact by email, and never a message by its text', async () => {
    assert.deepEqual(
      (await find(acme.key, 'Anna@Example.com')).map((h) => h.title),
      ['Anna Schmidt'],
    );
    assert.deepEqual(await find(acme.key, 'parcel 77'), []);
    assert.deepEqual(await find(acme.key, 'your parcel 77 is on its way'), []);
  });

  it('lets operators find accounts by name or id and connectors, which clients cannot', async () => {
    const named = await operator.get('/v1/search?q=acme');
    assert.equal(named.status, 200, JSON.stringify(named.body));
    assert.deepEqual(
      named.body.data.map((h: { kind: string; id: string }) => [h.kind, h.id]),
      [['account', acme.id]],
    );
    const byId = await operator.get(`/v1/search?q=${other.id}`);
    assert.deepEqual(
      byId.body.data.map((h: { title: string }) => h.title),
      ['Globex Trading'],
    );
    const connectors = await t.api.get('/v1/admin/connectors', { key: t.boot.adminApiKey });
    const sandbox = connectors.body.data.find((c: { sandbox: boolean }) => c.sandbox);
    const con = await operator.get(`/v1/search?q=${sandbox.id}`);
    assert.deepEqual(
      con.body.data.map((h: { kind: string; accountId: string | null }) => [h.kind, h.accountId]),
      [['connector', null]],
    );
    // The operator's messages are the house account's: a client's message id finds nothing.
    assert.deepEqual((await operator.get(`/v1/search?q=${messageId}`)).body.data, []);

    assert.deepEqual(await find(acme.key, 'Globex'), []);
    assert.deepEqual(await find(acme.key, other.id), []);
    assert.deepEqual(await find(acme.key, sandbox.id), []);
  });

  it('shows only kinds the key may read, refuses keys without messages:read and test keys, and names a bad q', async () => {
    const reader = await t.api.post('/v1/api-keys', {
      key: acme.key,
      body: { name: 'reader', scopes: ['messages:read'] },
    });
    assert.equal(reader.status, 201, JSON.stringify(reader.body));
    assert.deepEqual(
      (await find(reader.body.secret, PHONE)).map((h) => h.kind),
      ['message'],
      'no contact without contacts:read',
    );

    const contactsOnly = await t.api.post('/v1/api-keys', {
      key: acme.key,
      body: { name: 'contacts', scopes: ['contacts:read'] },
    });
    const refused = await t.api.get(`/v1/search?q=${PHONE}`, { key: contactsOnly.body.secret });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.type, 'https://cx-engage.dev/problems/forbidden');
    const test = await t.api.get(`/v1/search?q=${PHONE}`, { key: t.boot.testApiKey });
    assert.equal(test.status, 403);
    assert.equal(test.body.type, 'https://cx-engage.dev/problems/test-key-forbidden');

    for (const q of ['', 'x'.repeat(101)]) {
      const bad = await t.api.get(`/v1/search?q=${q}`, { key: acme.key });
      assert.equal(bad.status, 400, q);
      assert.equal(bad.body.errors[0].pointer, '/querystring/q');
    }
    const missing = await t.api.get('/v1/search', { key: acme.key });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.errors[0].pointer, '/querystring/q');
  });
});
