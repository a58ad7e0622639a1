// Platform roles as separate processes (the real CLI on Node 24), for tests that SIGKILL them.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TEST_MASTER_KEY } from './harness.ts';
import { CLI, watchStart } from './cli.ts';

export interface RoleProcess {
  child: ChildProcess;
  pid: number;
  /** The HTTP base URL (api role); undefined for a worker. */
  url: Promise<string | undefined>;
  exited: Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `cx-engage start --role <role>` on `databaseUrl` with its own data dir. */
export async function startRole(role: 'api' | 'worker', databaseUrl: string, env: Record<string, string> = {}): Promise<RoleProcess> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `cx-${role}-`));
  const child = spawn(process.execPath, [CLI, 'start', '--role', role], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, CX_MASTER_KEY: TEST_MASTER_KEY, CX_DATA_DIR: dataDir, PORT: '0',
      LOG_LEVEL: 'warn', CX_LOG_FORMAT: 'pretty', CX_WEBHOOK_ALLOW_PRIVATE: 'true', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = watchStart(child);
  const url = Promise.race([started.url, exited.then(() => Promise.reject(new Error(`${role} exited early:\n${started.output()}`)))]);
  url.catch(() => {});
  void exited.then(() => fs.rm(dataDir, { recursive: true, force: true }));
  return {
    child, pid: child.pid!, url, exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
