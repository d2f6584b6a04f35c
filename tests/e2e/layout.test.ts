/**
 * Every page the menus reach, for every role of the demo school, at 1366×768 (the usual school PC) and
 * 1024×768 (old PCs and projectors): the page does not scroll sideways and nothing is cut off at the
 * window's edge (support/layout.ts says what that means). The routes are read from the rendered menus
 * (the side menu and each module's section tabs), so a new page is covered without naming it here; the
 * tabs inside a page (the gradebook's Phẩm chất and Cuối năm sheets) are opened one by one. The pages a
 * table's row opens (a pupil's profile, the edit forms, a pupil's health page, a document's details) are
 * added for the roles that reach them (support/layout.ts lists them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { signIn } from './support/pages';
import { findLayoutFaults, rowOpenedPages, type RowOpenedPage } from './support/layout';

const ROLES = ['admin', 'principal', 'clerk', 'teacher', 'yte'] as const;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

const hrefs = (page: Page, selector: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((links) => links.map((a) => (a as unknown as { pathname: string }).pathname));

/** Waits until the page's data is in: no request under way and no spinner turning. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // A locator, not a predicate string: the app's CSP refuses eval.
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'hidden', timeout: 20_000 });
}

/** The side menu's entries (the Quản trị submenu opened), then each module's section tabs. */
async function menuRoutes(page: Page, base: string): Promise<string[]> {
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  const admin = menu.getByRole('menuitem', { name: 'Quản trị' });
  if ((await admin.count()) > 0 && (await admin.getAttribute('aria-expanded')) !== 'true') await admin.click();
  const links = await hrefs(page, 'nav[aria-label="Menu chính"] a[href]');
  // Where each link lands (/records opens /records/pupils), so a page is not checked twice.
  const routes = new Set<string>();
  for (const link of links) {
    await page.goto(`${base}${link}`);
    await settle(page);
    routes.add(new URL(page.url()).pathname);
    for (const section of await hrefs(page, 'main nav a[href]')) routes.add(section);
  }
  return [...routes];
}

describe('every page fits the window', () => {
  let server: CliServer;
  let browser: Browser;
  let rowOpened: Record<(typeof ROLES)[number], RowOpenedPage[]>;

  beforeAll(async () => {
    server = await startCliServer({ demo: true });
    browser = await launchBrowser();
    rowOpened = await rowOpenedPages(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each(ROLES)(
    'for %s at 1366×768 and 1024×768',
    async (role) => {
      const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: SIZES[0] });
      await page.goto(server.url);
      await signIn(page, role, 'demo');
      await page.getByRole('navigation', { name: 'Menu chính' }).waitFor();
      const routes = await menuRoutes(page, server.url);
      expect(routes.length).toBeGreaterThan(2);

      const faults: string[] = [];
      const check = async (where: string) => {
        for (const fault of await findLayoutFaults(page)) faults.push(`${where}: ${fault}`);
      };
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const route of routes) {
          await page.goto(`${server.url}${route}`);
          await settle(page);
          await check(`${size.width}px ${route}`);
          const tabs = page.locator('main .ant-tabs-tab:not(.ant-tabs-tab-active):not(.ant-tabs-tab-disabled)');
          for (const name of await tabs.allInnerTexts()) {
            await page.locator('main .ant-tabs-tab').filter({ hasText: name }).first().click();
            await settle(page);
            await check(`${size.width}px ${route} «${name}»`);
          }
        }
        for (const { route, open } of rowOpened[role]) {
          await page.goto(`${server.url}${route}`);
          await settle(page);
          // The page itself is there, not a 403 or a 404 in its place.
          expect(await page.locator('.ant-result-403, .ant-result-404').count(), `${role} ${route}`).toBe(0);
          if (!open) {
            await check(`${size.width}px ${route}`);
            continue;
          }
          const button = page.getByRole('button', { name: open }).first();
          await button.waitFor({ timeout: 15_000 }).catch(() => {
            throw new Error(`${role} ${size.width}px: no «${open}» on ${page.url()}`);
          });
          await button.click();
          await page.getByRole('dialog').waitFor();
          await settle(page);
          await check(`${size.width}px ${route} «${open}»`);
        }
      }
      await page.close();
      expect(faults).toEqual([]);
    },
    900_000,
  );
});
