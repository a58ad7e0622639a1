// Two worker processes on one database; the one leading (holding the SMPP binds) is killed
// with SIGKILL mid-run. The other takes over and every accepted message is delivered.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestPlatform, TEST_MASTER_KEY, type TestPlatform } from '../../test/harness.ts';
import { CLI } from '../../test/cli.ts';
import { waitFor } from '../../test/wait.ts';

describe('a worker killed mid-run', () => {
  let t: TestPlatform;
  const workers: ChildProcess[] = [];
  const dirs: string[] = [];
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
  });
  after(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await t.close();
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  async function startWorker(): Promise<ChildProcess> {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-worker-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, [CLI, 'start', '--role', 'worker'], {
      env: { ...process.env, DATABASE_URL: t.database.url, CX_MASTER_KEY: TEST_MASTER_KEY, CX_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    workers.push(child);
    return child;
  }

  const leaderPid = async () => {
    const [row] = await t.platform.ctx.sql<{ worker: string; state: string }[]>`
      select s.worker, s.state from connector_status s join connectors c on c.id = s.connector_id where c.is_sandbox`;
    return row?.state === 'bound' ? Number(row.worker.split('-')[0]) : undefined;
  };

  it('lets the other worker take over and deliver everything that was accepted', async () => {
    const a = await startWorker();
    const b = await startWorker();
    const first = await waitFor(leaderPid, 'a leader with a bound sandbox connector', 30_000);
    const leader = [a, b].find((w) => w.pid === first)!;
    assert.ok(leader, 'the leader is one of our workers');

    const ids: string[] = [];
    for (let batch = 0; batch < 3; batch++) {
      const messages = Array.from({ length: 100 }, (_, i) => ({ to: `+49151123${String(batch * 100 + i).padStart(3, '0')}00`, body: `crash test ${batch}-${i}` }));
      const res = await t.api.post('/v1/messages/batch', { key: t.boot.apiKey, body: { messages } });
      assert.equal(res.status, 202);
      ids.push(...res.body.data.map((m: { id: string }) => m.id));
      if (batch === 0) leader.kill('SIGKILL');
    }

    // Messages the dead leader had handed to its SMSC are `sent`; their receipts died with the
    // sandbox SMSC it ran (a real operator would deliver them on the next bind). Everything
    // else must be delivered by the survivor: nothing stays queued or sending.
    await waitFor(async () => {
      const rows = await t.platform.ctx.sql<{ status: string; n: number }[]>`
        select status, count(*)::int as n from messages where id = any(${ids}) group by status`;
      const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      return (by.sent ?? 0) + (by.delivered ?? 0) === ids.length && (by.delivered ?? 0) > 0 ? by : undefined;
    }, 'every message to be handed over, most delivered by the surviving worker', 60_000);
    const now = await leaderPid();
    assert.notEqual(now, first, 'the surviving worker leads now');
  });
});
