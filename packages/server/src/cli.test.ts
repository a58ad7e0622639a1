// The binary as a user runs it: embedded PostgreSQL on first start, bootstrap.json, reuse on
// the next start, separate api and worker roles against one DATABASE_URL, graceful SIGTERM.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { TEST_MASTER_KEY } from '../test/harness.ts';
import { CLI, watchStart } from '../test/cli.ts';
import { waitFor } from '../test/wait.ts';
import { childProcesses, procInfo } from '../test/processes.ts';

interface Running {
  child: ChildProcess;
  output: () => string;
  url: Promise<string | undefined>;
  exit: Promise<number | null>;
}

/** `group`: in a process group of its own, as a terminal runs it (a Ctrl-C reaches every process in it). */
function startCli(args: string[], env: Record<string, string>, opts: { group?: boolean } = {}): Running {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', CX_LOG_FORMAT: 'pretty', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.group ?? false,
  });
  const started = watchStart(child);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = Promise.race([
    started.url,
    exit.then(() => {
      throw new Error(`exited early:\n${started.output()}`);
    }),
  ]);
  ready.catch(() => {}); // tests that expect an early exit never await it
  return { child, output: started.output, url: ready, exit };
}

async function stop(r: Running): Promise<number | null> {
  r.child.kill('SIGTERM');
  return r.exit;
}

