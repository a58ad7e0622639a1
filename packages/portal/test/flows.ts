// Steps a person takes in the portal, shared by the browser tests and `npm run screenshots`.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { totpAt } from '../../server/test/portal.ts';

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Enrolls the authenticator shown on screen; returns its secret. Codes come from otplib. */
export async function enrollTotp(page: Page): Promise<string> {
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel('Authentication code').fill(await totpAt(secret, new Date()));
  await page.getByRole('button', { name: 'Turn on two-factor' }).click();
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count(), 10);
  await page.getByRole('button', { name: 'I saved them, continue' }).click();
  return secret;
}
