// `npm run bench [scenario…]`: starts CX Engage as its own process on a temp data dir
// (embedded PostgreSQL), load-tests it from this process with autocannon, prints one JSON
// line per scenario and stops everything. BENCH_DURATION (s), BENCH_CONNECTIONS override.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bootstrap } from '../packages/server/src/bootstrap.ts';
import { freePort } from '../packages/server/src/db/embedded.ts';
import postgres from 'postgres';
import { OPT_IN_SCENARIOS, SCENARIOS } from './scenarios/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const scenarios = only.length ? [...SCENARIOS, ...OPT_IN_SCENARIOS].filter((s) => only.includes(s.name)) : SCENARIOS;
if (scenarios.length === 0) {
  console.error(`unknown scenario; choose from: ${[...SCENARIOS, ...OPT_IN_SCENARIOS].map((s) => s.name).join(', ')}`);
  process.exit(2);
}

// Scenarios that measure one role alone get a server of their own (see Scenario.role).
for (const role of ['all', 'api'] as const) {
  const mine = scenarios.filter((s) => (s.role ?? 'all') === role);
  if (mine.length > 0) await runOn(role, mine);
}

async function runOn(role: 'all' | 'api', list: typeof scenarios): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-bench-'));
  const port = await freePort();
  // The heap flags `npm start` runs with (package.json), so the figures are those a user gets.
  const server = spawn(
    process.execPath,
    [
      '--max-old-space-size=384',
      '--max-semi-space-size=16',
      path.join(root, 'packages/server/src/cli.ts'),
      'start',
      '--role',
      role,
    ],
    {
      // The webhooks scenario's receiver listens on loopback.
      env: {
        ...process.env,
        CX_DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        CX_LOG_FORMAT: 'pretty',
        CX_WEBHOOK_ALLOW_PRIVATE: 'true',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (d: Buffer) => String(d).includes('running at') && resolve());
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const boot = JSON.parse(await fs.readFile(path.join(dataDir, 'bootstrap.json'), 'utf8')) as Bootstrap;
    console.log(JSON.stringify({ durability: await durabilitySettings(dataDir) }));
    for (const scenario of list) {
      const result = await scenario.run({
        url: `http://127.0.0.1:${port}`,
        dataDir,
        boot,
        serverPid: server.pid!,
        durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
        connections: Number(process.env.BENCH_CONNECTIONS ?? scenario.connections),
      });
      console.log(JSON.stringify({ scenario: scenario.name, role, ...result }));
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** The settings every acknowledged commit depends on, as the server's PostgreSQL has them. */
async function durabilitySettings(dataDir: string): Promise<Record<string, string>> {
  const pg = JSON.parse(await fs.readFile(path.join(dataDir, 'postgres.json'), 'utf8')) as {
    port: number;
    password: string;
  };
  const sql = postgres({
    host: '127.0.0.1',
    port: pg.port,
    user: 'postgres',
    password: pg.password,
    database: 'cx_engage',
    max: 1,
    onnotice: () => {},
  });
  try {
    const rows = await sql<
      { name: string; setting: string }[]
    >`select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes')`;
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await sql.end();
  }
}
