// Runs `cx-engage <args>` as a separate process (Node 24, the real CLI) and collects its output.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/cli.ts');

export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/**
 * Collects a starting `cx-engage start`'s output (pretty log format) and reads from it the URL
 * it serves; undefined for a worker. The promise never settles if the process dies first:
 * callers race it with the exit.
 */
export function watchStart(child: ChildProcess): { url: Promise<string | undefined>; output: () => string } {
  let out = '';
  const url = new Promise<string | undefined>((resolve) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
      if (/worker is running/.test(out)) resolve(undefined);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  return { url, output: () => out };
}
