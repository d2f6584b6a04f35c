/** The year-end promotion screen against a real server with the demo school and the following year. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import { defaultSchoolYear } from '../../../src-shared/domain/schoolYear';

const SLOW = { timeout: 15_000 };

describe('year-end promotion screen', () => {
  let ts: RendererTestServer;
  let clerk: ProcedureClient;
  let nextYearId: number;

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    clerk = await signIn(ts, 'clerk', DEMO_PASSWORD);
    const principal = await signIn(ts, 'principal', DEMO_PASSWORD);
    const { years } = await clerk.get('school.years.list', {});
    const current = years.find((y) => y.isCurrent)!;
    const next = await principal.get('school.years.create', {
      ...defaultSchoolYear(Number(current.startDate.slice(0, 4)) + 1),
      makeCurrent: false,
    });
    nextYearId = next.id;
  }, 60_000);
  afterAll(() => ts.close());

  it('proposes promotion, lets one pupil repeat, and runs it into the next year', async () => {
    const user = setupUser();
    renderApp(clerk, '/records/classes/promotion');
    await screen.findByRole('heading', { name: 'Lên lớp cuối năm' }, SLOW);
    const panel = await screen.findByText(/Lớp 2A → 3A/, {}, SLOW);
    await user.click(panel);
    const selects = await screen.findAllByRole('combobox', { name: /^Kết quả của / }, SLOW);
    const first = selects[0]!;
    await user.click(first);
    const repeat = await screen.findAllByText('Ở lại lớp');
    await user.click(repeat[repeat.length - 1]!);
    await user.click(screen.getByRole('button', { name: 'Xét lên lớp' }));
    const confirm = await screen.findByRole('dialog', {}, SLOW);
    expect(confirm.textContent).toContain('Ở lại lớp: 1');
    await user.click(within(confirm).getByRole('button', { name: 'Xét lên lớp' }));
    await screen.findByText(/Đã xét lên lớp sang năm học/, {}, SLOW);

    const placed = await clerk.get('records.pupils.list', { schoolYearId: nextYearId, limit: 2000 });
    expect(placed.rows.filter((r) => r.className === '2A').length).toBeGreaterThan(0);
    expect(placed.rows.some((r) => r.className === '5A')).toBe(true);
    expect(placed.rows.some((r) => r.grade === 1)).toBe(false);
  }, 60_000);

  it('is refused to a teacher', async () => {
    const teacher = await signIn(ts, 'teacher', DEMO_PASSWORD);
    renderApp(teacher, '/records/classes/promotion');
    await waitFor(() => expect(screen.getAllByText(/không có quyền/i).length).toBeGreaterThan(0), SLOW);
    expect(screen.queryByRole('button', { name: 'Xét lên lớp' })).toBeNull();
  });
});
