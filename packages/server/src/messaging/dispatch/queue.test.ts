// The queue and the receipts at the database level: claims, fair share, the priority lane,
// lenient receipt ids and receipts that arrive before their submit_sm_resp was stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { newId } from '../../platform/ids.ts';
import { insertMessages, type MessageRow } from '../store.ts';
import { claimDueMessages } from './claim.ts';
import { applyReceipts, keepPending, receiptIdCandidates, retryPendingReceipts } from './receipts.ts';
import { writeOutcomes } from './outcomes.ts';
import { priceBookOf } from '../../billing/price-book.ts';

function row(accountId: string, over: Partial<MessageRow> = {}): MessageRow {
  const now = new Date();
  return {
    accountId, id: newId('msg'), direction: 'outbound', channel: 'sms', status: 'queued', keyMode: 'live', toNumber: '+4915112345678',
    fromNumber: 'ACME', subjectHash: Buffer.alloc(32), body: null, encoding: 'GSM-7', segments: 1, purpose: 'transactional', priority: 'normal',
    scheduledAt: null, validUntil: null, reference: null, metadata: null, callbackUrl: null, storeContent: true, connectorId: null,
    errorCode: null, errorTitle: null, errorDetail: null, attempts: 0, nextAttemptAt: new Date(now.getTime() - 1000), createdAt: now, updatedAt: now, ...over,
  };
}

