import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import {
  setUpSchool,
  SETUP_INPUT,
  signedInAs,
  startRendererServer,
  type RendererTestServer,
} from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';

describe('school page', () => {
  let ts: RendererTestServer;
  let admin: ProcedureClient;

  beforeAll(async () => {
    ts = await startRendererServer();
    admin = await setUpSchool(ts);
  });
  afterAll(() => ts.close());

  it('on a conflict says so and shows the other person’s version, then saves', async () => {
    const user = setupUser();
    renderApp(admin, '/school');
    await screen.findByLabelText('Địa chỉ');

    // Someone else saves while the page is open: our save is refused and the form shows their data.
    const other = await admin.get('school.profile.get', {});
    const { version: _v, updatedAt: _u, ...fields } = other;
    await admin.get('school.profile.update', { ...fields, phone: '0243 999 888', version: other.version });
    await user.type(screen.getByLabelText('Địa chỉ'), 'Số 1 Hàng Bài');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Dữ liệu đã bị người khác thay đổi, vui lòng tải lại')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('Điện thoại') as HTMLInputElement).value).toBe('0243 999 888'));
    expect((await admin.get('school.profile.get', {})).address).toBe('');

    // On the fresh version the same change goes through.
    await user.type(screen.getByLabelText('Hiệu trưởng'), 'Đặng Thị Hiền');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(async () => expect((await admin.get('school.profile.get', {})).principalName).toBe('Đặng Thị Hiền'));
    expect((await admin.get('school.profile.get', {})).phone).toBe('0243 999 888');
  });

  it('lists the school years with dates as dd/MM/yyyy, read-only for a teacher', async () => {
    const teacher = await signedInAs(ts, admin, {
      username: 'gv.an',
      fullName: 'Vũ Văn An',
      role: 'teacher',
      password: 'giao-vien-1',
    });
    renderApp(teacher, '/school');
    expect(await screen.findByText(SETUP_INPUT.year.name)).toBeTruthy();
    expect(screen.getByText('05/09/2025')).toBeTruthy();
    expect(screen.getByText('31/05/2026')).toBeTruthy();
    expect(screen.getByText(/Bạn chỉ được xem thông tin này/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lưu' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Thêm năm học/ })).toBeNull();
    expect((screen.getByLabelText('Tên trường') as HTMLInputElement).readOnly).toBe(true);
  });
});
