/**
 * The Hồ sơ screens against a real server seeded with the demo school: searching without diacritics,
 * the server's field errors on the pupil form, the two-step delete of a class with pupils, and what
 * a teacher (GVCN of 1A only) is shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import { foldForSearch } from '../../../src-shared/domain/vnName';
import { formatIsoDateVn, todayIso } from '../../../src-shared/domain/dates';

/** The first screen of a test waits for the app to start and the session to be checked. */
const SLOW = { timeout: 10_000 };

/** The open dialog that says `text` (a closing one may still be in the page while it fades). */
async function dialogSaying(text: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen
      .getAllByRole('dialog')
      .find((d) => (typeof text === 'string' ? d.textContent?.includes(text) : text.test(d.textContent ?? '')));
    if (!found) throw new Error(`no dialog saying ${String(text)}`);
    return found;
  });
}

describe('records screens', () => {
  let ts: RendererTestServer;
  let clerk: ProcedureClient;
  let teacher: ProcedureClient;
  let class1A: { id: number; name: string };
  let birthYear: number;

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    clerk = await signIn(ts, 'clerk', DEMO_PASSWORD);
    teacher = await signIn(ts, 'teacher', DEMO_PASSWORD);
    const { rows } = await clerk.get('records.classes.list', {});
    class1A = rows.find((c) => c.name === '1A')!;
    const { years } = await clerk.get('school.years.list', {});
    // A first-grader of the current school year turns six in its first calendar year.
    birthYear = Number(years.find((y) => y.isCurrent)!.startDate.slice(0, 4)) - 6;
  }, 60_000);
  afterAll(() => ts.close());

  it('finds pupils by name typed without diacritics, and only those', async () => {
    // Two pupils whose names differ only by their diacritics and a third that must not match.
    for (const fullName of ['Lường Thị Ngọc Ánh', 'Luong Thi Ngoc Anh', 'Lương Thị Ngọc Ánh Dương']) {
      await clerk.get('records.pupils.create', {
        fullName,
        sex: 'female',
        birthDate: `${birthYear}-03-08`,
        religion: '',
        disabilityType: '',
        policyGroup: '',
        classId: class1A.id,
      });
    }
    const user = setupUser();
    renderApp(clerk, '/records/pupils');
    await screen.findByRole('heading', { name: 'Học sinh' }, SLOW);
    const search = screen.getByRole('searchbox', { name: 'Tìm học sinh' });
    await user.type(search, 'luong thi ngoc anh{Enter}');

    await waitFor(() => expect(screen.getByText('3 học sinh')).toBeTruthy(), SLOW);
    const table = screen.getByRole('table');
    const names = within(table)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(names.sort()).toEqual(['Luong Thi Ngoc Anh', 'Lương Thị Ngọc Ánh Dương', 'Lường Thị Ngọc Ánh'].sort());
    // Every row shown matches the query (the server folds both sides).
    for (const name of names) expect(foldForSearch(name!)).toContain('luong thi ngoc anh');

    // The search box keeps the focus for the next query, and diacritics in the query are folded too.
    expect(document.activeElement).toBe(search);
    await user.clear(search);
    // Five words: no three-word demo name can match them all.
    await user.type(search, 'LƯƠNG thị NGỌC Ánh DƯƠNG{Enter}');
    await waitFor(() => expect(screen.getByText('1 học sinh')).toBeTruthy(), SLOW);
    expect(within(screen.getByRole('table')).getByRole('link', { name: 'Lương Thị Ngọc Ánh Dương' })).toBeTruthy();
  });

  it('keeps the search and filters in the address, so coming back shows the same list', async () => {
    renderApp(clerk, `/records/pupils?q=${encodeURIComponent('ngoc anh')}&class=${class1A.id}&sort=name`);
    await waitFor(() => expect(screen.getByText('3 học sinh')).toBeTruthy(), SLOW);
    expect((screen.getByRole('searchbox', { name: 'Tìm học sinh' }) as HTMLInputElement).value).toBe('ngoc anh');
    expect(screen.getByText('Theo tên')).toBeTruthy();
  });

  it('shows the server’s complaint about a 12-digit ID under the field, and adds nothing', async () => {
    const user = setupUser();
    renderApp(clerk, '/records/pupils/new');
    await screen.findByRole('heading', { name: 'Thêm học sinh' }, SLOW);
    // The first field has the focus.
    const fullName = screen.getByLabelText('Họ và tên');
    await waitFor(() => expect(document.activeElement).toBe(fullName));

    await user.type(fullName, 'Tạ Minh Khôi');
    await user.click(screen.getByLabelText('Nam'));
    await user.type(screen.getByLabelText('Ngày sinh'), `12/10/${birthYear}{Enter}`);
    await user.click(screen.getByLabelText('Lớp'));
    await user.click(await screen.findByRole('option', { name: 'Lớp 1A' }));
    // Twelve digits, a real province, but the 4th digit says "female born in the 2000s": the form's own
    // check (12 digits) passes, the server's does not.
    const personalId = `001${3}${String(birthYear % 100).padStart(2, '0')}123456`;
    await user.type(screen.getByLabelText('Số định danh cá nhân'), personalId);
    await user.click(screen.getByRole('button', { name: 'Thêm học sinh' }));
    const complaint = await screen.findByText(`Số định danh cá nhân ${personalId} không khớp giới tính (chữ số thứ 4)`);
    // Under the field itself, not in a banner.
    expect(complaint.closest('.ant-form-item')?.contains(screen.getByLabelText('Số định danh cá nhân'))).toBe(true);
    const { total } = await clerk.get('records.pupils.list', { search: 'ta minh khoi', status: 'all' });
    expect(total).toBe(0);

    // A wrong length is caught on the form already, without asking the server.
    await user.clear(screen.getByLabelText('Số định danh cá nhân'));
    await user.type(screen.getByLabelText('Số định danh cá nhân'), '00120');
    await user.click(screen.getByRole('button', { name: 'Thêm học sinh' }));
    expect(await screen.findByText('Số định danh cá nhân phải gồm đúng 12 chữ số')).toBeTruthy();

    // Corrected (male, born in the 2000s: 2), the pupil is added and their profile opens.
    await user.clear(screen.getByLabelText('Số định danh cá nhân'));
    await user.type(
      screen.getByLabelText('Số định danh cá nhân'),
      `0012${String(birthYear % 100).padStart(2, '0')}123456`,
    );
    await user.click(screen.getByRole('button', { name: 'Thêm học sinh' }));
    expect(await screen.findByRole('heading', { name: 'Tạ Minh Khôi' })).toBeTruthy();
    expect(screen.getByText('Quá trình học')).toBeTruthy();
  });

  it('records a drop-out with its reason in the status history, then takes the pupil back', async () => {
    const class2A = (await clerk.get('records.classes.list', {})).rows.find((c) => c.name === '2A')!;
    const pupil = await clerk.get('records.pupils.create', {
      fullName: 'Đoàn Thị Quỳnh Như',
      sex: 'female',
      birthDate: `${birthYear - 1}-07-14`,
      religion: '',
      disabilityType: '',
      policyGroup: '',
      classId: class2A.id,
    });
    const user = setupUser();
    renderApp(clerk, `/records/pupils/${pupil.id}`);
    await screen.findByRole('heading', { name: 'Đoàn Thị Quỳnh Như' }, SLOW);

    await user.click(screen.getByRole('button', { name: /Thôi học/ }));
    const dropOut = await dialogSaying('Thôi học: Đoàn Thị Quỳnh Như');
    // Nothing is chosen for the clerk: the date is theirs to pick.
    const { years } = await clerk.get('school.years.list', {});
    const yearStart = years.find((y) => y.isCurrent)!.startDate;
    const leaveDate = todayIso() < yearStart ? yearStart : todayIso();
    await user.type(within(dropOut).getByLabelText('Ngày rời trường'), `${formatIsoDateVn(leaveDate)}{Enter}`);
    await user.click(within(dropOut).getByLabelText('Lý do thôi học'));
    await user.click(await screen.findByRole('option', { name: 'Xa trường, đi lại khó khăn' }));
    // The red button comes on once both choices are made.
    await waitFor(() =>
      expect(within(dropOut).getByRole('button', { name: 'Thôi học' })).toHaveProperty('disabled', false),
    );
    await user.click(within(dropOut).getByRole('button', { name: 'Thôi học' }));

    // The event in words: what happened, why, and the sector database's status after it.
    const history = (await screen.findByText('Biến động')).closest('.ant-card') as HTMLElement;
    const row = (await within(history).findByText('Xa trường, đi lại khó khăn')).closest('tr')!;
    expect(within(row).getByText('Thôi học')).toBeTruthy();
    expect(row.textContent).toMatch(/Thôi học (kỳ 1|kỳ 2|trong hè)/);
    expect(row.textContent).toContain('Phạm Thị Lan');
    // No longer at the school: the class actions give way to taking the pupil back.
    expect(screen.queryByRole('button', { name: /Chuyển lớp/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: /Nhận lại/ }));
    const readmit = await dialogSaying('Nhận lại học sinh Đoàn Thị Quỳnh Như');
    await user.click(within(readmit).getByLabelText('Lớp'));
    await user.click(await screen.findByRole('option', { name: 'Lớp 2A' }));
    await user.click(within(readmit).getByRole('button', { name: 'Nhận lại / chuyển đến' }));
    expect(await within(history).findByText('Đi học lại')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Chuyển lớp/ })).toBeTruthy();
    const after = await clerk.get('records.pupils.get', { id: pupil.id });
    expect(after.enrolments.filter((e) => e.endDate === null).map((e) => e.className)).toEqual(['2A']);
  });

  it('moves the pupils selected in the table to another class', async () => {
    const classes = (await clerk.get('records.classes.list', {})).rows;
    const [from, to] = [classes.find((c) => c.name === '3A')!, classes.find((c) => c.name === '3B')!];
    const { rows } = await clerk.get('records.pupils.list', { classId: from.id, limit: 2 });
    const user = setupUser();
    renderApp(clerk, `/records/pupils?class=${from.id}`);
    for (const p of rows)
      await user.click(await screen.findByRole('checkbox', { name: `Chọn học sinh ${p.fullName}` }, SLOW));
    expect(screen.getByText('Đã chọn 2 học sinh')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Chuyển lớp/ }));
    const dialog = await dialogSaying('Chuyển 2 học sinh đã chọn sang lớp khác.');
    await user.click(within(dialog).getByLabelText('Sang lớp'));
    await user.click(await screen.findByRole('option', { name: 'Lớp 3B' }));
    await user.click(within(dialog).getByRole('button', { name: 'Chuyển lớp' }));

    expect(await screen.findByText('Đã chuyển 2 học sinh sang lớp 3B')).toBeTruthy();
    const moved = await clerk.get('records.pupils.list', { classId: to.id, limit: 200 });
    for (const p of rows) expect(moved.rows.map((r) => r.id)).toContain(p.id);
    // The list of 3A no longer shows them, and nothing stays selected.
    await waitFor(() => expect(screen.queryByText(rows[0]!.fullName)).toBeNull());
    expect(screen.queryByText(/Đã chọn/)).toBeNull();
  });

  it('deletes a class with pupils only after the user confirms what will happen', async () => {
    const user = setupUser();
    renderApp(clerk, '/records/classes');
    await screen.findByRole('heading', { name: 'Lớp học' }, SLOW);
    const before = (await clerk.get('records.classes.list', {})).rows.find((c) => c.name === '5C')!;
    expect(before.pupils).toBeGreaterThan(0);

    await user.click(await screen.findByRole('button', { name: 'Xóa lớp 5C' }));
    const first = await dialogSaying('Xóa lớp 5C?');
    await user.click(within(first).getByRole('button', { name: 'Xóa' }));

    // The server said what the delete would do; nothing is deleted yet.
    const second = await dialogSaying(new RegExp(`Lớp 5C đang có ${before.pupils} học sinh`));
    expect(second.textContent).toContain('Vẫn xóa?');
    expect((await clerk.get('records.classes.list', {})).rows.some((c) => c.name === '5C')).toBe(true);

    // A cascade takes the class's name typed in.
    await user.type(within(second).getByRole('textbox', { name: 'Gõ 5C để xác nhận' }), '5C');
    await waitFor(() =>
      expect(within(second).getByRole('button', { name: 'Vẫn xóa' })).toHaveProperty('disabled', false),
    );
    await user.click(within(second).getByRole('button', { name: 'Vẫn xóa' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Xóa lớp 5C' })).toBeNull(), SLOW);
    expect((await clerk.get('records.classes.list', {})).rows.some((c) => c.name === '5C')).toBe(false);
  });

  it('leaves the class alone when the user cancels the second question', async () => {
    const user = setupUser();
    renderApp(clerk, '/records/classes');
    await user.click(await screen.findByRole('button', { name: 'Xóa lớp 5B' }));
    await user.click(within(await dialogSaying('Xóa lớp 5B?')).getByRole('button', { name: 'Xóa' }));
    await user.click(within(await dialogSaying('Lớp 5B đang có')).getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await clerk.get('records.classes.list', {})).rows.some((c) => c.name === '5B')).toBe(true);
  });

  it('shows a teacher only their class, without add, import, edit or delete', async () => {
    renderApp(teacher, '/records/pupils');
    await screen.findByRole('heading', { name: 'Học sinh' }, SLOW);
    await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(2), SLOW);
    const classCells = within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[5]!.textContent);
    expect(new Set(classCells)).toEqual(new Set(['1A']));
    expect(screen.queryByRole('button', { name: /Thêm học sinh/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Nhập từ Excel/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    // Exporting what they see is allowed.
    expect(screen.getByRole('button', { name: /Xuất Excel/ })).toBeTruthy();

    const user = setupUser();
    await user.click(screen.getByRole('link', { name: 'Lớp học' }));
    await screen.findByRole('heading', { name: 'Lớp học' }, SLOW);
    await waitFor(() => expect(screen.getByRole('link', { name: '1A' })).toBeTruthy());
    expect(screen.queryByRole('link', { name: '1B' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Thêm lớp/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Xóa lớp 1A' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sửa lớp 1A' })).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Cán bộ, giáo viên, nhân viên' }));
    await screen.findByRole('heading', { name: 'Cán bộ, giáo viên, nhân viên' });
    expect(screen.queryByRole('button', { name: /Thêm cán bộ/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Nhập từ Excel/ })).toBeNull();

    // Typing the address of the import page does not help either.
    renderApp(teacher, '/records/pupils/import');
    expect(await screen.findByText(/Bạn không có quyền truy cập trang này/)).toBeTruthy();
  });
});
