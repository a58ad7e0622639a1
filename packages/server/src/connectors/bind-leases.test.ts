// Binds leased to worker processes: two workers on one database split a connector's binds and
// both dispatch; when one is SIGKILLed the other takes its bind once the lease runs out, and the
// SMSC never sees more binds than the connector has.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { startRole, type RoleProcess } from '../../test/processes.ts';
import { waitFor } from '../../test/wait.ts';
import { startSmscSimulator, type SmscSimulator, type SmscSubmission } from '../sandbox/smsc/simulator.ts';
import { createLogger } from '../platform/logger.ts';
import { plannedBinds } from './bind-leases.ts';

describe('binds leased to workers', () => {
  let t: TestPlatform;
  let smsc: SmscSimulator;
  const workers: RoleProcess[] = [];
  const journal: SmscSubmission[] = [];
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    smsc = await startSmscSimulator({
      systemId: 'operator',
      password: 'pw',
      log: createLogger('silent'),
      receiptDelayMs: 20,
      onAccepted: (s) => journal.push(s),
    });
  });
  after(async () => {
    for (const w of workers) await w.kill();
    await smsc.close();
    await t.close();
  });

  const leases = async (connectorId: string) => t.platform.ctx.sql<{ index: number; worker: string }[]>`
    select bind_index as index, worker from bind_leases where connector_id = ${connectorId} order by bind_index`;
  const pidOf = (worker: string) => Number(worker.split('-')[0]);

  const sendAndDeliver = async (count: number, offset: number) => {
    const messages = Array.from({ length: count }, (_, i) => ({
      to: `+49157${String(offset + i).padStart(6, '0')}00`,
      body: `lease ${offset + i}`,
    }));
    const res = await t.api.post('/v1/messages/batch', { key: t.boot.apiKey, body: { messages } });
    assert.equal(res.status, 202);
    const ids = (res.body.data as { id: string }[]).map((m) => m.id);
    await waitFor(
      async () => {
        const [row] = await t.platform.ctx.sql<
          { n: number }[]
        >`select count(*)::int as n from messages where id = any(${ids}) and status = 'delivered'`;
        return row!.n === count || undefined;
      },
      `${count} messages delivered`,
      90_000,
    );
  };

  it("splits a connector's binds over the workers, which both send, and moves a dead worker's bind to the survivor", async () => {
    workers.push(await startRole('worker', t.database.url), await startRole('worker', t.database.url));
    await Promise.all(workers.map((w) => w.url));
    const created = await t.api.post('/v1/admin/connectors', {
      key: t.boot.adminApiKey,
      body: {
        name: 'operator',
        kind: 'smpp',
        config: {
          host: '127.0.0.1',
          port: smsc.port,
          systemId: 'operator',
          password: 'pw',
          binds: 2,
          windowSize: 10,
          reconnectMaxSeconds: 1,
        },
      },
    });
    assert.equal(created.status, 201);
    const connectorId: string = created.body.id;
    await t.api.post('/v1/admin/routes', {
      key: t.boot.adminApiKey,
      body: { prefix: '+49157', connectors: [{ connectorId, priority: 0 }] },
    });

    // One bind each.
    const split = await waitFor(
      async () => {
        const rows = await leases(connectorId);
        return rows.length === 2 && new Set(rows.map((r) => r.worker)).size === 2 && smsc.binds().now === 2
          ? rows
          : undefined;
      },
      'each worker to hold one of the two binds',
      30_000,
    );
    assert.deepEqual(split.map((r) => pidOf(r.worker)).sort(), workers.map((w) => w.pid).sort());

    // More than one worker's share (twice its window, plus WhatsApp room if it sends WhatsApp).
    await sendAndDeliver(1000, 0);
    // Each worker reports its own counters every couple of seconds.
    const perWorker = await waitFor(
      async () => {
        const rows = await t.platform.ctx.sql<{ worker: string; submitted: number }[]>`
        select worker, submitted::int from connector_status where connector_id = ${connectorId} order by worker`;
        return rows.reduce((n, w) => n + w.submitted, 0) === 1000 ? rows : undefined;
      },
      "both workers' reports",
      10_000,
    );
    assert.equal(perWorker.length, 2, JSON.stringify(perWorker));
    assert.ok(
      perWorker.every((w) => w.submitted > 0),
      `both workers submitted: ${JSON.stringify(perWorker)}`,
    );
    assert.equal(
      perWorker.reduce((n, w) => n + w.submitted, 0),
      1000,
    );
    const shown = await t.api.get(`/v1/admin/connectors/${connectorId}`, { key: t.boot.adminApiKey });
    assert.equal(shown.body.state, 'bound');
    assert.equal(shown.body.stats.submitted, 1000, "the admin API sums the workers' counters");

    // The first worker dies; its bind moves to the survivor once the lease has run out.
    const [dead, survivor] = workers;
    await dead!.kill('SIGKILL');
    const moved = await waitFor(
      async () => {
        const rows = await leases(connectorId);
        return rows.length === 2 && rows.every((r) => pidOf(r.worker) === survivor!.pid) && smsc.binds().now === 2
          ? rows
          : undefined;
      },
      'the survivor to hold both binds',
      30_000,
    );
    assert.equal(moved.length, 2);
    await sendAndDeliver(200, 1000);

    assert.equal(journal.length, 1200, 'every message submitted once');
    assert.ok(smsc.binds().peak <= 2, `never more binds than the connector has (peak ${smsc.binds().peak})`);
  });
});

describe('the even split', () => {
  it('gives each live worker its share of every connector, one-bind connectors spread by their id', () => {
    const workers = ['w1', 'w2', 'w3'];
    const ones = Array.from({ length: 30 }, (_, i) => ({ id: `con_one_${i}`, binds: 1 }));
    const connectors = [{ id: 'con_a', binds: 3 }, { id: 'con_e', binds: 5 }, ...ones];
    const plans = workers.map((w) => plannedBinds(connectors, workers, w));
    for (const c of connectors) {
      const all = plans.flatMap((p) => p.get(c.id) ?? []).sort();
      assert.deepEqual(
        all,
        Array.from({ length: c.binds }, (_, i) => i),
        `${c.id}: every bind planned once`,
      );
      const counts = plans.map((p) => (p.get(c.id) ?? []).length);
      assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `${c.id}: even (${counts})`);
    }
    assert.ok(
      plans.every((p) => ones.some((c) => p.has(c.id))),
      'one-bind connectors spread over every worker',
    );
    assert.deepEqual(
      plannedBinds(connectors, workers, 'gone'),
      new Map(),
      'a worker not among the live ones plans nothing',
    );
  });
});
