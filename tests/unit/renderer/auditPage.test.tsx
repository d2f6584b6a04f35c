import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
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

  it('pages with “Xem thêm” and filters by a capability prefix and outcome', async () => {
    const user = setupUser();
    renderApp(admin, '/audit');

    expect(await screen.findByText(`Đang hiển thị 50 / ${total} bản ghi`)).toBeTruthy();
    const table = screen.getByRole('table');
    // Newest first, in the school's time zone, with a human name for the action.
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(firstRow.textContent).toContain('Xem danh sách người dùng');
    expect(firstRow.textContent).toContain('Bị từ chối');
    expect(firstRow.textContent).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d/);

    await user.click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByText(`Đang hiển thị ${total} / ${total} bản ghi`)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Xem thêm' })).toBeNull();

    // Only the successful calls of the users capability: the account creation.
    await user.type(screen.getByLabelText('Thao tác'), 'users.');
    await user.click(screen.getByLabelText('Kết quả'));
    await user.click(await screen.findByRole('option', { name: 'Thành công' }));
    await user.click(screen.getByRole('button', { name: 'Lọc' }));
    expect(await screen.findByText('Đang hiển thị 1 / 1 bản ghi')).toBeTruthy();
    expect(within(screen.getByRole('table')).getByText('Tạo tài khoản')).toBeTruthy();
  });
});
