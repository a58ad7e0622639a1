// Nothing is lost when the worker dies mid-delivery: a worker process is SIGKILLed while its
// request hangs at the receiver; once the lease runs out another worker sends the same event
// (same webhook-id) and the delivery completes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestPlatform, TEST_MASTER_KEY, type TestPlatform } from '../../test/harness.ts';
import { startReceiver, type Receiver } from '../../test/receiver.ts';
import { CLI } from '../../test/cli.ts';
import { waitFor } from '../../test/wait.ts';
import { ManualClock } from '../platform/clock.ts';
import { startRole, type RoleProcess } from '../../test/processes.ts';

describe('a worker killed mid-delivery', () => {
  let api: TestPlatform;
  let survivor: TestPlatform | undefined;
  let worker: ChildProcess | undefined;
  let receiver: Receiver;
  let dataDir: string;
  before(async () => {
    api = await startTestPlatform({ role: 'api' });
    receiver = await startReceiver();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-worker-'));
  });
  after(async () => {
    worker?.kill('SIGKILL');
    await receiver.close();
    await survivor?.close({ keepDatabase: true });
    await api.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('lets another worker deliver the event again once the lease expires', async () => {
    const key = api.boot.apiKey;
    receiver.answer = (_, n) => (n === 0 ? 'hang' : { status: 200 });
    const ep = await api.api.post('/v1/webhook-endpoints', {
      key,
      body: { url: receiver.url, events: ['message.queued'] },
    });
    assert.equal(ep.status, 201);

    worker = spawn(process.execPath, [CLI, 'start', '--role', 'worker'], {
      env: {
        ...process.env,
        DATABASE_URL: api.database.url,
        CX_MASTER_KEY: TEST_MASTER_KEY,
        CX_DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        CX_WEBHOOK_ALLOW_PRIVATE: 'true',
      },
      stdio: 'ignore',
    });
    const sent = await api.api.post('/v1/messages', { key, body: { to: '+14155550140', body: 'crash' } });
    assert.equal(sent.status, 202);
    await waitFor(
      async () => (receiver.received.length === 1 ? true : undefined),
      'the first attempt to reach the receiver',
      30_000,
    );
    worker.kill('SIGKILL');
    await new Promise((r) => worker!.once('exit', r));
    const [d] = await api.platform.ctx
      .sql`select status, lease_until from webhook_deliveries where endpoint_id = ${ep.body.id}`;
    assert.equal(d!.status, 'pending', 'the dead worker never recorded an outcome');

    // Another worker whose clock is past the lease takes it over.
    survivor = await startTestPlatform({
      role: 'worker',
      database: api.database,
      dataDir: api.dataDir,
      clock: new ManualClock(new Date(d!.lease_until.getTime() + 1000)),
    });
    await waitFor(async () => (receiver.received.length >= 2 ? true : undefined), 'the event sent again', 30_000);
    assert.equal(receiver.received[1]!.headers['webhook-id'], receiver.received[0]!.headers['webhook-id']);
    assert.equal(JSON.parse(receiver.received[1]!.body).data.id, sent.body.id);
    await waitFor(async () => {
      const [row] = await api.platform.ctx.sql`select status from webhook_deliveries where endpoint_id = ${ep.body.id}`;
      return row!.status === 'delivered' ? true : undefined;
    }, 'the delivery to be recorded as delivered');
  });
});

// At volume, on two worker processes: each event exactly once while nothing crashes; after a
// SIGKILL (at the receiver's 300th request of the second run), a repeat only for what the dead
// worker had leased, with the same webhook-id and body.
describe('webhooks from two workers, one SIGKILLed mid-stream', () => {
  let api: TestPlatform;
  let receiver: Receiver;
  const workers: RoleProcess[] = [];
  before(async () => {
    api = await startTestPlatform({ role: 'api' });
    receiver = await startReceiver();
  });
  after(async () => {
    for (const w of workers) await w.kill();
    await receiver.close();
    await api.close();
  });

  const send = async (from: number, n: number): Promise<string[]> => {
    const messages = Array.from({ length: n }, (_, i) => ({
      to: `+4915125${String(from + i).padStart(6, '0')}`,
      body: `hook ${from + i}`,
    }));
    const res = await api.api.post('/v1/messages/batch', { key: api.boot.apiKey, body: { messages } });
    assert.equal(res.status, 202);
    return res.body.data.map((m: { id: string }) => m.id);
  };
  /** webhook-id → the bodies it arrived with (one per request). */
  const seen = (from: number) => {
    const by = new Map<string, string[]>();
    for (const r of receiver.received.slice(from))
      by.set(r.headers['webhook-id']!, [...(by.get(r.headers['webhook-id']!) ?? []), r.body]);
    return by;
  };
  const messageIds = (by: Map<string, string[]>) =>
    [...new Set([...by.values()].map((bodies) => JSON.parse(bodies[0]!).data.id as string))].sort();

  it("delivers each event once, and after a crash repeats only the dead worker's leased deliveries, under the same webhook-id", async () => {
    const ep = await api.api.post('/v1/webhook-endpoints', {
      key: api.boot.apiKey,
      body: { url: receiver.url, events: ['message.queued'] },
    });
    assert.equal(ep.status, 201);
    workers.push(await startRole('worker', api.database.url), await startRole('worker', api.database.url));
    await Promise.all(workers.map((w) => w.url));

    const normal = await send(0, 500);
    await waitFor(async () => (receiver.received.length >= 500 ? true : undefined), '500 webhooks', 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // a repeat would be sent by now (polls every second)
    const once = seen(0);
    assert.deepEqual(messageIds(once), [...normal].sort(), 'every event arrived');
    assert.equal(once.size, 500, 'one event per message');
    assert.ok(
      [...once.values()].every((bodies) => bodies.length === 1),
      'each exactly once',
    );

    const mark = receiver.received.length;
    const previous = receiver.answer;
    receiver.answer = (r, n) => {
      if (n === mark + 300) workers[0]!.child.kill('SIGKILL');
      return previous(r, n);
    };
    const crashed = await send(500, 1000);
    await workers[0]!.exited;
    const [{ leased }] = await api.platform.ctx.sql<[{ leased: number }]>`
      select count(*)::int as leased from webhook_deliveries where endpoint_id = ${ep.body.id} and status = 'pending' and lease_until is not null`;
    // The dead worker's leases run out (30 s) and the survivor sends those again.
    await waitFor(
      async () => {
        const rows = await api.platform.ctx
          .sql`select 1 from webhook_deliveries where endpoint_id = ${ep.body.id} and status <> 'delivered' limit 1`;
        return rows.length === 0 ? true : undefined;
      },
      'every delivery recorded as delivered',
      75_000,
    );
    // (A message the dead worker was sending is queued again: a new event, with its own id.)
    const later = seen(mark);
    assert.deepEqual(messageIds(later), [...crashed].sort(), 'every event arrived after the crash');
    const repeats = [...later.values()].filter((bodies) => bodies.length > 1);
    // The payload is built at delivery time (the object's current snapshot), so only the event's
    // own fields must match.
    const eventOf = (body: string) => {
      const { type, timestamp, data } = JSON.parse(body);
      return { type, timestamp, id: data.id };
    };
    assert.ok(
      repeats.every((bodies) => bodies.length === 2),
      'at most one repeat per event',
    );
    assert.deepEqual(
      repeats.map((b) => eventOf(b[1]!)),
      repeats.map((b) => eventOf(b[0]!)),
      'a repeat is the same event under the same webhook-id',
    );
    assert.ok(
      repeats.length <= leased,
      `${repeats.length} repeats within the ${leased} deliveries leased at the crash`,
    );
    console.log(`webhook crash: ${repeats.length} repeated of ${crashed.length}; ${leased} leased at the crash`);
  });
});
