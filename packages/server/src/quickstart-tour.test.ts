// docs/quickstart.md, run as a reader would: a fresh `cx-engage start` (embedded PostgreSQL, a
// new data directory, the reader's environment), each ```sh block in order (curl with fetch,
// the receiver as its own process) and each documented answer and receiver line checked. A
// command or a field changed in the doc without the platform agreeing fails here. The rules the
// doc follows are in its opening comment; the parsing is in test/doc-tour.ts.
import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './db/embedded.ts';
import { CLI, watchStart } from '../test/cli.ts';
import { waitFor } from '../test/wait.ts';
import {
  assignments,
  curlRequest,
  expectedAnswer,
  fencedBlocks,
  findString,
  elided,
  mismatch,
  shellCommands,
  type Block,
} from '../test/doc-tour.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DOC = 'docs/quickstart.md';
const PATIENCE_MS = 20_000;

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

/** The environment a reader has: none of the settings a test run or a shell may carry. */
function readersEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(CX_|DATABASE_URL$|PORT$|HOST$)/.test(k)),
  );
  return { ...env, ...extra };
}

class Tour {
  readonly vars = new Map<string, string>();
  server?: { child: ChildProcess; exit: Promise<unknown> };
  receiver?: { child: ChildProcess; lines: string[] };
  /** Receiver lines printed before the latest command: a ```text block looks after them. */
  receiverMark = 0;
  last?: Answer;

  readonly dataDir: string;
  readonly ports: { platform: number; receiver: number };

  constructor(dataDir: string, ports: { platform: number; receiver: number }) {
    this.dataDir = dataDir;
    this.ports = ports;
  }

  /** The doc's addresses stand for the free ports this run uses. */
  localize(text: string): string {
    return text
      .replaceAll('http://127.0.0.1:8080', `http://127.0.0.1:${this.ports.platform}`)
      .replaceAll('http://127.0.0.1:9000', `http://127.0.0.1:${this.ports.receiver}`);
  }

