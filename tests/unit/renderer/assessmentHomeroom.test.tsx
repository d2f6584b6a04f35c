/**
 * The GVCN's tabs of the gradebook and the files it prints, against a real server with the demo school:
 * qualities and competences typed and pasted as T/Đ/C, the year-end result confirmed from the proposal
 * with an award only the result allows, the học bạ of a pupil made as a job and downloaded, and the
 * statistics page drawing what the server counted.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import { PERIODIC_POINTS, QUALITY_ITEMS } from '../../../src-shared/domain/tt27';

const SLOW = { timeout: 20_000 };

describe('assessment: the homeroom teacher’s tabs, printing and statistics', () => {
  let ts: RendererTestServer;
  let teacher: ProcedureClient;
  let principal: ProcedureClient;
  let classId: number;
  let schoolYearId: number;

  const qualities = () => teacher.get('assessment.qualities.get', { classId, point: 'CUOI_HK1' });

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    teacher = await signIn(ts, 'teacher', DEMO_PASSWORD);
    principal = await signIn(ts, 'principal', DEMO_PASSWORD);
    const list = await teacher.get('assessment.classes.list', {});
    classId = list.classes.find((c) => c.name === '1A')!.classId;
    schoolYearId = list.schoolYearId;
    // Open points and the first three pupils' qualities unrated, whatever the demo entered by today.
    for (const point of PERIODIC_POINTS) {
      await principal.get('assessment.locks.set', { schoolYearId, point, locked: false, reason: 'Chuẩn bị kiểm thử' });
    }
    for (const row of (await qualities()).rows.slice(0, 3)) {
      for (const item of QUALITY_ITEMS) {
        const cell = row.cells[item.key];
        if (!cell || cell.level === null) continue;
        await principal.get('assessment.qualities.save', {
          classId,
          point: 'CUOI_HK1',
          pupilId: row.pupilId,
          item: item.key,
          level: null,
          version: cell.version,
        });
      }
    }
  }, 120_000);
  afterAll(() => ts.close());
  afterEach(() => vi.restoreAllMocks());

  it('rates qualities and competences with T/Đ/C by keyboard and by paste', async () => {
    const before = await qualities();
    const names = before.rows.map((r) => r.fullName);
    const user = setupUser();
    renderApp(teacher, `/assessment?class=${classId}&tab=qualities&point=CUOI_HK1`);
    const table = await screen.findByRole('table', { name: 'Phẩm chất, năng lực lớp 1A' }, SLOW);
    // The group headings stand above their items.
    expect(within(table).getByRole('columnheader', { name: 'Phẩm chất chủ yếu' }).getAttribute('colspan')).toBe('5');
    expect(within(table).getByRole('columnheader', { name: 'Năng lực đặc thù' }).getAttribute('colspan')).toBe('7');
    const cell = (item: string, i: number) =>
      within(table).getByRole('textbox', { name: `${item} của ${names[i]}` }) as HTMLInputElement;

    await user.click(cell('Yêu nước', 0));
    await user.keyboard('d{Enter}Đạt{Enter}q{Enter}');
    expect(cell('Yêu nước', 0).value).toBe('Đ');
    expect(cell('Yêu nước', 1).value).toBe('Đ');
    expect(cell('Yêu nước', 2).getAttribute('aria-invalid')).toBe('true');
    // A row of three cells pasted from Excel, across the qualities.
    await user.click(cell('Nhân ái', 0));
    await user.paste('T\tĐ\tC\n');
    expect(['Nhân ái', 'Chăm chỉ', 'Trung thực'].map((q) => cell(q, 0).value)).toEqual(['T', 'Đ', 'C']);

    await waitFor(async () => {
      const saved = (await qualities()).rows;
      expect(saved[0]!.cells.yeu_nuoc?.level).toBe('D');
      expect(saved[1]!.cells.yeu_nuoc?.level).toBe('D');
      expect([
        saved[0]!.cells.nhan_ai?.level,
        saved[0]!.cells.cham_chi?.level,
        saved[0]!.cells.trung_thuc?.level,
      ]).toEqual(['T', 'D', 'C']);
    }, SLOW);
    expect((await qualities()).rows[2]!.cells.yeu_nuoc?.level ?? null).toBeNull();
    expect(screen.getByText(/Dòng 3 – .*, Yêu nước: «q» không phải mức đánh giá/)).toBeTruthy();
  });

  it('confirms a year result from the proposal, with the awards the result allows', async () => {
    const { rows } = await teacher.get('assessment.year.get', { classId });
    const pupil = rows.find((r) => r.enrolled)!;
    const user = setupUser();
    renderApp(teacher, `/assessment?class=${classId}&tab=year`);
    const table = await screen.findByRole('table', { name: 'Kết quả cuối năm lớp 1A' }, SLOW);
    // Before the end of the year the sheet says the results are not due, without reasons (assessmentStates).
    if (pupil.reasons.length > 0 && screen.queryByText(/Chưa đến lúc đánh giá cả năm/) === null) {
      const reasons = within(table).getByRole('list', { name: `Lý do của ${pupil.fullName}` });
      expect(reasons.textContent).toContain(pupil.reasons[0]);
    }

    await user.click(within(table).getByRole('combobox', { name: `Kết quả cuối năm của ${pupil.fullName}` }));
    await user.click(await screen.findByRole('option', { name: 'Hoàn thành' }));
    // Học sinh Xuất sắc needs HTXS: not offered for HT.
    await user.click(within(table).getByRole('combobox', { name: `Khen thưởng của ${pupil.fullName}` }));
    const excellent = await screen.findByRole('option', { name: 'Học sinh Xuất sắc' });
    expect(excellent.getAttribute('aria-disabled')).toBe('true');
    await user.click(await screen.findByRole('option', { name: 'Thư khen' }));
    await user.keyboard('{Escape}');
    await user.type(
      within(table).getByRole('textbox', { name: `Nhận xét cuối năm của ${pupil.fullName}` }),
      'Em chăm ngoan, cần luyện viết.',
    );
    await user.click(within(table).getByRole('button', { name: `Lưu kết quả cuối năm của ${pupil.fullName}` }));

    await waitFor(async () => {
      const saved = (await teacher.get('assessment.year.get', { classId })).rows.find(
        (r) => r.pupilId === pupil.pupilId,
      )!;
      expect(saved).toMatchObject({
        result: 'HT',
        awards: ['THU_KHEN'],
        promotion: 'promoted',
        comment: 'Em chăm ngoan, cần luyện viết.',
      });
    }, SLOW);
  });

  it('makes a pupil’s học bạ as a job and offers it for download', async () => {
    const { rows } = await teacher.get('assessment.year.get', { classId });
    const pupil = rows.find((r) => r.enrolled)!;
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:hocba';
      },
      revokeObjectURL: () => {},
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = setupUser();
    renderApp(teacher, `/assessment?class=${classId}&tab=year`);
    const table = await screen.findByRole('table', { name: 'Kết quả cuối năm lớp 1A' }, SLOW);
    await user.click(within(table).getByRole('button', { name: `In học bạ của ${pupil.fullName}` }));

    const job = await screen.findByRole('group', { name: `Học bạ của ${pupil.fullName}` }, SLOW);
    const link = await within(job).findByRole('button', { name: /^Tải về .*\.pdf$/ }, { timeout: 60_000 });
    await user.click(link);
    await waitFor(() => expect(click).toHaveBeenCalled(), SLOW);
    const pdf = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');

    // Straight from here to the principal: trình ký without downloading and uploading again.
    await user.click(within(job).getByRole('button', { name: /^Trình ký «.*\.pdf»$/ }));
    // (antd's ids are fixed under test, so the dialog is found by its role and then its title.)
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(within(dialog).getByText(/^Trình ký «.*\.pdf»$/)).toBeTruthy();
    expect((within(dialog).getByLabelText('Tiêu đề văn bản') as HTMLInputElement).value).toBe(
      `Học bạ của ${pupil.fullName}`,
    );
    await user.type(within(dialog).getByLabelText('Ghi chú cho người ký'), 'Kính trình cô Hiệu trưởng ký.');
    await user.click(within(dialog).getByRole('button', { name: /Trình ký/ }));
    expect(await within(job).findByText(/^Đã trình ký «.*\.pdf»$/, {}, SLOW)).toBeTruthy();
    const { rows: mine } = await teacher.get('documents.list', {});
    expect(mine[0]).toMatchObject({
      title: `Học bạ của ${pupil.fullName}`,
      kind: 'hocba',
      status: 'submitted',
      note: 'Kính trình cô Hiệu trưởng ký.',
    });
  }, 90_000);

  it('draws the statistics the server counted', async () => {
    // A few results of our own, so that there is something to count whatever the date.
    const sheet = await principal.get('assessment.gradebook.get', { classId, subject: 'toan', point: 'GIUA_HK2' });
    for (const [i, level] of (['T', 'T', 'C'] as const).entries()) {
      const row = sheet.rows[i]!;
      await principal.get('assessment.gradebook.save', {
        classId,
        subject: 'toan',
        point: 'GIUA_HK2',
        pupilId: row.pupilId,
        level,
        comment: row.comment,
        version: row.version,
      });
    }
    const stats = await principal.get('assessment.stats', { point: 'GIUA_HK2', grade: 1 });
    const total = { T: 0, H: 0, C: 0 };
    for (const r of stats.rows.filter((r) => r.subject === 'toan')) {
      total.T += r.T;
      total.H += r.H;
      total.C += r.C;
    }
    expect(total.T).toBeGreaterThanOrEqual(2);
    expect(total.C).toBeGreaterThanOrEqual(1);

    const user = setupUser();
    renderApp(principal, '/assessment/stats?point=GIUA_HK2');
    await screen.findByRole('heading', { name: 'Thống kê kết quả đánh giá' }, SLOW);
    await user.click(screen.getByRole('combobox', { name: 'Khối lớp' }));
    await user.click(await screen.findByRole('option', { name: 'Khối 1' }));
    const chart = await screen.findByRole('img', { name: /^Biểu đồ số học sinh .* Khối 1$/ }, SLOW);
    const titles = [...chart.querySelectorAll('rect > title')].map((t) => t.textContent);
    expect(titles).toContain(`Toán – Hoàn thành tốt: ${total.T} học sinh`);
    expect(titles).toContain(`Toán – Hoàn thành: ${total.H} học sinh`);
    expect(titles).toContain(`Toán – Chưa hoàn thành: ${total.C} học sinh`);
    const table = screen.getByRole('table', { name: /^Số học sinh theo mức đạt được – Giữa học kỳ II, Khối 1$/ });
    expect(within(table).getByRole('row', { name: new RegExp(`^Toán ${total.T} `) })).toBeTruthy();
  });
});