describe('cx-engage start', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  it('starts with embedded PostgreSQL, writes bootstrap.json (0600) without printing secrets, and reuses everything on the next start', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-cli-'));
    dirs.push(dataDir);
    const env = { CX_DATA_DIR: dataDir, PORT: '0' };
    const first = startCli(['start'], env);
    const url = await first.url;
    assert.ok(url);
    const file = path.join(dataDir, 'bootstrap.json');
    assert.ok(first.output().includes(file), 'prints the path of bootstrap.json');
    const stat = await fs.stat(file);
    assert.equal(stat.mode & 0o777, 0o600);
    const boot = JSON.parse(await fs.readFile(file, 'utf8'));
    for (const field of [
      'apiUrl',
      'accountId',
      'apiKey',
      'testApiKey',
      'adminEmail',
      'adminPassword',
      'adminApiKey',
      'sandboxNumber',
    ]) {
      assert.ok(boot[field], `bootstrap.json has ${field}`);
    }
    assert.ok(
      !first.output().includes(boot.apiKey) && !first.output().includes(boot.adminPassword),
      'no secret on the console',
    );
    assert.equal((await fs.stat(path.join(dataDir, 'master.key'))).mode & 0o777, 0o600);
    const account = (await (
      await fetch(`${url}/v1/account`, { headers: { authorization: `Bearer ${boot.apiKey}` } })
    ).json()) as { id: string };
    assert.equal(account.id, boot.accountId);
    assert.equal(await stop(first), 0, 'SIGTERM exits cleanly');

    const second = startCli(['start'], env);
    const url2 = await second.url;
    const again = JSON.parse(await fs.readFile(file, 'utf8'));
    assert.equal(again.apiKey, boot.apiKey, 'the same keys');
    assert.equal(again.apiUrl, url2);
    const res = await fetch(`${url2}/v1/account`, { headers: { authorization: `Bearer ${boot.apiKey}` } });
    assert.equal(res.status, 200);
    assert.equal(await stop(second), 0);
  });

  it('runs api and worker roles as separate processes on one fresh DATABASE_URL without migration races', async () => {
    const admin = postgres(`${process.env.CX_TEST_ADMIN_URL}/postgres`, { max: 1, onnotice: () => {} });
    const name = `cli_${Date.now()}`;
    await admin.unsafe(`create database ${name}`);
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-roles-'));
    dirs.push(dataDir);
    const env = {
      DATABASE_URL: `${process.env.CX_TEST_ADMIN_URL}/${name}`,
      CX_MASTER_KEY: TEST_MASTER_KEY,
      CX_DATA_DIR: dataDir,
      PORT: '0',
    };
    const procs = [
      startCli(['start', '--role', 'api'], env),
      startCli(['start', '--role', 'worker'], env),
      startCli(['start', '--role', 'api'], env),
    ];
    try {
      const urls = await Promise.all(procs.map((p) => p.url));
      assert.equal(urls[1], undefined, 'the worker serves no HTTP');
      const boot = JSON.parse(await fs.readFile(path.join(dataDir, 'bootstrap.json'), 'utf8'));
      for (const url of [urls[0], urls[2]]) {
        const res = await fetch(`${url}/v1/account`, { headers: { authorization: `Bearer ${boot.apiKey}` } });
        assert.equal(res.status, 200);
      }
      const db = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
      const [{ n }] = (await db`select count(*)::int as n from accounts where is_house`) as unknown as [{ n: number }];
      const migrations = await db`select version from schema_migrations`;
      await db.end();
      assert.equal(n, 1, 'one house account, bootstrapped once');
      assert.ok(migrations.length >= 3);
    } finally {
      const codes = await Promise.all(procs.map(stop));
      assert.deepEqual(codes, [0, 0, 0]);
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('runs role all as the API plus a worker process at a lower CPU priority, which it restarts when it dies and stops on SIGTERM', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-split-'));
    dirs.push(dataDir);
    const r = startCli(['start'], { CX_DATA_DIR: dataDir, PORT: '0' });
    const url = (await r.url)!;
    const boot = JSON.parse(await fs.readFile(path.join(dataDir, 'bootstrap.json'), 'utf8'));
    const delivered = async (to: string) => {
      const sent = await fetch(`${url}/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${boot.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ to, body: 'split' }),
      });
      assert.equal(sent.status, 202);
      const { id } = (await sent.json()) as { id: string };
      return waitFor(
        async () => {
          const m = (await (
            await fetch(`${url}/v1/messages/${id}`, { headers: { authorization: `Bearer ${boot.apiKey}` } })
          ).json()) as { status: string };
          return m.status === 'delivered' || undefined;
        },
        'delivered through the worker process',
        60_000,
      );
    };
    try {
      await delivered('+4915123000101');
      const first = await waitFor(async () => childProcesses(r.child.pid!, 'worker')[0], 'the worker process');
      assert.equal(first.nice, procInfo(r.child.pid!)!.nice + 10, 'the worker runs at a lower priority than the API');
      process.kill(first.pid, 'SIGKILL');
      const second = await waitFor(
        async () => childProcesses(r.child.pid!, 'worker').find((w) => w.pid !== first.pid),
        'a new worker process',
        30_000,
      );
      await delivered('+4915123000102');
      assert.equal(await stop(r), 0, 'SIGTERM exits cleanly');
      assert.equal(procInfo(second.pid), undefined, 'the worker stopped with it');
    } finally {
      r.child.kill('SIGKILL');
    }
  });

  it('stops cleanly on a Ctrl-C, which a terminal sends to every process of the group: the database stops last', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-ctrl-c-'));
    dirs.push(dataDir);
    const r = startCli(['start'], { CX_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' }, { group: true });
    const url = (await r.url)!;
    const boot = JSON.parse(await fs.readFile(path.join(dataDir, 'bootstrap.json'), 'utf8'));
    // Work in flight when the Ctrl-C comes.
    const sends = Array.from({ length: 20 }, (_, i) =>
      fetch(`${url}/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${boot.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ to: `+49151230002${String(i).padStart(2, '0')}`, body: 'ctrl-c' }),
      }).then(
        (res) => res.status,
        () => 'refused',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.kill(-r.child.pid!, 'SIGINT');
    assert.equal(await r.exit, 0, r.output());
    const statuses = await Promise.all(sends);
    assert.ok(
      statuses.every((s) => s === 202 || s === 503 || s === 'refused'),
      `every request answered or never taken: ${statuses.join(' ')}`,
    );
    assert.doesNotMatch(
      r.output(),
      /terminating connection|database system is shutting down|Error with notify listener/,
      'no part lost its database before it stopped',
    );
    const pid = Number(
      (await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').catch(() => '0')).split('\n')[0],
    );
    assert.ok(!pid || procInfo(pid) === undefined, 'PostgreSQL stopped too');
  });

  it('refuses to start with DATABASE_URL but no CX_MASTER_KEY, saying why', async () => {
    const r = startCli(['start'], { DATABASE_URL: `${process.env.CX_TEST_ADMIN_URL}/postgres`, CX_MASTER_KEY: '' });
    assert.equal(await r.exit, 1);
    assert.match(r.output(), /CX_MASTER_KEY is required with DATABASE_URL/);
  });

  it('rejects a bad --role with a clear message', async () => {
    const r = startCli(['start', '--role', 'both'], {});
    assert.equal(await r.exit, 2);
    assert.match(r.output(), /--role must be all, api or worker/);
  });
});
