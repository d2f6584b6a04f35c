/**
 * The Thiết bị & máy tính screen against a real server seeded with the demo school: the summary's
 * pupils per computer, adding a computer (and the figure following), a whole computer room at once with
 * its code clash under the field, the one-click broken/working switch and its undo, and what a teacher
 * is shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';

const SLOW = { timeout: 10_000 };
const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

async function dialogSaying(text: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen
      .getAllByRole('dialog')
      .find((d) => (typeof text === 'string' ? d.textContent?.includes(text) : text.test(d.textContent ?? '')));
    if (!found) throw new Error(`no dialog saying ${String(text)}`);
    return found;
  }, SLOW);
}

/** The prominent figure: the Statistic titled "Số học sinh/máy tính". */
function pupilsPerComputer(): string {
  const title = screen.getByText('Số học sinh/máy tính');
  return title.closest('.ant-statistic')!.querySelector('.ant-statistic-content')!.textContent ?? '';
}

describe('facilities screen', () => {
  let ts: RendererTestServer;
  let clerk: ProcedureClient;
  let teacher: ProcedureClient;

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    clerk = await signIn(ts, 'clerk', DEMO_PASSWORD);
    teacher = await signIn(ts, 'teacher', DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => ts.close());

  it('shows pupils per working teaching computer, and adds a computer that moves the figure', async () => {
    const before = await clerk.get('records.facilities.summary', {});
    expect(before.pupilsPerTeachingComputer).not.toBeNull();
    const user = setupUser();
    renderApp(clerk, '/records/facilities');
    await screen.findByRole('heading', { name: 'Thiết bị & máy tính' }, SLOW);
    expect(pupilsPerComputer()).toBe(vi.format(before.pupilsPerTeachingComputer!));
    expect(
      screen.getByText(
        `${before.pupils} học sinh đang học, ${before.computers.teachingWorking} máy tính dạy học đang hoạt động`,
      ),
    ).toBeTruthy();
    // The Hồ sơ tabs lead here.
    expect(screen.getByRole('link', { name: 'Thiết bị & máy tính' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Thêm máy tính/ }));
    const dialog = await dialogSaying('Mã tài sản');
    await user.type(within(dialog).getByLabelText('Mã tài sản'), 'TH01-37');
    await user.click(within(dialog).getByLabelText('Phòng'));
    await user.click(await screen.findByRole('option', { name: 'TH01 — Phòng Tin học' }, SLOW));
    await user.click(within(dialog).getByRole('button', { name: 'Thêm máy tính' }));

    expect(await screen.findByText('Đã thêm máy tính TH01-37', {}, SLOW)).toBeTruthy();
    const after = await clerk.get('records.facilities.summary', {});
    expect(after.computers.teachingWorking).toBe(before.computers.teachingWorking + 1);
    await waitFor(() => expect(pupilsPerComputer()).toBe(vi.format(after.pupilsPerTeachingComputer!)), SLOW);
    expect(await screen.findByRole('cell', { name: 'TH01-37' }, SLOW)).toBeTruthy();
    const added = (await clerk.get('records.computers.list', {})).rows.find((c) => c.code === 'TH01-37');
    expect(added).toMatchObject({ roomCode: 'TH01', purpose: 'teaching', working: true, kind: 'desktop' });
  });

  it('shows a taken asset code under the field and adds nothing', async () => {
    const user = setupUser();
    renderApp(clerk, '/records/facilities');
    await user.click(await screen.findByRole('button', { name: /Thêm máy tính/ }, SLOW));
    const dialog = await dialogSaying('Mã tài sản');
    await user.type(within(dialog).getByLabelText('Mã tài sản'), 'vp01-01');
    await user.click(within(dialog).getByRole('button', { name: 'Thêm máy tính' }));
    const complaint = await within(dialog).findByText(
      'Mã tài sản VP01-01 đã được dùng cho một máy tính khác',
      {},
      SLOW,
    );
    expect(complaint.closest('.ant-form-item')?.contains(within(dialog).getByLabelText('Mã tài sản'))).toBe(true);
  });

  it('adds a whole computer room at once, and names the codes already taken', async () => {
    const room = await clerk.get('records.rooms.create', {
      code: 'TH02',
      name: 'Phòng Tin học 2',
      type: 'computer_room',
      construction: 'permanent',
      areaM2: null,
      seats: 24,
      hasProjector: false,
      hasInternet: true,
      notes: '',
    });
    const user = setupUser();
    renderApp(clerk, '/records/facilities');
    await user.click(await screen.findByRole('button', { name: /Thêm nhiều máy cho một phòng/ }, SLOW));
    const dialog = await dialogSaying('Thêm nhiều máy tính cho một phòng');
    await user.click(within(dialog).getByLabelText('Phòng nhận máy'));
    await user.click(await screen.findByRole('option', { name: 'TH02 — Phòng Tin học 2' }, SLOW));
    const count = within(dialog).getByLabelText('Số máy');
    await user.clear(count);
    await user.type(count, '24');
    await user.type(within(dialog).getByLabelText('Bắt đầu từ số'), '1');
    expect(within(dialog).getByText('Các máy sẽ có mã TH02-01 … TH02-24')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Thêm máy' }));
    expect(await screen.findByText('Đã thêm 24 máy tính: TH02-01 … TH02-24', {}, SLOW)).toBeTruthy();
    expect((await clerk.get('records.computers.list', { roomId: room.id })).rows).toHaveLength(24);

    // Again from 20: the clash is told under the start number, and nothing is added.
    await user.click(screen.getByRole('button', { name: /Thêm nhiều máy cho một phòng/ }));
    const again = await dialogSaying('Thêm nhiều máy tính cho một phòng');
    await user.click(within(again).getByLabelText('Phòng nhận máy'));
    await user.click(await screen.findByRole('option', { name: 'TH02 — Phòng Tin học 2' }, SLOW));
    await user.clear(within(again).getByLabelText('Số máy'));
    await user.type(within(again).getByLabelText('Số máy'), '6');
    await user.type(within(again).getByLabelText('Bắt đầu từ số'), '20');
    await user.click(within(again).getByRole('button', { name: 'Thêm máy' }));
    expect(await within(again).findByText(/Có 5 mã tài sản đã được dùng: TH02-20, TH02-21/, {}, SLOW)).toBeTruthy();
    expect((await clerk.get('records.computers.list', { roomId: room.id })).rows).toHaveLength(24);
  });

  it('switches a computer to broken in one click, and undoes it', async () => {
    const user = setupUser();
    renderApp(clerk, '/records/facilities');
    const toggle = await screen.findByRole('switch', { name: 'Máy TH01-01 đang hoạt động' }, SLOW);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    await user.click(toggle);
    expect(await screen.findByText('Đã ghi nhận máy TH01-01 bị hỏng', {}, SLOW)).toBeTruthy();
    const working = async () =>
      (await clerk.get('records.computers.list', {})).rows.find((c) => c.code === 'TH01-01')!.working;
    expect(await working()).toBe(false);
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: 'Máy TH01-01 đang hoạt động' }).getAttribute('aria-checked')).toBe(
        'false',
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    expect(await screen.findByText('Đã hoàn tác: máy TH01-01 trở lại như trước', {}, SLOW)).toBeTruthy();
    expect(await working()).toBe(true);
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: 'Máy TH01-01 đang hoạt động' }).getAttribute('aria-checked')).toBe(
        'true',
      ),
    );
  });

  it('adds an equipment line on its tab', async () => {
    const user = setupUser();
    renderApp(clerk, '/records/facilities?tab=equipment');
    await user.click(await screen.findByRole('button', { name: /Thêm thiết bị/ }, SLOW));
    const dialog = await dialogSaying('Tên thiết bị');
    await user.type(within(dialog).getByLabelText('Tên thiết bị'), 'Loa kéo di động');
    await user.click(within(dialog).getByLabelText('Loại'));
    await user.click(await screen.findByRole('option', { name: 'Khác' }, SLOW));
    const quantity = within(dialog).getByLabelText('Số lượng');
    await user.clear(quantity);
    await user.type(quantity, '2');
    await user.click(within(dialog).getByRole('button', { name: 'Thêm thiết bị' }));
    expect(await screen.findByText('Đã thêm thiết bị Loa kéo di động', {}, SLOW)).toBeTruthy();
    const item = (await clerk.get('records.equipment.list', { roomId: null })).rows.find(
      (e) => e.name === 'Loa kéo di động',
    );
    expect(item).toMatchObject({ category: 'other', quantity: 2, condition: 'good', roomId: null });
  });

  it('shows a teacher the figures and lists, without add, switch, edit or delete', async () => {
    renderApp(teacher, '/records/facilities');
    await screen.findByRole('heading', { name: 'Thiết bị & máy tính' }, SLOW);
    expect(screen.getByText('Số học sinh/máy tính')).toBeTruthy();
    expect(await screen.findByRole('cell', { name: 'TH01-01' }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Thêm máy tính/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Thêm nhiều máy/ })).toBeNull();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sửa máy tính TH01-01' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Xóa máy tính TH01-01' })).toBeNull();
    // Exporting what they see is allowed.
    expect(screen.getByRole('button', { name: /Xuất Excel/ })).toBeTruthy();
  });
});
