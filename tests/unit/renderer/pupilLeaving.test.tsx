/**
 * Irreversible record changes need the user's own input, against a real server with the demo school:
 * the transfer dialog opens empty and its red button works only once the date and the destination are
 * chosen; the same day, the pupil page offers the undo; a cascade delete asks for the class's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import { formatIsoDateVn } from '../../../src-shared/domain/dates';
import { typedPhraseMatches } from '../../../src-renderer/office/common/useTypedConfirm';

const SLOW = { timeout: 15_000 };

describe('leaving and deleting take the user’s own choices', () => {
  let ts: RendererTestServer;
  let clerk: ProcedureClient;
  let leaveDate: string;
  let yearId: number;

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    clerk = await signIn(ts, 'clerk', DEMO_PASSWORD);
    const { years } = await clerk.get('school.years.list', {});
    const current = years.find((y) => y.isCurrent)!;
    leaveDate = current.term1End;
    yearId = current.id;
  }, 60_000);
  afterAll(() => ts.close());

  it('the transfer dialog opens empty, stays off until chosen, and the transfer can be undone the same day', async () => {
    const class2B = (await clerk.get('records.classes.list', {})).rows.find((c) => c.name === '2B')!;
    const [pupil] = (await clerk.get('records.pupils.list', { classId: class2B.id, limit: 1 })).rows;
    const user = setupUser();
    renderApp(clerk, `/records/pupils/${pupil!.id}`);
    await screen.findByRole('heading', { name: pupil!.fullName }, SLOW);
    await user.click(screen.getByRole('button', { name: /Chuyển đi$/ }));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    const ok = () => within(dialog).getByRole('button', { name: 'Chuyển đi' });

    expect(within(dialog).getByLabelText('Ngày rời trường')).toHaveProperty('value', '');
    expect(dialog.textContent).toContain('Chọn nơi chuyển đến');
    expect(dialog.textContent).not.toContain('Trong tỉnh');
    expect(ok()).toHaveProperty('disabled', true);

    await user.type(within(dialog).getByLabelText('Ngày rời trường'), `${formatIsoDateVn(leaveDate)}{Enter}`);
    expect(ok()).toHaveProperty('disabled', true);
    expect((await clerk.get('records.pupils.get', { id: pupil!.id })).status).toBe('01');

    await user.click(within(dialog).getByRole('combobox', { name: 'Nơi chuyển đến' }));
    await user.click(await screen.findByTitle('Ngoài tỉnh'));
    await waitFor(() => expect(ok()).toHaveProperty('disabled', false));
    await user.click(ok());
    await screen.findByText(`Đã ghi nhận học sinh ${pupil!.fullName} chuyển đi`, {}, SLOW);
    const gone = await clerk.get('records.pupils.get', { id: pupil!.id });
    expect(gone).toMatchObject({ status: '04', statusDate: leaveDate });
    expect(gone.events[0]).toMatchObject({ kind: 'transfer_out', reason: '02', date: leaveDate });

    await user.click(await screen.findByRole('button', { name: /Hoàn tác chuyển đi$/ }, SLOW));
    const confirm = await screen.findByRole('dialog', {}, SLOW);
    expect(confirm.textContent).toContain('lớp 2B');
    await user.click(within(confirm).getByRole('button', { name: 'Hoàn tác chuyển đi' }));
    await screen.findByText(`Đã hoàn tác: học sinh ${pupil!.fullName} trở lại như trước`, {}, SLOW);
    await waitFor(() => expect(screen.queryByRole('button', { name: /Hoàn tác chuyển đi$/ })).toBeNull(), SLOW);
    expect(await screen.findByText('Đã hoàn tác', {}, SLOW)).toBeTruthy();
    const back = await clerk.get('records.pupils.get', { id: pupil!.id });
    expect(back.status).toBe('01');
    expect(back.enrolments[0]).toMatchObject({ className: '2B', endDate: null, exit: null });
  }, 60_000);

  it('takes the typed word without regard to case or diacritics, and nothing less', () => {
    expect(typedPhraseMatches('xoa', 'XÓA')).toBe(true);
    expect(typedPhraseMatches(' Xóa ', 'XÓA')).toBe(true);
    expect(typedPhraseMatches('5c', '5C')).toBe(true);
    expect(typedPhraseMatches('xo', 'XÓA')).toBe(false);
    expect(typedPhraseMatches('5', '5C')).toBe(false);
    expect(typedPhraseMatches('', '')).toBe(false);
  });

  it('deleting a class with pupils asks for the class’s name before the cascade', async () => {
    const made = await clerk.get('records.classes.create', { schoolYearId: yearId, name: '5X', grade: 5 });
    await clerk.get('records.pupils.create', {
      fullName: 'Trần Thị Mai',
      sex: 'female',
      birthDate: '2015-05-05',
      ethnicity: '01',
      religion: '',
      disabilityType: '',
      policyGroup: '',
      guardians: [],
      classId: made.id,
    });
    const user = setupUser();
    renderApp(clerk, '/records/classes');
    await user.click(await screen.findByRole('button', { name: 'Xóa lớp 5X' }, SLOW));
    const first = await screen.findByRole('dialog', {}, SLOW);
    await user.click(within(first).getByRole('button', { name: 'Xóa' }));
    const typed = await screen.findByRole('textbox', { name: 'Gõ 5X để xác nhận' }, SLOW);
    const dialog = typed.closest<HTMLElement>('[role="dialog"]')!;
    const go = () => within(dialog).getByRole('button', { name: 'Vẫn xóa' });
    expect(go()).toHaveProperty('disabled', true);
    await user.type(typed, '5');
    expect(go()).toHaveProperty('disabled', true);
    await user.type(typed, 'x');
    await waitFor(() => expect(go()).toHaveProperty('disabled', false));
    await user.click(go());
    await screen.findByText('Đã xóa', {}, SLOW);
    const left = (await clerk.get('records.classes.list', {})).rows.map((c) => c.name);
    expect(left).not.toContain('5X');
  }, 60_000);
});
