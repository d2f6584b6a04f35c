/**
 * The audit log's dates: two of the app's own date fields ("Từ ngày", "Đến ngày") instead of antd's
 * range picker, so typed dates are read, an impossible one is named, and an end before the start is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { renderApp, setupUser } from './support/renderApp';
import { setUpSchool, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { todayIso } from '../../../src-shared/domain/dates';

describe('audit log dates', () => {
  let ts: RendererTestServer;
  let admin: ProcedureClient;

  beforeAll(async () => {
    ts = await startRendererServer();
    admin = await setUpSchool(ts);
  });
  afterAll(() => ts.close());

  it('reads typed dates, names an impossible one and refuses an end before the start', async () => {
    const user = setupUser();
    renderApp(admin, '/audit');
    const from = await screen.findByLabelText('Từ ngày');
    const to = screen.getByLabelText('Đến ngày');

    await user.type(from, '31/02/2020{Enter}');
    await user.click(screen.getByRole('button', { name: 'Lọc' }));
    expect(await screen.findByText('Ngày 31/02/2020 không có thật')).toBeTruthy();

    await user.clear(from);
    await user.type(from, '10012026');
    await user.type(to, '1/1/2026');
    await user.click(screen.getByRole('button', { name: 'Lọc' }));
    expect(await screen.findByText('Đến ngày phải bằng hoặc sau Từ ngày')).toBeTruthy();
    expect((from as HTMLInputElement).value).toBe('10/01/2026');
    expect((to as HTMLInputElement).value).toBe('01/01/2026');

    // Today to today: the school's setup, just made, is in the log.
    const today = dayjs(todayIso()).format('DD/MM/YYYY');
    await user.clear(from);
    await user.type(from, today);
    await user.clear(to);
    await user.type(to, today);
    await user.click(screen.getByRole('button', { name: 'Lọc' }));
    await waitFor(() => expect(screen.queryByText('Đến ngày phải bằng hoặc sau Từ ngày')).toBeNull());
    await waitFor(() => expect(document.body.textContent).toMatch(/Đang hiển thị [1-9]\d* \/ [1-9]\d* bản ghi/));
  });
});
