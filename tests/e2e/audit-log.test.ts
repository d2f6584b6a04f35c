/**
 * The audit log as a principal reads it, in Chromium against the real `truongso serve --demo`: the clerk
 * transfers a pupil of 1A out (through the API: the dialog is another scenario's), then the principal
 * opens Nhật ký hệ thống and reads the transfer as a Vietnamese sentence naming the pupil and the class;
 * views of the pupil's profile are hidden until the full log is asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { signIn, watchPageErrors } from './support/pages';
import { callApi } from './support/api';
import type { PupilRow, PupilView } from '../../src-shared/api/records';
import { todayIso } from '../../src-shared/domain/dates';

const SHOTS = process.env.TRUONGSO_SHOTS;

describe('audit log', () => {
  let server: CliServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startCliServer({ demo: true });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the transfer as a sentence', async () => {
    const pageErrors = watchPageErrors(page);
    const clerk = (await callApi<{ token: string }>(server.url, 'auth.login', { username: 'clerk', password: 'demo' }))
      .token;
    const { rows } = await callApi<{ rows: PupilRow[] }>(server.url, 'records.pupils.list', { limit: 2000 }, clerk);
    const pupil = rows.find((p) => p.className === '1A')!;
    // The clerk opens the pupil's profile (a read of personal data, logged) and records the transfer.
    const profile = await callApi<PupilView>(server.url, 'records.pupils.get', { id: pupil.id }, clerk);
    await callApi(
      server.url,
      'records.pupils.transferOut',
      { id: pupil.id, version: profile.version, date: todayIso(), destination: '01', toSchool: 'TH Kim Đồng' },
      clerk,
    );

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(server.url);
    await signIn(page, 'principal', 'demo');
    const nav = page.getByRole('navigation');
    await nav.getByText('Quản trị').click();
    await nav.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.getByRole('heading', { name: 'Nhật ký hệ thống' }).waitFor();

    const transfer = page
      .getByRole('row')
      .filter({ hasText: `Phạm Thị Lan chuyển học sinh ${pupil.fullName} (1A) đi trường khác` });
    await transfer.waitFor();
    expect(await transfer.textContent()).toContain('Thành công');
    // Neither raw names nor views in the default view.
    const views = page.getByRole('row').filter({ hasText: `xem hồ sơ học sinh ${pupil.fullName}` });
    expect(await views.count()).toBe(0);
    expect(await page.getByRole('table').textContent()).not.toContain('records.pupils');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-changes-1366.png`, fullPage: false });

    await page.getByText('Cả lượt xem dữ liệu cá nhân').click();
    await views.first().waitFor();
    expect(await views.first().textContent()).toContain(`Phạm Thị Lan xem hồ sơ học sinh ${pupil.fullName} (1A)`);
    expect(await transfer.count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-all-1366.png`, fullPage: false });

    await page.getByText('Chỉ thay đổi').click();
    await expect.poll(() => views.count()).toBe(0);
    await page.setViewportSize({ width: 1024, height: 768 });
    await transfer.waitFor();
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/audit-changes-1024.png`, fullPage: false });
      await transfer.getByRole('button').first().click();
      await page.screenshot({ path: `${SHOTS}/audit-expanded-1024.png`, fullPage: true });
    }
    expect(pageErrors).toEqual([]);
  });
});
