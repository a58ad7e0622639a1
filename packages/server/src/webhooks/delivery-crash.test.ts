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
    const ep = await api.api.post('/v1/webhook-endpoints', { key, body: { url: receiver.url, events: ['message.queued'] } });
    assert.equal(ep.status, 201);

    worker = spawn(process.execPath, [CLI, 'start', '--role', 'worker'], {
      env: { ...process.env, DATABASE_URL: api.database.url, CX_MASTER_KEY: TEST_MASTER_KEY, CX_DATA_DIR: dataDir, LOG_LEVEL: 'silent', CX_WEBHOOK_ALLOW_PRIVATE: 'true' },
      stdio: 'ignore',
    });
    const sent = await api.api.post('/v1/messages', { key, body: { to: '+14155550140', body: 'crash' } });
    assert.equal(sent.status, 202);
    await waitFor(async () => (receiver.received.length === 1 ? true : undefined), 'the first attempt to reach the receiver', 30_000);
    worker.kill('SIGKILL');
    await new Promise((r) => worker!.once('exit', r));
    const [d] = await api.platform.ctx.sql`select status, lease_until from webhook_deliveries where endpoint_id = ${ep.body.id}`;
    assert.equal(d!.status, 'pending', 'the dead worker never recorded an outcome');

    // Another worker whose clock is past the lease takes it over.
    survivor = await startTestPlatform({ role: 'worker', database: api.database, dataDir: api.dataDir, clock: new ManualClock(new Date(d!.lease_until.getTime() + 1000)) });
    await waitFor(async () => (receiver.received.length >= 2 ? true : undefined), 'the event sent again', 30_000);
    assert.equal(receiver.received[1]!.headers['webhook-id'], receiver.received[0]!.headers['webhook-id']);
    assert.equal(JSON.parse(receiver.received[1]!.body).data.id, sent.body.id);
    await waitFor(async () => {
      const [row] = await api.platform.ctx.sql`select status from webhook_deliveries where endpoint_id = ${ep.body.id}`;
      return row!.status === 'delivered' ? true : undefined;
    }, 'the delivery to be recorded as delivered');
  });
});
