// Dependency rules (issue #18), read from the static imports of every non-test .ts file under
// packages/server/src (relative specifiers with explicit .ts extensions, as NodeNext wants).
// A test rather than dependency-cruiser: that parses TypeScript through the TypeScript compiler
// API, which TypeScript 7 (native) does not ship, and finds none of our modules without it.
// A domain is a folder directly under src. Top-level files are `config.ts` and `context.ts`,
// which every layer may use, and the process wiring (app.ts, main.ts, cli.ts, jobs.ts, …),
// which nothing in a folder may import. docs/architecture.md "Domains and their arrows" is the
// map these tests keep true.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const DOC = path.resolve(SRC, '../../../docs/architecture.md');
const CORE = new Set(['config.ts', 'context.ts']);

/**
 * Domains that import each other both ways, older than the rule. Shrinking only: break a pair
 * and take it off (a test fails while a listed pair no longer exists). Each says which side
 * goes against the layering of docs/architecture.md.
 */
const TWO_WAY_ALLOWED: Record<string, string> = {
  'accounts <-> billing': 'accounts/boarding.ts reads held deposits, accounts/company.ts the VAT rules',
  'accounts <-> http': 'http/auth-plugin.ts applies accounts/sending-rule.ts',
  'accounts <-> platform': 'platform/email/seal.ts finds the house account through accounts/store.ts',
  'accounts <-> policies': 'accounts/service.ts records the policies in force through policies/store.ts',
  'auth <-> http': 'http/auth-plugin.ts and permissions.ts use auth keys, sessions and scopes',
  'billing <-> messaging': 'billing/price-routes.ts and problems.ts use messaging input, senders and error codes',
  'billing <-> send-policy': "billing's policies implement send-policy/policy.ts, which send-policy/order.ts lists",
  'channels <-> messaging': "channels/whatsapp's routes hand Meta's webhooks to messaging and use its input",
  'country-rules <-> messaging': 'country-rules uses the message model, input and error codes',
  'country-rules <-> send-policy': 'as billing: a policy that send-policy/order.ts lists',
  'fraud <-> messaging':
    'fraud reads and releases held messages through messaging; messaging types name fraud decisions',
  'fraud <-> send-policy': 'as billing; send-policy/policy.ts also names fraud/decision.ts',
  'messaging <-> privacy': 'privacy uses the message model, input, status and keywords',
  'messaging <-> send-policy': 'send-policy/policy.ts and order.ts use the message model and the WhatsApp window',
  'messaging <-> webhooks': 'messaging/input.ts checks callback URLs with webhooks/ssrf.ts',
  'privacy <-> send-policy': 'as billing: privacy/enforcement.ts is a policy that send-policy/order.ts lists',
};

interface Import {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
      ? [path.relative(SRC, p).split(path.sep).join('/')]
      : [];
  });
}

// `import …/export … from './x.ts'` over several lines, `import type`, and `import './x.ts'`.
const IMPORT =
  /^(?:import|export)\s+(?:type\s+)?(?:[\w$*\s,]|\{[^}]*\})*?\bfrom\s+'(\.\.?\/[^']+)'|^import\s+'(\.\.?\/[^']+)'/gm;

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(SRC, file), 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] ?? m[2]!)))
    .filter((to) => !to.startsWith('../')) // test helpers outside src (sandbox test kits)
    .map((to) => ({ from: file, to }));
}

const files = sourceFiles(SRC).sort();
const imports = files.flatMap(importsOf);
const domainOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);
const domains = [...new Set(files.map(domainOf).filter((d) => d !== undefined))].sort();
const isRouteFile = (file: string) => /(^|[/-])routes\.ts$/.test(path.posix.basename(file));
const show = (i: Import) => `${i.from} → ${i.to}`;

/** Domain arrows the code has: "a -> b" with the imports that make each. */
function arrows(): Map<string, Import[]> {
  const out = new Map<string, Import[]>();
  for (const i of imports) {
    const a = domainOf(i.from);
    const b = domainOf(i.to);
    if (a === undefined || b === undefined || a === b) continue;
    const key = `${a} -> ${b}`;
    out.set(key, [...(out.get(key) ?? []), i]);
  }
  return out;
}

it('reads an import from every file that has one, each naming a file that exists', () => {
  const known = new Set(files);
  assert.deepEqual(imports.filter((i) => !known.has(i.to)).map(show), [], 'an import the rules cannot follow');
  assert.ok(imports.length > 1000, `only ${imports.length} imports found: has the import syntax changed?`);
});

it('route files are registered only by the app wiring', () => {
  // app.ts registers every plugin; a route file may also register its own folder's route files
  // under one prefix (auth/portal-routes.ts). Anything else would use a route file as a library.
  const bad = imports.filter(
    (i) =>
      isRouteFile(i.to) &&
      i.from !== 'app.ts' &&
      !(isRouteFile(i.from) && path.posix.dirname(i.from) === path.posix.dirname(i.to)),
  );
  assert.deepEqual(bad.map(show), [], 'move what these need out of the route file into a module of its domain');
});

