// What the portal's tests and screenshots need before they start: a current build in dist/
// (the api role serves it) and Debian's chromium (ensure-chromium.sh installs it when missing).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const portal = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

// The portal bundles these workspace packages' builds (`npm run build -w packages/…`).
const BUNDLED_PACKAGES = ['encoding', 'sdk'].map((name) => path.join(portal, '..', name, 'dist'));

/** Builds the portal when dist/ is missing or older than its sources or a package it bundles. */
export function ensurePortalBuild(): void {
  const index = path.join(portal, 'dist', 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const inputs = [path.join(portal, 'src'), ...BUNDLED_PACKAGES.filter((dir) => fs.existsSync(dir))];
  if (builtAt > Math.max(...inputs.map(newestMtime))) return;
  const vite = path.join(portal, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: portal, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the portal build failed');
}

/** Installs Debian's chromium when it is missing (apt-get, as root or through sudo -n). */
export function ensureChromium(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const result = spawnSync('sh', [path.join(portal, 'scripts', 'ensure-chromium.sh')], { stdio: 'inherit' });
  return result.status === 0 && fs.existsSync(CHROMIUM);
}
