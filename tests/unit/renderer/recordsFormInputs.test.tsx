/**
 * The pupil form as a clerk types into it (issue 11): dates written the ways people write them are
 * read, a date that does not exist is refused with a message and kept for correcting, nationality is
 * chosen by its Vietnamese name, and the birth date and the sector ID are checked before sending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';

const SLOW = { timeout: 10_000 };

/** The antd form item that holds a field, for the messages under it. */
function itemOf(input: HTMLElement): HTMLElement {
  return input.closest('.ant-form-item') as HTMLElement;
}

describe('pupil form inputs', () => {
  let ts: RendererTestServer;
  let clerk: ProcedureClient;

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    clerk = await signIn(ts, 'clerk', DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => ts.close());

  it('reads dates typed as people write them, and refuses a day that does not exist with a message', async () => {
    const user = setupUser();
    renderApp(clerk, '/records/pupils/new');
    await screen.findByRole('heading', { name: 'Thêm học sinh' }, SLOW);
    const startDate = screen.getByLabelText('Ngày vào lớp') as HTMLInputElement;

    await user.type(startDate, '1/1/2020');
    await user.tab();
    expect(startDate.value).toBe('01/01/2020');

    await user.clear(startDate);
    await user.type(startDate, '01012020{Enter}');
    await waitFor(() => expect(startDate.value).toBe('01/01/2020'));

    await user.clear(startDate);
    await user.type(startDate, '5-9-2021');
    await user.tab();
    expect(startDate.value).toBe('05/09/2021');

    await user.clear(startDate);
    await user.type(startDate, '31/02/2020');
    await user.tab();
    expect(await within(itemOf(startDate)).findByText('Ngày 31/02/2020 không có thật')).toBeTruthy();
    // Kept as typed, for the clerk to correct.
    expect(startDate.value).toBe('31/02/2020');

    await user.clear(startDate);
    await user.type(startDate, 'hôm qua');
    await user.tab();
    expect(
      await within(itemOf(startDate)).findByText('Gõ ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2020'),
    ).toBeTruthy();
    expect(startDate.value).toBe('hôm qua');

    await user.clear(startDate);
    await user.type(startDate, '29/2/2024');
    await user.tab();
    expect(startDate.value).toBe('29/02/2024');
    await waitFor(() => expect(within(itemOf(startDate)).queryByText(/không có thật|Gõ ngày/)).toBeNull());

    // The calendar opens on the month of the date in the field, and a click there fills it.
    await user.click(within(itemOf(startDate)).getByRole('button', { name: 'Chọn ngày trên lịch' }));
    await user.click(await screen.findByTitle('2024-02-15'));
    await waitFor(() => expect(startDate.value).toBe('15/02/2024'));
  });

  it('offers Việt Nam when "Việt" is typed into Quốc tịch, and checks birth date, sex and ID before sending', async () => {
    const user = setupUser();
    renderApp(clerk, '/records/pupils/new');
    await screen.findByRole('heading', { name: 'Thêm học sinh' }, SLOW);

    const nationality = screen.getByLabelText('Quốc tịch');
    // A new pupil is Vietnamese unless the clerk says otherwise.
    expect(itemOf(nationality).textContent).toContain('Việt Nam');
    await user.click(nationality);
    await user.type(nationality, 'Việt');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Việt Nam']);
    await user.clear(nationality);
    await user.type(nationality, 'lao');
    await user.click(await screen.findByRole('option', { name: 'Lào' }));
    expect(itemOf(nationality).textContent).toContain('Lào');

    await user.type(screen.getByLabelText('Họ và tên'), 'Vi Thị Mai');
    await user.type(screen.getByLabelText('Ngày sinh'), '1/1/2030');
    await user.type(screen.getByLabelText('Mã định danh (Bộ GD&ĐT)'), '12345');
    await user.click(screen.getByRole('button', { name: 'Thêm học sinh' }));

    expect(await screen.findByText('Chọn giới tính')).toBeTruthy();
    const birthDate = screen.getByLabelText('Ngày sinh') as HTMLInputElement;
    expect(birthDate.value).toBe('01/01/2030');
    expect(await within(itemOf(birthDate)).findByText('Ngày sinh không thể sau ngày hôm nay')).toBeTruthy();
    expect(await screen.findByText('Mã định danh Bộ GD&ĐT gồm 10–20 chữ số hoặc chữ cái không dấu')).toBeTruthy();
    const { total } = await clerk.get('records.pupils.list', { search: 'vi thi mai', status: 'all' });
    expect(total).toBe(0);
  });
});
