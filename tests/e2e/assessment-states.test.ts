/**
 * The assessment screens as drawn by Chromium at the school's window sizes, against the real
 * `truongso serve --demo`: the qualities sheet fits 1366 px without scrolling sideways, the lock switches'
 * state reads in full, the year sheet mid-year says the results are not due yet, and no control is
 * named in English for a screen reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { signIn, watchPageErrors } from './support/pages';
import { callApi } from './support/api';
import type { SchoolYear } from '../../src-shared/api/school';

const SIZES = [
  [1366, 768],
  [1024, 768],
] as const;

/** Names antd gives its icons and controls when nobody names them: English words, lower case. */
const ENGLISH_NAMES = `[...document.querySelectorAll('main [aria-label]')]
  .filter((e) => !e.closest('[aria-hidden="true"]'))
  .map((e) => e.getAttribute('aria-label'))
  .filter((s) => /^[a-z][a-z-]*$/.test(s) || /^(Select all|Close|Edit|Search|Expand row|Collapse row)$/i.test(s))`;

describe('assessment screens in Chromium at 1366 and 1024 px', () => {
  let server: CliServer;
  let browser: Browser;
  let year: SchoolYear;
  let classId: number;

  async function open(role: 'teacher' | 'principal', width: number, height: number): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width, height },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await page.goto(`${server.url}/`);
    await signIn(page, role, 'demo');
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    return page;
  }

  const english = (page: Page) => page.evaluate<string[]>(ENGLISH_NAMES);

  beforeAll(async () => {
    server = await startCliServer({ demo: true });
    browser = await launchBrowser();
    const principal = (
      await callApi<{ token: string }>(server.url, 'auth.login', { username: 'principal', password: 'demo' })
    ).token;
    const list = await callApi<{ schoolYearId: number; classes: { classId: number; name: string }[] }>(
      server.url,
      'assessment.classes.list',
      {},
      principal,
    );
    classId = list.classes.find((c) => c.name === '1A')!.classId;
    const { years } = await callApi<{ years: SchoolYear[] }>(server.url, 'school.years.list', {}, principal);
    year = years.find((y) => y.id === list.schoolYearId)!;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [width, height] of SIZES) {
    it(`fits the qualities sheet at ${width} px (its own box scrolls, never the page)`, async () => {
      const page = await open('teacher', width, height);
      const errors = watchPageErrors(page);
      await page.goto(`${server.url}/assessment?class=${classId}&tab=qualities&point=GIUA_HK1`);
      await page.getByRole('table', { name: 'Phẩm chất, năng lực lớp 1A' }).waitFor();
      const sizes = await page.evaluate<{ sheet: number[]; page: number[] }>(`({
        sheet: [document.querySelector('.ts-sheet-wrap').scrollWidth, document.querySelector('.ts-sheet-wrap').clientWidth],
        page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      })`);
      expect(sizes.page[0]).toBeLessThanOrEqual(sizes.page[1]!);
      if (width >= 1366) expect(sizes.sheet[0]).toBeLessThanOrEqual(sizes.sheet[1]!);
      // A short title carries the full name, for the eye (tooltip) and for a screen reader.
      const header = page.getByRole('columnheader', { name: 'Giải quyết vấn đề và sáng tạo' });
      expect(await header.textContent()).toBe('GQVĐ-ST');
      expect(await header.locator('abbr').getAttribute('title')).toBe('Giải quyết vấn đề và sáng tạo');
      expect(await english(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it(`writes each lock's state in full beside its switch at ${width} px`, async () => {
      const page = await open('principal', width, height);
      await page.goto(`${server.url}/assessment/progress`);
      await page.getByRole('switch', { name: 'Khóa sổ Cuối năm học', exact: true }).waitFor();
      const states = await page.evaluate<{ text: string; cut: boolean; outside: boolean; inSwitch: string }[]>(`
        [...document.querySelectorAll('.ts-lock-state')].map((e) => {
          const card = e.closest('.ant-card').getBoundingClientRect();
          const r = e.getBoundingClientRect();
          const sw = e.parentElement.querySelector('.ant-switch');
          return {
            text: e.textContent,
            cut: e.scrollWidth > e.clientWidth + 1,
            outside: r.right > card.right || sw.getBoundingClientRect().right > card.right,
            inSwitch: sw.textContent,
          };
        })`);
      expect(states).toHaveLength(4);
      for (const s of states) {
        expect(['Đã khóa', 'Đang mở']).toContain(s.text);
        expect(s).toMatchObject({ cut: false, outside: false, inSwitch: '' });
      }
      expect(await english(page)).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it('says mid-year that the year results are not due, without reasons per pupil', async () => {
    const page = await open('teacher', 1366, 768);
    // The browser's clock in December of the demo year (the server keeps its own).
    await page.clock.setFixedTime(new Date(`${year.startDate.slice(0, 4)}-12-08T09:00:00+07:00`));
    await page.goto(`${server.url}/assessment?class=${classId}&tab=year`);
    const table = page.getByRole('table', { name: 'Kết quả cuối năm lớp 1A' });
    await table.waitFor();
    await page.getByText(`Chưa đến lúc đánh giá cả năm học ${year.name}`).waitFor();
    expect(await table.getByRole('list').count()).toBe(0);
    expect(await table.getByText('Chưa đủ kết quả').count()).toBe(0);
    expect(await english(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('names the gradebook’s controls in Vietnamese', async () => {
    const page = await open('principal', 1024, 768);
    await page.goto(`${server.url}/assessment?class=${classId}&subject=toan&point=GIUA_HK1`);
    await page.getByRole('table', { name: 'Sổ theo dõi môn Toán lớp 1A' }).waitFor();
    expect(await english(page)).toEqual([]);
    await page.goto(`${server.url}/assessment/stats`);
    await page.getByRole('heading', { name: 'Thống kê kết quả đánh giá' }).waitFor();
    expect(await english(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
