import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp } from './support/renderApp';
import { setUpSchool, signedInAs, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';

describe('menu by role', () => {
  let ts: RendererTestServer;
  let admin: ProcedureClient;
  let teacher: ProcedureClient;

  beforeAll(async () => {
    ts = await startRendererServer();
    admin = await setUpSchool(ts);
    teacher = await signedInAs(ts, admin, {
      username: 'gv.lan',
      fullName: 'Phạm Thị Lan',
      role: 'teacher',
      password: 'giao-vien-1',
    });
  });
  afterAll(() => ts.close());

  it('gives the administrator the Quản trị menu', async () => {
    renderApp(admin, '/');
    const nav = await screen.findByRole('navigation', { name: 'Menu chính' });
    expect(nav.textContent).toContain('Quản trị');
    expect(nav.textContent).toContain('Hồ sơ');
  });

  it('hides Quản trị from a teacher', async () => {
    renderApp(teacher, '/');
    const nav = await screen.findByRole('navigation', { name: 'Menu chính' });
    expect(nav.textContent).toContain('Trang chủ');
    expect(nav.textContent).toContain('Đánh giá');
    expect(nav.textContent).not.toContain('Quản trị');
    expect(screen.queryByText('Quản trị')).toBeNull();
    // The header names the user and the role.
    expect(screen.getByText('Phạm Thị Lan')).toBeTruthy();
    expect(screen.getByText('(Giáo viên)')).toBeTruthy();
  });

  it('shows a teacher the 403 page on /users, and the server records the refusal', async () => {
    renderApp(teacher, '/users');
    expect(await screen.findByText(/Bạn không có quyền truy cập trang này/)).toBeTruthy();
    const { rows } = await admin.get('audit.list', { action: 'users.list', outcome: 'failed' });
    expect(rows.some((r) => r.username === 'gv.lan' && r.outcome === 'forbidden')).toBe(true);
  });

  it('shows a module that is not built yet as a page of its own', async () => {
    renderApp(teacher, '/reports');
    expect(await screen.findByText('Phân hệ «Báo cáo thống kê» đang được xây dựng')).toBeTruthy();
  });
});