it('files in folders import no process wiring (only config.ts and context.ts from the top)', () => {
  const bad = imports.filter((i) => domainOf(i.from) !== undefined && domainOf(i.to) === undefined && !CORE.has(i.to));
  assert.deepEqual(bad.map(show), [], 'the wiring imports the domains, never the other way round');
});

/** Every import cycle between files, each as a path a → b → … → a (one per set of files). */
function fileCycles(): string[][] {
  const next = new Map(files.map((f) => [f, imports.filter((i) => i.from === f).map((i) => i.to)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found = new Map<string, string[]>();
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of next.get(f) ?? []) {
      if (state.get(t) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(t)), t];
        found.set([...new Set(cycle)].sort().join(' '), cycle);
      } else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return [...found.values()];
}

it('no import cycle between files', () => {
  assert.deepEqual(
    fileCycles().map((c) => c.join(' → ')),
    [],
    'move the piece both sides need to the lower one (or a file of its own), so imports go one way',
  );
});

/** Pairs of domains that import each other, "a <-> b" with a < b, and one import each way. */
function twoWayPairs(): Map<string, string> {
  const all = arrows();
  const pairs = new Map<string, string>();
  for (const [key, there] of all) {
    const [a, b] = key.split(' -> ') as [string, string];
    const back = all.get(`${b} -> ${a}`);
    if (a < b && back) pairs.set(`${a} <-> ${b}`, `${show(there[0]!)} and ${show(back[0]!)}`);
  }
  return pairs;
}

it('no two domains import each other, except the listed older pairs', () => {
  const bad = [...twoWayPairs()].filter(([pair]) => !(pair in TWO_WAY_ALLOWED)).map(([pair, how]) => `${pair}: ${how}`);
  assert.deepEqual(
    bad,
    [],
    'a domain cycle: move the shared piece to the lower domain (docs/architecture.md, Domains and their arrows)',
  );
});

it('the listed older two-way pairs all still exist', () => {
  const pairs = twoWayPairs();
  const gone = Object.keys(TWO_WAY_ALLOWED).filter((pair) => !pairs.has(pair));
  assert.deepEqual(gone, [], 'these pairs are broken now: take them off TWO_WAY_ALLOWED');
});

/** The table of docs/architecture.md "Domains and their arrows": domain → the domains it imports. */
function documentedArrows(): Map<string, string[]> {
  const doc = fs.readFileSync(DOC, 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Domains and their arrows'));
  assert.ok(section, 'docs/architecture.md has no section "Domains and their arrows"');
  const rows = [...section.matchAll(/^\| `([a-z-]+)\/` \|.*\| ([^|]*) \|$/gm)];
  return new Map(rows.map((m) => [m[1]!, [...m[2]!.matchAll(/`([a-z-]+)\/`/g)].map((n) => n[1]!).sort()]));
}

it('package sources import another workspace package by its name, never by a path into it', () => {
  const packages = path.resolve(SRC, '../..');
  const bad: string[] = [];
  for (const pkg of fs.readdirSync(packages)) {
    const src = path.join(packages, pkg, 'src');
    if (!fs.existsSync(src)) continue;
    for (const entry of fs.readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(entry)) continue;
      const file = path.join(src, entry);
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bfrom\s+'(\.\.?\/[^']+)'/g)) {
        const target = path.resolve(path.dirname(file), m[1]!);
        if (!target.startsWith(path.join(packages, pkg) + path.sep))
          bad.push(`${path.relative(packages, file)} → ${m[1]}`);
      }
    }
  }
  assert.deepEqual(bad, [], 'import the package by its npm name (@cx-engage/…), which its package.json lists');
});

it('docs/architecture.md lists every domain with exactly the arrows the code has', () => {
  const documented = documentedArrows();
  assert.deepEqual(
    [...documented.keys()].sort(),
    domains,
    'the domains listed in "Domains and their arrows" differ from the folders under src',
  );
  const code = arrows();
  const problems: string[] = [];
  for (const [key, why] of code) {
    const [a, b] = key.split(' -> ') as [string, string];
    if (!documented.get(a)?.includes(b)) problems.push(`${key} is not documented (${show(why[0]!)})`);
  }
  for (const [a, targets] of documented) {
    for (const b of targets)
      if (!code.has(`${a} -> ${b}`)) problems.push(`${a} -> ${b} is documented but no file makes it`);
  }
  assert.deepEqual(
    problems,
    [],
    'a new arrow is a design decision: add it to the table on purpose (and never make a pair two-way)',
  );
});
