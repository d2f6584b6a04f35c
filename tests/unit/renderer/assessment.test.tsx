/**
 * The Đánh giá screens against a real server with the demo school: the GVCN of 1A fills a level column
 * of the gradebook by keyboard and by pasting from Excel, a wrong value is flagged in its cell and never
 * sent, the test score comes before the level where TT27 prescribes a test, a concurrent save shows the
 * other person's value, a lock makes the sheet read-only, and the principal's progress board counts
 * what was entered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import { PERIODIC_POINTS, type PeriodicPoint } from '../../../src-shared/domain/tt27';

const SLOW = { timeout: 15_000 };

describe('assessment screens', () => {
  let ts: RendererTestServer;
  let teacher: ProcedureClient;
  let principal: ProcedureClient;
  let class1A: { classId: number; schoolYearId: number };
  let yearName: string;

  const sheet = (subject: string, point: PeriodicPoint, client: ProcedureClient = teacher) =>
    client.get('assessment.gradebook.get', { classId: class1A.classId, subject, point });
  const url = (subject: string, point: PeriodicPoint) =>
    `/assessment?class=${class1A.classId}&subject=${subject}&point=${point}`;

  /** The body rows of the sheet, in the class-list order the server gave. */
  async function sheetRows(name: string): Promise<HTMLElement[]> {
    const table = await screen.findByRole('table', { name }, SLOW);
    return within(table).getAllByRole('row').slice(1);
  }
  const cellIn = (row: HTMLElement, label: RegExp) =>
    within(row).getByRole('textbox', { name: label }) as HTMLInputElement;

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    teacher = await signIn(ts, 'teacher', DEMO_PASSWORD);
    principal = await signIn(ts, 'principal', DEMO_PASSWORD);
    const { classes, schoolYearId } = await teacher.get('assessment.classes.list', {});
    const found = classes.find((c) => c.name === '1A')!;
    expect(found.isHomeroom).toBe(true);
    expect(found.subjects.find((s) => s.key === 'toan')?.canEdit).toBe(true);
    class1A = { classId: found.classId, schoolYearId };
    yearName = (await teacher.get('school.years.list', {})).years.find((y) => y.id === schoolYearId)!.name;
    // The demo school has the points already past entered and locked, depending on today's date: the
    // tests start from open points and empty sheets, made so through the procedures themselves.
    for (const point of PERIODIC_POINTS) {
      await principal.get('assessment.locks.set', { schoolYearId, point, locked: false, reason: 'Chuẩn bị kiểm thử' });
    }
    for (const [subject, point] of [
      ['toan', 'GIUA_HK1'],
      ['tieng_viet', 'CUOI_HK1'],
      ['dao_duc', 'GIUA_HK1'],
      ['tn_xh', 'GIUA_HK1'],
      ['toan', 'GIUA_HK2'],
    ] as const) {
      await clearSheet(subject, point);
    }
  }, 120_000);

  async function clearSheet(subject: string, point: PeriodicPoint): Promise<void> {
    for (const r of (await sheet(subject, point, principal)).rows) {
      if (!r.enrolled || (r.level === null && r.score === null && r.retestScore === null && r.comment === '')) continue;
      await principal.get('assessment.gradebook.save', {
        classId: class1A.classId,
        subject,
        point,
        pupilId: r.pupilId,
        level: null,
        score: null,
        retestScore: null,
        comment: '',
        version: r.version,
      });
    }
  }
  afterAll(() => ts.close());

  it('fills the level column by keyboard and by paste, flags a wrong value and does not send it', async () => {
    const before = await sheet('toan', 'GIUA_HK1');
    expect(before.tested).toBe(false);
    const names = before.rows.map((r) => r.fullName);
    const user = setupUser();
    renderApp(teacher, url('toan', 'GIUA_HK1'));
    const rows = await sheetRows('Sổ theo dõi môn Toán lớp 1A');
    // No score column where TT27 prescribes no test.
    expect(screen.queryByRole('columnheader', { name: 'Điểm KTĐK' })).toBeNull();
    const level = (i: number) => cellIn(rows[i]!, /^Mức đạt được của /);
    expect(level(0).getAttribute('aria-label')).toBe(`Mức đạt được của ${names[0]}`);

    // Typing replaces the cell, Enter goes down; "x" is no level.
    await user.click(level(0));
    await user.keyboard('t{Enter}h{Enter}x{Enter}');
    expect(document.activeElement).toBe(level(3));
    expect(level(2).getAttribute('aria-invalid')).toBe('true');
    expect(level(2).title).toContain('«x» không phải mức đạt');
    expect(
      await screen.findByText(
        `Dòng 3 – ${names[2]}, Mức đạt được: «x» không phải mức đạt: gõ T (Hoàn thành tốt), H (Hoàn thành) hoặc C (Chưa hoàn thành)`,
      ),
    ).toBeTruthy();

    // A column pasted from Excel fills down from the cell under the caret, in any spelling of a level.
    await user.paste('C\r\nHoàn thành tốt\r\nh\r\n');
    expect([3, 4, 5].map((i) => level(i).value)).toEqual(['C', 'T', 'H']);
    expect(document.activeElement).toBe(level(3));

    // Escape drops what was typed; Delete clears a saved cell.
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}c{Escape}');
    expect(level(6).value).toBe('');
    await user.keyboard('{ArrowUp}{Delete}');
    expect(level(5).value).toBe('');

    await waitFor(async () => {
      const saved = await sheet('toan', 'GIUA_HK1');
      expect(saved.rows.slice(0, 7).map((r) => r.level)).toEqual(['T', 'H', null, 'C', 'T', null, null]);
    }, SLOW);
    expect(await within(rows[0]!).findByText('Đã lưu', {}, SLOW)).toBeTruthy();
    // The wrong value is still on screen, in red, and still not saved.
    expect(level(2).value).toBe('x');
    expect(within(rows[2]!).getByText('Có ô sai, chưa lưu')).toBeTruthy();

    // Correcting it saves it.
    await user.click(level(2));
    await user.keyboard('c{Enter}');
    await waitFor(async () => expect((await sheet('toan', 'GIUA_HK1')).rows[2]!.level).toBe('C'), SLOW);
    expect(level(2).getAttribute('aria-invalid')).toBeNull();
  });

  it('puts the test score before the level at a tested point and refuses a level without it', async () => {
    const before = await sheet('tieng_viet', 'CUOI_HK1');
    expect(before.tested).toBe(true);
    const user = setupUser();
    renderApp(teacher, url('tieng_viet', 'CUOI_HK1'));
    const rows = await sheetRows('Sổ theo dõi môn Tiếng Việt lớp 1A');
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.indexOf('Điểm KTĐK')).toBeGreaterThan(-1);
    expect(headers.indexOf('Điểm KTĐK')).toBeLessThan(headers.indexOf('Mức đạt được'));
    const score = (i: number) => cellIn(rows[i]!, /^Điểm KTĐK của /);
    const level = (i: number) => cellIn(rows[i]!, /^Mức đạt được của /);

    await user.click(level(0));
    await user.keyboard('T{Enter}');
    expect(level(0).title).toBe(
      'Môn Tiếng Việt có bài kiểm tra định kỳ ở thời điểm này: nhập điểm trước khi nhập mức đạt',
    );
    await user.click(score(0));
    await user.keyboard('7,5{Enter}');
    expect(score(0).title).toBe('Điểm kiểm tra là số nguyên, không cho điểm thập phân');
    await user.click(score(0));
    await user.keyboard('11{Tab}');
    expect(score(0).title).toBe('Điểm kiểm tra phải từ 1 đến 10');
    // Nothing of it reached the server.
    expect((await sheet('tieng_viet', 'CUOI_HK1')).rows[0]).toMatchObject({
      level: null,
      score: null,
      version: before.rows[0]!.version,
    });

    await user.click(score(0));
    await user.keyboard('8{Enter}');
    // Two columns pasted at once: score and level.
    await user.paste('9\tT\n6\th\n');
    await waitFor(async () => {
      const saved = await sheet('tieng_viet', 'CUOI_HK1');
      expect(saved.rows.slice(0, 3).map((r) => [r.score, r.level])).toEqual([
        [8, 'T'],
        [9, 'T'],
        [6, 'H'],
      ]);
    }, SLOW);
    expect(level(0).getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the value someone else saved first when a save conflicts', async () => {
    const before = await sheet('dao_duc', 'GIUA_HK1');
    const first = before.rows[0]!;
    const user = setupUser();
    renderApp(teacher, url('dao_duc', 'GIUA_HK1'));
    const rows = await sheetRows('Sổ theo dõi môn Đạo đức lớp 1A');
    const level = cellIn(rows[0]!, /^Mức đạt được của /);
    // The principal saves the same pupil after the teacher's sheet was loaded.
    await principal.get('assessment.gradebook.save', {
      classId: class1A.classId,
      subject: 'dao_duc',
      point: 'GIUA_HK1',
      pupilId: first.pupilId,
      level: 'C',
      comment: 'Cần cố gắng hơn',
      version: first.version,
    });

    await user.click(level);
    await user.keyboard('T{Enter}');
    const alert = await within(rows[0]!).findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain(`Người khác vừa lưu kết quả của học sinh ${first.fullName}`);
    expect(level.value).toBe('C');
    expect(cellIn(rows[0]!, /^Nhận xét của /).value).toBe('Cần cố gắng hơn');
    expect((await sheet('dao_duc', 'GIUA_HK1')).rows[0]).toMatchObject({ level: 'C', version: first.version + 1 });

    // The sheet now holds the current version: the teacher's next change goes through.
    await user.click(level);
    await user.keyboard('H{Enter}');
    await waitFor(async () => expect((await sheet('dao_duc', 'GIUA_HK1')).rows[0]!.level).toBe('H'), SLOW);
  });

  it('makes an open sheet read-only once the principal locks the point', async () => {
    const user = setupUser();
    renderApp(teacher, url('toan', 'GIUA_HK2'));
    const rows = await sheetRows('Sổ theo dõi môn Toán lớp 1A');
    const level = cellIn(rows[0]!, /^Mức đạt được của /);
    await principal.get('assessment.locks.set', {
      schoolYearId: class1A.schoolYearId,
      point: 'GIUA_HK2',
      locked: true,
    });

    await user.click(level);
    await user.keyboard('T{Enter}');
    expect(
      await screen.findByText(`Đã khóa sổ Giữa học kỳ II năm học ${yearName}: chỉ xem, không sửa được`, {}, SLOW),
    ).toBeTruthy();
    expect(screen.queryAllByRole('textbox', { name: /^Mức đạt được của / })).toHaveLength(0);
    expect((await sheet('toan', 'GIUA_HK2')).rows[0]!.level).toBeNull();
  });

  it('lets the principal unlock with a reason and lock again; the teacher then only reads', async () => {
    const user = setupUser();
    renderApp(principal, '/assessment/progress?point=GIUA_HK2');
    const toggle = await screen.findByRole('switch', { name: 'Khóa sổ Giữa học kỳ II' }, SLOW);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'), SLOW);

    // Unlocking asks why; an empty reason is refused on the form.
    await user.click(toggle);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Mở khóa' }));
    expect(await within(dialog).findByText('Cần ghi lý do mở khóa sổ')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Lý do mở khóa'), 'Sửa điểm nhập nhầm của lớp 1A');
    await user.click(within(dialog).getByRole('button', { name: 'Mở khóa' }));
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'), SLOW);
    const unlocked = await principal.get('assessment.locks.list', { schoolYearId: class1A.schoolYearId });
    expect(unlocked.points.find((p) => p.point === 'GIUA_HK2')?.locked).toBe(false);
    const { rows: audit } = await principal.get('audit.list', { action: 'assessment.locks.set' });
    expect(audit.length).toBeGreaterThanOrEqual(2);

    // Locking asks once.
    await user.click(toggle);
    const confirm = (await screen.findAllByRole('dialog')).find((d) =>
      d.textContent?.includes(`Khóa sổ Giữa học kỳ II năm học ${yearName}?`),
    )!;
    await user.click(within(confirm).getByRole('button', { name: 'Khóa sổ' }));
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'), SLOW);
    const locked = await principal.get('assessment.locks.list', { schoolYearId: class1A.schoolYearId });
    expect(locked.points.find((p) => p.point === 'GIUA_HK2')).toMatchObject({
      locked: true,
      lockedBy: 'Trần Thị Thu Hà',
    });
  });

  it('shows the teacher a locked point read-only from the start', async () => {
    renderApp(teacher, url('toan', 'GIUA_HK2'));
    expect(
      await screen.findByText(`Đã khóa sổ Giữa học kỳ II năm học ${yearName}: chỉ xem, không sửa được`, {}, SLOW),
    ).toBeTruthy();
    await sheetRows('Sổ theo dõi môn Toán lớp 1A');
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
  });

  it('shows the principal the entries made, class by class and subject by subject', async () => {
    // At least one entry (the first test made several), far from all: a partly entered subject.
    const first = (await sheet('toan', 'GIUA_HK1', principal)).rows[0]!;
    if (first.level === null) {
      await principal.get('assessment.gradebook.save', {
        classId: class1A.classId,
        subject: 'toan',
        point: 'GIUA_HK1',
        pupilId: first.pupilId,
        level: 'T',
        version: first.version,
      });
    }
    const toan = await sheet('toan', 'GIUA_HK1', principal);
    const enrolled = toan.rows.filter((r) => r.enrolled);
    const done = enrolled.filter((r) => r.level !== null).length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(enrolled.length);
    renderApp(principal, '/assessment/progress?point=GIUA_HK1');
    const board = await screen.findByRole('table', { name: 'Tiến độ nhập kết quả theo lớp và môn học' }, SLOW);
    const cell = await within(board).findByLabelText(`Toán lớp 1A: đã nhập ${done}/${enrolled.length}`, {}, SLOW);
    expect(cell.textContent).toBe(`${done}/${enrolled.length}`);
    // Partly entered: orange; a subject nobody has started (emptied before the tests): red.
    expect(cell.className).toContain('warning');
    const tnxh = within(board).getByLabelText(`Tự nhiên và Xã hội lớp 1A: đã nhập 0/${enrolled.length}`);
    expect(tnxh.className).toContain('error');
  });
});
