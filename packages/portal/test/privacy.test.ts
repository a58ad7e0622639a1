// The privacy screens in headless Chromium against a real platform: a contact with recorded
// consent, an access request whose export downloads as a zip, an erasure whose report shows
// what went and what stayed (and the contact gone), the settings' field errors and legal
// holds, an automated decision overturned after approval by hand, and a policy change the
// client objects to in writing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestPlatform, type TestPlatform } from '../../server/test/harness.ts';
import { addUser, createClientAccount, type ClientAccount } from '../../server/test/portal.ts';
import { send, waitForStatus } from '../../server/test/messages.ts';
import { launchChromium, newPage, screenshotDir } from './browser.ts';
import { signIn } from './flows.ts';

const OFFICER = { email: 'dora@client.example', password: 'a privacy officer password' };
const PHONE = '+4915112345678';
const OTHER_PHONE = '+4915112345699';

describe('the privacy screens in Chromium', () => {
  let t: TestPlatform;
  let browser: Browser;
  let client: ClientAccount;
  let page: Page;
  let shots: string;

  before(async () => {
    [t, browser, shots] = await Promise.all([startTestPlatform(), launchChromium(), screenshotDir()]);
    client = await createClientAccount(t, 'Acme Retail');
    await addUser(t, client, OFFICER.email, 'admin', OFFICER.password);
    page = (await newPage(browser, t.url)).page;
    await signIn(page, OFFICER.email, OFFICER.password);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  /** At 375 px the page scrolls only down, never sideways (wide tables scroll in their own box). */
  const fitsPhone = async (shot: string) => {
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.screenshot({ path: path.join(shots, shot), fullPage: true });
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= 375),
        `${shot}: no sideways scrolling at 375 px`,
      );
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  };
  const requestStatus = (status: string) =>
    page.getByTestId('request-status').getByText(status, { exact: true }).waitFor({ timeout: 30_000 });

  it('creates a contact and records its consent, with the history', async () => {
    await nav('Contacts');
    await page.getByText('No contacts yet.').waitFor();
    const add = page.getByRole('form', { name: 'Add a contact' });
    await add.getByLabel('Phone number').fill('not a number');
    await add.getByRole('button', { name: 'Add contact' }).click();
    await add.locator('input[name="phone"][aria-invalid="true"]').waitFor();
    await add.getByLabel('Phone number').fill(PHONE);
    await add.getByLabel('Name').fill('Anna Example');
    await add.getByLabel('Tags').fill('vip, newsletter');
    await add.getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('heading', { name: `Contact ${PHONE}` }).waitFor();

    const edit = page.getByRole('form', { name: 'Edit details' });
    await edit.getByLabel('Email').fill('anna@example.com');
    await edit.getByLabel('Attributes').fill('city: Dresden\nno colon here');
    await edit.getByRole('button', { name: 'Save details' }).click();
    await edit.locator('textarea[name="attributes"][aria-invalid="true"]').waitFor();
    await edit.getByLabel('Attributes').fill('city: Dresden\npostcode: 01067');
    await edit.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Details saved.').waitFor();
    const saved = await t.api.get(`/v1/contacts?phone=${encodeURIComponent(PHONE)}`, { key: client.key });
    assert.deepEqual(saved.body.data[0].attributes, { city: 'Dresden', postcode: '01067' });
    assert.equal(saved.body.data[0].email, 'anna@example.com');

    const consent = page.getByRole('form', { name: 'Record consent' });
    await consent.getByLabel('Purpose').fill('Not A Purpose!');
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await consent.locator('input[name="purpose"][aria-invalid="true"]').waitFor();
    await consent.getByLabel('Channel').selectOption('sms');
    await consent.getByLabel('Purpose').fill('marketing');
    await consent.getByLabel('Action').selectOption('granted');
    await consent.getByLabel('Evidence').fill('web form #42, newsletter box ticked');
    await consent.getByRole('button', { name: 'Record consent' }).click();
    const current = page.getByRole('table', { name: 'Current consent per channel and purpose' });
    await current.getByRole('row', { name: /sms marketing granted/ }).waitFor();
    await page
      .getByRole('table', { name: 'Consent history, newest first' })
      .getByRole('cell', { name: 'web form #42, newsletter box ticked' })
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'contact.png'), fullPage: true });
    await fitsPhone('contact-375.png');

    const contacts = await t.api.get(`/v1/contacts?phone=${encodeURIComponent(PHONE)}`, { key: client.key });
    const [contact] = contacts.body.data;
    assert.deepEqual(
      [contact.name, contact.email, contact.tags],
      ['Anna Example', 'anna@example.com', ['vip', 'newsletter']],
    );
    const state = await t.api.get(`/v1/contacts/${contact.id}/consents`, { key: client.key });
    assert.deepEqual(
      state.body.current.map((c: { channel: string; purpose: string; granted: boolean; source: string }) => [
        c.channel,
        c.purpose,
        c.granted,
        c.source,
      ]),
      [['sms', 'marketing', true, 'portal']],
    );
  });

  it('files an access request for the contact, sees it completed and downloads the export as a zip', async () => {
    await page.getByRole('link', { name: 'File a privacy request' }).click();
    const form = page.getByRole('form', { name: 'File a request' });
    assert.equal(await form.getByLabel('Identify the person by').inputValue(), 'contactId');
    assert.match(await form.getByLabel('Contact id').inputValue(), /^ctc_/);
    await form.getByLabel('Request type').selectOption('access');
    await form.getByLabel('Note').fill('Asked by email; identity checked by a call to the number');
    await form.getByRole('button', { name: 'File request' }).click();
    await page.getByRole('heading', { name: 'access request' }).waitFor();
    await requestStatus('completed');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the export (zip)' }).click(),
    ]);
    const zip = await fs.readFile((await download.path())!);
    assert.equal(zip.subarray(0, 4).toString('binary'), 'PK\x03\x04', 'the export is a zip');
    assert.match(download.suggestedFilename(), /^dsr_.*\.zip$/);

    const addNote = page.getByRole('form', { name: 'Add a note' });
    await addNote.getByLabel('New note').fill('Sent the export to the person by secure mail');
    await addNote.getByRole('button', { name: 'Add note' }).click();
    await page
      .getByRole('table', { name: 'Notes, oldest first' })
      .getByRole('cell', { name: 'Sent the export to the person by secure mail' })
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'privacy-request.png'), fullPage: true });
    await fitsPhone('privacy-request-375.png');
  });

  it('refuses a retention period below its minimum beside its field, and a legal hold blocks an erasure until released', async () => {
    await nav('Privacy settings');
    const periods = page.getByRole('form', { name: 'Retention periods' });
    await periods.getByLabel('Days to keep message metadata').fill('30');
    await periods.getByRole('button', { name: 'Save periods' }).click();
    await periods.locator('input[name="categories/message_metadata"][aria-invalid="true"]').waitFor();

    const hold = page.getByRole('form', { name: 'Place a legal hold' });
    await hold.getByLabel('Hold', { exact: true }).selectOption('subject');
    await hold.getByLabel('Their phone number').fill(PHONE);
    await hold.getByLabel('Reason for the hold').fill('Court case 12 O 345/26');
    await hold.getByRole('button', { name: 'Place hold' }).click();
    await page
      .getByRole('table', { name: 'Legal holds' })
      .getByRole('cell', { name: 'Court case 12 O 345/26', exact: true })
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'privacy-settings.png'), fullPage: true });

    const erasure = await t.api.post('/v1/privacy/requests', {
      key: client.key,
      body: { type: 'erasure', subject: { phone: PHONE } },
    });
    await page.goto(`/privacy/requests/${erasure.body.id}`);
    await requestStatus('rejected');
    await page
      .getByText(/a legal hold applies/)
      .first()
      .waitFor();

    await page.goto('/privacy/settings');
    await page.getByRole('button', { name: 'Release hold: Court case 12 O 345/26' }).click();
    await page.getByRole('button', { name: 'Yes, release it' }).click();
    await page.getByText('No legal hold is in force.').waitFor();
  });

  it('files an erasure from the contact page, shows the report of what went and what stayed, and the contact is gone', async () => {
    await nav('Contacts');
    await page.getByRole('link', { name: PHONE }).click();
    await page.getByRole('link', { name: 'File a privacy request' }).click();
    const form = page.getByRole('form', { name: 'File a request' });
    await form.getByLabel('Request type').selectOption('erasure');
    await form.getByRole('button', { name: 'File request' }).click();
    await page.getByRole('heading', { name: 'erasure request' }).waitFor();
    await requestStatus('completed');
    await page
      .getByRole('table', { name: 'What the erasure removed' })
      .getByRole('row', { name: 'contact entries deleted 1' })
      .waitFor();
    const kept = page.getByRole('table', { name: 'What the erasure kept, with the reason' });
    await kept
      .getByRole('row', { name: /suppression entries \(hashed\)/ })
      .getByText('a person who opted out stays opted out after erasure')
      .waitFor();
    await page.getByText('erased', { exact: true }).waitFor();

    await nav('Contacts');
    await page.getByText('No contacts yet.').waitFor();
    assert.deepEqual((await t.api.get('/v1/contacts', { key: client.key })).body.data, []);
  });

  it('waits for approval by hand, then a person overturns an automated decision', async () => {
    await nav('Privacy settings');
    const settings = page.getByRole('form', { name: 'Consent, requests and keywords' });
    await settings.getByLabel('Approve privacy requests by hand before they run').check();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Privacy settings saved.').waitFor();
    // Consent is enforced for client accounts: marketing without a grant is rejected automatically.
    const rejected = await send(t, client.key, {
      to: OTHER_PHONE,
      body: 'Spring sale: 20 % off',
      purpose: 'marketing',
    });
    await waitForStatus(t, client.key, rejected.id, ['rejected']);

    await nav('Privacy requests');
    const form = page.getByRole('form', { name: 'File a request' });
    await form.getByLabel('Request type').selectOption('automated_decision_review');
    await form.getByLabel('Phone number').fill(OTHER_PHONE);
    await form.getByRole('button', { name: 'File request' }).click();
    await requestStatus('received');
    await page.getByRole('button', { name: 'Approve and run' }).click();
    await requestStatus('in_progress');
    const decisions = page.getByRole('table', { name: 'Automated decisions about the person' });
    await decisions.getByRole('row', { name: /consent rejection rejected .*no current marketing consent/ }).waitFor();
    await decisions.getByLabel('Review note').fill('The person had consented on paper');
    await decisions.getByRole('button', { name: 'Overturn' }).click();
    await decisions.getByText('overturned', { exact: true }).waitFor();
    await requestStatus('completed');
  });

  it('shows a published policy change on the dashboard, and the client objects to it in writing', async () => {
    const published = await t.api.post('/v1/admin/policies', {
      key: t.boot.adminApiKey,
      body: {
        kind: 'terms',
        version: '2027-01',
        title: 'CX Engage Terms',
        text: '# Terms\n\n1. Prices are listed per destination country.',
        summaryOfChanges: 'Prices are now listed per destination country.',
        effectiveAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
      },
    });
    assert.equal(published.status, 201, JSON.stringify(published.body));

    await nav('Dashboard');
    const banner = page.getByRole('status').filter({ hasText: 'CX Engage Terms' });
    await banner.getByText(/Object in writing by/).waitFor();
    await banner.getByRole('link', { name: 'Read it and decide' }).click();
    await page.getByText('1. Prices are listed per destination country.').waitFor();
    await page.getByTestId('policy-status').getByText('pending').waitFor();

    const objection = page.getByRole('form', { name: 'Object in writing' });
    await objection.getByLabel('Signed by').fill('Dora Officer, Data Protection');
    await objection.getByRole('button', { name: 'Send objection' }).click();
    await objection.locator('textarea[name="text"][aria-invalid="true"]').waitFor();
    await objection.getByLabel('Your objection').fill('We object: our contract fixes prices per region until 2028.');
    await objection.getByRole('button', { name: 'Send objection' }).click();
    await page.getByTestId('policy-status').getByText('objected').waitFor();
    await page.screenshot({ path: path.join(shots, 'policy.png'), fullPage: true });
    await page.getByText('We object: our contract fixes prices per region until 2028.').waitFor();

    const objections = await t.api.get(`/v1/admin/policies/${published.body.id}/objections`, {
      key: t.boot.adminApiKey,
    });
    assert.deepEqual(
      objections.body.data.map((o: { text: string; signer: string }) => [o.text, o.signer]),
      [['We object: our contract fixes prices per region until 2028.', 'Dora Officer, Data Protection']],
    );
    await nav('Policies');
    await page
      .getByRole('table', { name: 'Policy versions' })
      .getByRole('row', { name: /CX Engage Terms.*objected/ })
      .waitFor();
  });

  it("imports contacts from a CSV file with the list's consent, naming the file's lines it refuses", async () => {
    await nav('Contacts');
    const form = page.getByRole('form', { name: 'Import contacts' });
    const csv = (rows: string[]) => ({
      name: 'list.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['Phone,Name,Tags,City', ...rows].join('\n')),
    });
    await form
      .getByLabel('CSV file')
      .setInputFiles(csv(['+4915112340001,Bea,vip;spring,Leipzig', 'not a number,Carl,,']));
    await form.getByLabel('Everyone on this list gave consent').check();
    await form.getByLabel('Evidence').fill('spring fair sign-up sheet');
    await form.getByRole('button', { name: 'Import' }).click();
    await form
      .getByRole('alert')
      .getByText(/line 3 \(phone\): must be an E\.164 number/)
      .waitFor();
    assert.equal(
      (await t.api.get('/v1/contacts?phone=%2B4915112340001', { key: client.key })).body.data.length,
      0,
      'nothing imported',
    );

    await form
      .getByLabel('CSV file')
      .setInputFiles(csv(['+4915112340001,Bea,vip;spring,Leipzig', '+49 151 1234 0002,Carl,,']));
    await form.getByRole('button', { name: 'Import' }).click();
    await form.getByText('Imported 2 rows: 2 created, 0 updated, 0 left as they were, 2 consents recorded.').waitFor();
    await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: '+4915112340002' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'contacts-import.png'), fullPage: true });
    await fitsPhone('contacts-import-375.png');
    const [bea] = (await t.api.get('/v1/contacts?phone=%2B4915112340001', { key: client.key })).body.data;
    assert.deepEqual([bea.name, bea.tags, bea.attributes], ['Bea', ['vip', 'spring'], { City: 'Leipzig' }]);
    const consent = (await t.api.get(`/v1/contacts/${bea.id}/consents`, { key: client.key })).body;
    assert.deepEqual(
      consent.history.map((h: { channel: string; purpose: string; source: string; evidence: string }) => [
        h.channel,
        h.purpose,
        h.source,
        h.evidence,
      ]),
      [['sms', 'marketing', 'import', 'spring fair sign-up sheet']],
    );
  });
});
