// Orders bind only once the client has placed them and an operator accepts them in writing;
// acceptance applies every item or none; clients can withdraw a request or decline a draft;
// each step is audited and evented.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';

const acceptance = {
  text: 'Accepted under our terms of 2026-01-01; see signed order form.',
  signer: 'Olga Operator',
  reference: 'ORD-2026-5',
};

describe('orders', () => {
  let t: TestPlatform;
  let account: string;
  let client: string;
  let connectorId: string;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    await t.api.request('PUT', '/v1/admin/billing/supplier', {
      key: admin(),
      body: { name: 'CX Operator GmbH', addressLines: ['Berlin'], country: 'DE', vatId: 'DE123456789' },
    });
    account = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Orders', status: 'active' } }))
      .body.id;
    client = (
      await t.api.post(`/v1/admin/accounts/${account}/api-keys`, {
        key: admin(),
        body: { name: 'c', scopes: ['account:manage', 'billing:read', 'numbers:read', 'audit:read'] },
      })
    ).body.secret;
    await t.api.request('PUT', `/v1/admin/accounts/${account}/billing-profile`, {
      key: admin(),
      body: { legalName: 'Orders Ltd', addressLines: ['x'], country: 'DE', isBusiness: true },
    });
    connectorId = (
      await t.api.post('/v1/admin/connectors', {
        key: admin(),
        body: {
          name: 'Austria',
          kind: 'smpp',
          config: { host: '127.0.0.1', port: 2775, systemId: 'at', password: 'pw' },
        },
      })
    ).body.id;
  });
  after(() => t.close());

  const accept = (id: string) => t.api.post(`/v1/admin/orders/${id}/accept`, { key: admin(), body: { acceptance } });

  it("changes nothing on a client's request; the operator's written acceptance applies every item", async () => {
    const items = [
      { kind: 'sms_limit', smsLimit: 200_000 },
      { kind: 'number', number: '+4915199990001', channels: ['sms'] },
      { kind: 'connector_access', connectorId, prefix: '+43' },
      { kind: 'price', channel: 'sms', prefix: '+49', unitPriceMicros: 42_000, currency: 'EUR' },
      { kind: 'fee', description: 'Short code setup', quantity: 1, unitPriceMinor: 25_000, currency: 'EUR' },
    ];
    const requested = await t.api.post('/v1/orders', { key: client, body: { items, note: 'for our winter campaign' } });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    assert.equal(requested.body.status, 'requested');
    assert.equal((await t.api.get('/v1/account', { key: client })).body.sms.limit, 50_000, 'a request binds nobody');
    assert.equal((await t.api.get('/v1/numbers', { key: client })).body.data.length, 0);
    const queue = (await t.api.get('/v1/admin/orders?status=requested', { key: admin() })).body.data;
    assert.deepEqual(
      queue.map((o: { id: string }) => o.id),
      [requested.body.id],
    );

    const accepted = await accept(requested.body.id);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.status, 'accepted');
    assert.deepEqual(accepted.body.acceptance, acceptance);
    assert.deepEqual(
      accepted.body.effects.map((e: { kind: string }) => e.kind),
      ['sms_limit', 'number', 'connector_access', 'price', 'fee'],
    );
    assert.equal((await t.api.get('/v1/account', { key: client })).body.sms.limit, 200_000);
    assert.deepEqual(
      (await t.api.get('/v1/numbers', { key: client })).body.data.map((n: { number: string }) => n.number),
      ['+4915199990001'],
    );
    const route = (await t.api.get('/v1/admin/routes', { key: admin() })).body.data.find(
      (r: { accountId: string | null; prefix: string }) => r.accountId === account && r.prefix === '+43',
    );
    assert.equal(route.connectors[0].connectorId, connectorId);
    const preview = await t.platform.ctx
      .sql`select unit_price_micros::int as price from prices where account_id = ${account}`;
    assert.deepEqual(
      preview.map((p) => p.price),
      [42_000],
    );
    const invoices = (await t.api.get('/v1/invoices', { key: client })).body.data;
    assert.deepEqual(
      invoices.map((i: { netMinor: number; totalMinor: number }) => [i.netMinor, i.totalMinor]),
      [[25_000, 29_750]],
      'the fee, invoiced with VAT',
    );
    assert.equal((await accept(requested.body.id)).status, 409, 'accepted once');

    const events = await t.platform.ctx.sql<
      { type: string }[]
    >`select type from events where account_id = ${account} and type like 'order.%' order by sequence`;
    assert.deepEqual(
      events.map((e) => e.type),
      ['order.requested', 'order.accepted'],
    );
    const audit = (await t.api.get('/v1/audit-log', { key: client })).body.data.map(
      (e: { action: string }) => e.action,
    );
    assert.ok(audit.includes('order.accepted') && audit.includes('account.sms_limit_changed'));
  });

  it('never lets an operator accept its own draft: the client places it first, then the written acceptance concludes and bills it', async () => {
    const items = [
      { kind: 'fee', description: 'Sender ID registration', quantity: 1, unitPriceMinor: 10_000, currency: 'EUR' },
    ];
    const invoices = async () => (await t.api.get('/v1/invoices', { key: client })).body.data.length as number;
    const before = await invoices();
    const draft = await t.api.post(`/v1/admin/accounts/${account}/orders`, { key: admin(), body: { items } });
    assert.deepEqual([draft.status, draft.body.status, draft.body.placedAt], [201, 'draft', null]);
    const own = await accept(draft.body.id);
    assert.equal(own.status, 409, 'the operator cannot conclude an order the client never placed');
    assert.match(own.body.detail, /confirm/);
    assert.equal((await t.api.get(`/v1/orders/${draft.body.id}`, { key: client })).body.status, 'draft');
    assert.equal(await invoices(), before, 'nothing billed');

    const confirmed = await t.api.post(`/v1/orders/${draft.body.id}/confirm`, { key: client });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.status, 'requested');
    assert.ok(confirmed.body.placedAt, 'the client placed it');
    assert.equal((await t.api.post(`/v1/orders/${draft.body.id}/confirm`, { key: client })).status, 409, 'placed once');
    const accepted = await accept(draft.body.id);
    assert.deepEqual([accepted.status, accepted.body.status], [200, 'accepted']);
    assert.equal(await invoices(), before + 1, 'the fee is billed on acceptance');

    const events = await t.platform.ctx.sql<
      { type: string }[]
    >`select type from events where object_id = ${draft.body.id} order by sequence`;
    assert.deepEqual(
      events.map((e) => e.type),
      ['order.drafted', 'order.confirmed', 'order.accepted'],
    );
    const audit = (await t.api.get('/v1/audit-log', { key: client })).body.data
      .filter((e: { target: { id: string } | null }) => e.target?.id === draft.body.id)
      .map((e: { action: string; actor: { type: string } }) => `${e.actor.type} ${e.action}`);
    assert.deepEqual(audit.sort(), ['key order.confirmed', 'operator order.accepted', 'operator order.created']);

    const declined = await t.api.post(`/v1/admin/accounts/${account}/orders`, { key: admin(), body: { items } });
    assert.equal(
      (await t.api.post(`/v1/orders/${declined.body.id}/cancel`, { key: client })).body.status,
      'canceled',
      'the client declines a draft',
    );
    assert.equal((await t.api.post(`/v1/orders/${declined.body.id}/confirm`, { key: client })).status, 409);
    const other = (
      await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Stranger', status: 'active' } })
    ).body.id;
    const strangerKey = (
      await t.api.post(`/v1/admin/accounts/${other}/api-keys`, {
        key: admin(),
        body: { name: 's', scopes: ['account:manage'] },
      })
    ).body.secret;
    const offered = await t.api.post(`/v1/admin/accounts/${account}/orders`, { key: admin(), body: { items } });
    assert.equal(
      (await t.api.post(`/v1/orders/${offered.body.id}/confirm`, { key: strangerKey })).status,
      404,
      "another tenant cannot place an account's order",
    );
  });

  it('applies nothing when one item cannot take effect', async () => {
    const draft = await t.api.post(`/v1/admin/accounts/${account}/orders`, {
      key: admin(),
      body: {
        items: [
          { kind: 'sms_limit', smsLimit: 300_000 },
          { kind: 'number', number: '+4915199990001', channels: ['sms'] },
          { kind: 'connector_access', connectorId: 'con_missing' },
        ],
      },
    });
    assert.equal(draft.body.status, 'draft', 'an operator drafts an offer');
    assert.equal(
      (await t.api.post(`/v1/orders/${draft.body.id}/confirm`, { key: client })).status,
      200,
      'the client places it',
    );
    const refused = await accept(draft.body.id);
    assert.equal(refused.status, 409);
    assert.deepEqual(
      refused.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/items/1/number', '/items/2/connectorId'],
    );
    assert.equal(
      (await t.api.get('/v1/account', { key: client })).body.sms.limit,
      200_000,
      'the limit item was rolled back',
    );
    assert.equal(
      (await t.api.get(`/v1/orders/${draft.body.id}`, { key: client })).body.status,
      'requested',
      'still waiting for a decision',
    );
  });

  it('lets the client withdraw and the operator reject; validates items', async () => {
    const order = async () =>
      (
        await t.api.post('/v1/orders', {
          key: client,
          body: { items: [{ kind: 'deposit', amountMinor: 10_000, currency: 'EUR' }] },
        })
      ).body;
    const withdrawn = await t.api.post(`/v1/orders/${(await order()).id}/cancel`, { key: client });
    assert.equal(withdrawn.body.status, 'canceled');
    assert.equal((await accept(withdrawn.body.id)).status, 409);
    const rejected = await t.api.post(`/v1/admin/orders/${(await order()).id}/reject`, {
      key: admin(),
      body: { note: 'deposit not needed' },
    });
    assert.deepEqual([rejected.body.status, rejected.body.decisionNote], ['rejected', 'deposit not needed']);

    const bad = await t.api.post('/v1/orders', {
      key: client,
      body: { items: [{ kind: 'price', channel: 'sms', prefix: '49', unitPriceMicros: 1, currency: 'EUR' }] },
    });
    assert.equal(bad.status, 422);
    assert.match(bad.body.errors[0].pointer, /^\/items\/0/);
    const other = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Other', status: 'active' } }))
      .body.id;
    const otherKey = (
      await t.api.post(`/v1/admin/accounts/${other}/api-keys`, {
        key: admin(),
        body: { name: 'o', scopes: ['account:manage'] },
      })
    ).body.secret;
    assert.equal((await t.api.get(`/v1/orders/${withdrawn.body.id}`, { key: otherKey })).status, 404);
    assert.equal((await t.api.post(`/v1/orders/${withdrawn.body.id}/cancel`, { key: otherKey })).status, 404);
  });
});
