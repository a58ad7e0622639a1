// Real headless Chromium (Debian's package) driven by playwright-core, which never downloads a
// browser of its own. Each context is a fresh profile: cookies never leak between users.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, ensureChromium } from '../scripts/prepare.ts';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!ensureChromium())
    throw new Error(`${CHROMIUM} is missing and could not be installed (packages/portal/scripts/ensure-chromium.sh)`);
  // playwright gives every launch a fresh temporary --user-data-dir of its own.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-GB', timezoneId: 'UTC' });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** Tests keep their screenshots out of the repository: a temp dir per run. */
export async function screenshotDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'cx-portal-shots-'));
}