describe('message queue and receipts', () => {
  let t: TestPlatform;
  let bulk: string;
  let small: string;
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    bulk = (await t.api.post('/v1/admin/accounts', { key: t.boot.adminApiKey, body: { name: 'Bulk', status: 'active' } })).body.id;
    small = (await t.api.post('/v1/admin/accounts', { key: t.boot.adminApiKey, body: { name: 'Small', status: 'active' } })).body.id;
  });
  after(() => t.close());
  const sql = () => t.platform.ctx.sql;
  const claim = (lane: 'high' | 'normal', limit: number, perAccount = 100) =>
    sql().begin((tx) => claimDueMessages(tx, { now: new Date(), leaseMs: 60_000, worker: 'w1', limit, perAccount, lane }));

  it("gives every account its share: a bulk backlog does not starve another account's message", async () => {
    await insertMessages(sql(), Array.from({ length: 3000 }, () => row(bulk)));
    await insertMessages(sql(), [row(small)]);
    const claimed = await claim('normal', 150, 100);
    assert.equal(claimed.filter((m) => m.accountId === small).length, 1);
    assert.equal(claimed.filter((m) => m.accountId === bulk).length, 100, 'at most perAccount per claim');
    assert.ok(claimed.every((m) => m.attempts === 1));
  });

  it('claims the high lane (OTP) ahead of any normal backlog, and never the same row twice', async () => {
    const otp = row(small, { priority: 'high', purpose: 'otp' });
    await insertMessages(sql(), [otp]);
    const [first, second] = await Promise.all([claim('high', 10), claim('high', 10)]);
    const ids = [...first!, ...second!].map((m) => m.id);
    assert.deepEqual(ids, [otp.id]);
  });

  it('matches receipts whose id is in the other base or zero-padded', () => {
    assert.deepEqual(receiptIdCandidates('000FF'), ['ff', '255']);
    assert.deepEqual(receiptIdCandidates('255'), ['255', 'ff', '597']);
  });

  it('applies a receipt that arrived before its submit_sm_resp was stored, once the part exists', async () => {
    const m = row(small, { status: 'sending', nextAttemptAt: null, attempts: 1 });
    await insertMessages(sql(), [m]);
    const receipt = { connectorId: 'con_test', smscId: '255', lenient: true, stat: 'DELIVRD', err: '000', at: new Date() };
    await sql().begin(async (tx) => keepPending(tx, await applyReceipts(tx, [receipt])));
    assert.equal((await sql()`select count(*)::int as n from pending_receipts`)[0]!.n, 1, 'kept, not lost');
    const claimed = { accountId: small, id: m.id, channel: 'sms', keyMode: 'live' as const, toNumber: m.toNumber, fromNumber: 'ACME', body: null, encoding: 'GSM-7', priority: 'normal', validUntil: null, storeContent: true, attempts: 1, fallback: null, category: null };
    // The SMSC answered submit_sm with the hex form of the receipt's decimal id.
    await sql().begin((tx) => writeOutcomes(tx, [{ kind: 'sent', msg: claimed, connectorId: 'con_test', smscIds: ['000000FF'], startedAt: new Date(), at: new Date() }], priceBookOf([])));
    await sql().begin((tx) => retryPendingReceipts(tx, new Date()));
    const [after] = await sql()`select status from messages where id = ${m.id}`;
    assert.equal(after!.status, 'delivered');
    assert.equal((await sql()`select count(*)::int as n from pending_receipts`)[0]!.n, 0);
  });

  it('matches exactly when the connector states its receipt id format, also for receipts kept for later', async () => {
    assert.deepEqual(receiptIdCandidates('00255', false), ['255']);
    const m = row(small, { status: 'sending', nextAttemptAt: null, attempts: 1 });
    await insertMessages(sql(), [m]);
    const claimed = { accountId: small, id: m.id, channel: 'sms', keyMode: 'live' as const, toNumber: m.toNumber, fromNumber: 'ACME', body: null, encoding: 'GSM-7', priority: 'normal', validUntil: null, storeContent: true, attempts: 1, fallback: null, category: null };
    await sql().begin((tx) => writeOutcomes(tx, [{ kind: 'sent', msg: claimed, connectorId: 'con_strict', smscIds: ['ff'], startedAt: new Date(), at: new Date() }], priceBookOf([])));
    const receipt = { connectorId: 'con_strict', smscId: '255', lenient: false, stat: 'DELIVRD', err: '000', at: new Date() };
    await sql().begin(async (tx) => keepPending(tx, await applyReceipts(tx, [receipt])));
    await sql().begin((tx) => retryPendingReceipts(tx, new Date()));
    assert.equal((await sql()`select status from messages where id = ${m.id}`)[0]!.status, 'sent', 'decimal 255 is not hex ff here: no receipt applied');
    const [kept] = await sql()`select lenient from pending_receipts where connector_id = 'con_strict'`;
    assert.equal(kept!.lenient, false);
  });

  it('keeps the first final status: a late receipt is an event only', async () => {
    const m = row(small, { status: 'sending', nextAttemptAt: null, attempts: 1 });
    await insertMessages(sql(), [m]);
    const claimed = { accountId: small, id: m.id, channel: 'sms', keyMode: 'live' as const, toNumber: m.toNumber, fromNumber: 'ACME', body: null, encoding: 'GSM-7', priority: 'normal', validUntil: null, storeContent: true, attempts: 1, fallback: null, category: null };
    await sql().begin((tx) => writeOutcomes(tx, [{ kind: 'sent', msg: claimed, connectorId: 'con_x', smscIds: ['abc1'], startedAt: new Date(), at: new Date() }], priceBookOf([])));
    await sql().begin((tx) => applyReceipts(tx, [{ connectorId: 'con_x', smscId: 'abc1', lenient: true, stat: 'UNDELIV', err: '001', at: new Date() }]));
    await sql().begin((tx) => applyReceipts(tx, [{ connectorId: 'con_x', smscId: 'abc1', lenient: true, stat: 'DELIVRD', err: '000', at: new Date() }]));
    const [after] = await sql()`select status from messages where id = ${m.id}`;
    assert.equal(after!.status, 'undelivered');
    const events = await sql()`select type from events where object_id = ${m.id} order by sequence`;
    assert.deepEqual(events.map((e) => e.type), ['message.sent', 'message.undelivered', 'message.delivered']);
  });
});
