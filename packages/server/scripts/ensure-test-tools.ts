// Debian tools some tests use, installed on a fresh machine (CI) when missing: pdftotext
// (poppler-utils) reads the invoice PDFs back. Best effort: without it those tests say why they skip.
import { spawnSync } from 'node:child_process';

const TOOLS: { command: string; debianPackage: string }[] = [{ command: 'pdftotext', debianPackage: 'poppler-utils' }];

export function ensureTestTools(): void {
  const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t.command}`]).status !== 0);
  if (missing.length === 0) return;
  const packages = missing.map((t) => t.debianPackage);
  // As root apt-get runs directly; otherwise only through password-less sudo.
  const prefix = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const aptGet = (...args: string[]) => {
    const [command, ...rest] = [...prefix, 'apt-get', ...args];
    return spawnSync(command!, rest, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  let result = aptGet('install', '-y', '--no-install-recommends', ...packages);
  if (result.status !== 0) {
    aptGet('update');
    result = aptGet('install', '-y', '--no-install-recommends', ...packages);
  }
  if (result.status !== 0)
    console.warn(`could not install ${packages.join(', ')}; the tests that need them will be skipped`);
}
