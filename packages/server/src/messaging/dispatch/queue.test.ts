// The queue and the receipts at the database level: claims, fair share, the priority lane,
// lenient receipt ids and receipts that arrive before their submit_sm_resp was stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { newId } from '../../platform/ids.ts';
import { insertMessages, type MessageRow } from '../store.ts';
import { claimDueMessages } from './claim.ts';
import { applyReceipts, keepPending, REUSED_ID_WAIT_MS, retryPendingReceipts } from './receipts.ts';
import { writeOutcomes } from './outcomes.ts';
import { priceBookOf } from '../../billing/price-book.ts';

function row(accountId: string, over: Partial<MessageRow> = {}): MessageRow {
  const now = new Date();
  return {
    accountId,
    id: newId('msg'),
    direction: 'outbound',
    channel: 'sms',
    status: 'queued',
    keyMode: 'live',
    toNumber: '+4915112345678',
    fromNumber: 'ACME',
    subjectHash: Buffer.alloc(32),
    body: null,
    encoding: 'GSM-7',
    segments: 1,
    purpose: 'transactional',
    priority: 'normal',
    scheduledAt: null,
    validUntil: null,
    reference: null,
    metadata: null,
    callbackUrl: null,
    storeContent: true,
    connectorId: null,
    errorCode: null,
    errorTitle: null,
    errorDetail: null,
    attempts: 0,
    nextAttemptAt: new Date(now.getTime() - 1000),
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

describe('message queue and receipts', () => {
  let t: TestPlatform;
  let bulk: string;
  let small: string;
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    bulk = (
      await t.api.post('/v1/admin/accounts', { key: t.boot.adminApiKey, body: { name: 'Bulk', status: 'active' } })
    ).body.id;
    small = (
      await t.api.post('/v1/admin/accounts', { key: t.boot.adminApiKey, body: { name: 'Small', status: 'active' } })
    ).body.id;
  });
  after(() => t.close());
  const sql = () => t.platform.ctx.sql;
  const claim = (lane: 'high' | 'normal', limit: number, perAccount = 100) =>
    sql().begin((tx) =>
      claimDueMessages(tx, { now: new Date(), leaseMs: 60_000, worker: 'w1', limit, perAccount, lane }),
    );

  it("gives every account its share: a bulk backlog does not starve another account's message", async () => {
    await insertMessages(
      sql(),
      Array.from({ length: 3000 }, () => row(bulk)),
    );
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

  it('applies a receipt that arrived before its submit_sm_resp was stored, in the transaction that stores the part', async () => {
    const m = row(small, { status: 'sending', nextAttemptAt: null, attempts: 1 });
    await insertMessages(sql(), [m]);
    // The link hands receipts over in the stored key form (lower case, no leading zeros).
    const receipt = { connectorId: 'con_test', smscId: 'ff', stat: 'DELIVRD', err: '000', at: new Date() };
    await sql().begin(async (tx) => keepPending(tx, await applyReceipts(tx, [receipt], new Date())));
    assert.equal((await sql()`select count(*)::int as n from pending_receipts`)[0]!.n, 1, 'kept, not lost');
    const claimed = {
      accountId: small,
      id: m.id,
      channel: 'sms',
      keyMode: 'live' as const,
      toNumber: m.toNumber,
      fromNumber: 'ACME',
      body: null,
      encoding: 'GSM-7',
      priority: 'normal',
      validUntil: null,
      storeContent: true,
      attempts: 1,
      fallback: null,
      category: null,
    };
    // The SMSC answered submit_sm with a zero-padded, upper-case form of the same id.
    await sql().begin((tx) =>
      writeOutcomes(
        tx,
        [
          {
            kind: 'sent',
            msg: claimed,
            connectorId: 'con_test',
            smscIds: ['000000FF'],
            startedAt: new Date(),
            at: new Date(),
          },
        ],
        priceBookOf([]),
      ),
    );
    const [after] = await sql()`select status from messages where id = ${m.id}`;
    assert.equal(after!.status, 'delivered', 'applied without waiting for a sweep');
    assert.equal((await sql()`select count(*)::int as n from pending_receipts`)[0]!.n, 0);
  });

  it('never applies a receipt to a part whose id is only equal in another base', async () => {
    const [hexA, hex10] = [
      row(small, { status: 'sending', nextAttemptAt: null, attempts: 1 }),
      row(small, { status: 'sending', nextAttemptAt: null, attempts: 1 }),
    ];
    await insertMessages(sql(), [hexA, hex10]);
    const claimed = (m: typeof hexA) => ({
      accountId: small,
      id: m.id,
      channel: 'sms',
      keyMode: 'live' as const,
      toNumber: m.toNumber,
      fromNumber: 'ACME',
      body: null,
      encoding: 'GSM-7',
      priority: 'normal',
      validUntil: null,
      storeContent: true,
      attempts: 1,
      fallback: null,
      category: null,
    });
    // Part ids 'a' (hex 10) and '10': the receipt for '10' belongs to the second only.
    await sql().begin((tx) =>
      writeOutcomes(
        tx,
        [
          {
            kind: 'sent',
            msg: claimed(hexA),
            connectorId: 'con_hex',
            smscIds: ['a'],
            startedAt: new Date(),
            at: new Date(),
          },
          {
            kind: 'sent',
            msg: claimed(hex10),
            connectorId: 'con_hex',
            smscIds: ['10'],
            startedAt: new Date(),
            at: new Date(),
          },
        ],
        priceBookOf([]),
      ),
    );
    await sql().begin(async (tx) =>
      keepPending(
        tx,
        await applyReceipts(
          tx,
          [{ connectorId: 'con_hex', smscId: '10', stat: 'DELIVRD', err: '000', at: new Date() }],
          new Date(),
        ),
      ),
    );
    const statuses = await sql()`select id, status from messages where id = any(${[hexA.id, hex10.id]})`;
    assert.equal(statuses.find((r) => r.id === hex10.id)!.status, 'delivered');
    assert.equal(statuses.find((r) => r.id === hexA.id)!.status, 'sent');
  });

  it('a receipt waits for its own part, not for one whose id matches in another base, also in the sweep', async () => {
    const m = row(small, { status: 'sending', nextAttemptAt: null, attempts: 1 });
    await insertMessages(sql(), [m]);
    const claimed = {
      accountId: small,
      id: m.id,
      channel: 'sms',
      keyMode: 'live' as const,
      toNumber: m.toNumber,
      fromNumber: 'ACME',
      body: null,
      encoding: 'GSM-7',
      priority: 'normal',
      validUntil: null,
      storeContent: true,
      attempts: 1,
      fallback: null,
      category: null,
    };
    await sql().begin((tx) =>
      writeOutcomes(
        tx,
        [
          {
            kind: 'sent',
            msg: claimed,
            connectorId: 'con_strict',
            smscIds: ['ff'],
            startedAt: new Date(),
            at: new Date(),
          },
        ],
        priceBookOf([]),
      ),
    );
    const receipt = { connectorId: 'con_strict', smscId: '255', stat: 'DELIVRD', err: '000', at: new Date() };
    await sql().begin(async (tx) => keepPending(tx, await applyReceipts(tx, [receipt], new Date())));
    await sql().begin((tx) => retryPendingReceipts(tx, new Date()));
    assert.equal(
      (await sql()`select status from messages where id = ${m.id}`)[0]!.status,
      'sent',
      'decimal 255 is not hex ff here: no receipt applied',
    );
    assert.equal(
      (await sql()`select count(*)::int as n from pending_receipts where connector_id = 'con_strict'`)[0]!.n,
      1,
      'still waiting for its own part',
    );
  });

  it('keeps the first final status: a late receipt is an event only', async () => {
    const m = row(small, { status: 'sending', nextAttemptAt: null, attempts: 1 });
    await insertMessages(sql(), [m]);
    const claimed = {
      accountId: small,
      id: m.id,
      channel: 'sms',
      keyMode: 'live' as const,
      toNumber: m.toNumber,
      fromNumber: 'ACME',
      body: null,
      encoding: 'GSM-7',
      priority: 'normal',
      validUntil: null,
      storeContent: true,
      attempts: 1,
      fallback: null,
      category: null,
    };
    await sql().begin((tx) =>
      writeOutcomes(
        tx,
        [
          {
            kind: 'sent',
            msg: claimed,
            connectorId: 'con_x',
            smscIds: ['abc1'],
            startedAt: new Date(),
            at: new Date(),
          },
        ],
        priceBookOf([]),
      ),
    );
    await sql().begin((tx) =>
      applyReceipts(
        tx,
        [{ connectorId: 'con_x', smscId: 'abc1', stat: 'UNDELIV', err: '001', at: new Date() }],
        new Date(),
      ),
    );
    // A second final receipt for a part that has one waits for a new part under the id (an SMSC
    // may reuse ids after a restart); none comes, so after the wait it is a repeat.
    const repeat = { connectorId: 'con_x', smscId: 'abc1', stat: 'DELIVRD', err: '000', at: new Date() };
    await sql().begin(async (tx) => keepPending(tx, await applyReceipts(tx, [repeat], new Date())));
    assert.equal(
      (await sql()`select count(*)::int as n from pending_receipts where smsc_id = 'abc1'`)[0]!.n,
      1,
      'waiting',
    );
    await sql().begin((tx) => retryPendingReceipts(tx, new Date(Date.now() + REUSED_ID_WAIT_MS)));
    const [after] = await sql()`select status from messages where id = ${m.id}`;
    assert.equal(after!.status, 'undelivered');
    const events = await sql()`select type from events where object_id = ${m.id} order by sequence`;
    assert.deepEqual(
      events.map((e) => e.type),
      ['message.sent', 'message.undelivered', 'message.delivered'],
    );
  });
});
