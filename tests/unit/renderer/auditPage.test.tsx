import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { setUpSchool, signedInAs, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';

describe('audit page', () => {
  let ts: RendererTestServer;
  let admin: ProcedureClient;
  let total: number;

  beforeAll(async () => {
    ts = await startRendererServer();
    admin = await setUpSchool(ts);
    const teacher = await signedInAs(ts, admin, {
      username: 'gv.binh',
      fullName: 'Hồ Văn Bình',
      role: 'teacher',
      password: 'giao-vien-1',
    });
    // Sixty refusals: more than one page of the log.
    for (let i = 0; i < 60; i++) await teacher.call('users.list', {});
    total = (await admin.get('audit.list', {})).total;
  });
  afterAll(() => ts.close());

  it('reads as sentences and shows only the changes until asked for everything', async () => {
    const user = setupUser();
    renderApp(admin, '/audit');

    // The changes: the school's setup and the teacher's account, said in Vietnamese with the values shown.
    const table = await screen.findByRole('table');
    const creation = await within(table).findByText('Nguyễn Văn Quản tạo tài khoản Hồ Văn Bình (gv.binh)');
    const creationRow = creation.closest('tr')!;
    expect(creationRow.textContent).toContain('Vai trò: Giáo viên');
    expect(creationRow.textContent).toContain('Thành công');
    expect(within(table).queryByText(/định xem danh sách người dùng/)).toBeNull();
    expect(screen.queryByText('users.create')).toBeNull();

    // Everything: the refusals too, and more than one page of them.
    await user.click(screen.getByText('Cả lượt xem dữ liệu cá nhân'));
    expect(await screen.findByText(`Đang hiển thị 50 / ${total} bản ghi`)).toBeTruthy();
    const firstRow = within(screen.getByRole('table')).getAllByRole('row')[1]!;
    expect(firstRow.textContent).toContain('Hồ Văn Bình định xem danh sách người dùng');
    expect(firstRow.textContent).toContain('Bị từ chối');
    expect(firstRow.textContent).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d/);
  });

  it('pages with “Xem thêm” and filters by a capability prefix and outcome', async () => {
    const user = setupUser();
    renderApp(admin, '/audit');

    await user.click(await screen.findByText('Cả lượt xem dữ liệu cá nhân'));
    expect(await screen.findByText(`Đang hiển thị 50 / ${total} bản ghi`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByText(`Đang hiển thị ${total} / ${total} bản ghi`)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Xem thêm' })).toBeNull();

    // Only the successful calls of the users capability: the account creation.
    await user.type(screen.getByLabelText('Thao tác'), 'users.');
    await user.click(screen.getByLabelText('Kết quả'));
    await user.click(await screen.findByRole('option', { name: 'Thành công' }));
    await user.click(screen.getByRole('button', { name: 'Lọc' }));
    await waitFor(() => expect(document.body.textContent).toContain('Đang hiển thị 1 / 1 bản ghi'));
    expect(within(screen.getByRole('table')).getByText(/tạo tài khoản Hồ Văn Bình/)).toBeTruthy();
  });
});
