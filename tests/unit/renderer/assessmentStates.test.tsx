/**
 * What the assessment pages say when there is nothing to show yet, against a real server with the demo
 * school: the year sheet before the end of the year, the statistics of a point with no results, a
 * principal in a year without classes or before choosing one, and the lock switches' state in words.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import type { SchoolYear } from '../../../src-shared/api/school';
import { openingPoint, yearResultsDue } from '../../../src-renderer/office/assessment/labels';
import { todayIso } from '../../../src-shared/domain/dates';

const SLOW = { timeout: 20_000 };

describe('assessment: saying what is true when there is nothing to show', () => {
  let ts: RendererTestServer;
  let teacher: ProcedureClient;
  let principal: ProcedureClient;
  let classId: number;
  let current: SchoolYear;
  let past: SchoolYear;

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    teacher = await signIn(ts, 'teacher', DEMO_PASSWORD);
    principal = await signIn(ts, 'principal', DEMO_PASSWORD);
    const list = await teacher.get('assessment.classes.list', {});
    classId = list.classes.find((c) => c.name === '1A')!.classId;
    const { years } = await principal.get('school.years.list', {});
    current = years.find((y) => y.id === list.schoolYearId)!;
    past = years.find((y) => y.id !== list.schoolYearId)!;
  }, 120_000);
  afterAll(() => ts.close());
  afterEach(() => vi.useRealTimers());

  it('knows when the year results are due', () => {
    const y = { ...current, startDate: '2026-09-05', term1End: '2027-01-15', term2Start: '2027-01-16' };
    const year = { ...y, endDate: '2027-05-31' };
    expect(yearResultsDue(year, '2026-12-08')).toBe(false);
    expect(yearResultsDue(year, '2027-03-01')).toBe(false);
    expect(yearResultsDue(year, '2027-05-20')).toBe(true);
    expect(yearResultsDue(year, '2027-07-01')).toBe(true);
    expect(openingPoint('CUOI_HK1', ['GIUA_HK1'])).toBe('GIUA_HK1');
    expect(openingPoint('CUOI_HK1', ['GIUA_HK1', 'CUOI_HK1'])).toBe('CUOI_HK1');
    expect(openingPoint('CUOI_HK1', [])).toBe('CUOI_HK1');
  });

  it('says mid-year that the year results are made at the end of the year, without listing reasons', async () => {
    // Mid-year, whatever day the test runs on: back to December when the results are already due. Only
    // Date is faked (timers run), and only backwards: the in-process server's sessions expire by it.
    if (yearResultsDue(current, todayIso())) {
      vi.useFakeTimers({
        toFake: ['Date'],
        shouldAdvanceTime: true,
        now: new Date(`${current.startDate.slice(0, 4)}-12-08T03:00:00Z`),
      });
    }
    const { rows } = await teacher.get('assessment.year.get', { classId });
    const pupil = rows.find((r) => r.enrolled && r.proposed === null)!;
    expect(pupil.reasons.length).toBeGreaterThan(3);
    renderApp(teacher, `/assessment?class=${classId}&tab=year`);
    const table = await screen.findByRole('table', { name: 'Kết quả cuối năm lớp 1A' }, SLOW);
    expect(screen.getByText(`Chưa đến lúc đánh giá cả năm học ${current.name}`)).toBeTruthy();
    const [d, m, y] = [current.endDate.slice(8, 10), current.endDate.slice(5, 7), current.endDate.slice(0, 4)];
    expect(screen.getByText(new RegExp(`năm học kết thúc ngày ${d}/${m}/${y}`))).toBeTruthy();
    expect(within(table).queryByRole('list', { name: `Lý do của ${pupil.fullName}` })).toBeNull();
    expect(within(table).queryByText('Chưa đủ kết quả')).toBeNull();
    expect(within(table).queryByText(/Xem thêm \d+ lý do/)).toBeNull();
    expect(within(table).getAllByText('Chưa đến cuối năm').length).toBeGreaterThan(0);
  });

  it('opens the statistics on the latest point with results, and says so where a point has none', async () => {
    // Results at Giữa học kỳ I only, whatever the demo entered by today.
    const store = ts.server.app.store;
    store.statement(`DELETE FROM subject_results WHERE school_year_id = ? AND point <> 'GIUA_HK1'`).run(current.id);
    const sheet = await principal.get('assessment.gradebook.get', { classId, subject: 'toan', point: 'GIUA_HK1' });
    const first = sheet.rows.find((r) => r.enrolled)!;
    if (first.level === null) {
      await principal.get('assessment.gradebook.save', {
        classId,
        subject: 'toan',
        point: 'GIUA_HK1',
        pupilId: first.pupilId,
        level: 'T',
        score: null,
        retestScore: null,
        comment: '',
        version: first.version,
      });
    }
    // From December on the likely point has none of them (before, it is Giữa học kỳ I itself).
    renderApp(principal, '/assessment/stats');
    await screen.findByRole('table', { name: /Số học sinh theo mức đạt được – Giữa học kỳ I/ }, SLOW);
    expect(screen.getByRole('img', { name: /Giữa học kỳ I/ })).toBeTruthy();
  });

  it('says a point has no results instead of drawing zeros', async () => {
    renderApp(principal, '/assessment/stats?point=CUOI_NAM');
    expect(await screen.findByText('Chưa có kết quả cho thời điểm này', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Số học sinh theo mức đạt được/ })).toBeNull();
  });

  it("names a teacher's statistics for the classes they teach, not the whole school", async () => {
    const view = renderApp(teacher, '/assessment/stats');
    const table = await screen.findByRole(
      'table',
      { name: /Số học sinh theo mức đạt được – .*, Các lớp được phân công$/ },
      SLOW,
    );
    expect(table).toBeTruthy();
    view.unmount();
    renderApp(principal, '/assessment/stats');
    expect(await screen.findByRole('table', { name: /, Toàn trường$/ }, SLOW)).toBeTruthy();
  });

  it('asks the principal to choose a class, and says a past year has none', async () => {
    const view = renderApp(principal, '/assessment');
    expect(await screen.findByText('Chọn lớp để xem', {}, SLOW)).toBeTruthy();
    expect(screen.queryByText(/chưa được phân công/)).toBeNull();
    view.unmount();
    renderApp(principal, `/assessment?year=${past.id}`);
    expect(await screen.findByText(`Năm học ${past.name} chưa có lớp nào`, {}, SLOW)).toBeTruthy();
    expect(screen.queryByText(/chưa được phân công/)).toBeNull();
  });

  it('tells a teacher with no class in a past year that it is that year', async () => {
    renderApp(teacher, `/assessment?year=${past.id}`);
    expect(
      await screen.findByText(`Bạn chưa được phân công lớp nào trong năm học ${past.name}`, {}, SLOW),
    ).toBeTruthy();
  });

  it('writes the lock state beside each switch, not inside it', async () => {
    renderApp(principal, '/assessment/progress?point=GIUA_HK1');
    const toggle = await screen.findByRole('switch', { name: 'Khóa sổ Giữa học kỳ I' }, SLOW);
    await waitFor(() => expect(toggle.getAttribute('aria-busy') ?? 'false').toBe('false'));
    expect(toggle.textContent).toBe('');
    const state = toggle.parentElement!.querySelector('.ts-lock-state')!;
    expect(state.textContent).toBe(toggle.getAttribute('aria-checked') === 'true' ? 'Đã khóa' : 'Đang mở');
  });
});
