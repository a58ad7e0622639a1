// The docs must not send readers to routes or commands that do not exist: every route named
// in README.md and docs/*.md (`GET /v1/...`, or what a `curl` example calls) is in the
// OpenAPI document, and every `cx-engage <command>` is in the CLI's help.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI } from '../test/cli.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const docFiles = [
  'README.md',
  ...fs
    .readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const docs = docFiles.map((file) => ({ file, text: fs.readFileSync(path.join(root, file), 'utf8') }));

// The document `npm run sdk:generate` dumps; openapi-drift.test.ts keeps it equal to the served one.
const openapi = JSON.parse(fs.readFileSync(path.join(root, 'packages/sdk/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};
const operations = Object.entries(openapi.paths).flatMap(([p, methods]) =>
  Object.keys(methods).map((m) => ({
    method: m.toUpperCase(),
    path: p,
    pattern: new RegExp(
      `^${p
        .split('/')
        .map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('/')}$`,
    ),
  })),
);

interface Mention {
  file: string;
  method: string | undefined;
  path: string;
}

// `GET /v1/x/{id}`, `POST /v1/x` in prose and tables.
function namedRoutes(file: string, text: string): Mention[] {
  return [...text.matchAll(/\b(GET|POST|PUT|PATCH|DELETE) +(\/v1\/[^\s`'")|,;]*)/g)].map((m) => ({
    file,
    method: m[1],
    path: m[2]!,
  }));
}

// What `curl` examples call: -X says the method, else a body means POST, else GET.
function curlRoutes(file: string, text: string): Mention[] {
  const commands = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((l) => l.includes('curl '));
  return commands.flatMap((line) => {
    const method =
      /(?:-X|--request) +([A-Z]+)/.exec(line)?.[1] ?? (/ (?:-d|--data[a-z-]*|-F|--form) /.test(line) ? 'POST' : 'GET');
    return [...line.matchAll(/(?:\$\{?API\}?|https?:\/\/127\.0\.0\.1:8080)(\/v1\/[^\s`'")]*)/g)].map((m) => ({
      file,
      method,
      path: m[1]!,
    }));
  });
}

function exists(m: Mention): boolean {
  const clean = m.path
    .replace(/[?#].*$/, '')
    .replace(/[.:]+$/, '')
    .replace(/\/$/, '');
  // `/v1/admin/...`, `/v1/sandbox/*`: some route under it.
  const prefix = /\/(\*|\.\.\.|…)$/.exec(clean);
  if (prefix) return operations.some((o) => o.path.startsWith(clean.slice(0, prefix.index + 1)));
  return operations.some((o) => (m.method === undefined || o.method === m.method) && o.pattern.test(clean));
}

it('names only routes that are in the OpenAPI document', () => {
  const mentions = docs.flatMap(({ file, text }) => [...namedRoutes(file, text), ...curlRoutes(file, text)]);
  assert.ok(mentions.length > 100, `found the routes the docs name (${mentions.length})`);
  const missing = mentions.filter((m) => !exists(m)).map((m) => `${m.file}: ${m.method ?? ''} ${m.path}`);
  assert.deepEqual([...new Set(missing)], []);
});

it('names only cx-engage commands that the CLI knows', () => {
  const help = execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  // Each command is a usage line of its own: one or two words before its options.
  const commands = [...help.matchAll(/^ {2}([a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)?)(?= |$)/gm)].map((m) => m[1]!);
  assert.ok(commands.includes('start') && commands.includes('audit verify'), commands.join(', '));
  const missing = docs.flatMap(({ file, text }) =>
    [...text.matchAll(/\bcx-engage ([a-z][a-z0-9-]*)(?: ([a-z][a-z0-9-]*))?/g)]
      .filter(([, first, second]) => !commands.some((c) => c === first || c === `${first} ${second}`))
      .map(([mention]) => `${file}: ${mention}`),
  );
  assert.deepEqual(missing, []);
});
