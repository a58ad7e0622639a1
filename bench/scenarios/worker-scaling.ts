// Workers scaling (opt-in: `npm run bench worker-scaling`): on an api-only server, worker
// processes (`start --role worker` on the same data dir) dispatch N messages end to end through
// a connector with two binds to an SMSC simulator in this process: with one worker, with two
// (each holding one bind, connectors/bind-leases.ts), then with one again. Reports messages/s
// from the first accept to the last delivery for each, and two against the mean of the ones.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type postgres from 'postgres';
import { benchDatabase, sendBatch, drainQueue, type Scenario, type Target } from './load.ts';
import { startSmscSimulator } from '../../packages/server/src/sandbox/smsc/simulator.ts';
import { createLogger } from '../../packages/server/src/platform/logger.ts';

const TOTAL = Number(process.env.BENCH_SCALING_MESSAGES ?? 10_000);
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/server/src/cli.ts');

/** The k-th number of a round that the simulator delivers: never ending in 900-999 (those trigger failures). */
const deliverable = (round: number, k: number) =>
  `+4917${round}${String(Math.floor(k / 900) * 1000 + (k % 900)).padStart(8, '0')}`;

function startWorker(t: Target): ChildProcess {
  return spawn(
    process.execPath,
    ['--max-old-space-size=384', '--max-semi-space-size=16', cli, 'start', '--role', 'worker'],
    {
      env: { ...process.env, CX_DATA_DIR: t.dataDir, PORT: '0', LOG_LEVEL: 'warn', CX_LOG_FORMAT: 'pretty' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

async function stopWorker(w: ChildProcess): Promise<void> {
  if (w.exitCode !== null) return;
  w.kill('SIGTERM');
  await new Promise((r) => w.once('exit', r));
}

/** Waits until `workers` distinct workers hold the connector's two binds. */
async function waitForSplit(sql: postgres.Sql, connectorId: string, workers: number): Promise<void> {
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
    const [row] = await sql<{ binds: number; holders: number }[]>`
      select count(*)::int as binds, count(distinct worker)::int as holders from bind_leases where connector_id = ${connectorId} and lease_until > now()`;
    if (row!.binds === 2 && row!.holders === workers) return;
  }
  throw new Error(`the binds were not split over ${workers} workers within a minute`);
}

async function run(
  t: Target,
  sql: postgres.Sql,
  round: number,
): Promise<{ messagesPerSecond: number; seconds: number }> {
  const reference = `scaling-${round}-${Date.now()}`;
  const started = Date.now();
  for (let b = 0; b < TOTAL / 1000; b++) {
    const messages = Array.from({ length: 1000 }, (_, i) => ({
      to: deliverable(round, b * 1000 + i),
      body: 'scaling',
      reference,
    }));
    await sendBatch(t, messages);
  }
  for (const until = Date.now() + 10 * 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    const [row] = await sql<
      { n: number }[]
    >`select count(*)::int as n from messages where reference = ${reference} and status = 'delivered'`;
    if (row!.n === TOTAL) break;
  }
  const seconds = (Date.now() - started) / 1000;
  return { messagesPerSecond: Math.round(TOTAL / seconds), seconds };
}

export const workerScaling: Scenario = {
  name: 'worker-scaling',
  connections: 1,
  role: 'api',
  async run(t) {
    const sql = await benchDatabase(t);
    const smsc = await startSmscSimulator({
      systemId: 'scaling',
      password: 'pw',
      log: createLogger('silent'),
      receiptDelayMs: 0,
    });
    const admin = { authorization: `Bearer ${t.boot.adminApiKey}`, 'content-type': 'application/json' };
    const workers: ChildProcess[] = [];
    try {
      const connector = (await (
        await fetch(`${t.url}/v1/admin/connectors`, {
          method: 'POST',
          headers: admin,
          body: JSON.stringify({
            name: 'scaling',
            kind: 'smpp',
            config: {
              host: '127.0.0.1',
              port: smsc.port,
              systemId: 'scaling',
              password: 'pw',
              binds: 2,
              windowSize: 100,
            },
          }),
        })
      ).json()) as { id: string };
      await fetch(`${t.url}/v1/admin/routes`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ prefix: '+4917', connectors: [{ connectorId: connector.id, priority: 0 }] }),
      });
      workers.push(startWorker(t));
      await waitForSplit(sql, connector.id, 1);
      await drainQueue(sql);
      const one = await run(t, sql, 1);
      workers.push(startWorker(t));
      await waitForSplit(sql, connector.id, 2);
      const two = await run(t, sql, 2);
      // One worker again: the table has grown since the first round, so compare with both.
      await stopWorker(workers.pop()!);
      await waitForSplit(sql, connector.id, 1);
      const oneAgain = await run(t, sql, 3);
      const oneMean = (one.messagesPerSecond + oneAgain.messagesPerSecond) / 2;
      return {
        messages: TOTAL,
        oneWorker: one,
        twoWorkers: two,
        oneWorkerAgain: oneAgain,
        ratio: Math.round((two.messagesPerSecond / oneMean) * 100) / 100,
        smscSubmits: smsc.submitted(),
      };
    } finally {
      for (const w of workers) await stopWorker(w);
      await smsc.close();
      await sql.end();
    }
  },
};
