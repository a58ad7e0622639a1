// Bulk contact import: all or nothing with every bad row named, existing contacts merged or
// skipped, consents recorded with source `import` and honoured at send time.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fraudRulesOff, startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send } from '../../test/messages.ts';

describe('contact import', () => {
  let t: TestPlatform;
  let key: string;
  let readOnly: string;

  before(async () => {
    t = await startTestPlatform();
    const admin = t.boot.adminApiKey;
    const id = (await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Importer', status: 'active' } }))
      .body.id as string;
    await fraudRulesOff(t, id);
    const keyWith = async (scopes: string[]) =>
      (await t.api.post(`/v1/admin/accounts/${id}/api-keys`, { key: admin, body: { name: scopes.join(' '), scopes } }))
        .body.secret as string;
    key = await keyWith(['messages:write', 'messages:read', 'contacts:read', 'contacts:write']);
    readOnly = await keyWith(['contacts:read']);
  });
  after(() => t.close());

  const contacts = async () =>
    (await t.api.get('/v1/contacts?limit=100', { key })).body.data as {
      id: string;
      phone: string | null;
      name: string | null;
      email: string | null;
      tags: string[];
      attributes: Record<string, unknown>;
    }[];
  const pointers = (body: { errors: { pointer: string }[] }) => body.errors.map((e) => e.pointer).sort();

  it('refuses the whole file, naming every bad row, and writes nothing', async () => {
    const res = await t.api.post('/v1/contacts/import', {
      key,
      body: {
        contacts: [
          { phone: '+4915122220001', name: 'Fine' },
          { phone: '12345' },
          { name: 'No number, no email' },
          { phone: '+49 151 2222 0001', name: 'The same number written differently' },
          { email: 'dup@example.com' },
          { email: 'DUP@Example.com' },
        ],
      },
    });
    assert.equal(res.status, 422);
    assert.deepEqual(pointers(res.body), [
      '/contacts/1/phone',
      '/contacts/2/phone',
      '/contacts/3/phone',
      '/contacts/5/email',
    ]);
    assert.match(
      res.body.errors.find((e: { pointer: string }) => e.pointer === '/contacts/3/phone').detail,
      /same person as \/contacts\/0/,
    );

    const schema = await t.api.post('/v1/contacts/import', {
      key,
      body: {
        contacts: [
          { phone: '+4915122220002', consents: [{ channel: 'fax', purpose: 'marketing', action: 'granted' }] },
        ],
      },
    });
    assert.equal(schema.status, 422);
    assert.deepEqual(pointers(schema.body), ['/contacts/0/consents/0/channel']);
    const tooMany = await t.api.post('/v1/contacts/import', {
      key,
      body: { contacts: Array.from({ length: 1001 }, (_, i) => ({ phone: `+49151300${String(i).padStart(5, '0')}` })) },
    });
    assert.equal(tooMany.status, 422);
    assert.deepEqual(pointers(tooMany.body), ['/contacts']);
    assert.equal((await contacts()).length, 0, 'nothing was written');
  });

  it('creates contacts with their consent (source import), which the consent rule then honours', async () => {
    const res = await t.api.post('/v1/contacts/import', {
      key,
      body: {
        contacts: [
          {
            phone: '+4915122220011',
            name: 'Ada',
            tags: ['vip'],
            attributes: { plan: 'gold' },
            consents: [
              { channel: 'sms', purpose: 'marketing', action: 'granted', evidence: 'newsletter form 2026-03' },
            ],
          },
          { phone: '+4915122220012', name: 'Grace' },
          { email: 'linus@example.com', name: 'Linus' },
        ],
      },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(
      { ...res.body, results: undefined },
      { created: 3, updated: 0, skipped: 0, consentsRecorded: 1, results: undefined },
    );
    assert.deepEqual(
      res.body.results.map((r: { index: number; outcome: string }) => [r.index, r.outcome]),
      [
        [0, 'created'],
        [1, 'created'],
        [2, 'created'],
      ],
    );

    const ada = (await contacts()).find((c) => c.phone === '+4915122220011')!;
    assert.equal(ada.id, res.body.results[0].contactId);
    assert.deepEqual([ada.name, ada.tags, ada.attributes], ['Ada', ['vip'], { plan: 'gold' }]);
    const consent = (await t.api.get(`/v1/contacts/${ada.id}/consents`, { key })).body;
    assert.deepEqual(
      consent.history.map((h: { source: string; evidence: string }) => [h.source, h.evidence]),
      [['import', 'newsletter form 2026-03']],
    );

    // Client accounts enforce consent: the imported grant lets marketing through, its absence does not.
    assert.equal(
      (await send(t, key, { to: '+4915122220011', body: 'Spring sale', purpose: 'marketing' })).status,
      'queued',
    );
    assert.equal(
      (await send(t, key, { to: '+4915122220012', body: 'Spring sale', purpose: 'marketing' })).error.code,
      'no_consent',
    );
  });

  it('merges into existing contacts by default, or leaves them alone with existing: skip', async () => {
    const merged = await t.api.post('/v1/contacts/import', {
      key,
      body: {
        contacts: [
          {
            phone: '+49 151 2222 0011',
            email: 'ada@example.com',
            tags: ['newsletter', 'vip'],
            attributes: { city: 'Dresden' },
          },
          { phone: '+4915122220013' },
        ],
      },
    });
    assert.equal(merged.status, 200);
    assert.deepEqual([merged.body.created, merged.body.updated, merged.body.skipped], [1, 1, 0]);
    const ada = (await contacts()).find((c) => c.phone === '+4915122220011')!;
    assert.deepEqual(
      [ada.name, ada.email, ada.tags, ada.attributes],
      ['Ada', 'ada@example.com', ['vip', 'newsletter'], { plan: 'gold', city: 'Dresden' }],
    );

    const skipped = await t.api.post('/v1/contacts/import', {
      key,
      body: {
        existing: 'skip',
        contacts: [
          {
            phone: '+4915122220012',
            name: 'Not Grace',
            consents: [{ channel: 'sms', purpose: 'marketing', action: 'granted' }],
          },
        ],
      },
    });
    assert.deepEqual(
      [skipped.body.created, skipped.body.updated, skipped.body.skipped, skipped.body.consentsRecorded],
      [0, 0, 1, 1],
    );
    const grace = (await contacts()).find((c) => c.phone === '+4915122220012')!;
    assert.equal(grace.name, 'Grace', 'a skipped contact keeps its details');
    assert.equal(
      (await send(t, key, { to: '+4915122220012', body: 'Spring sale', purpose: 'marketing' })).status,
      'queued',
      'its consent was still recorded',
    );
  });

  it('needs contacts:write', async () => {
    const res = await t.api.post('/v1/contacts/import', {
      key: readOnly,
      body: { contacts: [{ phone: '+4915122220099' }] },
    });
    assert.equal(res.status, 403);
    assert.equal(
      (await contacts()).some((c) => c.phone === '+4915122220099'),
      false,
    );
  });
});
