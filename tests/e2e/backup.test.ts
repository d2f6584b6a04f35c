/**
 * Backup and restore in Chromium against the real `truongso serve`: a backup with its progress, a
 * restore from a listed backup and one from an uploaded file, each behind the typed confirmation and
 * each ending every session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { signIn, watchPageErrors } from './support/pages';
import { callApi, SCHOOL_SETUP, setUpSchool, usernames } from './support/api';

const { admin: ADMIN } = SCHOOL_SETUP;

describe('backup and restore in Chromium', () => {
  let server: CliServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startCliServer();
    await setUpSchool(server.url);
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const openBackupPage = async () => {
    await page.goto(`${server.url}/backup`);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: 'Sao lưu & khôi phục' }).waitFor();
  };

  const confirmRestore = async () => {
    const dialog = page.getByRole('dialog', { name: 'Khôi phục dữ liệu' });
    await dialog.waitFor();
    const ok = dialog.getByRole('button', { name: 'Khôi phục' });
    // The data is replaced only after the word is typed (accents optional).
    expect(await ok.isDisabled()).toBe(true);
    await dialog.getByLabel('Gõ «KHÔI PHỤC» để xác nhận').fill('khoi phuc');
    expect(await ok.isDisabled()).toBe(false);
    await ok.click();
    await page.getByRole('dialog', { name: 'Đã khôi phục dữ liệu' }).waitFor();
    await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
    await page.getByText('Dữ liệu đã được khôi phục. Vui lòng đăng nhập lại.').waitFor();
  };

  it('backs up with progress, then restores from the list and from an uploaded file', async () => {
    await openBackupPage();
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.getByText('Sao lưu xong').waitFor();
    const manualRow = page.getByRole('row').filter({ hasText: 'Thủ công' });
    await manualRow.first().waitFor();
    const backupName = (await manualRow.first().locator('code').first().textContent())!.trim();
    expect(backupName).toMatch(/manual\.db$/);

    // An account made after the backup: the restore must take it away.
    const token = await callApi<{ token: string }>(server.url, 'auth.login', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    await callApi(
      server.url,
      'users.create',
      { username: 'gv.sau', fullName: 'Lý Thị Sau', role: 'teacher', password: 'mat-khau-1' },
      token.token,
    );

    await page.getByRole('button', { name: `Khôi phục từ bản sao lưu ${backupName}` }).click();
    await confirmRestore();
    const admin = await callApi<{ token: string }>(server.url, 'auth.login', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(await usernames(server.url, admin.token)).not.toContain('gv.sau');
    // The old session ended with the restore.
    await expect(callApi(server.url, 'auth.me', {}, token.token)).rejects.toThrow();

    // The safety copy taken before the restore still has the account: restoring it as an upload brings it back.
    const safety = fs.readdirSync(path.join(server.dataDir, 'backups')).find((f) => f.includes('pre-restore'));
    expect(safety).toBeTruthy();
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: `Xin chào, ${ADMIN.fullName}` }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Menu chính' });
    await nav.getByText('Quản trị').click();
    await nav.getByRole('link', { name: 'Sao lưu & khôi phục' }).click();
    await page.getByRole('heading', { name: 'Sao lưu & khôi phục' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(path.join(server.dataDir, 'backups', safety!));
    await confirmRestore();
    const again = await callApi<{ token: string }>(server.url, 'auth.login', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(await usernames(server.url, again.token)).toContain('gv.sau');

    expect(pageErrors).toEqual([]);
  });
});
