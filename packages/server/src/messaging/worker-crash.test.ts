// Exact under a worker crash: two worker processes on one database and an operator SMSC that
// outlives them (it keeps every receipt the ESME has not acknowledged and sends it again on the
// next bind, as real SMSCs do). The worker holding the binds is SIGKILLed mid-stream, at a point
// chosen by the SMSC's count of accepted submits. The other worker takes over; nothing accepted
// is lost, only the killed worker's in-flight window is submitted twice, and every message ends
// in the status of the receipt the SMSC sent for it, under either of its ids.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { startRole, type RoleProcess } from '../../test/processes.ts';
import { waitFor } from '../../test/wait.ts';
import { startSmscSimulator, type SmscSimulator, type SmscSubmission } from '../sandbox/smsc/simulator.ts';
import { createLogger } from '../platform/logger.ts';

const TOTAL = 2000;
const KILL_AFTER_SUBMITS = 600;
const WINDOW = 10;
const STATUS_OF: Record<string, string> = { DELIVRD: 'delivered', UNDELIV: 'undelivered', EXPIRED: 'expired' };

describe('a worker SIGKILLed mid-stream', () => {
  let t: TestPlatform;
  let smsc: SmscSimulator;
  const workers: RoleProcess[] = [];
  const journal: SmscSubmission[] = [];
  let onSubmit = () => {};
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    smsc = await startSmscSimulator({
      systemId: 'operator',
      password: 'pw',
      log: createLogger('silent'),
      receiptDelayMs: 50,
      onAccepted: (s) => {
        journal.push(s);
        onSubmit();
      },
    });
  });
  after(async () => {
    for (const w of workers) await w.kill();
    await smsc.close();
    await t.close();
  });

  const leaderPid = async (connectorId: string) => {
    const [row] = await t.platform.ctx.sql<{ worker: string; state: string }[]>`
      select worker, state from connector_status where connector_id = ${connectorId}`;
    return row?.state === 'bound' ? Number(row.worker.split('-')[0]) : undefined;
  };

  it("loses nothing, re-sends at most its in-flight window, and ends each message in its receipt's status", async () => {
    const admin = t.boot.adminApiKey;
    workers.push(await startRole('worker', t.database.url), await startRole('worker', t.database.url));
    await Promise.all(workers.map((w) => w.url));
    const connector = await t.api.post('/v1/admin/connectors', {
      key: admin,
      body: {
        name: 'operator',
        kind: 'smpp',
        config: {
          host: '127.0.0.1',
          port: smsc.port,
          systemId: 'operator',
          password: 'pw',
          windowSize: WINDOW,
          reconnectMaxSeconds: 1,
        },
      },
    });
    assert.equal(connector.status, 201);
    const connectorId: string = connector.body.id;
    await t.api.post('/v1/admin/routes', {
      key: admin,
      body: { prefix: '+49157', connectors: [{ connectorId, priority: 0 }] },
    });
    const first = await waitFor(() => leaderPid(connectorId), 'a worker to bind the operator connector', 30_000);
    const leader = workers.find((w) => w.pid === first)!;
    assert.ok(leader, 'one of our workers leads');

    // The leader dies the moment the SMSC has accepted this many submits: SMPP window full,
    // responses not yet committed, receipts not yet acknowledged.
    const killed = new Promise<void>((resolve) => {
      onSubmit = () => {
        if (journal.length !== KILL_AFTER_SUBMITS) return;
        leader.child.kill('SIGKILL');
        resolve();
      };
    });
    // Every 20th number ends in 902 (receipt UNDELIV), the next in 903 (EXPIRED), the rest DELIVRD.
    const to = (i: number) =>
      `+49157${String(i).padStart(5, '0')}${i % 20 === 0 ? '902' : i % 20 === 1 ? '903' : '000'}`;
    const ids = new Map<string, string>();
    for (let from = 0; from < TOTAL; from += 500) {
      const messages = Array.from({ length: 500 }, (_, i) => ({ to: to(from + i), body: `crash ${from + i}` }));
      const res = await t.api.post('/v1/messages/batch', { key: t.boot.apiKey, body: { messages } });
      assert.equal(res.status, 202);
      for (const m of res.body.data as { id: string; to: string }[]) ids.set(m.to, m.id);
    }
    assert.equal(ids.size, TOTAL);
    await killed;
    await leader.exited;

    const statuses = async () =>
      Object.fromEntries(
        (
          await t.platform.ctx.sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from messages where id = any(${[...ids.values()]}) group by status`
        ).map((r) => [r.status, r.n]),
      );
    await waitFor(
      async () => {
        const by = await statuses();
        return (by.delivered ?? 0) + (by.undelivered ?? 0) + (by.expired ?? 0) === TOTAL ? true : undefined;
      },
      "every message to end in its receipt's status",
      60_000,
    ).catch(async (e: Error) =>
      assert.fail(`${e.message}: ${JSON.stringify(await statuses())}, ${journal.length} submits`),
    );
    assert.notEqual(await leaderPid(connectorId), first, 'the surviving worker holds the bind now');

    // Each message against the SMSC's own record of what it accepted.
    const rows = await t.platform.ctx.sql<{ to: string; status: string; smscIds: string[]; claims: number }[]>`
      select m.to_number as "to", m.status,
        array(select p.smsc_id from message_parts p where p.account_id = m.account_id and p.message_id = m.id) as "smscIds",
        (select count(*)::int from events e where e.object_id = m.id and e.type = 'message.sending') as claims
      from messages m where m.id = any(${[...ids.values()]})`;
    const bySmsc = Map.groupBy(journal, (s) => `+${s.destination}`);
    let twice = 0;
    for (const row of rows) {
      const submits = bySmsc.get(row.to) ?? [];
      assert.ok(submits.length >= 1, `${row.to} reached the SMSC`);
      if (submits.length > 1) twice++;
      for (const s of submits)
        assert.equal(row.status, STATUS_OF[s.receipt!], `${row.to} ends in the status of receipt ${s.messageId}`);
      assert.ok(
        row.smscIds.every((id) => submits.some((s) => s.messageId === id)),
        `${row.to}: its stored ids are the SMSC's`,
      );
      assert.ok(submits.length <= row.claims, `${row.to} was submitted only by workers that claimed it`);
    }
    // The bound: only what the killed worker had submitted but not yet recorded goes out twice —
    // its SMPP window plus the submit responses in its last uncommitted outcome batches.
    const inFlight = rows.filter((r) => r.claims > 1).length;
    const duplicates = journal.length - TOTAL;
    assert.equal(duplicates, twice, 'a duplicate is one message submitted twice, never more');
    assert.ok(
      duplicates <= inFlight,
      `${duplicates} duplicates within the killed worker's ${inFlight} claimed messages`,
    );
    const resent = smsc.unacknowledgedOnDrop();
    assert.ok(resent > 0, 'the killed worker left receipts unacknowledged; the SMSC sent them to the survivor');
    console.log(
      `worker crash: ${duplicates} submitted twice, ${inFlight} claimed by the killed worker, ${resent} receipts sent again`,
    );
  });
});
