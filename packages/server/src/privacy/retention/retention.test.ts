// The retention run against real messages sent through the API at controlled times (the
// injected clock): what is past its period goes, what is at or inside the boundary stays,
// legal holds keep what they cover, and an anonymized number is nowhere in the database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../platform/clock.ts';
import { postgresFileStore } from '../../platform/files/store.ts';
import { verifyAuditChains } from '../../platform/audit/verify.ts';
import { fraudRulesOff, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { waitForBound, waitForStatus } from '../../../test/messages.ts';
import { dumpDatabase, findInDump } from '../../../test/dump.ts';
import { applyRetention } from './job.ts';

const DAY = 24 * 3600_000;
const T0 = new Date('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

describe('retention run', () => {
  let t: TestPlatform;
  const clock = new ManualClock(T0);
  const admin = () => t.boot.adminApiKey;
  const sql = () => t.platform.ctx.sql;

  async function client(name: string): Promise<{ id: string; key: string }> {
    const acc = await t.api.post('/v1/admin/accounts', { key: admin(), body: { name, status: 'active' } });
    await fraudRulesOff(t, acc.body.id);
    const key = await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, {
      key: admin(),
      body: { name: 'k', mode: 'live', scopes: ['messages:write', 'messages:read', 'privacy:manage', 'audit:read'] },
    });
    return { id: acc.body.id, key: key.body.secret };
  }

  /** Sends at a given day and waits until it is delivered (settled messages only are erased). */
  async function sendAt(key: string, day: number, body: Record<string, unknown>): Promise<string> {
    clock.set(at(day));
    const res = await t.api.post('/v1/messages', { key, body: { body: 'hello there', ...body } });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    await waitForStatus(t, key, res.body.id, ['delivered']);
    return res.body.id;
  }
  const message = async (key: string, id: string) => (await t.api.get(`/v1/messages/${id}`, { key })).body;

  before(async () => {
    t = await startTestPlatform({ clock });
    await waitForBound(t);
  });
  after(async () => {
    await t.close();
  });

  it('erases content older than the period and leaves the message exactly at the boundary and newer ones', async () => {
    const a = await client('Content');
    const old = await sendAt(a.key, 0, { to: '+4915112340001' });
    const boundary = await sendAt(a.key, 10, { to: '+4915112340002' });
    const newer = await sendAt(a.key, 20, { to: '+4915112340003' });
    const runs = await applyRetention(t.platform.ctx, at(100));
    const run = runs.find((r) => r.accountId === a.id)!;
    assert.equal(run.counts.message_content, 1);
    const erased = await message(a.key, old);
    assert.equal(erased.body, null);
    assert.deepEqual(erased.contentErased, { at: at(100).toISOString(), reason: 'retention' });
    assert.equal(erased.to, '+4915112340001', 'metadata is kept for 400 days');
    for (const id of [boundary, newer]) {
      const kept = await message(a.key, id);
      assert.deepEqual([kept.body, kept.contentErased], ['hello there', null]);
    }
    const listed = await t.api.get('/v1/privacy/retention/runs', { key: a.key });
    assert.equal(listed.body.data[0].counts.message_content, 1);
  });

  it('anonymizes old messages so their number is nowhere in the database, and keeps billing rows', async () => {
    const a = await client('Identity');
    const number = '+4915112349876';
    clock.set(at(25));
    const res = await t.api.post('/v1/messages', {
      key: a.key,
      headers: { 'idempotency-key': 'identity-1' },
      body: {
        to: number,
        from: 'ACME',
        body: 'your code',
        reference: `order for ${number}`,
        metadata: { phone: number },
      },
    });
    await waitForStatus(t, a.key, res.body.id, ['delivered']);
    await sql()`insert into whatsapp_windows (account_id, business_number, customer_number, last_inbound_at) values (${a.id}, 'ACME', ${number}, ${at(25)})`;
    const kept = await sendAt(a.key, 300, { to: '+4915112340777' });
    const before = findInDump(await dumpDatabase(sql()), number.slice(1));
    assert.ok(before.includes('public.messages'), 'the scan finds the number before');

    await applyRetention(t.platform.ctx, at(426));
    // The contact is the client's address-book entry, not message metadata: it stays until the
    // client deletes it or the person's erasure removes it (privacy/requests/erasure.ts).
    assert.deepEqual(
      findInDump(await dumpDatabase(sql()), number.slice(1)),
      ['public.contacts'],
      'neither with nor without + anywhere but the contact',
    );
    const erased = await message(a.key, res.body.id);
    assert.match(erased.to, /^anon_[0-9a-f]{16}$/);
    assert.deepEqual([erased.body, erased.reference, erased.metadata, erased.status], [null, null, null, 'delivered']);
    assert.equal((await message(a.key, kept)).to, '+4915112340777');
  });

  it('processes everything over several small batches', async () => {
    const a = await client('Batches');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await sendAt(a.key, 500 + i, { to: `+491511234100${i}` }));
    const [run] = (await applyRetention(t.platform.ctx, at(700), { batchSize: 2 })).filter((r) => r.accountId === a.id);
    assert.deepEqual([run!.counts.message_content, run!.complete], [5, true]);
    for (const id of ids) assert.equal((await message(a.key, id)).body, null);
  });

  it('leaves an account on legal hold and a held person alone, and records what it skipped', async () => {
    const held = await client('Held account');
    const other = await client('Held person');
    const heldAccountMsg = await sendAt(held.key, 800, { to: '+4915112342001' });
    const heldPerson = await sendAt(other.key, 800, { to: '+4915112342002' });
    const notHeld = await sendAt(other.key, 800, { to: '+4915112342003' });
    const placed = await t.api.post(`/v1/admin/accounts/${held.id}/legal-hold`, {
      key: admin(),
      body: { reason: 'court order 17/2026' },
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const subject = await t.api.post('/v1/privacy/legal-holds', {
      key: other.key,
      body: { subject: { phone: '+4915112342002' }, reason: 'pending complaint' },
    });
    assert.equal(subject.status, 201);

    const runs = await applyRetention(t.platform.ctx, at(1300));
    assert.deepEqual(runs.find((r) => r.accountId === held.id)!.skipped, { accountHold: true, subjectHolds: 0 });
    assert.deepEqual(runs.find((r) => r.accountId === other.id)!.skipped, { accountHold: false, subjectHolds: 1 });
    assert.equal((await message(held.key, heldAccountMsg)).body, 'hello there');
    assert.equal((await message(other.key, heldPerson)).to, '+4915112342002');
    assert.match((await message(other.key, notHeld)).to, /^anon_/);

    await t.api.delete(`/v1/admin/accounts/${held.id}/legal-hold`, { key: admin() });
    await applyRetention(t.platform.ctx, at(1300));
    assert.equal((await message(held.key, heldAccountMsg)).body, null, 'released: retention applies again');
  });

  it("applies each account's own periods only to that account", async () => {
    const short = await client('Short');
    const long = await client('Long');
    const put = await t.api.request('PUT', '/v1/privacy/retention', {
      key: short.key,
      body: { categories: { message_content: 30 } },
    });
    assert.equal(put.status, 200);
    const a = await sendAt(short.key, 1400, { to: '+4915112343001' });
    const b = await sendAt(long.key, 1400, { to: '+4915112343002' });
    await applyRetention(t.platform.ctx, at(1460));
    assert.equal((await message(short.key, a)).body, null);
    assert.equal((await message(long.key, b)).body, 'hello there', 'the platform default (90 days) still keeps it');
  });

  it('deletes inbound media, exports and ended webhook deliveries past their periods, and redacts audit free text without breaking the chain', async () => {
    const a = await client('Files');
    const files = postgresFileStore(sql(), clock);
    const put = async (day: number, purpose: 'inbound_media' | 'export') => {
      clock.set(at(day));
      return (
        await files.put(
          a.id,
          { name: 'f', contentType: 'image/png', purpose },
          (async function* () {
            yield Buffer.from('x');
          })(),
        )
      ).id;
    };
    const [oldMedia, newMedia, oldExport, newExport] = [
      await put(1500, 'inbound_media'),
      await put(1580, 'inbound_media'),
      await put(1500, 'export'),
      await put(1585, 'export'),
    ];
    for (const [id, day] of [
      ['del_old', 1500],
      ['del_new', 1580],
    ] as const) {
      await sql()`insert into webhook_deliveries (account_id, id, url, event_id, event_type, status, created_at, ended_at)
                  values (${a.id}, ${id}, 'https://example.com/h', 'evt_x', 'message.sent', 'delivered', ${at(day)}, ${at(day)})`;
      await sql()`insert into webhook_attempts (account_id, delivery_id, attempt, at, status_code, latency_ms, response_body)
                  values (${a.id}, ${id}, 1, ${at(day)}, 200, 5, 'what the receiver answered')`;
    }
    clock.set(at(1500));
    await t.api.post(`/v1/admin/accounts/${a.id}/suspend`, { key: admin(), body: { reason: 'unpaid since March' } });
    clock.set(at(1590));
    await t.api.post(`/v1/admin/accounts/${a.id}/reactivate`, { key: admin(), body: { reason: 'paid in full' } });

    const [run] = (await applyRetention(t.platform.ctx, at(1590 + 0.5))).filter((r) => r.accountId === a.id);
    assert.equal(run!.counts.inbound_media, 1);
    assert.equal(run!.counts.exports, 1);
    assert.equal(run!.counts.webhook_delivery_logs, 1);
    const left = (await sql()`select id from files where account_id = ${a.id} order by id`).map((r) => r.id);
    assert.deepEqual(left, [newMedia, newExport].sort());
    assert.ok(![oldMedia, oldExport].some((id) => left.includes(id)));
    assert.deepEqual(
      (await sql()`select id from webhook_deliveries where account_id = ${a.id}`).map((r) => r.id),
      ['del_new'],
    );
    // The attempts (and the receivers' answers they keep) go with their deliveries.
    assert.deepEqual(
      (await sql()`select delivery_id from webhook_attempts where account_id = ${a.id}`).map((r) => r.delivery_id),
      ['del_new'],
    );
    // The audit free text is kept 365 days: a run a year later redacts the suspension's reason only.
    await applyRetention(t.platform.ctx, at(1500 + 365 + 1));
    const log = (await t.api.get('/v1/audit-log', { key: a.key })).body.data as {
      action: string;
      data: Record<string, unknown>;
      freeTextRedactedAt: string | null;
    }[];
    const suspended = log.find((e) => e.action === 'account.suspend')!;
    const reactivated = log.find((e) => e.action === 'account.reactivate')!;
    assert.equal(suspended.data.reason, undefined);
    assert.ok(suspended.freeTextRedactedAt);
    assert.equal(reactivated.data.reason, 'paid in full');
    const [chain] = await verifyAuditChains(sql(), { accountId: a.id });
    assert.equal(chain!.ok, true, chain!.reason ?? '');
  });
});
