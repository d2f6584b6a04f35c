import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { startRendererServer, type RendererTestServer } from './support/testServer';

describe('first-run wizard', () => {
  let ts: RendererTestServer;

  beforeAll(async () => {
    ts = await startRendererServer();
  });
  afterAll(() => ts.close());

  it('refuses mismatched passwords, then sets the school up and signs the admin in', async () => {
    const user = setupUser();
    renderApp(ts.newClient(), '/');

    await screen.findByRole('heading', { name: 'Thiết lập ban đầu' });
    // In a browser there is no machine-role step: the school's details come first.
    expect(screen.queryByText('Vai trò của máy')).toBeNull();

    // Step: the school. The required fields are checked before moving on.
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect((await screen.findAllByText('Không được để trống')).length).toBeGreaterThan(0);
    await user.type(screen.getByLabelText('Tên trường'), 'Trường Tiểu học Lê Văn Tám');
    await user.type(screen.getByLabelText('Mã trường'), 'LVT01');
    await user.type(screen.getByLabelText('Phòng GDĐT'), 'Phòng GDĐT quận 1');
    // Not a phone number: only the server says so, at the end.
    await user.type(screen.getByLabelText('Điện thoại'), 'không có');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));

    // Step: the year, prefilled for today; dates are shown dd/MM/yyyy.
    const startDate = (await screen.findByLabelText('Ngày bắt đầu năm học')) as HTMLInputElement;
    expect(startDate.value).toMatch(/^05\/09\/\d{4}$/);
    const yearName = screen.getByLabelText('Năm học') as HTMLInputElement;
    expect(yearName.value).toMatch(/^\d{4}-\d{4}$/);
    // Another year's name brings that year's usual dates.
    await user.clear(yearName);
    await user.type(yearName, '2030-2031');
    expect(startDate.value).toBe('05/09/2030');
    expect((screen.getByLabelText('Ngày kết thúc năm học') as HTMLInputElement).value).toBe('31/05/2031');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));

    // Step: the administrator, with two different passwords.
    await user.type(await screen.findByLabelText('Họ và tên'), 'Trần Thị Quản Trị');
    await user.clear(screen.getByLabelText('Tên đăng nhập'));
    await user.type(screen.getByLabelText('Tên đăng nhập'), 'quantri');
    await user.type(screen.getByLabelText('Mật khẩu'), 'mat-khau-1');
    await user.type(screen.getByLabelText('Nhập lại mật khẩu'), 'mat-khau-2');
    await user.click(screen.getByRole('button', { name: 'Hoàn tất thiết lập' }));
    expect(await screen.findByText('Hai mật khẩu không khớp')).toBeTruthy();
    const before = await ts.newClient().get('school.status', {});
    expect(before.initialized).toBe(false);

    await user.clear(screen.getByLabelText('Nhập lại mật khẩu'));
    await user.type(screen.getByLabelText('Nhập lại mật khẩu'), 'mat-khau-1{Enter}');

    // The server refuses the phone number: the wizard goes back to that step and shows why there.
    expect(await screen.findByText('Số điện thoại chỉ gồm chữ số (8–15 số), có thể bắt đầu bằng +')).toBeTruthy();
    const phone = screen.getByLabelText('Điện thoại') as HTMLInputElement;
    expect(phone.value).toBe('không có');
    expect((await ts.newClient().get('school.status', {})).initialized).toBe(false);
    await user.clear(phone);
    await user.type(phone, '028 3829 1234{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Tiếp tục' }));
    // The administrator's entries are still there.
    expect(((await screen.findByLabelText('Họ và tên')) as HTMLInputElement).value).toBe('Trần Thị Quản Trị');
    await user.click(screen.getByRole('button', { name: 'Hoàn tất thiết lập' }));

    expect(
      await screen.findByRole('heading', { name: 'Xin chào, Trần Thị Quản Trị' }, { timeout: 10_000 }),
    ).toBeTruthy();
    const after = await ts.newClient().get('school.status', {});
    expect(after).toMatchObject({ initialized: true, schoolName: 'Trường Tiểu học Lê Văn Tám' });
    // The administrator signs in with the password chosen in the wizard; the details were all sent.
    const admin = ts.newClient();
    admin.setToken((await admin.get('auth.login', { username: 'quantri', password: 'mat-khau-1' })).token);
    const profile = await admin.get('school.profile.get', {});
    expect(profile).toMatchObject({ code: 'LVT01', educationOffice: 'Phòng GDĐT quận 1', phone: '028 3829 1234' });
    const { years } = await admin.get('school.years.list', {});
    expect(years).toMatchObject([
      { name: '2030-2031', startDate: '2030-09-05', endDate: '2031-05-31', isCurrent: true },
    ]);
  });
});
