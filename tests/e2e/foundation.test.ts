/**
 * The foundation end to end, in Chromium against the real `truongso serve`: first-run setup, sign-in
 * and sign-out, an administrator creating a teacher, the teacher's limits, and the audit log that
 * shows both the creation and the teacher's refused attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callApi } from './support/api';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { focusedId, signIn, signOut, watchPageErrors } from './support/pages';

const ADMIN = { fullName: 'Nguyễn Thị Quản Trị', username: 'quantri', password: 'quan-tri-2025' };
const TEACHER = {
  fullName: 'Lê Văn Giáo',
  username: 'gv.giao',
  password: 'tam-thoi-123',
  newPassword: 'giao-vien-2025',
};

describe('foundation in Chromium', () => {
  let server: CliServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startCliServer();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets the school up, manages a teacher and audits the teacher’s refused attempt', async () => {
    // First run: the wizard (no machine-role step in a browser).
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Thiết lập ban đầu' }).waitFor();
    expect(await page.getByText('Vai trò của máy').count()).toBe(0);
    // The tab shows the app's icon.
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const iconAnswer = await fetch(new URL(icon!, server.url));
    expect(iconAnswer.status).toBe(200);
    expect(iconAnswer.headers.get('content-type')).toBe('image/png');
    await expect.poll(() => focusedId(page)).toBe('school_name');
    await page.getByLabel('Tên trường').fill('Trường Tiểu học Võ Thị Sáu');
    await page.getByLabel('Mã trường').fill('VTS01');
    await page.getByLabel('Phòng GDĐT').fill('Phòng GDĐT quận 3');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    const startDate = page.getByLabel('Ngày bắt đầu năm học');
    await expect.poll(() => startDate.inputValue()).toMatch(/^05\/09\/20\d\d$/);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByLabel('Họ và tên').fill(ADMIN.fullName);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
    await page.getByRole('heading', { name: `Xin chào, ${ADMIN.fullName}` }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Quản trị viên');

    // Out and back in.
    await signOut(page);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: `Xin chào, ${ADMIN.fullName}` }).waitFor();

    // The administrator creates a teacher through the menu.
    const nav = page.getByRole('navigation', { name: 'Menu chính' });
    await nav.getByText('Quản trị').click();
    await nav.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { name: 'Người dùng' }).waitFor();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').waitFor();
    await expect.poll(() => focusedId(page)).toMatch(/_username$/);
    await dialog.getByLabel('Tên đăng nhập').fill(TEACHER.username);
    await dialog.getByLabel('Họ và tên').fill(TEACHER.fullName);
    await dialog.getByLabel('Mật khẩu ban đầu').fill(TEACHER.password);
    // Enter submits the dialog's form.
    await dialog.getByLabel('Mật khẩu ban đầu').press('Enter');
    const teacherRow = page.getByRole('row', { name: new RegExp(TEACHER.username) });
    await teacherRow.waitFor();
    expect(await teacherRow.textContent()).toContain('Giáo viên');

    // The teacher signs in, must replace the temporary password first.
    await signOut(page);
    await signIn(page, TEACHER.username, TEACHER.password);
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill(TEACHER.password);
    await page.getByLabel('Mật khẩu mới').fill(TEACHER.newPassword);
    await page.getByLabel('Nhập lại mật khẩu').fill(TEACHER.newPassword);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).last().click();
    await page.getByRole('heading', { name: `Xin chào, ${TEACHER.fullName}` }).waitFor();

    // No Quản trị for a teacher, and the users page says no when opened directly.
    expect(await nav.textContent()).toContain('Đánh giá');
    expect(await nav.textContent()).not.toContain('Quản trị');
    await page.goto(`${server.url}/users`);
    await page.getByText('Bạn không có quyền truy cập trang này', { exact: false }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    // The page knows the teacher's role and asks the server nothing; a client that asks anyway (the
    // teacher's own session, calling the procedure directly) is refused, and that refusal is audited.
    const teacherToken = (
      await callApi<{ token: string }>(server.url, 'auth.login', {
        username: TEACHER.username,
        password: TEACHER.newPassword,
      })
    ).token;
    await expect(callApi(server.url, 'users.list', {}, teacherToken)).rejects.toThrow();

    // The principal's view of it: the audit log, as the administrator.
    await signOut(page);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: `Xin chào, ${ADMIN.fullName}` }).waitFor();
    await nav.getByText('Quản trị').click();
    await nav.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.getByRole('heading', { name: 'Nhật ký hệ thống' }).waitFor();

    const creation = page.getByRole('row').filter({ hasText: 'Tạo tài khoản' }).filter({ hasText: ADMIN.username });
    await creation.first().waitFor();
    expect(await creation.first().textContent()).toContain('Thành công');

    // Refusals are in the full log, not among the changes shown first.
    await page.getByText('Cả lượt xem dữ liệu cá nhân').click();
    const refusal = page
      .getByRole('row')
      .filter({ hasText: 'định xem danh sách người dùng' })
      .filter({ hasText: TEACHER.username });
    await refusal.first().waitFor();
    expect(await refusal.first().textContent()).toContain('Bị từ chối');
    expect(await refusal.first().textContent()).toContain('Giáo viên');

    // Filtering to failures keeps the refusal and drops the creation.
    await page.getByLabel('Kết quả').click();
    await page.getByRole('option', { name: 'Thất bại' }).click();
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => creation.count()).toBe(0);
    expect(await refusal.count()).toBeGreaterThan(0);

    expect(pageErrors).toEqual([]);
  });
});
