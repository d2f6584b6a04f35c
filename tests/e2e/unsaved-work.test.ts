/**
 * Leaving unsaved work, in Chromium against the real `truongso serve --demo`: the GVCN of 1A types a
 * wrong value into the gradebook and clicks a menu item; the app asks, "Ở lại" keeps the value on
 * screen, "Rời trang" goes. An unsaved row of the year sheet asks the same way, and reloading the
 * window with unsaved work brings up the browser's own question (beforeunload).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { animationsDone, signIn, watchPageErrors } from './support/pages';
import { callApi } from './support/api';
import { PERIODIC_POINTS } from '../../src-shared/domain/tt27';
import type { GradebookView } from '../../src-shared/api/assessment';

const POINT = 'GIUA_HK1';
const QUESTION = 'Rời trang khi chưa lưu?';

describe('unsaved work in Chromium', () => {
  let server: CliServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let principal: string;
  let classId: number;

  const gradebook = () =>
    callApi<GradebookView>(
      server.url,
      'assessment.gradebook.get',
      { classId, subject: 'toan', point: POINT },
      principal,
    );
  const question = () => page.getByRole('dialog').filter({ hasText: QUESTION });
  const menuHome = () => page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Trang chủ' });

  beforeAll(async () => {
    server = await startCliServer({ demo: true });
    browser = await launchBrowser();
    principal = (
      await callApi<{ token: string }>(server.url, 'auth.login', { username: 'principal', password: 'demo' })
    ).token;
    const list = await callApi<{ schoolYearId: number; classes: { classId: number; name: string }[] }>(
      server.url,
      'assessment.classes.list',
      {},
      principal,
    );
    classId = list.classes.find((c) => c.name === '1A')!.classId;
    // The demo has the points already past locked: open them all, the year sheet's among them.
    for (const point of PERIODIC_POINTS) {
      await callApi(
        server.url,
        'assessment.locks.set',
        { schoolYearId: list.schoolYearId, point, locked: false, reason: 'Kiểm thử' },
        principal,
      );
    }
    page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    pageErrors = watchPageErrors(page);
    await page.goto(`${server.url}/`);
    await signIn(page, 'teacher', 'demo');
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks before a menu item leaves a wrong gradebook value; staying keeps it, leaving goes', async () => {
    await page.goto(`${server.url}/assessment?class=${classId}&subject=toan&point=${POINT}`);
    const table = page.getByRole('table', { name: 'Sổ theo dõi môn Toán lớp 1A' });
    await table.waitFor();
    const first = (await gradebook()).rows.find((r) => r.enrolled)!;
    const cell = table.getByRole('textbox', { name: `Mức đạt được của ${first.fullName}` });

    await cell.click();
    await page.keyboard.type('x');
    await menuHome().click();
    await question().waitFor();
    await question().waitFor();
    await animationsDone(page);
    await question().getByRole('button', { name: 'Ở lại' }).click();
    await question().waitFor({ state: 'hidden' });
    expect(await cell.inputValue()).toBe('x');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/assessment/gradebook');

    await menuHome().click();
    await question().waitFor();
    await animationsDone(page);
    await question().getByRole('button', { name: 'Rời trang' }).click();
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect((await gradebook()).rows.find((r) => r.pupilId === first.pupilId)!.level).toBe(first.level);
  }, 60_000);

  it('asks before a menu item leaves an unsaved row of the year sheet', async () => {
    await page.goto(`${server.url}/assessment/gradebook?class=${classId}&tab=year`);
    const table = page.getByRole('table', { name: 'Kết quả cuối năm lớp 1A' });
    await table.waitFor();
    const comment = table.getByRole('textbox', { name: /^Nhận xét cuối năm của / }).first();
    await comment.fill('Em chăm ngoan, tiến bộ rõ.');
    await page.getByRole('button', { name: /^Lưu \d+ dòng đã sửa$/ }).waitFor();

    await menuHome().click();
    await question().waitFor();
    await animationsDone(page);
    await question().getByRole('button', { name: 'Ở lại' }).click();
    await question().waitFor({ state: 'hidden' });
    expect(await comment.inputValue()).toBe('Em chăm ngoan, tiến bộ rõ.');

    await menuHome().click();
    await question().waitFor();
    await animationsDone(page);
    await question().getByRole('button', { name: 'Rời trang' }).click();
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
  }, 60_000);

  it('reloading the window with unsaved work brings up the browser’s question', async () => {
    await page.goto(`${server.url}/assessment?class=${classId}&subject=toan&point=${POINT}`);
    const table = page.getByRole('table', { name: 'Sổ theo dõi môn Toán lớp 1A' });
    await table.waitFor();
    const first = (await gradebook()).rows.find((r) => r.enrolled)!;
    const cell = table.getByRole('textbox', { name: `Mức đạt được của ${first.fullName}` });
    await cell.click();
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');

    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(asked).toEqual(['beforeunload']);
    // Left at the user's word: the wrong value is gone, the stored one is shown again.
    await table.waitFor();
    expect(await cell.inputValue()).toBe(first.level ?? '');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
