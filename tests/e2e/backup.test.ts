/**
 * Backup and restore in Chromium against the real `truongso serve`: a backup with its progress, a
 * restore from a listed backup and one from an uploaded file, each behind the typed confirmation and
 * each ending every session.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DB_FILE_NAME } from '../../src-main/store/open';
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

  /** Rows of the file store's table and the blobs in its folder (uploads in flight aside). */
  const fileStoreHolds = () => {
    const root = path.join(server.dataDir, 'files');
    const blobs = fs.existsSync(root)
      ? fs
          .readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && !path.relative(root, e.parentPath).startsWith('tmp')).length
      : 0;
    const db = new Database(path.join(server.dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
    try {
      return { rows: db.prepare('SELECT count(*) FROM files').pluck().get() as number, blobs };
    } finally {
      db.close();
    }
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

  it('warns while no backup has left the server, and downloads one as the copy that ends the warning', async () => {
    await openBackupPage();
    const warning = page
      .getByRole('alert')
      .filter({ hasText: 'Chưa có bản sao lưu nào được sao chép ra ngoài máy chủ' });
    await warning.waitFor();
    const name = fs
      .readdirSync(path.join(server.dataDir, 'backups'))
      .filter((f) => f.endsWith('.db'))
      .sort()
      .pop()!;
    const before = fileStoreHolds();
    const downloading = page.waitForEvent('download');
    // In a browser the copy is a download: there is no folder dialog to reach.
    const button = page.getByRole('button', { name: `Sao chép bản sao lưu ${name} ra ngoài máy chủ` });
    expect((await button.textContent())?.trim()).toBe('Tải về');
    await button.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(name);
    const saved = path.join(server.dataDir, 'tai-ve.db');
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).equals(fs.readFileSync(path.join(server.dataDir, 'backups', name)))).toBe(true);
    await page.getByText(`Đã tải về ${name}`).waitFor();
    await warning.waitFor({ state: 'detached' });
    await page.getByText(/Lần sao chép ra ngoài gần nhất: .* \(/).waitFor();
    // Served straight from the backups folder: the file store keeps no second copy of the backup.
    expect(fileStoreHolds()).toEqual(before);
    const sha256 = createHash('sha256').update(fs.readFileSync(saved)).digest('hex');
    expect(fs.existsSync(path.join(server.dataDir, 'files', sha256.slice(0, 2), sha256))).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
