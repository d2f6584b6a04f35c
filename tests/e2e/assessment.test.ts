/**
 * The assessment scenario of the issue, in Chromium against the real `truongso serve --demo`: the GVCN
 * of 1A fills the Toán level column by keyboard and by pasting from the clipboard, a wrong value is
 * flagged and not saved, the principal locks the point on the progress page, and the teacher's sheet
 * becomes read-only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { signIn, watchPageErrors } from './support/pages';
import { callApi } from './support/api';
import { PERIODIC_POINTS } from '../../src-shared/domain/tt27';
import type { GradebookView } from '../../src-shared/api/assessment';

const POINT = 'GIUA_HK1';

describe('assessment in Chromium', () => {
  let server: CliServer;
  let browser: Browser;
  let teacherContext: BrowserContext;
  let teacherPage: Page;
  let pageErrors: string[];
  let principal: string;
  let classId: number;
  let schoolYearId: number;

  const gradebook = () =>
    callApi<GradebookView>(
      server.url,
      'assessment.gradebook.get',
      { classId, subject: 'toan', point: POINT },
      principal,
    );

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
    schoolYearId = list.schoolYearId;
    classId = list.classes.find((c) => c.name === '1A')!.classId;
    // The demo has the points already past entered and locked: start from an open point and an empty column.
    for (const point of PERIODIC_POINTS) {
      await callApi(
        server.url,
        'assessment.locks.set',
        { schoolYearId, point, locked: false, reason: 'Kiểm thử' },
        principal,
      );
    }
    for (const row of (await gradebook()).rows.filter((r) => r.enrolled && r.version > 0)) {
      await callApi(
        server.url,
        'assessment.gradebook.save',
        {
          classId,
          subject: 'toan',
          point: POINT,
          pupilId: row.pupilId,
          level: null,
          comment: '',
          version: row.version,
        },
        principal,
      );
    }
    teacherContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await teacherContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    teacherPage = await teacherContext.newPage();
    pageErrors = watchPageErrors(teacherPage);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a teacher fills a column by keyboard and by paste, a wrong value is flagged, the principal locks the point', async () => {
    const page = teacherPage;
    await page.goto(`${server.url}/`);
    await signIn(page, 'teacher', 'demo');
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.goto(`${server.url}/assessment?class=${classId}&subject=toan&point=${POINT}`);
    const table = page.getByRole('table', { name: 'Sổ theo dõi môn Toán lớp 1A' });
    await table.waitFor();
    const names = (await gradebook()).rows.filter((r) => r.enrolled).map((r) => r.fullName);
    const level = (i: number) => table.getByRole('textbox', { name: `Mức đạt được của ${names[i]}` });

    // Keyboard: typing replaces the cell, Enter moves down; "x" is not a level.
    await level(0).click();
    await page.keyboard.type('t');
    await page.keyboard.press('Enter');
    await page.keyboard.type('h');
    await page.keyboard.press('Enter');
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await expect.poll(() => level(2).getAttribute('aria-invalid')).toBe('true');
    await page.getByText(`Dòng 3 – ${names[2]}, Mức đạt được: «x» không phải mức đạt`, { exact: false }).waitFor();

    // Paste: a column copied from Excel fills down from the cell with the caret.
    // A string, because this file is compiled without the DOM's types.
    await page.evaluate("navigator.clipboard.writeText('C\\r\\nHoàn thành tốt\\r\\nh\\r\\n')");
    await page.keyboard.press('Control+V');
    await expect
      .poll(async () => [await level(3).inputValue(), await level(4).inputValue(), await level(5).inputValue()])
      .toEqual(['C', 'T', 'H']);

    // Saved on the server as typed, the wrong value never sent.
    await expect
      .poll(
        async () =>
          (await gradebook()).rows
            .filter((r) => r.enrolled)
            .slice(0, 6)
            .map((r) => r.level),
        { timeout: 10_000 },
      )
      .toEqual(['T', 'H', null, 'C', 'T', 'H']);

    // The principal locks the point on the progress page.
    const principalPage = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await principalPage.goto(`${server.url}/`);
    await signIn(principalPage, 'principal', 'demo');
    await principalPage.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await principalPage.goto(`${server.url}/assessment/progress`);
    const lockSwitch = principalPage.getByRole('switch', { name: 'Khóa sổ Giữa học kỳ I', exact: true });
    await lockSwitch.click();
    await principalPage.getByRole('button', { name: 'Khóa sổ' }).click();
    await expect.poll(() => lockSwitch.getAttribute('aria-checked')).toBe('true');

    // The teacher can no longer edit: the sheet says so and typing changes nothing.
    await page.reload();
    await page
      .getByText(/Đã khóa sổ Giữa học kỳ I/)
      .first()
      .waitFor();
    // Read-only: the cells are no longer inputs; the values entered are still shown.
    expect(await table.getByRole('textbox').count()).toBe(0);
    await expect.poll(() => table.getByRole('row').nth(1).textContent()).toContain(names[0]!);
    expect((await gradebook()).rows.filter((r) => r.enrolled)[6]!.level).toBeNull();
    const save = await callApi<unknown>(
      server.url,
      'assessment.gradebook.save',
      { classId, subject: 'toan', point: POINT, pupilId: (await gradebook()).rows[6]!.pupilId, level: 'T', version: 0 },
      (await callApi<{ token: string }>(server.url, 'auth.login', { username: 'teacher', password: 'demo' })).token,
    ).catch((e: Error) => e.message);
    expect(String(save)).toContain('khóa sổ');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
