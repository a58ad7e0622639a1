// The portal end to end in headless Chromium against a real platform: what a person does with
// it, checked on screen, and where roles matter, checked at the API too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fraudRulesOff, startTestPlatform, type TestPlatform } from '../../server/test/harness.ts';
import { addUser, createClientAccount, linkTokenFor, totpAt, type ClientAccount } from '../../server/test/portal.ts';
import { waitForBound } from '../../server/test/messages.ts';
import { startReceiver, type Receiver } from '../../server/test/receiver.ts';
import { launchChromium, newPage, screenshotDir } from './browser.ts';
import { enrollTotp, signIn } from './flows.ts';

const OWNER = { email: 'olivia@client.example', password: 'correct horse battery staple' };

describe('the web portal in Chromium', () => {
  let t: TestPlatform;
  let browser: Browser;
  let client: ClientAccount;
  let receiver: Receiver;
  let owner: Page;
  let shots: string;

  before(async () => {
    [t, browser, receiver, shots] = await Promise.all([
      startTestPlatform(),
      launchChromium(),
      startReceiver(),
      screenshotDir(),
    ]);
    client = await createClientAccount(t, 'Acme Retail');
    await fraudRulesOff(t, client.id);
    owner = (await newPage(browser, t.url)).page;
    await waitForBound(t);
  });
  after(async () => {
    await browser?.close();
    await receiver?.close();
    await t?.close();
  });

  it('accepts an invitation, enrolls TOTP and signs in with it', async () => {
    const invited = await t.api.post(`/v1/admin/accounts/${client.id}/invitations`, {
      key: t.boot.adminApiKey,
      body: { email: OWNER.email, role: 'owner' },
    });
    assert.equal(invited.status, 201);
    const token = await linkTokenFor(t, client, OWNER.email);
    await owner.goto(`/accept-invitation#token=${token}`);
    await owner.getByLabel('Your name').fill('Olivia Owner');
    await owner.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await owner.getByLabel('Repeat the password').fill('something else entirely');
    await owner.getByRole('button', { name: 'Create my user' }).click();
    await owner.getByText('must be the same as the password').waitFor();
    await owner.getByLabel('Repeat the password').fill(OWNER.password);
    await owner.getByRole('button', { name: 'Create my user' }).click();
    await owner.getByText('Your account is ready').waitFor();

    await owner.getByLabel('Email').fill(OWNER.email);
    await owner.getByLabel('Password').fill('not the password at all');
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner
      .getByRole('alert')
      .getByText(/incorrect/)
      .waitFor();
    await owner.getByLabel('Password').fill(OWNER.password);
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await owner.getByRole('link', { name: 'Settings', exact: true }).click();
    await owner.getByRole('link', { name: 'Set it up' }).click();
    await owner.getByRole('button', { name: 'Start setup' }).click();
    await owner.getByRole('img', { name: /QR code/ }).waitFor();
    const secret = await enrollTotp(owner);

    await owner.getByRole('button', { name: 'Sign out' }).click();
    await signIn(owner, OWNER.email, OWNER.password);
    await owner.getByLabel('Authentication code').fill('000000');
    await owner.getByRole('button', { name: 'Verify' }).click();
    await owner
      .getByRole('alert')
      .getByText(/incorrect/)
      .waitFor();
    // The next time step: the one used to enable is spent (a replayed code fails).
    await owner.getByLabel('Authentication code').fill(await totpAt(secret, new Date(Date.now() + 30_000)));
    await owner.getByRole('button', { name: 'Verify' }).click();
    await owner.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const session = await owner.evaluate(() => fetch('/v1/auth/session').then((r) => r.json()));
    assert.equal(session.session.method, 'totp');
  });

  it('sends a message with a live encoding counter and watches it reach delivered', async () => {
    await owner.getByRole('link', { name: 'Send a message' }).first().click();
    const counter = owner.getByTestId('sms-counter');
    await owner.getByLabel('Message').fill('x'.repeat(161));
    assert.match(await counter.innerText(), /GSM-7[\s\S]*161 characters[\s\S]*2 parts of 153/);
    await owner.getByLabel('Message').fill('Привет');
    assert.match(await counter.innerText(), /UCS-2[\s\S]*1 part of 70/);
    await owner.getByRole('button', { name: 'Send' }).click();
    // The API's problem names the field; the form shows it beside that input.
    await owner.locator('input[name="to"][aria-invalid="true"]').waitFor();

    await owner.getByLabel('To').fill('+4915112345678');
    await owner.getByLabel('Message').fill('Your order has shipped');
    await owner.getByRole('button', { name: 'Send' }).click();
    await owner.getByRole('link', { name: 'Follow its status' }).click();
    await owner.getByTestId('message-status').getByText('delivered').waitFor({ timeout: 30_000 });
    const timeline = await owner.getByRole('list', { name: 'Status changes, oldest first' }).innerText();
    assert.match(timeline, /queued[\s\S]*sending[\s\S]*sent[\s\S]*delivered/);
    // Which connector carried it is the operator's business: no ids, no names for clients.
    assert.doesNotMatch(await owner.locator('main').innerText(), /con_|via /);
    await owner.screenshot({ path: path.join(shots, 'message.png') });

    await owner.getByRole('link', { name: 'Back to the log' }).click();
    // Wait for the log itself: the message page also has labels starting with "Status".
    await owner.getByRole('heading', { name: 'Message log' }).waitFor();
    await owner.getByLabel('Status', { exact: true }).selectOption('failed');
    await owner.getByRole('button', { name: 'Filter' }).click();
    await owner.getByText('No message matches these filters.').waitFor();
    await owner.getByLabel('Status', { exact: true }).selectOption('delivered');
    await owner.getByRole('button', { name: 'Filter' }).click();
    await owner.getByRole('cell', { name: '+4915112345678', exact: true }).waitFor();
    assert.match(owner.url(), /status=delivered/);
    await owner.getByRole('cell', { name: 'Your order has shipped', exact: true }).waitFor();
  });

  it('creates a webhook endpoint and shows its signing secret once', async () => {
    await owner.getByRole('link', { name: 'Webhooks' }).click();
    await owner.getByText('No endpoints yet.').waitFor();
    await owner.getByLabel('URL').fill('not a url');
    await owner.getByRole('button', { name: 'Add endpoint' }).click();
    await owner.locator('input[name="url"][aria-invalid="true"]').waitFor();
    await owner.getByLabel('URL').fill(`${receiver.url}/hooks`);
    await owner.getByRole('button', { name: 'Add endpoint' }).click();
    assert.match((await owner.getByTestId('secret').textContent())!, /^whsec_/);
    await owner.getByRole('button', { name: 'Done' }).click();
    await owner.getByRole('cell', { name: `${receiver.url}/hooks` }).waitFor();
    const endpoints = await t.api.get('/v1/webhook-endpoints', { key: client.key });
    assert.equal(endpoints.body.data[0].url, `${receiver.url}/hooks`);
  });

  it('creates an API key, shows it once, and revokes it so the API refuses it', async () => {
    await owner.getByRole('link', { name: 'API keys' }).click();
    await owner.getByLabel('Name').fill('billing service');
    await owner.getByRole('button', { name: 'Create key' }).click();
    const secret = (await owner.getByTestId('secret').textContent())!.trim();
    assert.equal((await t.api.get('/v1/messages?limit=1', { key: secret })).status, 200);
    await owner.getByRole('button', { name: 'Done' }).click();
    await owner.getByRole('button', { name: 'Revoke billing service' }).click();
    await owner.getByRole('button', { name: 'Yes, revoke it' }).click();
    await owner
      .getByRole('row', { name: /billing service/ })
      .getByText('revoked')
      .waitFor();
    assert.equal((await t.api.get('/v1/messages?limit=1', { key: secret })).status, 401);
  });

  it('lets an operator put a traffic hold on the account, which the client then sees', async () => {
    const { page: operator } = await newPage(browser, t.url);
    await signIn(operator, t.boot.adminEmail, t.boot.adminPassword);
    // Two-factor is mandatory for operators: the first sign-in leads straight to enrolling.
    await operator.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    await enrollTotp(operator);
    await operator.getByRole('heading', { name: 'Platform today' }).waitFor();
    await operator.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await operator.getByRole('heading', { name: 'Accounts' }).waitFor();
    const row = operator.locator('tr[data-account="Acme Retail"]');
    await row.getByRole('button', { name: 'Hold traffic' }).click();
    await row.getByLabel('Reason').fill('unusual traffic pattern');
    await row.getByRole('button', { name: 'Confirm' }).click();
    await row.getByText('traffic hold', { exact: true }).waitFor();
    await operator.screenshot({ path: path.join(shots, 'operator-accounts.png') });

    const unlimited = await t.api.post(`/v1/admin/accounts/${client.id}/sms-limit`, {
      key: t.boot.adminApiKey,
      body: { smsLimit: null, approvalText: 'Unlimited by contract' },
    });
    assert.equal(unlimited.status, 200, JSON.stringify(unlimited.body));
    await owner.getByRole('link', { name: 'Dashboard' }).click();
    await owner.getByText('Your traffic is on hold').waitFor();
    const limit = owner.locator('.stat', { hasText: 'SMS limit this cycle' });
    await limit.getByText('No limit', { exact: true }).waitFor();
    await limit.getByText('SMS are not counted against a limit').waitFor();
    assert.equal(await limit.getByRole('progressbar').count(), 0);
    await operator.getByRole('link', { name: 'Connectors' }).click();
    await operator
      .getByRole('cell', { name: /sandbox/ })
      .first()
      .waitFor();
    await operator.context().close();
  });

  it('shows a viewer less, and the API refuses what a viewer may not do', async () => {
    await addUser(t, client, 'victor@client.example', 'viewer', 'a long viewer password');
    const { page: viewer } = await newPage(browser, t.url, { width: 375, height: 800 });
    await signIn(viewer, 'victor@client.example', 'a long viewer password');
    await viewer.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await viewer.getByRole('button', { name: 'Menu' }).click();
    const nav = viewer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Message log' }).waitFor();
    for (const hidden of ['Send a message', 'API keys', 'Webhooks', 'Users'])
      assert.equal(await nav.getByRole('link', { name: hidden }).count(), 0, hidden);

    // Straight to the page anyway: no form, the page says why; and the server refuses.
    await viewer.goto('/send');
    await viewer
      .getByTestId('role-gate')
      .getByText(/Your role, viewer, cannot send messages/)
      .waitFor();
    assert.equal(await viewer.getByRole('button', { name: 'Send' }).count(), 0);
    const status = await viewer.evaluate(async () => {
      const csrf = /cx_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const res = await fetch('/v1/api-keys', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ name: 'x', mode: 'live' }),
      });
      return res.status;
    });
    assert.equal(status, 403);
    // The log fits the phone: its table scrolls in its own box, never the page.
    await viewer.goto('/messages');
    await viewer.getByRole('cell', { name: 'Your order has shipped', exact: true }).waitFor();
    assert.ok(
      await viewer.evaluate(() => document.documentElement.scrollWidth <= 375),
      'no sideways scrolling at 375 px',
    );
    await viewer
      .getByRole('link', { name: /^Details of/ })
      .first()
      .click();
    await viewer.getByTestId('message-status').getByText('delivered').waitFor();
    assert.doesNotMatch(await viewer.locator('main').innerText(), /con_|via /);
    assert.ok(
      await viewer.evaluate(() => document.documentElement.scrollWidth <= 375),
      'no sideways scrolling at 375 px',
    );
    // The search box finds the message by its number, never by its text.
    await viewer.getByRole('search').getByLabel('Search').fill('+4915112345678');
    await viewer.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await viewer
      .getByRole('list', { name: 'Search results' })
      .getByRole('link', { name: 'sms to +4915112345678' })
      .waitFor();
    assert.ok(
      await viewer.evaluate(() => document.documentElement.scrollWidth <= 375),
      'no sideways scrolling at 375 px',
    );
    await viewer.getByRole('search').getByLabel('Search').fill('Your order has shipped');
    await viewer.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await viewer.getByText('Nothing found for “Your order has shipped”.').waitFor();
    await viewer.screenshot({ path: path.join(shots, 'viewer-375.png'), fullPage: true });
    await viewer.context().close();
  });
});
