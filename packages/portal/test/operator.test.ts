// The portal as the platform's operator in headless Chromium, against a real platform: the house
// account is the operator's own (its traffic, contacts, webhooks, keys and numbers show), a
// read-only operator gets explanations instead of forms it cannot use, and every page checked
// fits a 375 px phone without sideways scrolling.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestPlatform, type TestPlatform } from '../../server/test/harness.ts';
import { addUser, type ClientAccount } from '../../server/test/portal.ts';
import { send, waitFor, waitForBound, waitForStatus } from '../../server/test/messages.ts';
import { launchChromium, newPage, screenshotDir } from './browser.ts';
import { enrollTotp, signIn } from './flows.ts';

const HOUSE_TEXT = 'House test: your code is 4711, valid for ten minutes only';
const READONLY = { email: 'rita@house.example', password: 'a read-only operator password' };

describe('the portal for operators in Chromium', () => {
  let t: TestPlatform;
  let browser: Browser;
  let house: ClientAccount;
  let operator: Page;
  let shots: string;
  let houseMessage: string;
  let erasedMessage: string;

  before(async () => {
    [t, browser, shots] = await Promise.all([startTestPlatform(), launchChromium(), screenshotDir()]);
    house = { id: t.boot.accountId, key: t.boot.apiKey };
    await waitForBound(t);
    // Traffic sent with the bootstrap key, as the README shows: the house account's own.
    houseMessage = (await send(t, house.key, { to: '+4915112345678', body: HOUSE_TEXT })).id;
    erasedMessage = (await send(t, house.key, { to: '+4915112345677', body: 'a text the person asked to erase' })).id;
    await waitForStatus(t, house.key, houseMessage, ['delivered']);
    await waitForStatus(t, house.key, erasedMessage, ['delivered']);
    const erasure = await t.api.post('/v1/privacy/requests', {
      key: house.key,
      body: { type: 'erasure', subject: { phone: '+4915112345677' } },
    });
    assert.equal(erasure.status, 201, JSON.stringify(erasure.body));
    await waitFor(
      async () =>
        (await t.api.get(`/v1/messages/${erasedMessage}`, { key: house.key })).body.contentErased ? true : undefined,
      'the erasure',
    );
    operator = (await newPage(browser, t.url)).page;
    await signIn(operator, t.boot.adminEmail, t.boot.adminPassword);
    await operator.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    await operator.getByRole('img', { name: /QR code/ }).waitFor();
    await setupStepAligned(operator);
    await enrollTotp(operator);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** At 375 px the page scrolls only down, never sideways (wide tables scroll in their own box). */
  async function fitsPhone(page: Page, shot: string): Promise<void> {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.screenshot({ path: path.join(shots, shot), fullPage: true });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `${shot}: the page is ${width} px wide at 375 px`);
    } finally {
      if (size) await page.setViewportSize(size);
    }
  }
  const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

  /** The setup step's text sits on its own line above the QR code, both on the step's left edge. */
  async function setupStepAligned(page: Page): Promise<void> {
    const text = (await page.getByTestId('step-scan').boundingBox())!;
    const qr = (await page.getByRole('img', { name: /QR code/ }).boundingBox())!;
    assert.ok(
      text.y + text.height <= qr.y,
      `the step text (bottom ${text.y + text.height}) is above the QR code (top ${qr.y})`,
    );
    assert.ok(
      Math.abs(text.x - qr.x) < 1,
      `the step text (x ${text.x}) and the QR code (x ${qr.x}) share the left edge`,
    );
  }

  it("shows an operator the house account's own messages with a text preview, and the connector by name", async () => {
    await nav(operator).getByRole('link', { name: 'Message log' }).click();
    await operator.getByRole('heading', { name: 'Message log' }).waitFor();
    const row = operator.getByRole('row', { name: /\+4915112345678/ });
    await row.getByText('House test: your code is 4711, valid for…', { exact: true }).waitFor();
    // The erasure replaced the number by a pseudonym too.
    await operator.getByRole('cell', { name: 'erased on request', exact: true }).waitFor();
    assert.equal(await operator.getByText('lacks the scope').count(), 0);
    await fitsPhone(operator, 'operator-log-375.png');

    await row.getByRole('link', { name: /^Details of/ }).click();
    const timeline = operator.getByRole('list', { name: 'Status changes, oldest first' });
    await timeline
      .getByText(/via .*sandbox/i)
      .first()
      .waitFor();
    assert.doesNotMatch(await timeline.innerText(), /con_/);
    await fitsPhone(operator, 'operator-message-375.png');
  });

  it("opens the house account's contacts, webhooks, API keys, numbers and send form without a refusal", async () => {
    for (const [link, heading] of [
      ['Contacts', 'Contacts'],
      ['Webhooks', 'Webhooks'],
      ['API keys', 'API keys'],
      ['Numbers', 'Numbers and senders'],
      ['Send a message', 'Send a message'],
    ]) {
      await nav(operator).getByRole('link', { name: link, exact: true }).click();
      await operator.getByRole('heading', { name: heading, exact: true }).waitFor();
      await operator.waitForLoadState('networkidle');
      assert.equal(await operator.getByRole('alert').count(), 0, `${link}: no refusal`);
    }
    await operator.getByRole('button', { name: 'Send' }).waitFor();
    await nav(operator).getByRole('link', { name: 'API keys' }).click();
    await operator.getByRole('table').waitFor();
    await fitsPhone(operator, 'operator-keys-375.png');
  });

  it("opens on a home with today's traffic, connector health, held messages and approvals, at 1280 and 375 px", async () => {
    const globex = await t.api.post('/v1/admin/accounts', {
      key: t.boot.adminApiKey,
      body: { name: 'Globex Trading', status: 'active' },
    });
    const key = await t.api.post(`/v1/admin/accounts/${globex.body.id}/api-keys`, {
      key: t.boot.adminApiKey,
      body: { name: 'k' },
    });
    const asked = await t.api.post('/v1/account/limit-requests', {
      key: key.body.secret,
      body: { smsLimit: 90_000, reason: 'Christmas campaign' },
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    assert.equal(
      (
        await t.api.post('/v1/admin/traffic-holds/countries/FR', {
          key: t.boot.adminApiKey,
          body: { reason: 'IRSF wave' },
        })
      ).status,
      204,
    );
    const france = await send(t, house.key, { to: '+33612345678', body: 'bonjour' });
    await waitForStatus(t, house.key, france.id, ['held']);

    await nav(operator).getByRole('link', { name: 'Home' }).click();
    await operator.getByRole('heading', { name: 'Platform today' }).waitFor();
    await operator.getByTestId('platform-today').getByText('3', { exact: true }).waitFor();
    assert.match(await operator.getByTestId('connector-health').innerText(), /^(\d+) of \1 up$/);
    await operator.getByTestId('held-now').getByText('1', { exact: true }).waitFor();
    const table = operator.getByRole('table', { name: 'Messages today by status' });
    await table.getByRole('row', { name: 'delivered 2' }).waitFor();
    await table.getByRole('row', { name: 'held 1' }).waitFor();
    const attention = operator.getByRole('list', { name: 'Needs attention' });
    await attention.getByText('1 held by a country hold').waitFor();
    await fitsPhone(operator, 'operator-home-375.png');
    await attention.getByRole('link', { name: '1 SMS limit request to decide' }).click();
    await operator.getByRole('heading', { name: 'Approvals' }).waitFor();
    await operator.getByText('Christmas campaign').waitFor();
    await t.api.delete('/v1/admin/traffic-holds/countries/FR', { key: t.boot.adminApiKey });
  });

  it('searches by phone number, id and account name, never by message text, at 1280 and 375 px', async () => {
    const acme = await t.api.post('/v1/admin/accounts', {
      key: t.boot.adminApiKey,
      body: { name: 'Acme Retail', status: 'active' },
    });
    const search = async (page: Page, q: string) => {
      await page.getByRole('search').getByLabel('Search').fill(q);
      await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
      await page.getByRole('heading', { name: 'Search', exact: true }).waitFor();
    };
    const results = () => operator.getByRole('list', { name: 'Search results' });
    await search(operator, '+49 151 1234 5678');
    await results().getByRole('link', { name: 'sms to +4915112345678' }).click();
    await operator.getByTestId('message-status').getByText('delivered').waitFor();
    assert.match(operator.url(), new RegExp(`/messages/${houseMessage}$`));
    await search(operator, 'acme');
    await results().getByText(acme.body.id).waitFor();
    await results().getByRole('link', { name: 'Acme Retail' }).waitFor();
    await search(operator, 'code is 4711');
    await operator.getByText('Nothing found for “code is 4711”.').waitFor();

    const { page, context } = await newPage(browser, t.url, { width: 375, height: 800 });
    await context.addCookies(await operator.context().cookies());
    await page.goto('/');
    await search(page, houseMessage);
    await page
      .getByRole('list', { name: 'Search results' })
      .getByRole('link', { name: 'sms to +4915112345678' })
      .waitFor();
    await fitsPhone(page, 'search-375.png');
    await context.close();
  });

  it('gives a read-only operator explanations instead of forms its role cannot use, at 375 px', async () => {
    await addUser(t, house, READONLY.email, 'operator_readonly', READONLY.password);
    const { page, context } = await newPage(browser, t.url, { width: 375, height: 800 });
    await signIn(page, READONLY.email, READONLY.password);
    await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await setupStepAligned(page);
    await fitsPhone(page, 'two-factor-375.png');
    await enrollTotp(page);
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav(page).getByRole('link', { name: 'Message log' }).waitFor();
    for (const hidden of ['Send a message', 'API keys', 'Webhooks', 'Users'])
      assert.equal(await nav(page).getByRole('link', { name: hidden }).count(), 0, hidden);

    await page.goto('/send');
    await page.getByTestId('role-gate').getByText('operator_readonly').waitFor();
    assert.match(await page.getByTestId('role-gate').innerText(), /cannot send messages/);
    assert.equal(await page.getByRole('button', { name: 'Send' }).count(), 0, 'no send form');
    await fitsPhone(page, 'readonly-send-375.png');
    await page.goto('/api-keys');
    await page
      .getByTestId('role-gate')
      .getByText(/cannot manage API keys/)
      .waitFor();

    // The server agrees, and says it in words for people, not scopes.
    const refused = await page.evaluate(async () => {
      const csrf = /cx_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const res = await fetch('/v1/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ to: '+4915112345678', body: 'x' }),
      });
      return { status: res.status, body: await res.json() };
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.title, 'Your role does not allow this');
    await page.goto('/messages');
    await page.getByRole('row', { name: /\+4915112345678/ }).waitFor();
    await context.close();
  });
});
