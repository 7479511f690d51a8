import type { Page } from 'playwright-core';

/** The demo organization's shared password. */
export const DEMO_PASSWORD = 'hearth-demo';

/** Signs in through the real sign-in form and waits until the app has left the sign-in page. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  // Signing in loads a new page: wait until its shell (navigation and main area) is drawn.
  await page.locator('main').first().waitFor();
}
