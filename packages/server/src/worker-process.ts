// `start` with role all runs two processes: the API in this one, and the background work
// (binds and dispatch, receipts, webhooks, jobs) in one worker process beside it, which this
// process starts, watches and stops. Why not one process: on a small machine the API and the
// dispatcher compete for the same cores, and a burst of requests should be answered first. The
// worker runs at a lower CPU priority (nice +10): under a burst it falls behind for a while and
// catches up when the burst ends, as Kannel's bearerbox does behind its smsbox spool. Nothing
// waits on it for durability: every accepted message is committed before its 2xx.
// A worker that dies is started again (after 1 s, then backing off to 30 s); the worker stops
// itself when this process is gone (CX_WORKER_OF), so no orphan keeps sending.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import type { Logger } from 'pino';

/** How much lower the worker's CPU priority is than the API's. */
const NICE_INCREMENT = 10;
const RESTART_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];
const STOP_TIMEOUT_MS = 30_000;

export interface WorkerProcess {
  stop(): Promise<void>;
}

export interface WorkerProcessOptions {
  /** The cx-engage entry point (this process's own). */
  cli: string;
  dataDir: string;
  /** The API's port: the sandbox WhatsApp simulator posts its webhooks there. */
  apiPort: number;
  log: Logger;
}

export function superviseWorker(opts: WorkerProcessOptions): WorkerProcess {
  let child: ChildProcess | undefined;
  let stopping = false;
  let failures = 0;
  let restartTimer: NodeJS.Timeout | undefined;

  function run(): void {
    const started = Date.now();
    const c = spawn(
      process.execPath,
      [...nodeFlags(), opts.cli, 'start', '--role', 'worker', '--data-dir', opts.dataDir],
      {
        env: { ...process.env, PORT: String(opts.apiPort), CX_WORKER_OF: String(process.pid) },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child = c;
    if (c.pid !== undefined) lowerPriority(c.pid, opts.log);
    c.on('exit', (code, signal) => {
      if (child === c) child = undefined;
      if (stopping) return;
      // A worker that ran a while before dying starts the back-off over.
      failures = Date.now() - started > 60_000 ? 1 : failures + 1;
      const delay = RESTART_DELAYS_MS[Math.min(failures, RESTART_DELAYS_MS.length) - 1]!;
      opts.log.error({ code, signal, restartInMs: delay }, 'the worker process ended; starting it again');
      restartTimer = setTimeout(run, delay);
    });
  }

  run();
  return {
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
      c.kill('SIGTERM');
      const timer = setTimeout(() => c.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** This process's Node flags, but a debugger's: two processes cannot listen on one inspector port. */
function nodeFlags(): string[] {
  return process.execArgv.filter((a) => !a.startsWith('--inspect'));
}

function lowerPriority(pid: number, log: Logger): void {
  try {
    os.setPriority(pid, Math.min(19, os.getPriority() + NICE_INCREMENT));
  } catch (err) {
    log.warn({ err }, "could not lower the worker process's CPU priority; it runs at the API's");
  }
}

/**
 * In a worker started by superviseWorker: stop when the API process that started it is gone
 * (killed with SIGKILL, it could not stop its worker).
 */
export function watchParent(parentPid: number, stop: () => void): void {
  const timer = setInterval(() => {
    if (process.ppid !== parentPid) {
      clearInterval(timer);
      stop();
    }
  }, 1000);
  timer.unref();
}
