// The interactive API docs at /docs in headless Chromium, under the CSP the server sends
// (http/security-headers.ts): Swagger UI must render the operations with no CSP violation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestPlatform, type TestPlatform } from '../../server/test/harness.ts';
import { launchChromium, newPage } from './browser.ts';

describe('the API docs page in Chromium', () => {
  let t: TestPlatform;
  let browser: Browser;

  before(async () => {
    [t, browser] = await Promise.all([startTestPlatform(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders the operations and breaks no rule of its CSP', async () => {
    const { context, page } = await newPage(browser, t.url);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(e.message));
    const res = await page.goto('/docs/');
    assert.equal(res?.status(), 200);
    assert.match(res?.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    // Swagger UI renders the whole document in the browser: on a loaded 2-core machine that takes a while.
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    assert.ok((await page.locator('.opblock').count()) > 0, 'operations are listed');
    await page.getByText('CX Engage API').first().waitFor();
    // Chromium reports every CSP violation (a blocked script, style or fetch) as a console error.
    assert.deepEqual(violations, []);
    await context.close();
  });
});
