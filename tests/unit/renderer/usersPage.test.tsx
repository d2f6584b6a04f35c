import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { setUpSchool, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';

describe('users page', () => {
  let ts: RendererTestServer;
  let admin: ProcedureClient;

  beforeAll(async () => {
    ts = await startRendererServer();
    admin = await setUpSchool(ts);
  });
  afterAll(() => ts.close());

  it('lists the accounts and creates one, showing the server’s field errors', async () => {
    const user = setupUser();
    renderApp(admin, '/users');

    const table = await screen.findByRole('table');
    expect(within(table).getByText('Nguyễn Văn Quản')).toBeTruthy();
    expect(within(table).getByText('Quản trị viên')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Thêm người dùng/ }));
    const dialog = await screen.findByRole('dialog');
    // The username field has the focus: typing goes straight into it.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('Tên đăng nhập')));

    // A taken username: the server's message appears under the field.
    await user.type(within(dialog).getByLabelText('Tên đăng nhập'), 'admin');
    await user.type(within(dialog).getByLabelText('Họ và tên'), 'Lê Thị Hoa');
    await user.type(within(dialog).getByLabelText('Mật khẩu ban đầu'), 'tam-thoi-123{Enter}');
    expect(await within(dialog).findByText('Tên đăng nhập «admin» đã được dùng')).toBeTruthy();

    await user.clear(within(dialog).getByLabelText('Tên đăng nhập'));
    await user.type(within(dialog).getByLabelText('Tên đăng nhập'), 'hoa.le');
    await user.click(within(dialog).getByRole('button', { name: 'Tạo tài khoản' }));

    // The new account shows in the table, as a teacher (the form's default role) who must change the password.
    const row = (await within(table).findByText('hoa.le')).closest('tr')!;
    expect(within(row).getByText('Lê Thị Hoa')).toBeTruthy();
    expect(within(row).getByText('Giáo viên')).toBeTruthy();
    expect(within(row).getByText('Chờ đổi mật khẩu')).toBeTruthy();

    const { users } = await admin.get('users.list', { search: 'hoa' });
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({
      username: 'hoa.le',
      fullName: 'Lê Thị Hoa',
      role: 'teacher',
      mustChangePassword: true,
    });
  });
});
