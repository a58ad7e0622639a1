// `npm run screenshots`: regenerates docs/screenshots/*.png with the browser the tests use,
// against a sandbox platform of its own (embedded PostgreSQL in a temp dir) seeded with a week
// of traffic, a webhook endpoint, a limit at 80 %, a contact with consent and an access
// request, and an operator.
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/src/config.ts';
import { startPlatform } from '../../server/src/main.ts';
import { createLogger } from '../../server/src/platform/logger.ts';
import type { Bootstrap } from '../../server/src/bootstrap.ts';
import { ApiClient, fraudRulesOff, type TestPlatform } from '../../server/test/harness.ts';
import { createClientAccount, linkTokenFor } from '../../server/test/portal.ts';
import { waitFor, waitForBound } from '../../server/test/messages.ts';
import { launchChromium, newPage } from '../test/browser.ts';
import { enrollTotp, signIn } from '../test/flows.ts';
import { ensurePortalBuild } from './prepare.ts';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/screenshots');
const DAY = 86_400_000;
const OWNER = { email: 'olivia@acme.example', password: 'screenshots need a long password' };

ensurePortalBuild();
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-screenshots-'));
// Seeding moves this clock back to send "earlier" days; it runs with real time otherwise.
let offset = 0;
const clock = { now: () => new Date(Date.now() + offset) };
const config = loadConfig(
  { CX_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', CX_WEBHOOK_ALLOW_PRIVATE: 'true' },
  { role: 'all' },
);
const platform = await startPlatform(config, { clock, log: createLogger('silent') });
const hooks = http
  .createServer((req, res) => req.resume().on('end', () => res.writeHead(req.url?.includes('fail') ? 500 : 204).end()))
  .listen(0, '127.0.0.1');
const browser = await launchChromium();
try {
  const boot = JSON.parse(await fs.readFile(platform.bootstrapFile, 'utf8')) as Bootstrap;
  const url = platform.url!;
  const t = { url, boot, api: new ApiClient(url), platform } as unknown as TestPlatform;
  const admin = boot.adminApiKey;
  await waitForBound(t);
  const client = await createClientAccount(t, 'Acme Retail');
  await fraudRulesOff(t, client.id);
  await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Northwind Travel', status: 'active' } });
  await t.api.post('/v1/admin/accounts', { key: admin, body: { name: 'Globex Clinics' } });
  const hookUrl = `http://127.0.0.1:${(hooks.address() as { port: number }).port}`;
  await t.api.post('/v1/webhook-endpoints', {
    key: client.key,
    body: { url: `${hookUrl}/cx-events`, description: 'order service' },
  });
  await t.api.post('/v1/webhook-endpoints', {
    key: client.key,
    body: { url: `${hookUrl}/fail`, description: 'staging (down)' },
  });

  // A week of traffic: sandbox numbers ending 901/902 fail at submit / are undelivered.
  for (let day = 6; day >= 0; day--) {
    offset = -day * DAY;
    const count = 12 + ((day * 7) % 11);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const to =
        i % 9 === 8
          ? '+4915112345902'
          : i % 13 === 12
            ? '+4915112345901'
            : `+49151123456${String(10 + i).padStart(2, '0')}`;
      const res = await t.api.post('/v1/messages', {
        key: client.key,
        body: { to, body: `Your order #${4000 + day * 100 + i} has shipped and arrives tomorrow.` },
      });
      ids.push(res.body.id);
    }
    await waitFor(
      async () => {
        const list = await t.api.get(`/v1/messages?limit=100&status=queued`, { key: client.key });
        const sending = await t.api.get(`/v1/messages?limit=100&status=sending`, { key: client.key });
        return list.body.data.length + sending.body.data.length === 0 ? true : undefined;
      },
      `day -${day} to be dispatched`,
      60_000,
    );
  }
  offset = 0;
  const used = (await t.api.get('/v1/account', { key: client.key })).body.sms.used as number;
  await t.api.post(`/v1/admin/accounts/${client.id}/sms-limit`, {
    key: admin,
    body: { smsLimit: Math.ceil(used / 0.8), approvalText: 'Agreed by phone with the client' },
  });
  await t.api.post('/v1/account/limit-requests', {
    key: client.key,
    body: { smsLimit: 5000, reason: 'Black Friday campaign' },
  });

  await t.api.post(`/v1/admin/accounts/${client.id}/invitations`, {
    key: admin,
    body: { email: OWNER.email, role: 'owner' },
  });
  const token = await linkTokenFor(t, client, OWNER.email);
  await t.api.post('/v1/auth/invitations/accept', { body: { token, password: OWNER.password, name: 'Olivia Owner' } });

  await fs.mkdir(out, { recursive: true });
  const shot = async (page: import('playwright-core').Page, name: string) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: false });
    console.log(`wrote docs/screenshots/${name}.png`);
  };
  const { page } = await newPage(browser, url);
  await signIn(page, OWNER.email, OWNER.password);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.locator('.chart canvas').waitFor();
  await shot(page, 'dashboard');

  await page.goto('/send');
  await page.getByLabel('To').fill('+4915112345678');
  await page
    .getByLabel('Message')
    .fill('Hi Anna, your table for 4 at 19:30 is confirmed. Reply STOP to opt out. Grüße aus Köln!');
  await shot(page, 'send');

  await page.goto('/messages');
  await page.getByRole('table').waitFor();
  await shot(page, 'message-log');
  await page
    .getByRole('link', { name: /^Details of/ })
    .first()
    .click();
  await page.getByRole('list', { name: 'Status changes, oldest first' }).waitFor();
  await shot(page, 'message-timeline');

  await page.goto('/webhook-endpoints');
  await page.getByRole('table', { name: 'Webhook deliveries' }).waitFor();
  await page
    .locator('details')
    .first()
    .evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await shot(page, 'webhooks');

  // A customer with a consent history, and an access request about them with a note.
  // The traffic made the number's contact already: POST returns it, PATCH names it.
  const anna = (await t.api.post('/v1/contacts', { key: client.key, body: { phone: '+4915112345610' } })).body;
  await t.api.patch(`/v1/contacts/${anna.id}`, {
    key: client.key,
    body: { name: 'Anna Schmidt', email: 'anna@example.com', tags: ['vip'] },
  });
  for (const [channel, purpose, action, evidence] of [
    ['sms', 'marketing', 'granted', 'Checkout form, newsletter box ticked'],
    ['whatsapp', 'optin', 'granted', 'WhatsApp button on the order page'],
    ['sms', 'marketing', 'withdrawn', 'Phoned the shop and asked to stop offers'],
  ])
    await t.api.post(`/v1/contacts/${anna.id}/consents`, {
      key: client.key,
      body: { channel, purpose, action, source: 'form', evidence },
    });
  const access = (
    await t.api.post('/v1/privacy/requests', {
      key: client.key,
      body: {
        type: 'access',
        subject: { contactId: anna.id },
        note: 'Asked by email; identity checked by a call back to the number',
      },
    })
  ).body;
  await waitFor(
    async () =>
      (await t.api.get(`/v1/privacy/requests/${access.id}`, { key: client.key })).body.status === 'completed'
        ? true
        : undefined,
    'the access request to complete',
  );
  await t.api.patch(`/v1/privacy/requests/${access.id}`, {
    key: client.key,
    body: { addNote: 'Export sent to the person by secure mail' },
  });
  await page.goto(`/privacy/requests/${access.id}`);
  await page.getByRole('link', { name: 'Download the export (zip)' }).waitFor();
  await shot(page, 'privacy-request');
  await page.goto(`/contacts/${anna.id}`);
  await page.getByRole('table', { name: 'Consent history, newest first' }).waitFor();
  await shot(page, 'contact');

  const { page: operator } = await newPage(browser, url);
  await signIn(operator, boot.adminEmail, boot.adminPassword);
  await operator.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
  await enrollTotp(operator);
  await operator.getByRole('heading', { name: 'Platform today' }).waitFor();
  await operator.getByTestId('connector-health').getByText(/up$/).waitFor();
  await shot(operator, 'operator-home');
  await operator.goto('/operator/accounts');
  await operator.getByRole('table', { name: 'Accounts' }).waitFor();
  await shot(operator, 'operator-accounts');
  await operator.goto('/operator/connectors');
  await operator.getByRole('table', { name: 'Connectors' }).waitFor();
  await operator.waitForTimeout(5500); // two readings make a throughput figure
  await shot(operator, 'connectors');
} finally {
  await browser.close();
  hooks.close();
  await platform.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
