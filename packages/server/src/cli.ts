#!/usr/bin/env node
// cx-engage: start the platform, or run an operator command against its database.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Role } from './config.ts';
import { startPlatform } from './main.ts';
import { runOperatorCommand, OPERATOR_COMMANDS } from './operator-commands.ts';
import { runSandboxSmsc } from './sandbox/smsc-command.ts';
import { superviseWorker, watchParent } from './worker-process.ts';

const USAGE = `Usage: cx-engage <command> [options]

Commands:
  start [--role all|api|worker] [--port N] [--host H] [--data-dir DIR]
                     run the platform (default role: all)
  sandbox-smsc [--port 2775] [--host H] [--system-id cxsandbox] [--password sandbox] [--receipt-delay-ms 200]
                     run only the sandbox SMSC, to test any SMPP client
  (the commands below accept --data-dir DIR; default ./data or CX_DATA_DIR)
${OPERATOR_COMMANDS.map((c) => `  ${c.usage}\n                     ${c.summary}`).join('\n')}

Environment: see docs/configuration.md (DATABASE_URL, CX_MASTER_KEY, CX_SANDBOX, PORT, HOST, ...).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'sandbox-smsc') return runSandboxSmsc(rest);
  if (command !== 'start') {
    // Operator commands parse their own options; --data-dir locates the embedded database.
    const { dataDir, args } = takeDataDir(rest);
    return runOperatorCommand(loadConfig(process.env, { dataDir, stdoutIsTTY: process.stdout.isTTY }), [
      command,
      ...args,
    ]);
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      role: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const role = values.role;
  if (role !== undefined && !['all', 'api', 'worker'].includes(role)) {
    console.error(`--role must be all, api or worker (got "${role}")`);
    return 2;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    console.error(`--port must be a port number (got "${values.port}")`);
    return 2;
  }
  const overrides = { role: role as Role | undefined, port, host: values.host, dataDir: values['data-dir'] };
  return start(loadConfig(process.env, { ...overrides, stdoutIsTTY: process.stdout.isTTY }));
}

function takeDataDir(args: string[]): { dataDir: string | undefined; args: string[] } {
  const out: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data-dir') dataDir = args[++i];
    else if (a.startsWith('--data-dir=')) dataDir = a.slice('--data-dir='.length);
    else out.push(a);
  }
  return { dataDir, args: out };
}

async function start(config: ReturnType<typeof loadConfig>): Promise<number> {
  // Role all: the API here and the background work in a worker process beside it (worker-process.ts).
  const split = config.role === 'all' && config.workerProcess;
  const platform = await startPlatform(split ? { ...config, role: 'api' } : config);
  const worker = split
    ? superviseWorker({
        cli: process.argv[1]!,
        dataDir: config.dataDir,
        apiPort: Number(new URL(platform.url!).port),
        log: platform.ctx.log,
      })
    : undefined;
  announce(config, platform);
  return new Promise((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      platform.ctx.log.info({ signal }, 'shutting down: no new work, finishing what is in flight');
      // The worker first: it finishes its in-flight work while the database is still up.
      (worker ? worker.stop() : Promise.resolve())
        .then(() => platform.stop())
        .then(
          () => resolve(0),
          () => resolve(1),
        );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGHUP', () => shutdown('SIGHUP')); // the terminal closed
    if (config.workerOf)
      watchParent(config.workerOf, () => shutdown('the API process that started this worker is gone'));
  });
}

// For a person (pretty): plain lines. For a log collector (json): one record, so stdout
// stays one JSON object per line.
function announce(config: ReturnType<typeof loadConfig>, platform: Awaited<ReturnType<typeof startPlatform>>): void {
  if (config.workerOf && config.logFormat === 'pretty') return; // its API process has said where the platform runs
  const docs = platform.url ? `${platform.url}/docs` : undefined;
  if (config.logFormat === 'json') {
    const msg = platform.url ? 'CX Engage is running' : 'CX Engage worker is running';
    // Whatever LOG_LEVEL says: where the platform runs is the one line an operator always needs.
    platform.ctx.log
      .child({}, { level: 'info' })
      .info({ url: platform.url, role: config.role, bootstrapFile: platform.bootstrapFile, docs }, msg);
    return;
  }
  const where = platform.url
    ? `CX Engage is running at ${platform.url} (role ${config.role})`
    : `CX Engage worker is running (role ${config.role})`;
  console.log(
    [
      where,
      `API keys and the operator login are in ${platform.bootstrapFile}`,
      ...(docs ? [`API docs: ${docs}`] : []),
    ].join('\n'),
  );
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(`cx-engage: ${err.message}`);
    else if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      console.error(`${err.message}\n\n${USAGE}`);
    else console.error('cx-engage: failed:', err);
    process.exit(1);
  },
);
