/**
 * The Y tế học đường screens against a real server with the demo school: the nurse's entry grid
 * (typing shows BMI and band, Enter saves the row and moves down, a wrong number is named in its row),
 * the read-only pupil page of the principal, and the menu and records screens of a clerk, who must not
 * see health data anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { renderApp, setupUser } from './support/renderApp';
import { signedInAs, signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import { todayIso } from '../../../src-shared/domain/dates';
import { ageInMonths, bmiAtZ } from '../../../src-shared/domain/growth';

const SLOW = { timeout: 10_000 };

describe('school health screens', () => {
  let ts: RendererTestServer;
  let clerk: ProcedureClient;
  let principal: ProcedureClient;
  let nurse: ProcedureClient;
  let class1A: { id: number };
  let pupil: { id: number; birthDate: string };

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    const admin = await signIn(ts, 'admin', DEMO_PASSWORD);
    clerk = await signIn(ts, 'clerk', DEMO_PASSWORD);
    principal = await signIn(ts, 'principal', DEMO_PASSWORD);
    nurse = await signedInAs(ts, admin, {
      username: 'yte.hoa',
      fullName: 'Đỗ Thị Hoa',
      role: 'medical',
      password: 'y-te-pass-1',
    });
    class1A = (await clerk.get('records.classes.list', {})).rows.find((c) => c.name === '1A')!;
    const { years } = await clerk.get('school.years.list', {});
    const birthYear = Number(years.find((y) => y.isCurrent)!.startDate.slice(0, 4)) - 6;
    // A pupil of our own, with no demo check: the row starts empty whatever day the test runs.
    pupil = await clerk.get('records.pupils.create', {
      fullName: 'Lò Văn Ấn',
      sex: 'male',
      birthDate: `${birthYear}-02-10`,
      religion: '',
      disabilityType: '',
      policyGroup: '',
      classId: class1A.id,
    });
  }, 60_000);
  afterAll(() => ts.close());

  it('saves a row of the entry grid on Enter, showing the band as the nurse types', async () => {
    const user = setupUser();
    renderApp(nurse, `/health/classes?class=${class1A.id}`);
    const height = await screen.findByRole('textbox', { name: 'Chiều cao của Lò Văn Ấn' }, SLOW);
    const row = height.closest('tr')!;
    // A weight that puts the boy at about +1.5 SD for his age today: thừa cân.
    const months = ageInMonths(pupil.birthDate, todayIso());
    const weight = (Math.round(bmiAtZ('male', months, 1.5)! * 1.18 ** 2 * 10) / 10).toString().replace('.', ',');

    await user.click(height);
    await user.type(height, '118');
    await user.type(within(row).getByRole('textbox', { name: 'Cân nặng của Lò Văn Ấn' }), weight);
    expect(within(row).getByText('Thừa cân')).toBeTruthy();
    expect(within(row).getByText('Chưa lưu')).toBeTruthy();
    await user.type(within(row).getByRole('textbox', { name: 'Thị lực mắt trái của Lò Văn Ấn' }), '8');
    await user.type(within(row).getByRole('textbox', { name: 'Thị lực mắt phải của Lò Văn Ấn' }), '10/10{Enter}');

    expect(await within(row).findByText('Đã lưu', {}, SLOW)).toBeTruthy();
    // What the server now holds, computed by the server.
    const saved = await nurse.get('health.pupil.get', { pupilId: pupil.id });
    expect(saved.checks).toHaveLength(1);
    expect(saved.checks[0]).toMatchObject({
      date: todayIso(),
      heightCm: 118,
      bmiBand: 'overweight',
      visionLeft: '8/10',
      visionRight: '10/10',
    });
    // The row shows the vision as stored, and the focus went down to the next pupil.
    expect(
      (within(row).getByRole('textbox', { name: 'Thị lực mắt trái của Lò Văn Ấn' }) as HTMLInputElement).value,
    ).toBe('8/10');
    const next = document.activeElement as HTMLInputElement;
    expect(next.getAttribute('aria-label')).toMatch(/^Thị lực mắt phải của /);
    expect(next.closest('tr')).not.toBe(row);

    // A mistyped height is named in its own row, and nothing is sent.
    const nextRow = next.closest('tr')!;
    const nextHeight = within(nextRow).getByRole('textbox', { name: /^Chiều cao của / });
    await user.clear(nextHeight);
    await user.type(nextHeight, '1180{Enter}');
    expect(await within(nextRow).findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('Chiều cao phải từ 80 đến 190 cm'),
    );
    expect(screen.getByRole('button', { name: /Lưu 1 dòng chưa lưu/ })).toBeTruthy();
  });

  it('adds a check from the pupil’s page, showing a taken day under the date, and saves the profile', async () => {
    // Today's check, if the grid test did not already enter it, so this test stands on its own.
    await nurse.call('health.checks.record', { pupilId: pupil.id, date: todayIso(), heightCm: 116, weightKg: 20 });
    const user = setupUser();
    renderApp(nurse, `/health/pupils/${pupil.id}`);
    await screen.findByRole('heading', { name: 'Sức khỏe: Lò Văn Ấn' }, SLOW);
    await user.click(screen.getByRole('button', { name: /Thêm lần khám/ }));
    const dialog = await screen.findByRole('dialog');
    // The dialog puts the focus on its first field once it has opened: typing before that would race it.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('Ngày khám')), SLOW);
    await user.type(within(dialog).getByLabelText('Chiều cao (cm)'), '117,5');
    await user.type(within(dialog).getByLabelText('Cân nặng (kg)'), '21');
    expect(await within(dialog).findByText('Bình thường', {}, SLOW)).toBeTruthy();
    // Today already has the check entered in the grid: the server says so, under the date.
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    const taken = await within(dialog).findByText(
      'Học sinh Lò Văn Ấn đã có lần khám trong ngày này; hãy sửa lần khám đó',
    );
    expect(taken.closest('.ant-form-item')?.contains(within(dialog).getByLabelText('Ngày khám'))).toBe(true);
    const date = within(dialog).getByLabelText('Ngày khám');
    await user.clear(date);
    await user.type(date, `${dayjs(todayIso()).subtract(1, 'day').format('DD/MM/YYYY')}{Enter}`);
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(async () =>
      expect((await nurse.get('health.pupil.get', { pupilId: pupil.id })).checks).toHaveLength(2),
    );

    // The profile: a card number of the wrong shape is refused on the form, a right one saved.
    const card = screen.getByLabelText('Số thẻ BHYT');
    await user.type(card, 'HS40101');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText(/2 chữ cái và 13 chữ số/)).toBeTruthy();
    await user.type(card, '00123456');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu hồ sơ sức khỏe')).toBeTruthy();
    expect((await nurse.get('health.pupil.get', { pupilId: pupil.id })).profile).toMatchObject({
      insuranceNumber: 'HS4010100123456',
      version: 1,
    });
  });

  it('shows the principal a pupil’s health page without edit controls', async () => {
    renderApp(principal, `/health/pupils/${pupil.id}`);
    expect(await screen.findByRole('heading', { name: 'Sức khỏe: Lò Văn Ấn' }, SLOW)).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Thừa cân')).toBeTruthy());
    expect(screen.getByRole('img', { name: 'Biểu đồ z-score BMI theo tuổi của Lò Văn Ấn' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Thêm lần khám/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Sửa lần khám/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lưu' })).toBeNull();
  });

  it('gives the nurse the Y tế menu and keeps it, and every link to health data, from a clerk', async () => {
    renderApp(nurse, '/');
    const nurseNav = await screen.findByRole('navigation', { name: 'Menu chính' }, SLOW);
    expect(nurseNav.textContent).toContain('Y tế học đường');
    cleanup();

    renderApp(clerk, '/');
    const nav = await screen.findByRole('navigation', { name: 'Menu chính' }, SLOW);
    expect(nav.textContent).toContain('Hồ sơ');
    expect(nav.textContent).not.toContain('Y tế học đường');
    expect(screen.queryByText('Y tế học đường')).toBeNull();
  });

  it('shows a clerk the pupil’s record without a health link', async () => {
    renderApp(clerk, `/records/pupils/${pupil.id}`);
    expect(await screen.findByRole('heading', { name: 'Lò Văn Ấn' }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Sức khỏe/ })).toBeNull();
  });

  it('refuses a clerk the health pages', async () => {
    renderApp(clerk, `/health/pupils/${pupil.id}`);
    expect(await screen.findByText(/Bạn không có quyền truy cập trang này/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByText('Thừa cân')).toBeNull();
  });

  it('writes every height and weight with one decimal, never "22" beside "21,5"', async () => {
    const day = dayjs(todayIso()).subtract(3, 'day').format('YYYY-MM-DD');
    await nurse.call('health.checks.record', { pupilId: pupil.id, date: day, heightCm: 118, weightKg: 22 });
    renderApp(principal, `/health/pupils/${pupil.id}`);
    await screen.findByRole('heading', { name: 'Sức khỏe: Lò Văn Ấn' }, SLOW);
    const row = (await screen.findByText(dayjs(day).format('DD/MM/YYYY'), {}, SLOW)).closest('tr')!;
    expect(within(row).getByText('118,0')).toBeTruthy();
    expect(within(row).getByText('22,0')).toBeTruthy();
    cleanup();

    // The class's table of latest checks says it the same way.
    const { rows } = await principal.get('health.checks.list', { classId: class1A.id });
    const latest = rows.find((r) => r.pupil.id === pupil.id)!.latest!;
    renderApp(principal, `/health/classes?class=${class1A.id}`);
    const cell = (await screen.findByText('Lò Văn Ấn', {}, SLOW)).closest('tr')!;
    const oneDecimal = (v: number) => v.toFixed(1).replace('.', ',');
    expect(within(cell).getByText(oneDecimal(latest.heightCm!))).toBeTruthy();
    expect(within(cell).getByText(oneDecimal(latest.weightKg!))).toBeTruthy();
  });

  it('reads the check date as typed on the class page and refuses a day that does not exist or is to come', async () => {
    const user = setupUser();
    renderApp(nurse, `/health/classes?class=${class1A.id}`);
    await screen.findByRole('textbox', { name: 'Chiều cao của Lò Văn Ấn' }, SLOW);
    const date = screen.getByLabelText('Ngày khám');
    expect((date as HTMLInputElement).value).toBe(dayjs(todayIso()).format('DD/MM/YYYY'));

    await user.clear(date);
    await user.type(date, '31/02/2020{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Ngày 31/02/2020 không có thật');
    expect(date.getAttribute('aria-invalid')).toBe('true');

    await user.clear(date);
    await user.type(date, `${dayjs(todayIso()).add(2, 'day').format('DD/MM/YYYY')}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toBe('Ngày khám không được sau hôm nay');

    const yesterday = dayjs(todayIso()).subtract(1, 'day');
    await user.clear(date);
    await user.type(date, `${yesterday.format('DDMMYYYY')}{Enter}`);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((screen.getByLabelText('Ngày khám') as HTMLInputElement).value).toBe(yesterday.format('DD/MM/YYYY'));
  });
});
