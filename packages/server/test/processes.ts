// Platform roles as separate processes (the real CLI on Node 24), for tests that SIGKILL them.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
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
export async function startRole(
  role: 'api' | 'worker',
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RoleProcess> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `cx-${role}-`));
  const child = spawn(process.execPath, [CLI, 'start', '--role', role], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      CX_MASTER_KEY: TEST_MASTER_KEY,
      CX_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      CX_LOG_FORMAT: 'pretty',
      CX_WEBHOOK_ALLOW_PRIVATE: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = watchStart(child);
  const url = Promise.race([
    started.url,
    exited.then(() => Promise.reject(new Error(`${role} exited early:\n${started.output()}`))),
  ]);
  url.catch(() => {});
  void exited.then(() => fs.rm(dataDir, { recursive: true, force: true }));
  return {
    child,
    pid: child.pid!,
    url,
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A live process as Linux's /proc shows it: parent, nice value, command line. */
export interface ProcInfo {
  pid: number;
  ppid: number;
  nice: number;
  args: string[];
}

/** The process, or undefined once it is gone. */
export function procInfo(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state, ppid, … ; the nice value is stat's 19th field.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, ppid: Number(fields[1]), nice: Number(fields[16]), args };
  } catch {
    return undefined;
  }
}

/** The live children of `parent` whose command line holds `arg`. */
export function childProcesses(parent: number, arg: string): ProcInfo[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      const p = procInfo(Number(d));
      return p && p.ppid === parent && p.args.some((a) => a.includes(arg)) ? [p] : [];
    });
}