  async startPlatform(env: Record<string, string>): Promise<void> {
    await this.stopPlatform();
    const child = spawn(process.execPath, [CLI, 'start'], {
      cwd: root,
      env: readersEnv({
        ...env,
        CX_DATA_DIR: this.dataDir,
        PORT: String(this.ports.platform),
        LOG_LEVEL: 'warn',
        CX_LOG_FORMAT: 'pretty',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = watchStart(child);
    const exit = new Promise((resolve) => child.on('exit', resolve));
    this.server = { child, exit };
    await Promise.race([started.url, exit.then(() => assert.fail(`npm start exited:\n${started.output()}`))]);
  }

  async stopPlatform(): Promise<void> {
    if (!this.server) return;
    this.server.child.kill('SIGTERM');
    await this.server.exit;
    this.server = undefined;
  }

  startReceiver(env: Record<string, string>, args: string[]): void {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: readersEnv({ ...env, RECEIVER_PORT: String(this.ports.receiver) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const collect = (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.receiver = { child, lines };
    this.receiverMark = 0;
  }

  /** `NAME=msg_…` stands for the string of the previous answer that starts with `msg_`. */
  value(shown: string, where: string): string {
    if (!shown.includes('…')) return shown;
    const found = findString(this.last?.body, shown);
    assert.ok(found, `${where}: the previous answer has no value like ${shown}`);
    return found;
  }

  async curl(args: string[]): Promise<Answer> {
    const req = curlRequest(args);
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body ?? null });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* a download: kept as text */
    }
    return { status: res.status, body, text };
  }
}

/** Runs the commands of one ```sh block; `expected` is the answer its last curl must give. */
async function runBlock(tour: Tour, block: Block, expected: Block | undefined): Promise<void> {
  const where = `${DOC}:${block.line}`;
  // $(node -p "require('./data/bootstrap.json').apiKey"): a field of the data dir's bootstrap.json.
  const boot = JSON.parse(
    await fs.readFile(path.join(tour.dataDir, 'bootstrap.json'), 'utf8').catch(() => '{}'),
  ) as Record<string, string>;
  const text = tour
    .localize(block.text)
    .replace(/\$\(node -p "require\('\.\/data\/bootstrap\.json'\)\.(\w+)"\)/g, (_, field: string) => {
      assert.ok(boot[field], `${where}: bootstrap.json has no ${field}`);
      return `'${boot[field]}'`;
    });
  tour.receiverMark = tour.receiver?.lines.length ?? 0;
  // A curl is judged once the next command shows whether it was the block's last.
  let pending: string[] | undefined;
  for (const words of shellCommands(text, tour.vars)) {
    if (pending) await judgeCurl(tour, pending, undefined, where);
    pending = undefined;
    const { set, rest } = assignments(words);
    const env = Object.fromEntries(Object.entries(set).map(([k, v]) => [k, tour.value(v, where)]));
    if (rest.length === 0) for (const [k, v] of Object.entries(env)) tour.vars.set(k, v);
    else if (rest.join(' ') === 'npm ci')
      continue; // installed already
    else if (rest.join(' ') === 'npm start') await tour.startPlatform(env);
    else if (rest[0] === 'node' && rest[1]?.startsWith('docs/examples/')) tour.startReceiver(env, rest.slice(1));
    else if (rest[0] === 'curl') {
      pending = rest.slice(1);
      tour.last = await tour.curl(pending);
    } else assert.fail(`${where}: a command the tour test cannot run: ${rest.join(' ')}`);
  }
  if (pending) await judgeCurl(tour, pending, expected, where);
}

/** Checks the answer a curl gave (`tour.last`): the documented one, or else any 2xx. */
async function judgeCurl(tour: Tour, args: string[], expected: Block | undefined, where: string): Promise<void> {
  if (!expected) {
    assert.ok(
      tour.last!.status < 300,
      `${where}: curl ${args.join(' ')}\nanswered ${tour.last!.status}: ${tour.last!.text}`,
    );
    return;
  }
  const want = expectedAnswer({ ...expected, text: tour.localize(expected.text) });
  const check = (a: Answer) =>
    a.status === want.status ? mismatch(want.json, a.body) : `status ${a.status}, expected ${want.status}`;
  // Statuses change in the background: a GET (safe to repeat) is asked again until it matches.
  if (curlRequest(args).method === 'GET' && check(tour.last!) !== undefined) {
    const matches = async () => (check((tour.last = await tour.curl(args))) === undefined ? true : undefined);
    await waitFor(matches, 'the documented answer', PATIENCE_MS).catch(() => undefined);
  }
  const problem = check(tour.last!);
  assert.equal(problem, undefined, `${where} → ${DOC}:${expected.line}: ${problem}\nanswer: ${tour.last!.text}`);
}

/** Each line of a ```text block must be printed by the receiver (after the block's command). */
async function checkReceiver(tour: Tour, block: Block): Promise<void> {
  const receiver = tour.receiver;
  assert.ok(receiver, `${DOC}:${block.line}: receiver output, but no receiver was started`);
  for (const line of tour
    .localize(block.text)
    .split('\n')
    .filter((l) => l.trim())) {
    const pattern = elided(line);
    const printed = () => receiver.lines.slice(tour.receiverMark).some((l) => pattern.test(l));
    await waitFor(async () => printed() || undefined, line, PATIENCE_MS).catch(() => undefined);
    assert.ok(
      printed(),
      `${DOC}:${block.line}: the receiver did not print "${line}"; it printed:\n${receiver.lines.join('\n')}`,
    );
  }
}

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

it('runs docs/quickstart.md step by step against a fresh platform, as a reader would', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-tour-'));
  const tour = new Tour(dataDir, { platform: await freePort(), receiver: await freePort() });
  cleanups.push(
    () => fs.rm(dataDir, { recursive: true, force: true }),
    () => tour.stopPlatform(),
    async () => tour.receiver?.child.kill(),
  );

  const blocks = fencedBlocks(await fs.readFile(path.join(root, DOC), 'utf8'));
  assert.ok(blocks.filter((b) => b.lang === 'sh').length >= 10, 'the tour has its steps');
  for (const [i, block] of blocks.entries()) {
    const next = blocks[i + 1];
    if (block.lang === 'sh') await runBlock(tour, block, next?.lang === 'jsonc' ? next : undefined);
    else if (block.lang === 'text') await checkReceiver(tour, block);
    else
      assert.equal(
        block.lang,
        'jsonc',
        `${DOC}:${block.line}: a block the tour test does not know (\`\`\`${block.lang})`,
      );
  }
});
