// Retries on an injected clock: the schedule, Retry-After, a receiver down for a simulated
// day, and an endpoint failing for five days. Events come from real account actions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { startReceiver, type Receiver } from '../../test/receiver.ts';
import { waitFor } from '../../test/wait.ts';
import { ManualClock } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';
import { sweepEndedDeliveries } from './delivery-store.ts';

describe('webhook retries', () => {
  const clock = new ManualClock('2026-03-02T08:00:00Z');
  let t: TestPlatform;
  let accountId: string;
  let key: string;
  let hold = false;
  const receivers: Receiver[] = [];
  before(async () => {
    t = await startTestPlatform({ clock });
    const account = await t.api.post('/v1/admin/accounts', {
      key: t.boot.adminApiKey,
      body: { name: 'Retries', status: 'active' },
    });
    accountId = account.body.id;
    key = (
      await t.api.post(`/v1/admin/accounts/${accountId}/api-keys`, {
        key: t.boot.adminApiKey,
        body: { name: 'k', scopes: ['webhooks:manage', 'sandbox:use'] },
      })
    ).body.secret;
  });
  after(async () => {
    for (const r of receivers) await r.close();
    await t.close();
  });

  async function setup(answer: Receiver['answer']): Promise<{ r: Receiver; endpointId: string }> {
    const r = await startReceiver();
    receivers.push(r);
    r.answer = answer;
    const ep = await t.api.post('/v1/webhook-endpoints', {
      key,
      body: { url: r.url, events: ['account.traffic_hold', 'account.traffic_released'] },
    });
    return { r, endpointId: ep.body.id };
  }
  /** A real account event (the kill switch toggled by an operator). */
  async function trigger(): Promise<void> {
    hold = !hold;
    const path = `/v1/admin/accounts/${accountId}/traffic-hold`;
    const res = hold
      ? await t.api.post(path, { key: t.boot.adminApiKey, body: { reason: 'test' } })
      : await t.api.delete(path, { key: t.boot.adminApiKey });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  const delivery = async (endpointId: string) =>
    (await t.api.get(`/v1/webhook-deliveries?endpointId=${endpointId}`, { key })).body.data[0];
  const received = (r: Receiver, n: number) =>
    waitFor(async () => (r.received.length >= n ? true : undefined), `attempt ${n}`);
  const r2 = (_: string) => receivers.map((r) => r.received.length).join(',');
  /** Moves the clock to each scheduled retry until the delivery is delivered or dead. */
  async function retryUntilEnded(endpointId: string) {
    let d = await waitFor(
      async () => ((await delivery(endpointId))?.attempts.length ? delivery(endpointId) : undefined),
      'the first attempt',
    );
    while (d.status === 'pending') {
      const attempts = d.attempts.length;
      clock.set(new Date(Date.parse(d.nextAttemptAt) + 1000));
      d = await waitFor(
        async () => {
          const now = await delivery(endpointId);
          return now.attempts.length > attempts ? now : undefined;
        },
        `attempt ${attempts + 1}`,
        60_000,
      ).catch(async (err: Error) => {
        const rows = await t.platform.ctx
          .sql`select status, attempts, next_attempt_at, lease_until from webhook_deliveries where endpoint_id = ${endpointId}`;
        throw new Error(
          `${err.message}; clock ${clock.now().toISOString()}; deliveries ${JSON.stringify(rows)}; received ${r2(endpointId)}`,
        );
      });
    }
    return d;
  }
  async function closeEndpoint(endpointId: string) {
    await t.api.delete(`/v1/webhook-endpoints/${endpointId}`, { key });
  }

  it('retries a failing receiver on schedule (first within 30 s) with the same webhook-id until it answers 2xx', async () => {
    const { r, endpointId } = await setup((_, n) => (n < 3 ? { status: 500 } : { status: 204 }));
    await trigger();
    await received(r, 1);
    const first = await waitFor(
      async () => ((await delivery(endpointId))?.attempts.length === 1 ? delivery(endpointId) : undefined),
      'the first failure recorded',
    );
    const wait1 = Date.parse(first.nextAttemptAt) - clock.now().getTime();
    assert.ok(wait1 >= 4500 && wait1 <= 5500, `first retry after about 5 s, got ${wait1} ms`);
    for (const [n, advance] of [
      [2, 6_000],
      [3, 6 * 60_000],
      [4, 35 * 60_000],
    ] as const) {
      clock.advance(advance);
      await received(r, n);
    }
    const done = await waitFor(
      async () => ((await delivery(endpointId)).status === 'delivered' ? delivery(endpointId) : undefined),
      'delivered',
    );
    assert.deepEqual(
      done.attempts.map((a: { statusCode: number }) => a.statusCode),
      [500, 500, 500, 204],
    );
    assert.equal(new Set(r.received.map((x) => x.headers['webhook-id'])).size, 1, 'one webhook-id for every attempt');
    await closeEndpoint(endpointId);
  });

  it("honours the receiver's Retry-After", async () => {
    const { r, endpointId } = await setup(() => ({ status: 429, headers: { 'retry-after': '7200' } }));
    await trigger();
    await received(r, 1);
    const d = await waitFor(
      async () => ((await delivery(endpointId))?.attempts.length === 1 ? delivery(endpointId) : undefined),
      'the 429 recorded',
    );
    assert.ok(
      Date.parse(d.nextAttemptAt) - clock.now().getTime() >= 7_200_000,
      'not before the two hours it asked for',
    );
    await closeEndpoint(endpointId);
  });

  it('catches up a receiver that was down for a whole simulated day', async () => {
    const downUntil = clock.now().getTime() + 24 * 3600_000;
    const { r, endpointId } = await setup(() =>
      clock.now().getTime() < downUntil ? { status: 503 } : { status: 200 },
    );
    await trigger();
    const d = await retryUntilEnded(endpointId);
    assert.equal(d.status, 'delivered', 'still retried after 24 hours, then delivered');
    assert.ok(d.attempts.length <= 8);
    assert.ok(Date.parse(d.attempts.at(-1).at) >= downUntil);
    assert.equal(new Set(r.received.map((x) => x.headers['webhook-id'])).size, 1);
    await closeEndpoint(endpointId);
  });

  it('dead-letters after the last attempt and disables an endpoint failing for five days, telling the account', async () => {
    await t.platform.ctx
      .sql`insert into users (account_id, id, email, role, created_at) values (${accountId}, ${newId('usr')}, 'owner@retries.example', 'owner', now())`;
    const { r, endpointId } = await setup(() => ({ status: 500 }));
    await trigger();
    const d = await retryUntilEnded(endpointId);
    assert.equal(d.status, 'dead');
    assert.equal(d.attempts.length, 8, 'the first try and seven retries');
    assert.equal(
      (await t.api.get(`/v1/webhook-endpoints/${endpointId}`, { key })).body.enabled,
      true,
      'not yet five days',
    );

    clock.advance(4 * 24 * 3600_000);
    await trigger();
    const disabled = await waitFor(async () => {
      const e = await t.api.get(`/v1/webhook-endpoints/${endpointId}`, { key });
      return e.body.enabled === false ? e.body : undefined;
    }, 'disabled after five days of failures');
    assert.equal(disabled.disabledReason, 'failing');
    const emails = await t.api.get('/v1/sandbox/emails', { key });
    assert.ok(
      emails.body.data.some(
        (e: { to: string; text: string }) => e.to === 'owner@retries.example' && e.text.includes('five days'),
      ),
    );
    assert.ok(r.received.length >= 9);
  });

  it('deletes finished deliveries and their attempts after 30 days, never pending ones', async () => {
    const { sql } = t.platform.ctx;
    const count = async (status: string) =>
      (await sql<{ n: number }[]>`select count(*)::int as n from webhook_deliveries where status = ${status}`)[0]!.n;
    const pendingBefore = await count('pending');
    assert.ok((await count('delivered')) + (await count('dead')) > 0);
    clock.advance(31 * 24 * 3600_000);
    assert.ok((await sweepEndedDeliveries(sql, clock.now())) > 0);
    assert.equal((await count('delivered')) + (await count('dead')), 0);
    assert.equal(await count('pending'), pendingBefore);
    assert.equal(
      (
        await sql<
          { n: number }[]
        >`select count(*)::int as n from webhook_attempts a where not exists (select 1 from webhook_deliveries d where d.id = a.delivery_id)`
      )[0]!.n,
      0,
    );
  });
});
