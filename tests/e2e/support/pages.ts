/** Steps several e2e scenarios share, written the way a user does them. */
import type { Page } from 'playwright-core';

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
}

/** Uncaught errors and console errors (a CSP refusal among them) collected for a final check. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A refused call (403 for the teacher) is logged by Chromium as a failed resource: expected here.
    if (m.type() === 'error' && !/status of 40[0-9]/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** The id of the element that has the keyboard focus ('' for none). */
export function focusedId(page: Page): Promise<string> {
  // A string, because this file is compiled without the DOM's types.
  return page.evaluate<string>("document.activeElement ? document.activeElement.id : ''");
}

/**
 * Waits until no CSS animation runs (a dialog's zoom-in). Playwright's "stable" check can be fooled by a
 * slow machine drawing two alike frames mid-animation, and a click then lands where the button was going
 * to be. A function, not a string: the app's CSP refuses eval; this file is compiled without the DOM's types.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running'),
  );
}
