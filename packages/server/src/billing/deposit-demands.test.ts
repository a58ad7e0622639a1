// A deposit demanded from an account in service, on an injected clock: a due date and a notice;
// past the due date every live message, SMS and WhatsApp, is created `rejected` with
// deposit_overdue (the request still answers 202) until the deposit is held in full.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitFor } from '../../test/messages.ts';
import { ManualClock } from '../platform/clock.ts';

const DAY = 86_400_000;
const hello = {
  name: 'hello_world',
  language: 'en_US',
  components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }],
};

describe('deposits demanded from an active account', () => {
  const clock = new ManualClock('2026-11-02T09:00:00Z');
  let t: TestPlatform;
  let account: string;
  let live: string;
  let test: string;
  const admin = () => t.boot.adminApiKey;
  before(async () => {
    t = await startTestPlatform({ clock });
    const connectorId = await waitFor(async () => {
      const numbers = (await t.api.get('/v1/numbers', { key: t.boot.apiKey })).body.data as {
        whatsapp: { connectorId: string } | null;
      }[];
      return numbers.find((n) => n.whatsapp)?.whatsapp?.connectorId;
    }, 'the sandbox WhatsApp number');
    account = (await t.api.post('/v1/admin/accounts', { key: admin(), body: { name: 'Deposit', status: 'active' } }))
      .body.id;
    await t.api.request('PUT', `/v1/admin/accounts/${account}/billing-profile`, {
      key: admin(),
      body: {
        legalName: 'Deposit GmbH',
        addressLines: ['x'],
        country: 'DE',
        isBusiness: true,
        email: 'billing@deposit.example',
        paymentTermsDays: 14,
      },
    });
    const number = await t.api.post('/v1/admin/numbers', {
      key: admin(),
      body: {
        number: '+14155550143',
        accountId: account,
        channels: ['sms', 'whatsapp'],
        whatsapp: { connectorId, phoneNumberId: '100000000000778' },
      },
    });
    assert.equal(number.status, 201, JSON.stringify(number.body));
    assert.equal((await t.api.post('/v1/admin/whatsapp/templates/sync', { key: admin() })).status, 200);
    const scopes = ['messages:write', 'messages:read', 'billing:read', 'contacts:write', 'sandbox:use'];
    const keyOf = async (mode: string) =>
      (await t.api.post(`/v1/admin/accounts/${account}/api-keys`, { key: admin(), body: { name: mode, mode, scopes } }))
        .body.secret as string;
    [live, test] = [await keyOf('live'), await keyOf('test')];
    const optIn = await t.api.request('PUT', `/v1/whatsapp/opt-ins/${encodeURIComponent('+4915112340100')}`, {
      key: live,
      body: { source: 'form', evidence: 'signed up, 2026-11-01' },
    });
    assert.equal(optIn.status, 200, JSON.stringify(optIn.body));
  });
  after(() => t.close());

  const demand = (required: unknown) =>
    t.api.request('PUT', `/v1/admin/accounts/${account}/deposit-requirement`, { key: admin(), body: { required } });
  const deposit = (amountMinor: number) =>
    t.api.post(`/v1/admin/accounts/${account}/deposits`, {
      key: admin(),
      body: {
        amountMinor,
        currency: 'EUR',
        receivedOn: clock.now().toISOString().slice(0, 10),
        reference: `DEP-${amountMinor}`,
        method: 'bank_transfer',
      },
    });
  const sms = (key: string) => send(t, key, { to: '+4915112340100', body: 'hello' });
  const whatsApp = () => send(t, live, { channel: 'whatsapp', to: '+4915112340100', template: hello });

  it('gives the demand a due date and a notice, refuses every live message per message after it, and lifts once the deposit is held', async () => {
    assert.equal((await demand({ amountMinor: 50_000, currency: 'EUR' })).status, 204);
    const balance = async () => (await t.api.get('/v1/balance', { key: live })).body.deposits.required;
    assert.deepEqual(
      await balance(),
      { amountMinor: 50_000, currency: 'EUR', dueOn: '2026-11-16', overdue: false },
      'due after the 14 days of payment terms',
    );
    const [event] = await t.platform.ctx
      .sql`select data from events where account_id = ${account} and type = 'account.deposit_demanded'`;
    assert.deepEqual(event?.data, { amountMinor: 50_000, currency: 'EUR', dueOn: '2026-11-16', heldMinor: 0 });
    const emails = (await t.api.get('/v1/sandbox/emails', { key: live })).body.data as {
      to: string;
      subject: string;
    }[];
    assert.ok(
      emails.some((e) => e.to === 'billing@deposit.example' && e.subject.includes('due on 2026-11-16')),
      JSON.stringify(emails),
    );

    clock.set('2026-11-16T23:00:00Z');
    assert.equal((await sms(live)).status, 'queued', 'the due date itself is still in time');
    clock.advance(2 * DAY);
    const refusedSms = await sms(live);
    assert.deepEqual([refusedSms.status, refusedSms.error?.code], ['rejected', 'deposit_overdue']);
    const refusedWhatsApp = await whatsApp();
    assert.deepEqual(
      [refusedWhatsApp.channel, refusedWhatsApp.status, refusedWhatsApp.error?.code],
      ['whatsapp', 'rejected', 'deposit_overdue'],
    );
    const batch = await t.api.post('/v1/messages/batch', {
      key: live,
      body: {
        messages: [
          { to: '+4915112340101', body: 'a' },
          { to: '+4915112340102', body: 'b' },
        ],
      },
    });
    assert.equal(batch.status, 202);
    assert.deepEqual(
      batch.body.data.map((m: { error: { code: string } | null }) => m.error?.code),
      ['deposit_overdue', 'deposit_overdue'],
    );
    assert.equal((await sms(test)).status, 'queued', 'test keys are never billed nor held to deposits');
    assert.equal((await balance()).overdue, true);

    assert.equal((await deposit(30_000)).status, 201);
    assert.equal((await sms(live)).error?.code, 'deposit_overdue', 'EUR 300 of 500 is not the deposit');
    assert.equal((await deposit(20_000)).status, 201);
    assert.equal((await sms(live)).status, 'queued');
    assert.equal((await whatsApp()).status, 'queued');
    assert.equal((await balance()).overdue, false);
  });

  it('validates the due date, lifts a demand with null, and takes a deposit item of an accepted order', async () => {
    const past = await demand({ amountMinor: 90_000, currency: 'EUR', dueOn: '2026-01-01' });
    assert.equal(past.status, 422);
    assert.equal(past.body.errors[0].pointer, '/required/dueOn');
    assert.equal((await demand({ amountMinor: 90_000, currency: 'EUR', dueOn: '2026-11-30', extra: 1 })).status, 422);
    assert.equal((await demand(null)).status, 204);
    assert.equal((await t.api.get('/v1/balance', { key: live })).body.deposits.required, null);

    const client = (
      await t.api.post(`/v1/admin/accounts/${account}/api-keys`, {
        key: admin(),
        body: { name: 'o', scopes: ['account:manage'] },
      })
    ).body.secret;
    const dueOn = new Date(clock.now().getTime() + DAY).toISOString().slice(0, 10);
    const order = await t.api.post('/v1/orders', {
      key: client,
      body: { items: [{ kind: 'deposit', amountMinor: 90_000, currency: 'EUR', dueOn }] },
    });
    const accepted = await t.api.post(`/v1/admin/orders/${order.body.id}/accept`, {
      key: admin(),
      body: { acceptance: { text: 'Deposit agreed', signer: 'O. Operator' } },
    });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.effects[0].detail, `deposit of 90000 EUR required, due on ${dueOn}`);
    clock.advance(2 * DAY);
    assert.equal((await sms(live)).error?.code, 'deposit_overdue', 'EUR 500 held, EUR 900 demanded');
  });
});
